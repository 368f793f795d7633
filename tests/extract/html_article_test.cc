#include <gtest/gtest.h>

#include "extract/article.h"

namespace pressmine::extract {
namespace {

TEST(HtmlArticleTest, TitleAndVisibleBodyTextWithoutScripts) {
  auto a = ExtractFromHtml(
      "<html><head><title>Минздрав: итоги года</title><style>p{}</style></head><body>"
      "<script>var x = 'не текст';</script><h1>Итоги года</h1><p>Коллегия министерства "
      "подвела итоги работы системы здравоохранения за 2025 год.</p><p>Второй абзац.</p>"
      "</body></html>");
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->title, "Минздрав: итоги года");
  ASSERT_GE(a->paragraphs.size(), 3u);
  EXPECT_EQ(a->paragraphs[0], "Итоги года");
  EXPECT_EQ(a->Text().find("не текст"), std::string::npos);
  EXPECT_EQ(a->lang, Language::kRussian);
}

TEST(HtmlArticleTest, MalformedAndEmptyPagesGiveAResultOrAReason) {
  auto broken = ExtractFromHtml("<div><p>Unclosed <b>tags <i>everywhere</div></p>");
  ASSERT_TRUE(broken.ok());
  EXPECT_NE(broken->Text().find("Unclosed tags everywhere"), std::string::npos) << broken->Text();
  auto empty = ExtractFromHtml("<html><body>  </body></html>");
  EXPECT_FALSE(empty.ok());
  std::string deep;
  for (int i = 0; i < 3000; ++i) deep += "<div>";
  deep += "deep text";
  EXPECT_TRUE(ExtractFromHtml(deep).ok());
}

}  // namespace
}  // namespace pressmine::extract
