#include "index/index_tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "index/fts_tokenizer.h"
#include "nlp/analyzer.h"
#include "nlp/tokenizer.h"
#include "nlp/translit.h"

namespace pressmine::index {
namespace {

struct Position {
  std::string stem, key, text;
};

std::vector<Position> Positions(IndexTokenizer& t, std::string_view text, bool with_keys) {
  std::vector<Position> out;
  const Status st = t.ForEachToken(text, with_keys, [&](const IndexToken& tok) {
    out.push_back({std::string(tok.stem), std::string(tok.key),
                   std::string(text.substr(tok.begin, tok.end - tok.begin))});
    return true;
  });
  EXPECT_TRUE(st.ok()) << st.ToString();
  return out;
}

TEST(IndexTokenizerTest, CachedStemsAreTheStemmersAndKeysGoToNames) {
  auto t = IndexTokenizer::Create();
  ASSERT_TRUE(t.ok());
  auto analyzer = nlp::Analyzer::Create();
  ASSERT_TRUE(analyzer.ok());
  // Every form twice (the second comes from the cache), the same letters in both scripts.
  const std::string text =
      "Врачей врачи врачей, doctors doctor doctors; Кадыралиев Kadyraliev кадыралиев 2 643 2 643";
  std::vector<std::string> expected;
  ASSERT_TRUE(analyzer->Stems(text, &expected).ok());
  for (int pass = 0; pass < 2; ++pass) {
    const std::vector<Position> got = Positions(*t, text, true);
    ASSERT_EQ(got.size(), expected.size());
    for (size_t i = 0; i < got.size(); ++i) EXPECT_EQ(got[i].stem, expected[i]) << got[i].text;
    EXPECT_EQ(got[6].text, "Кадыралиев");
    EXPECT_FALSE(got[6].key.empty());
    EXPECT_EQ(got[6].key, got[7].key) << "one name in both scripts";
    EXPECT_TRUE(got[8].key.empty()) << "lower case is not a name";
    EXPECT_FALSE(got[0].key.empty()) << "any capitalized word may be a name: sentence starts too";
  }
  for (const Position& p : Positions(*t, text, false)) EXPECT_TRUE(p.key.empty()) << p.text;
}

TEST(IndexTokenizerTest, CachedKeysAreTheKeyersWhicheverFormCameFirst) {
  auto t = IndexTokenizer::Create();
  ASSERT_TRUE(t.ok());
  auto keyer = nlp::NameKeyer::Create();
  ASSERT_TRUE(keyer.ok());
  auto words = nlp::Tokenizer::Create();
  ASSERT_TRUE(words.ok());
  // Lower case first (stem cached, key not needed), then capitalized (key computed and cached),
  // then capitalized again (key from the cache); names, sentence starts and a 'key-less' word.
  const std::string text =
      "досмамбетов Досмамбетов Досмамбетов. Жапаров Zhaparov Japarov Жапаров. Ош Ош. "
      "Министр министр Министр; Tokayev's Токаеву Токаеву";
  std::vector<std::string> expected;
  ASSERT_TRUE(words
                  ->ForEachToken(text,
                                 [&](const nlp::TokenView& tok) {
                                   const bool name = tok.capitalized && tok.norm.size() >= 4;
                                   std::string key =
                                       name ? NameKeyToken(keyer->NameKey(tok.norm)) : "";
                                   expected.push_back(key.size() > 3 ? key : "");
                                   return true;
                                 })
                  .ok());
  for (int pass = 0; pass < 2; ++pass) {
    const std::vector<Position> got = Positions(*t, text, true);
    ASSERT_EQ(got.size(), expected.size());
    for (size_t i = 0; i < got.size(); ++i) EXPECT_EQ(got[i].key, expected[i]) << got[i].text;
  }
  EXPECT_EQ(Positions(*t, text, true)[1].key, Positions(*t, text, true)[2].key);
  EXPECT_TRUE(Positions(*t, text, true)[0].key.empty());
}

TEST(IndexTokenizerTest, StemsStayRightWhenTheCacheFillsAndStartsAgain) {
  auto t = IndexTokenizer::Create();
  ASSERT_TRUE(t.ok());
  std::string many;
  for (size_t i = 0; i < IndexTokenizer::kMaxCachedStems + 100; ++i) {
    many += "connection" + std::to_string(i) + " ";
  }
  many += "connections running";
  size_t n = 0;
  std::string last_two;
  ASSERT_TRUE(t->ForEachToken(many, false, [&](const IndexToken& tok) {
                 if (++n > IndexTokenizer::kMaxCachedStems + 100)
                   last_two += std::string(tok.stem) + " ";
                 return true;
               }).ok());
  EXPECT_EQ(n, IndexTokenizer::kMaxCachedStems + 102);
  EXPECT_EQ(last_two, "connect run ");
  EXPECT_EQ(Positions(*t, "Connections connection", false)[0].stem, "connect");
}

}  // namespace
}  // namespace pressmine::index
