#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/article.h"
#include "extract/gumbo_document.h"

namespace pressmine::extract {
namespace {

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// A page in the shape of the issue's seed 004: a byline glued to a rubric, share buttons above
// and below, a "Read also" block about football after the article, plus a menu, a cookie
// banner and a footer around it.
const char kNewsPage[] = R"(<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Ministry sums up the year - Vesti.Asia</title>
<meta property="og:title" content="Ministry sums up the year">
<meta property="og:site_name" content="Vesti.Asia">
<meta property="article:published_time" content="2026-01-28T14:35:00+06:00">
<meta property="article:modified_time" content="2026-01-30T09:00:00+06:00">
<script>var tracker = 'Read also: not text';</script></head><body>
<div class="cookie-banner"><p>We use cookies to improve the site. By staying you accept them.</p></div>
<ul class="menu"><li><a href="/politics">Politics</a></li><li><a href="/health">Health</a></li></ul>
<div class="article">
 <h1>Ministry sums up the year</h1>
 <div class="article__info"><a href="/author/1">Sergei Garmash</a> <a href="/rubric/health">Health</a></div>
 <div class="links"><a href="#">VK</a> <a href="#">X</a> <a href="#">OK</a> <a href="#">WhatsApp</a> <a href="#">Telegram</a></div>
 <div class="article__text">
  <p>On January 28, a final meeting was held at the Ministry of Health, where the results of the year were discussed and priorities for 2026 were outlined.</p>
  <figure><img src="board.jpg"><figcaption>The minister at the board meeting. Photo: press service</figcaption></figure>
  <p>According to the press service, the board meeting was chaired by the minister, who presented an analysis of state programs, workforce development and financing.</p>
  <p>Infant mortality decreased to 13.5 per 1,000 live births, a reduction of 4.2% compared to the previous year, the ministry noted.</p>
 </div>
 <div class="tools"><span>VK</span> <span>X</span> <span>OK</span> <span>WhatsApp</span> <span>Telegram</span></div>
 <div class="more"><div class="more__title">Read also:</div>
  <div class="item"><span>Russian Football</span><div>The Italian coach of the national team has included 30 players in the squad for the qualifiers, the federation said on Monday evening.</div></div>
 </div>
</div>
<div class="footer"><p>&copy; 2026 Vesti.Asia. All rights reserved. Reprinting requires a link to the source.</p></div>
</body></html>)";

HtmlOptions WithUrl(std::string url) {
  HtmlOptions options;
  options.url = std::move(url);
  return options;
}

TEST(HtmlArticleTest, NewsPageKeepsTheArticleAndNothingElse) {
  auto a = ExtractFromHtml(kNewsPage, WithUrl("https://vesti.example/en/news/123"));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->title, "Ministry sums up the year");
  ASSERT_EQ(a->paragraphs.size(), 3u) << a->Text();
  EXPECT_TRUE(a->paragraphs[0].starts_with("On January 28, a final meeting"));
  EXPECT_TRUE(a->paragraphs[2].ends_with("the ministry noted."));
  const std::string text = a->Text();
  for (const char* furniture :
       {"Garmash", "VK", "WhatsApp", "Read also", "Football", "Italian coach", "cookies",
        "Politics", "All rights reserved", "tracker", "Photo: press service"}) {
    EXPECT_FALSE(Contains(text, furniture)) << furniture;
  }
  EXPECT_EQ(a->published, "2026-01-28T14:35");
  EXPECT_EQ(a->date_evidence, "meta:article:published_time");
  EXPECT_EQ(a->modified, "2026-01-30T09:00");
  EXPECT_EQ(a->site, "Vesti.Asia");
  EXPECT_EQ(a->lang, Language::kEnglish);
  EXPECT_TRUE(a->warnings.empty());
}

TEST(HtmlArticleTest, TitleIsNotRepeatedAndInvisibleTextIsDropped) {
  auto a = ExtractFromHtml(
      "<html><head><title>Минздрав: итоги года</title><style>p{}</style></head><body>"
      "<script>var x = 'не текст';</script><h1>Минздрав: итоги года</h1>"
      "<p style='display: none'>Скрытый абзац, которого читатель не видит на странице.</p>"
      "<p hidden>Ещё один скрытый абзац, тоже невидимый для читателя страницы.</p>"
      "<p>Коллегия министерства подвела итоги работы системы здравоохранения за 2025 год, "
      "отметив снижение младенческой смертности и рост охвата профилактическими осмотрами.</p>"
      "<p>Второй абзац о задачах на следующий год, включая кадры, лекарства и цифровизацию.</p>"
      "</body></html>");
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->title, "Минздрав: итоги года");
  ASSERT_EQ(a->paragraphs.size(), 2u) << a->Text();
  EXPECT_TRUE(a->paragraphs[0].starts_with("Коллегия министерства"));
  EXPECT_FALSE(Contains(a->Text(), "не текст"));
  EXPECT_FALSE(Contains(a->Text(), "крытый"));
  EXPECT_EQ(a->lang, Language::kRussian);
}

