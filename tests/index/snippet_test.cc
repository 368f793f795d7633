#include "index/snippet.h"

#include <gtest/gtest.h>

#include "index/fts_tokenizer.h"
#include "nlp/translit.h"

namespace pressmine::index {
namespace {

class SnippetTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto t = IndexTokenizer::Create();
    ASSERT_TRUE(t.ok());
    tokenizer_.emplace(std::move(*t));
  }

  std::string Snippet(std::string_view text, const std::string& fts, int tokens = 24) {
    SnippetOptions o;
    o.tokens = tokens;
    o.open = "<";
    o.close = ">";
    o.ellipsis = "...";
    return MakeSnippet(text, SnippetPhrases(fts, *tokenizer_), *tokenizer_, o);
  }

  std::optional<IndexTokenizer> tokenizer_;
};

TEST_F(SnippetTest, PhrasesComeFromTheExpressionAsIndexTokens) {
  const std::string fts =
      "{title text} : ((\"doctors meeting\" OR " + VerbatimFtsString({"встреч", "врач"}) +
      ") AND title : \"ministry\" AND \"vaccin\"* AND title : (\"a\" OR \"b\"))";
  const std::vector<SnippetPhrase> p = SnippetPhrases(fts, *tokenizer_);
  ASSERT_EQ(p.size(), 3u) << "title-only phrases are left out";
  EXPECT_EQ(p[0].tokens, (std::vector<std::string>{"doctor", "meet"}));
  EXPECT_EQ(p[1].tokens, (std::vector<std::string>{"встреч", "врач"}));
  EXPECT_FALSE(p[1].prefix);
  EXPECT_EQ(p[2].tokens, (std::vector<std::string>{"vaccin"}));
  EXPECT_TRUE(p[2].prefix);
}

TEST_F(SnippetTest, MarksPhrasesOnlyWhereTheirWordsAreConsecutive) {
  EXPECT_EQ(Snippet("Maternal care improved. Maternal mortality fell.", "\"maternal mortality\""),
            "Maternal care improved. <Maternal mortality> fell.");
  EXPECT_EQ(Snippet("Вакцинации и вакцинация.", "\"вакцин\"*"), "<Вакцинации> и <вакцинация>.");
}

TEST_F(SnippetTest, NameKeysMarkTheNameInTheOtherScript) {
  auto keyer = nlp::NameKeyer::Create();
  ASSERT_TRUE(keyer.ok());
  const std::string fts = VerbatimFtsString({NameKeyToken(keyer->NameKey("Kadyraliev"))});
  EXPECT_EQ(Snippet("Встречу провел Кадыралиев.", fts), "Встречу провел <Кадыралиев>.");
}

TEST_F(SnippetTest, TheWindowGoesToTheMatchesAndSaysWhatItCut) {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "word" + std::to_string(i) + " ";
  text += "hemodialysis centre opened. ";
  for (int i = 0; i < 40; ++i) text += "tail" + std::to_string(i) + " ";
  const std::string s = Snippet(text, "\"hemodialysis\"", 6);
  EXPECT_EQ(s, "...word38 word39 <hemodialysis> centre opened. tail0...");
  // No match in the text (a title match): the opening words.
  EXPECT_EQ(Snippet("One two three four.", "\"absent\"", 3), "One two three...");
}

}  // namespace
}  // namespace pressmine::index
