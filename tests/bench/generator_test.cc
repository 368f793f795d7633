#include "tools/bench_search/generator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "tools/bench_search/query_set.h"
#include "tools/bench_search/vocabulary.h"

namespace pressmine::bench {
namespace {

// ё is written as е in half the Russian releases: compare with both folded.
std::string FoldYo(std::string s) {
  for (size_t at; (at = s.find("ё")) != std::string::npos;) s.replace(at, 2, "е");
  for (size_t at; (at = s.find("Ё")) != std::string::npos;) s.replace(at, 2, "Е");
  return s;
}

// A form as it may appear at the start of a sentence (Cyrillic or Latin first letter).
std::string Capitalized(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') {
    s[0] = static_cast<char>(s[0] - 32);
  } else if (s.size() >= 2 && static_cast<unsigned char>(s[0]) == 0xD0 &&
             static_cast<unsigned char>(s[1]) >= 0xB0) {  // а..п
    s[1] = static_cast<char>(static_cast<unsigned char>(s[1]) - 0x20);
  } else if (s.size() >= 2 && static_cast<unsigned char>(s[0]) == 0xD1 &&
             static_cast<unsigned char>(s[1]) <= 0x8F) {  // р..я
    s[0] = static_cast<char>(0xD0);
    s[1] = static_cast<char>(static_cast<unsigned char>(s[1]) + 0x20);
  }
  return s;
}

bool ContainsAny(const std::string& text, const std::vector<std::string>& forms) {
  return std::any_of(forms.begin(), forms.end(), [&](const std::string& f) {
    return text.find(f) != std::string::npos || text.find(Capitalized(f)) != std::string::npos;
  });
}

bool HasTag(const GeneratedDoc& d, const std::string& tag) {
  return std::binary_search(d.tags.begin(), d.tags.end(), tag);
}

class GeneratorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto v = Vocabulary::Load();
    ASSERT_TRUE(v.ok()) << v.status().ToString();
    vocabulary_ = std::move(*v);
  }
  CorpusGenerator Make(uint64_t seed, int64_t expected = 3000) {
    GeneratorOptions o;
    o.seed = seed;
    o.expected_docs = expected;
    auto g = CorpusGenerator::Create(vocabulary_, o);
    EXPECT_TRUE(g.ok()) << g.status().ToString();
    return std::move(*g);
  }
  Vocabulary vocabulary_;
};

TEST_F(GeneratorTest, SameSeedSameCorpusAndPrefixesAgree) {
  const auto a = Make(7).Generate(400);
  const auto b = Make(7).Generate(400);
  const auto prefix = Make(7).Generate(150);
  ASSERT_EQ(a.size(), 400u);
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].text, b[i].text) << i;
    EXPECT_EQ(a[i].tags, b[i].tags) << i;
  }
  for (size_t i = 0; i < prefix.size(); ++i) EXPECT_EQ(prefix[i].text, a[i].text) << i;
  const auto other = Make(8).Generate(400);
  int differing = 0;
  for (size_t i = 0; i < a.size(); ++i) differing += a[i].text != other[i].text;
  EXPECT_GT(differing, 350);
}

TEST_F(GeneratorTest, DocumentsAreWellFormedAndDated) {
  const auto docs = Make(1).Generate(3000);
  std::set<std::string> texts;
  std::map<std::string, int> by_lang, by_source;
  for (size_t i = 0; i < docs.size(); ++i) {
    const GeneratedDoc& d = docs[i];
    EXPECT_EQ(d.id, static_cast<int64_t>(i) + 1);
    EXPECT_FALSE(d.title.empty());
    EXPECT_NE(d.text.find("\n\n"), std::string::npos) << "paragraphs";
    EXPECT_EQ(d.text.find('{'), std::string::npos) << "unrendered slot in " << d.text;
    EXPECT_GE(d.published, "2020-01-01");
    EXPECT_LE(d.published, "2026-07-10");
    if (i > 0) {  // chronological within the date jitter
      const std::string& p = docs[i - 1].published;
      const int64_t before = DaysFromCivil(std::stoi(p.substr(0, 4)), std::stoi(p.substr(5, 2)),
                                           std::stoi(p.substr(8, 2)));
      EXPECT_GE(d.published, CivilFromDays(before - 3));
    }
    texts.insert(d.title + d.text);
    ++by_lang[d.lang];
    ++by_source[d.source];
  }
  EXPECT_EQ(texts.size(), docs.size()) << "no two releases are identical";
  EXPECT_GT(by_lang["en"], 400);
  EXPECT_GT(by_lang["ru"], 1500);
  EXPECT_EQ(by_source.size(), vocabulary_.sources.size());
}

// The ground truth is exact: a concept's or a person's words appear in a release if and only if
// the release carries its tag.
TEST_F(GeneratorTest, TagsMatchTheWordsInTheText) {
  const auto docs = Make(2).Generate(1500);
  int checked = 0;
  for (const GeneratedDoc& d : docs) {
    const std::string text = FoldYo(d.title + "\n" + d.text);
    const bool ru = d.lang == "ru";
    for (const Concept& c : vocabulary_.concepts) {
      std::vector<std::string> forms;
      if (ru) {
        for (const std::string& f : c.ru) forms.push_back(FoldYo(f));
      } else {
        forms = c.en;
      }
      EXPECT_EQ(HasTag(d, "c:" + c.id), ContainsAny(text, forms))
          << c.id << " in release " << d.id << ": " << text;
      ++checked;
    }
    for (const Person& p : vocabulary_.persons) {
      std::vector<std::string> forms;
      if (ru) {
        for (const std::string& f : p.surname_ru) forms.push_back(FoldYo(f));
      } else {
        forms = p.surnames_en;
      }
      EXPECT_EQ(HasTag(d, "p:" + p.id), ContainsAny(text, forms)) << p.id << " in release " << d.id;
    }
  }
  EXPECT_GT(checked, 0);
}

TEST_F(GeneratorTest, TranslationsCarryTheSameTagsAndDate) {
  const auto docs = Make(3).Generate(3000);
  int pairs = 0;
  for (size_t i = 1; i < docs.size(); ++i) {
    if (docs[i].story != docs[i - 1].story) continue;
    ++pairs;
    EXPECT_EQ(docs[i - 1].lang, "ru");
    EXPECT_EQ(docs[i].lang, "en");
    EXPECT_EQ(docs[i].tags, docs[i - 1].tags) << docs[i].id;
    EXPECT_EQ(docs[i].published, docs[i - 1].published);
  }
  EXPECT_GT(pairs, 300);
}

// Guards the query set against rules no release can satisfy (a typo in a tag).
TEST_F(GeneratorTest, EveryBenchmarkQueryHasRelevantReleases) {
  auto queries = ParseQuerySet(BenchDataFile("queries.tsv"));
  ASSERT_TRUE(queries.ok()) << queries.status().ToString();
  const auto docs = Make(20260101, 20000).Generate(20000);
  for (const BenchQuery& q : *queries) {
    int relevant = 0;
    for (const GeneratedDoc& d : docs) {
      relevant += q.Relevant(DocTruth{d.id, d.lang, d.source, d.published, d.tags});
    }
    EXPECT_GT(relevant, 0) << q.id;
  }
}

}  // namespace
}  // namespace pressmine::bench
