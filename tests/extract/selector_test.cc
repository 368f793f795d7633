#include "extract/selector.h"

#include <gtest/gtest.h>

#include "extract/article.h"
#include "extract/gumbo_document.h"

namespace pressmine::extract {
namespace {

constexpr std::string_view kPage = R"(<html><body>
<div id="page" class="layout wide">
  <header><h1 class="site-name">Министерство здравоохранения</h1></header>
  <div class="news-item" data-kind="release">
    <h2 class="news-title">Открыт центр гемодиализа</h2>
    <span class="news-date" data-date="2026-02-03">3 февраля 2026</span>
    <div class="news-text"><p>Первый абзац.</p><div class="share">VK OK Telegram</div><p>Второй абзац.</p></div>
  </div>
  <aside class="related"><a href="/x">Читайте также</a></aside>
</div></body></html>)";

std::vector<std::string> Matches(std::string_view selector) {
  GumboDocument doc(kPage);
  auto sel = Selector::Parse(selector);
  EXPECT_TRUE(sel.ok()) << selector << ": " << sel.status().ToString();
  std::vector<std::string> out;
  if (!sel.ok()) return out;
  for (const GumboNode* n : sel->FindAll(doc.root())) {
    const GumboAttribute* cls = gumbo_get_attribute(&n->v.element.attributes, "class");
    out.push_back(std::string(gumbo_normalized_tagname(n->v.element.tag)) + "." +
                  (cls ? cls->value : ""));
  }
  return out;
}

TEST(SelectorTest, TheSupportedSubsetMatches) {
  using V = std::vector<std::string>;
  EXPECT_EQ(Matches("h2"), V{"h2.news-title"});
  EXPECT_EQ(Matches(".news-date"), V{"span.news-date"});
  EXPECT_EQ(Matches("DIV.news-text"), V{"div.news-text"});
  EXPECT_EQ(Matches("#page .news-item > h2"), V{"h2.news-title"});
  EXPECT_EQ(Matches("#page > h2"), V{}) << "h2 is a grandchild, not a child";
  EXPECT_EQ(Matches("[data-kind=release] span"), V{"span.news-date"});
  EXPECT_EQ(Matches("[data-kind^=rel] [data-date]"), V{"span.news-date"});
  EXPECT_EQ(Matches("div[class~=wide]"), V{"div.layout wide"});
  EXPECT_EQ(Matches("[class*=elat]"), V{"aside.related"});
  EXPECT_EQ(Matches(".share, .related"), (V{"div.share", "aside.related"}));
  EXPECT_EQ(Matches("div"), V{"div.layout wide"}) << "nested matches are not repeated";
  EXPECT_EQ(Matches("section"), V{});
}

TEST(SelectorTest, MalformedSelectorsSayWhereAndWhat) {
  for (auto [text, expected] : std::vector<std::pair<const char*, const char*>>{
           {"", "expected a selector"},
           {".", "a class after '.'"},
           {"div >", "a tag, '*', '#', '.' or '['"},
           {"[data-x", "']' or an operator"},
           {"[a|=b]", "']' or an operator"},
           {"a:hover", "a combinator"},
           {"p,", "a selector after ','"},
           {"[title='x]", "a closing quote"}}) {
    auto sel = Selector::Parse(text);
    ASSERT_FALSE(sel.ok()) << text;
    EXPECT_NE(sel.status().message().find(expected), std::string::npos)
        << text << " -> " << sel.status().message();
  }
}

TEST(SiteRulesTest, RulesOverrideTheGenericChoices) {
  HtmlOptions options;
  options.rules.content = ".news-text";
  options.rules.title = ".news-title";
  options.rules.published = ".news-date";
  options.rules.remove = {".share"};
  auto a = ExtractFromHtml(kPage, options);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->title, "Открыт центр гемодиализа");
  EXPECT_EQ(a->paragraphs, (std::vector<std::string>{"Первый абзац.", "Второй абзац."}));
  EXPECT_EQ(a->published, "2026-02-03");
  EXPECT_EQ(a->date_evidence, "rule:extract.published");
  EXPECT_TRUE(a->warnings.empty());
}

TEST(SiteRulesTest, ARuleThatMatchesNothingFallsBackWithAWarning) {
  HtmlOptions options;
  options.rules.content = ".article-body";  // the site was redesigned
  auto a = ExtractFromHtml(kPage, options);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_NE(a->Text().find("Первый абзац."), std::string::npos);
  ASSERT_FALSE(a->warnings.empty());
  EXPECT_NE(a->warnings[0].find(".article-body"), std::string::npos);
}

TEST(SiteRulesTest, ValidationNamesTheField) {
  SiteRules rules;
  rules.published = "span[";
  Status st = ValidateSiteRules(rules);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("extract.published"), std::string::npos) << st.message();
  EXPECT_TRUE(ValidateSiteRules(SiteRules{}).ok());
}

}  // namespace
}  // namespace pressmine::extract
