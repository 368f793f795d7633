#include "extract/page_dates.h"

#include <gtest/gtest.h>

#include "extract/hints.h"

namespace pressmine::extract {
namespace {

TEST(DateFromUrlTest, PathForms) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"https://24.example.kg/ru/news/2026/01/28/345-minzdrav/", "2026-01-28"},
      {"https://example.kz/news/2025-09-22-selskie-vrachi", "2025-09-22"},
      {"https://example.ru/press/20260115_vaccination.html", "2026-01-15"},
      {"https://example.ru/news/2026/01/", ""},               // a month, not a date
      {"https://example.ru/news/12345?date=2026-01-15", ""},  // the query is not the path
      {"https://example.ru/doc/202601150001", ""},            // a longer number
      {"https://2026-01-15.example.ru/news/1", ""},           // the host is not the path
      {"https://example.ru/news/2026/02/30/x", ""},           // not a calendar day
  };
  for (const auto& [url, iso] : cases) EXPECT_EQ(DateFromUrl(url), iso) << url;
}

TEST(HintsTest, ParagraphKinds) {
  EXPECT_EQ(ClassifyParagraph("VK X OK WhatsApp Telegram"), PhraseKind::kShareBar);
  EXPECT_EQ(ClassifyParagraph("Поделиться: ВКонтакте Одноклассники Telegram"),
            PhraseKind::kShareBar);
  EXPECT_EQ(ClassifyParagraph("Читайте также:"), PhraseKind::kRelated);
  EXPECT_EQ(ClassifyParagraph("READ ALSO"), PhraseKind::kRelated);
  EXPECT_EQ(ClassifyParagraph("Версия для печати"), PhraseKind::kFurniture);
  EXPECT_EQ(ClassifyParagraph("Просмотров: 1 204"), PhraseKind::kFurniture);
  EXPECT_EQ(ClassifyParagraph("Telegram"), PhraseKind::kNone) << "one word may be text";
  EXPECT_EQ(ClassifyParagraph("Минздрав запустил канал в Telegram и WhatsApp"), PhraseKind::kNone);
  EXPECT_EQ(ClassifyParagraph("Просмотров стало больше"), PhraseKind::kNone);
}

TEST(HintsTest, ClassAndIdWords) {
  EXPECT_TRUE(ClassifyAttributes("social-share", "").boilerplate);
  EXPECT_FALSE(ClassifyAttributes("article url-breadcrumb", "").boilerplate);
  EXPECT_TRUE(ClassifyAttributes("sidebar", "").unlikely);
  EXPECT_FALSE(ClassifyAttributes("sidebar main-content", "").unlikely);
  EXPECT_EQ(ClassifyAttributes("news-detail__body", "").weight, 25);
  EXPECT_EQ(ClassifyAttributes("comment", "post").weight, 0);
  EXPECT_FALSE(ClassifyAttributes("header download", "").boilerplate);
}

TEST(HintsTest, DateCues) {
  EXPECT_EQ(CueBefore("Обновлено: "), DateCue::kModified);
  EXPECT_EQ(CueBefore("Last updated "), DateCue::kModified);
  EXPECT_EQ(CueBefore("| Опубликовано "), DateCue::kPublished);
  EXPECT_EQ(CueBefore("Бишкек, "), DateCue::kNone);
}

}  // namespace
}  // namespace pressmine::extract