TEST(HtmlArticleTest, LineBreaksTablesAndRelatedBlocks) {
  auto a = ExtractFromHtml(
      "<body><div class='news-text'>Первый абзац сообщения о вакцинации детей в регионах страны, "
      "которая продлится до конца февраля.<br><br>Второй абзац о выездных бригадах, которые будут "
      "работать в отдаленных селах.<table><tr><th>Область</th><th>Дети</th></tr>"
      "<tr><td>Чуйская область</td><td>12 400</td></tr><tr><td>Ошская область</td><td>9 "
      "800</td></tr>"
      "</table>"
      "<h3>Читайте также</h3><p>Минздрав закупил новые автомобили скорой помощи для всех "
      "областей.</p>"
      "</div></body>");
  ASSERT_TRUE(a.ok());
  const std::vector<std::string> want = {
      "Первый абзац сообщения о вакцинации детей в регионах страны, которая продлится до конца "
      "февраля.",
      "Второй абзац о выездных бригадах, которые будут работать в отдаленных селах.",
      "Область | Дети", "Чуйская область | 12 400", "Ошская область | 9 800"};
  EXPECT_EQ(a->paragraphs, want);
}

TEST(HtmlArticleTest, DateLinesAreDroppedButSentencesWithDatesAreNot) {
  auto a = ExtractFromHtml(
      "<body><article><div>Бишкек, 28.01.2026 10:30</div><div>Published Jan 28, 2026 at 10:30 | "
      "Updated at 12:00 on Jan 28, 2026</div><p>Дата проведения конференции — 12 марта 2026 года, "
      "место — Бишкек.</p><p>Министерство здравоохранения приглашает врачей принять участие в "
      "конференции, посвященной первичной медико-санитарной помощи.</p></article></body>");
  ASSERT_TRUE(a.ok());
  ASSERT_EQ(a->paragraphs.size(), 2u) << a->Text();
  EXPECT_TRUE(a->paragraphs[0].starts_with("Дата проведения конференции"));
}

TEST(HtmlArticleTest, MalformedAndEmptyPagesGiveAResultOrAReason) {
  auto broken = ExtractFromHtml("<div><p>Unclosed <b>tags <i>everywhere</div></p>");
  ASSERT_TRUE(broken.ok());
  EXPECT_TRUE(Contains(broken->Text(), "Unclosed tags everywhere")) << broken->Text();
  auto empty = ExtractFromHtml("<html><body>  </body></html>");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().code(), Status::Code::kInvalidArgument);
  EXPECT_FALSE(ExtractFromHtml("").ok());
}

TEST(HtmlArticleTest, DeepNestingIsCutWithAReason) {
  std::string deep = "<p>Text before the nesting is kept in the result.</p>";
  for (int i = 0; i < 3000; ++i) deep += "<div>";
  deep += "deep text";
  auto a = ExtractFromHtml(deep);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_TRUE(Contains(a->Text(), "Text before the nesting")) << a->Text();
  EXPECT_FALSE(Contains(a->Text(), "deep text"));
  ASSERT_EQ(a->warnings.size(), 1u);
  EXPECT_TRUE(Contains(a->warnings[0], "max_nesting_depth")) << a->warnings[0];

  std::string only_deep;
  for (int i = 0; i < 100000; ++i) only_deep += "<div>";
  only_deep += "deep text";
  auto c = ExtractFromHtml(only_deep);
  ASSERT_FALSE(c.ok());
  EXPECT_TRUE(Contains(c.status().message(), "max_nesting_depth")) << c.status().ToString();

  std::string moderate;
  for (int i = 0; i < 1500; ++i) moderate += "<div>";
  moderate += "deep text";
  auto b = ExtractFromHtml(moderate);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->Text(), "deep text");
  EXPECT_TRUE(b->warnings.empty());
}

TEST(HtmlArticleTest, OversizedInputIsTruncatedWithAReason) {
  std::string page = "<p>The first paragraph fits within the limit set for this test.</p>";
  page += "<p>" + std::string(4096, 'x') + "</p>";
  HtmlOptions options;
  options.max_html_bytes = 100;
  auto a = ExtractFromHtml(page, options);
  ASSERT_TRUE(a.ok());
  ASSERT_EQ(a->warnings.size(), 1u);
  EXPECT_TRUE(Contains(a->warnings[0], "max_html_bytes"));
  EXPECT_TRUE(Contains(a->Text(), "The first paragraph"));
  EXPECT_LT(a->Text().size(), 100u);
}

