// The fact model around the grammars: type names, same-story scores, document offsets (the
// JSON shape is tested with its writer, tests/tools/facts_json_test.cc).
#include <gtest/gtest.h>

#include <filesystem>

#include "base/file.h"
#include "extract/article.h"
#include "tests/extract/facts_test_util.h"

namespace pressmine::extract {
namespace {

using testing::OfType;

TEST(FactModel, TypeNamesRoundTrip) {
  for (FactType t : {FactType::kDate, FactType::kOfficial, FactType::kFigure, FactType::kProgram,
                     FactType::kCommitment}) {
    EXPECT_EQ(ParseFactType(FactTypeName(t)), t);
  }
  EXPECT_FALSE(ParseFactType("person").has_value());
}

TEST(FactModel, DocumentOffsetsPointAtTheEvidence) {
  const std::string text =
      "Минздрав подвёл итоги года.\n\nВ 2025 году младенческая смертность составила 13,5 на 1000 "
      "живорожденных.";
  FactOptions options;
  options.published = "2026-01-28";
  auto facts = testing::Extractor().Extract(text, options);
  ASSERT_TRUE(facts.ok());
  ASSERT_FALSE(facts->empty());
  for (const Fact& f : *facts) {
    EXPECT_EQ(text.substr(f.begin, f.end - f.begin), f.text);
    EXPECT_EQ(f.sentence, 1);
  }
}

TEST(FactModel, SameStoryScoresTranslationsAboveUnrelatedReleases) {
  auto& ex = testing::Extractor();
  FactOptions ru_opt, en_opt;
  ru_opt.published = en_opt.published = "2026-01-26";
  auto ru = ex.Extract(
      "Встречу провели заместители министра Бакытбек Кадыралиев и Темирбек Эркинов. "
      "Обучение прошли 86 медицинских сестёр.",
      ru_opt);
  auto en = ex.Extract(
      "The meeting was chaired by Deputy Ministers Bakytbek Kadyraliev and Temirbek Erkinov. "
      "Some 86 nurses completed the training.",
      en_opt);
  auto other = ex.Extract(
      "Minister Kanaybek Dosmambetov opened a hospital with 120 beds for 3,000 patients.", en_opt);
  ASSERT_TRUE(ru.ok() && en.ok() && other.ok());
  const double pair = SameStoryScore(*ru, "2026-01-26", *en, "2026-01-26");
  const double unrelated = SameStoryScore(*ru, "2026-01-26", *other, "2026-01-26");
  EXPECT_GT(pair, 0.8);
  EXPECT_LT(unrelated, 0.2);
  EXPECT_EQ(SameStoryScore(*ru, "2026-01-26", *en, "2026-03-01"), 0.0);  // too far apart
}

// The bundled sample site (corpora/sites/sample) tells its measles story in both languages,
// «14 случаев» in Russian and "Fourteen cases" in English: the figure is all they share, so the
// number written as a word must meet the digits. 0.5 is tools' kStoryLinkThreshold.
TEST(FactModel, SampleSiteMeaslesReleasesAreOneStory) {
  const std::filesystem::path site =
      std::filesystem::path(PRESSMINE_SOURCE_DIR) / "corpora/sites/sample";
  struct Release {
    Article article;
    std::vector<Fact> facts;
  };
  auto load = [&](const char* path) {
    auto html = ReadFile(site / path);
    EXPECT_TRUE(html.ok()) << path;
    auto article = ExtractFromHtml(html.ok() ? *html : "");
    EXPECT_TRUE(article.ok()) << path;
    Release r{article.ok() ? *article : Article{}, {}};
    FactOptions options;
    options.published = r.article.published;
    auto facts = testing::Extractor().Extract(r.article.Text(), options);
    if (facts.ok()) r.facts = *facts;
    return r;
  };
  const Release ru = load("ru/news/1004.html");
  const Release en = load("en/news/2002.html");
  bool fourteen = false;
  for (const Fact& f : OfType(en.facts, FactType::kFigure))
    fourteen |= f.figure.value == 14 && f.figure.unit == "cases";
  EXPECT_TRUE(fourteen) << en.article.Text();
  EXPECT_GT(SameStoryScore(ru.facts, ru.article.published, en.facts, en.article.published), 0.5);
}

}  // namespace
}  // namespace pressmine::extract

namespace pressmine::extract {
namespace {

// Malformed input must neither crash nor produce evidence outside the text.
TEST(FactModel, OddInputStaysInBounds) {
  const std::string inputs[] = {
      std::string("\xff\xfe 2025 \xd0 году \xe2\x80", 14),
      "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31",
      "99999999999999999999999999999 млн тенге, 1,2,3,4 %, 12.05.2025.2026",
      "с 2024 по 2022 годы, в 9999 году, министр , и , Министр",
      "«»\"\"— — , , ; ; : : ( ) % $ $ $",
      std::string(5000, '9') + " человек",
      "",
  };
  for (const std::string& text : inputs) {
    FactOptions options;
    options.published = "2026-01-28";
    auto facts = testing::Extractor().Extract(text, options);
    ASSERT_TRUE(facts.ok());
    for (const Fact& f : *facts) {
      EXPECT_LE(f.begin, f.end);
      EXPECT_LE(f.end, text.size());
    }
    for (const Fact& f : testing::Extractor().ExtractSentence(text, options))
      EXPECT_LE(f.end, text.size());
  }
}

}  // namespace
}  // namespace pressmine::extract
