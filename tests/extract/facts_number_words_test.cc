// extract/facts/number_words: runs of number words read into number tokens.
#include <gtest/gtest.h>

#include "base/file.h"
#include "extract/facts/gazetteer.h"
#include "extract/facts/number_words.h"
#include "extract/facts/tokens.h"

namespace pressmine::extract::facts {
namespace {

// The values of the number tokens read from `text`'s words.
std::vector<double> SpelledNumbers(std::string_view text, Language lang) {
  static const Gazetteer* words = [] {
    auto* g = new Gazetteer;
    static const auto tsv = ReadFile(PRESSMINE_SOURCE_DIR "/corpora/facts/number_words.tsv");
    EXPECT_TRUE(tsv.ok()) << tsv.status().ToString();
    const Status st = g->Load(Cat::kNumberWord, "number_words.tsv", tsv.ok() ? *tsv : "");
    EXPECT_TRUE(st.ok()) << st.ToString();
    return g;
  }();
  std::vector<Tok> toks;
  Tokenize(text, lang, &toks);
  ReadNumberWords(*words, &toks);
  std::vector<double> values;
  for (const Tok& t : toks)
    if (t.spelled) values.push_back(t.value);
  return values;
}

TEST(NumberWords, AOneInAHyphenatedWordIsNotAddedAfterAScale) {
  EXPECT_EQ(SpelledNumbers("A thousand one-time payments were made.", Language::kEnglish),
            std::vector<double>{1000});
  EXPECT_EQ(SpelledNumbers("Two thousand one doses were delivered.", Language::kEnglish),
            std::vector<double>{2001});
}

TEST(NumberWords, AnOrdinalJoinsOnlyANumberEndingInATenOrAHundred) {
  EXPECT_EQ(SpelledNumbers("Зарегистрированы два первых случая кори.", Language::kRussian),
            std::vector<double>{2});
  EXPECT_EQ(SpelledNumbers("The three first patients were discharged.", Language::kEnglish),
            std::vector<double>{3});
  EXPECT_TRUE(
      SpelledNumbers("Зарегистрирован двадцать первый случай.", Language::kRussian).empty());
  EXPECT_TRUE(SpelledNumbers("Открылась сто первая больница.", Language::kRussian).empty());
  EXPECT_TRUE(SpelledNumbers("The twenty-first case.", Language::kEnglish).empty());
}

TEST(NumberWords, OnlyATrueHyphenMakesACompound) {
  EXPECT_EQ(SpelledNumbers("In Naryn\u2014five new cases were registered.", Language::kEnglish),
            std::vector<double>{5});
  EXPECT_EQ(SpelledNumbers("In Naryn\u2013five new cases were registered.", Language::kEnglish),
            std::vector<double>{5});
  EXPECT_TRUE(SpelledNumbers("Under-five mortality fell.", Language::kEnglish).empty());
  EXPECT_TRUE(SpelledNumbers("Under\u2010five mortality fell.", Language::kEnglish).empty());
  EXPECT_EQ(SpelledNumbers("Twenty-three doctors came.", Language::kEnglish),
            std::vector<double>{23});
}

}  // namespace
}  // namespace pressmine::extract::facts