TEST(HtmlArticleTest, DeeplyNestedJsonLdIsHarmless) {
  std::string json = "{\"@type\":\"NewsArticle\",\"datePublished\":\"2026-01-15\",\"author\":";
  for (int i = 0; i < 200000; ++i) json += "{\"name\":";
  json += "\"x\"";
  json += std::string(200000, '}');
  json += "}";
  for (int i = 0; i < 200000; ++i) json += "[";
  auto a = ExtractFromHtml("<head><script type='application/ld+json'>" + json +
                           "</script></head><body><p>Министерство здравоохранения сообщает о "
                           "начале кампании по вакцинации детей.</p></body>");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->published, "2026-01-15");
}

TEST(DepthLimitedPrefixTest, CountsOnlyElementsThatNest) {
  EXPECT_EQ(DepthLimitedPrefix("<div><div><div>x", 3), 16u);
  EXPECT_EQ(DepthLimitedPrefix("<div><div><div>x", 2), 10u);
  // Closed elements, void elements, <p>/<li> (closed by the parser), comments and script
  // bodies do not add depth.
  std::string flat;
  for (int i = 0; i < 100; ++i) flat += "<div></div><br><img src=a><p>a<li>b<!-- <div> -->";
  flat += "<script>if (a<div) {}</script>";
  EXPECT_EQ(DepthLimitedPrefix(flat, 2), flat.size());
}

// One page per date source: (page, url, expected published, expected evidence).
struct DateCase {
  std::string name;
  std::string html;
  std::string url;
  std::string published;
  std::string evidence;
};

TEST(HtmlArticleTest, PublicationDateEvidence) {
  const std::string body =
      "<p>Министерство здравоохранения сообщает о начале кампании по вакцинации детей против "
      "кори и краснухи во всех регионах страны.</p><p>Кампания продлится до конца февраля, "
      "прививки проводятся бесплатно в центрах семейной медицины.</p>";
  const std::vector<DateCase> cases = {
      {"json-ld",
       "<head><script type='application/ld+json'>{\"@context\":\"https://schema.org\",\"@graph\":"
       "[{\"@type\":\"WebPage\"},{\"@type\":\"NewsArticle\",\"headline\":\"Вакцинация\","
       "\"datePublished\":\"2026-01-15T09:00:00+06:00\",\"dateModified\":\"2026-02-01\"}]}"
       "</script><meta property='article:published_time' content='2026-01-16'></head><body><h1>"
       "Вакцинация</h1>" +
           body + "</body>",
       "", "2026-01-15T09:00", "json-ld:datePublished"},
      {"meta beats url",
       "<head><meta name='pubdate' content='2026-01-15'></head><body>" + body + "</body>",
       "https://example.kg/2025/12/01/news", "2026-01-15", "meta:pubdate"},
      {"time element",
       "<body><h1>Кампания вакцинации началась</h1><time datetime='2026-01-15T09:00'>15 января"
       "</time>" +
           body + "</body>",
       "", "2026-01-15T09:00", "time[datetime]"},
      {"url", "<body>" + body + "</body>", "https://example.kg/ru/news/2026/01/15/vaccination",
       "2026-01-15", "url"},
      {"text under the title",
       "<body><h1>Кампания вакцинации началась</h1><div class='date'>15 января 2026, 09:00</div>" +
           body + "</body>",
       "https://example.kg/news/1234", "2026-01-15T09:00", "text"},
      {"modified is not published",
       "<head><meta property='article:modified_time' content='2026-02-03T12:44:00+03:00'></head>"
       "<body><div>Обновлено: 3 февраля 2026</div><h1>Кампания вакцинации началась</h1><div>"
       "Опубликовано: 15 января 2026</div>" +
           body + "</body>",
       "", "2026-01-15", "text"},
      {"no date", "<body>" + body + "</body>", "https://example.kg/news/1234", "", ""},
  };
  for (const DateCase& c : cases) {
    auto a = ExtractFromHtml(c.html, WithUrl(c.url));
    ASSERT_TRUE(a.ok()) << c.name;
    EXPECT_EQ(a->published, c.published) << c.name;
    EXPECT_EQ(a->date_evidence, c.evidence) << c.name;
  }
}

TEST(HtmlArticleTest, ModifiedDateIsRecordedSeparately) {
  auto a = ExtractFromHtml(
      "<head><meta property='article:modified_time' content='2026-02-03T12:44:00+03:00'></head>"
      "<body><h1>Кампания вакцинации началась</h1><p>Министерство здравоохранения сообщает о "
      "начале кампании по вакцинации детей против кори во всех регионах страны.</p></body>");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->published, "");
  EXPECT_EQ(a->modified, "2026-02-03T12:44");
  EXPECT_EQ(a->modified_evidence, "meta:article:modified_time");
}

}  // namespace
}  // namespace pressmine::extract
