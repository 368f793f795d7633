#include <gtest/gtest.h>

#include "extract/article.h"

namespace pressmine::extract {
namespace {

TEST(PlainTextTest, DateLineWithTimeRubricAndHeadline) {
  auto a = ExtractFromPlainText(
      " date 2026-03-02 09:40\nЗдоровье\n\nВ Бишкеке открыли центр гемодиализа на 40 мест\n\n"
      "Центр будет принимать пациентов из Чуйской области.\n\nСтроительство заняло два года.\n");
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->published, "2026-03-02T09:40");
  EXPECT_EQ(a->date_evidence, "txt-header");
  EXPECT_EQ(a->title, "В Бишкеке открыли центр гемодиализа на 40 мест");
  ASSERT_EQ(a->paragraphs.size(), 2u);
  EXPECT_EQ(a->paragraphs[0], "Центр будет принимать пациентов из Чуйской области.");
  EXPECT_EQ(a->lang, Language::kRussian);
}

TEST(PlainTextTest, TextContinuesOnTheDateLine) {
  auto a = ExtractFromPlainText(
      " date 2025-11-14 The Ministry of Health launched a vaccination campaign in Osh region.\n\n"
      "More than 12,000 children will be vaccinated by the end of the year.");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->published, "2025-11-14");
  EXPECT_EQ(a->title, "") << "a sentence ending in a period is not a headline";
  ASSERT_EQ(a->paragraphs.size(), 2u);
  EXPECT_EQ(a->paragraphs[0],
            "The Ministry of Health launched a vaccination campaign in Osh region.");
  EXPECT_EQ(a->lang, Language::kEnglish);
}

TEST(PlainTextTest, NoDateLineAndBulletsStaySeparate) {
  auto a = ExtractFromPlainText(
      "Kazakhstan expands rural doctor support\n\n  • Housing loans raised\n  • One-time "
      "payments extended\n\nThe measures apply from January 2026.");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->published, "");
  EXPECT_EQ(a->title, "Kazakhstan expands rural doctor support");
  ASSERT_EQ(a->paragraphs.size(), 3u);
  EXPECT_EQ(a->paragraphs[1], "• One-time payments extended");
}

TEST(PlainTextTest, EmptyAfterDateIsAnError) {
  auto a = ExtractFromPlainText(" date 2026-01-01\n\n  \n");
  EXPECT_FALSE(a.ok());
}

}  // namespace
}  // namespace pressmine::extract
