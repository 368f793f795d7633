// End to end: Debian's chromium, headless, loads the page from `pressmine serve` on a loopback
// port over the fixture database and dumps the DOM after the page's requests have finished
// (--virtual-time-budget lets the page's fetches complete before the dump). Each view is also
// saved as a screenshot under the build directory (PRESSMINE_SCREENSHOT_DIR) for a person to
// look at.
#include <gtest/gtest.h>
#include <httplib.h>
#include <rapidjson/document.h>
#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "tests/support/temp_dir.h"
#include "tests/tools/serve_fixture.h"
#include "tests/tools/serve_process.h"

namespace pressmine::tools {
namespace {

constexpr const char* kChromium = "/usr/bin/chromium";

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string UrlEncode(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

int Count(const std::string& haystack, const std::string& needle) {
  int n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

class ServeBrowserTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(kChromium)) {
      GTEST_SKIP() << "chromium is not installed (scripts/setup.sh installs it)";
    }
    BuildServeFixture(dir_.File("serve.db"));
    ASSERT_TRUE(server_.Start(PRESSMINE_BINARY, dir_.File("serve.db"), {})) << server_.error();
    std::filesystem::create_directories(PRESSMINE_SCREENSHOT_DIR);
  }
  void TearDown() override { server_.Stop(); }

  // Runs chromium with `mode` ("--dump-dom" or "--screenshot=PATH") on `path`; returns stdout.
  std::string Chromium(const std::string& path, const std::string& mode, int width = 1280,
                       int height = 900) {
    const std::string profile = dir_.File("profile-" + std::to_string(++runs_));
    std::filesystem::create_directories(profile);
    const std::string out = dir_.File("chromium.out");
    // `timeout` keeps a wedged browser from hanging the suite; the page itself needs a second.
    std::string cmd = std::string("timeout 90 ") + kChromium +
                      " --headless --no-sandbox --disable-gpu --disable-quic --no-first-run"
                      " --disable-background-networking --disable-component-update --disable-sync"
                      " --disable-extensions --hide-scrollbars --virtual-time-budget=10000"
                      " --user-data-dir=" +
                      profile + " --window-size=" + std::to_string(width) + "," +
                      std::to_string(height) + " '" + mode + "' '" + server_.url() + path + "' >" +
                      out + " 2>" + dir_.File("chromium.err");
    const int status = std::system(cmd.c_str());
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << cmd << "\n"
                                                               << Slurp(dir_.File("chromium.err"));
    return Slurp(out);
  }

  std::string Dom(const std::string& path) { return Chromium(path, "--dump-dom"); }

  void Screenshot(const std::string& path, const std::string& name, int width = 1280,
                  int height = 900) {
    const std::string file = std::string(PRESSMINE_SCREENSHOT_DIR) + "/" + name + ".png";
    std::filesystem::remove(file);
    Chromium(path, "--screenshot=" + file, width, height);
    EXPECT_TRUE(std::filesystem::exists(file)) << file;
  }

  // The id of the only release matching `query`, through the API.
  int64_t IdOf(const std::string& query) {
    httplib::Client client("127.0.0.1", server_.port());
    auto r = client.Get(("/api/search?mono=1&q=" + UrlEncode(query)).c_str());
    EXPECT_TRUE(r && r->status == 200);
    if (!r) return 0;
    rapidjson::Document d;
    d.Parse(r->body.c_str());
    EXPECT_EQ(d["total"].GetInt(), 1) << query;
    return d["hits"].Size() == 0 ? 0 : d["hits"][0]["id"].GetInt64();
  }

  testing::TempDir dir_;
  ServeProcess server_;
  int runs_ = 0;
};

TEST_F(ServeBrowserTest, ARussianSearchShowsEnglishResults) {
  const std::string path = "/?q=" + UrlEncode("Кадыралиев");
  const std::string dom = Dom(path);
  EXPECT_NE(dom.find("data-view=\"results\""), std::string::npos) << dom;
  EXPECT_EQ(Count(dom, "class=\"hit\""), 3);
  EXPECT_NE(dom.find("data-lang=\"en\""), std::string::npos);
  EXPECT_NE(dom.find("The Ministry of Health works on bringing medical staff home"),
            std::string::npos);
  EXPECT_NE(dom.find("<mark>Кадыралиев</mark>"), std::string::npos) << "highlighted snippet";
  EXPECT_NE(dom.find("value=\"Кадыралиев\""), std::string::npos) << "the query is in the box";
  Screenshot(path, "search");
  Screenshot(path, "search-phone", 390, 844);
}

TEST_F(ServeBrowserTest, AFilterNarrowsTheResults) {
  const std::string path = "/?q=" + UrlEncode("Кадыралиев") + "&lang=en&source=kz-health";
  const std::string dom = Dom(path);
  EXPECT_EQ(Count(dom, "class=\"hit\""), 1) << dom;
  EXPECT_EQ(dom.find("data-lang=\"ru\""), std::string::npos);
  EXPECT_NE(dom.find("Deputy Minister Kadyraliev visited Almaty clinics"), std::string::npos);
  EXPECT_NE(dom.find("<option value=\"kz-health\" selected"), std::string::npos)
      << "the source filter is restored from the URL and marked";
  Screenshot(path, "search-filtered");
}

TEST_F(ServeBrowserTest, PagesThroughResults) {
  const std::string dom = Dom("/?q=" + UrlEncode("диспансеризация") + "&page=2");
  EXPECT_EQ(Count(dom, "class=\"hit\""), kCheckupReleases - 10) << dom;
  EXPECT_NE(dom.find("rel=\"prev\""), std::string::npos);
  EXPECT_EQ(dom.find("rel=\"next\""), std::string::npos);
}

TEST_F(ServeBrowserTest, ADocumentShowsItsTextVersionsAndOriginalLink) {
  const int64_t id = IdOf("ФАП");
  const std::string path = "/?doc=" + std::to_string(id);
  const std::string dom = Dom(path);
  EXPECT_NE(dom.find("data-view=\"doc\""), std::string::npos) << dom;
  EXPECT_NE(dom.find("<h1 lang=\"ru\">Построено 42 фельдшерско-акушерских пункта</h1>"),
            std::string::npos);
  EXPECT_NE(dom.find("href=\"https://minzdrav.gov.ru/news/55\""), std::string::npos);
  EXPECT_NE(dom.find("Построено 40 фельдшерско-акушерских пунктов"), std::string::npos)
      << "the earlier version is listed";
  Screenshot(path, "document");
  Screenshot(path, "document-phone", 390, 844);
}

TEST_F(ServeBrowserTest, ADocumentPointsToItsOtherLanguageVersion) {
  const int64_t ru = IdOf("репатриацией");
  const int64_t en = IdOf("bringing");
  const std::string path = "/?doc=" + std::to_string(ru);
  const std::string dom = Dom(path);
  const std::regex counterpart("id=\"counterpart\"[^]*?href=\"/\\?doc=(\\d+)\"");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(dom, m, counterpart)) << dom;
  EXPECT_EQ(m[1].str(), std::to_string(en));
  Screenshot(path, "document-counterpart");
}

TEST_F(ServeBrowserTest, InjectedMarkupIsShownAsTextAndNeverRuns) {
  const std::string search = "/?q=" + UrlEncode("кори");
  const std::string doc = "/?doc=" + std::to_string(IdOf("кори"));
  for (const std::string& path : {search, doc}) {
    const std::string dom = Dom(path);
    EXPECT_EQ(dom.find(" data-pwned=\""), std::string::npos) << path << "\n" << dom;
    EXPECT_NE(dom.find("&lt;script&gt;document.body.setAttribute"), std::string::npos)
        << path << ": the script tag is visible as text";
    EXPECT_EQ(dom.find("<img src=\"x\""), std::string::npos) << path;
    EXPECT_EQ(dom.find("href=\"javascript:"), std::string::npos) << path;
  }
  const std::string doc_dom = Dom(doc);
  EXPECT_NE(doc_dom.find("&gt;&lt;img src=x onerror="), std::string::npos);
  EXPECT_NE(doc_dom.find("class=\"fact "), std::string::npos)
      << "its facts are highlighted, still as text";
  EXPECT_EQ(doc_dom.find(">null"), std::string::npos) << "a missing link leaves no trace";
  Screenshot(doc, "document-hostile");
}

TEST_F(ServeBrowserTest, SearchResultsShowTheStorysOtherLanguageVersion) {
  const int64_t en = IdOf("\"perinatal center has opened\"");
  const std::string path = "/?q=" + UrlEncode("перинатальный") + "&lang=ru&mono=1";
  const std::string dom = Dom(path);
  EXPECT_EQ(Count(dom, "class=\"hit\""), 1) << dom;
  const std::regex also("class=\"also\"[^]*?href=\"/\\?doc=(\\d+)\"[^>]*>([^<]*)</a>");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(dom, m, also)) << dom;
  EXPECT_EQ(m[1].str(), std::to_string(en));
  EXPECT_EQ(m[2].str(), "A perinatal center has opened in Jalal-Abad") << "the title is filled in";
  Screenshot(path, "search-translations");
}

TEST_F(ServeBrowserTest, ADocumentHighlightsItsFacts) {
  const int64_t id = IdOf("перинатальный центр lang:ru");
  const std::string path = "/?doc=" + std::to_string(id);
  const std::string dom = Dom(path);
  EXPECT_NE(dom.find("class=\"legend\""), std::string::npos) << dom;
  for (const char* type : {"date", "official", "figure", "commitment"}) {
    EXPECT_NE(dom.find(std::string("class=\"fact fact-") + type), std::string::npos) << type;
  }
  // The official's name is inside a highlighted piece, and the figure's number too.
  const std::regex official("<span class=\"fact fact-official\"[^>]*>[^<]*Темирбек Эркинов");
  EXPECT_TRUE(std::regex_search(dom, official)) << dom;
  const std::regex figure("<span class=\"fact [^\"]*fact-figure[^\"]*\"[^>]*>[^<]*34,8");
  EXPECT_TRUE(std::regex_search(dom, figure)) << dom;
  // Highlighting keeps the text: no word is lost or doubled around the highlights.
  EXPECT_NE(dom.find("href=\"/?view=timeline&amp;indicator=maternal_mortality\""),
            std::string::npos)
      << "the figure links to its indicator's timeline";
  EXPECT_NE(dom.find("href=\"https://med.kg/ru/news/301\""), std::string::npos);
  EXPECT_NE(dom.find("The same story in English (the facts match):"), std::string::npos)
      << "the story link, not the title guess";
  Screenshot(path, "document-facts");
  Screenshot(path, "document-facts-phone", 390, 844);
}

TEST_F(ServeBrowserTest, TheTimelineDrawsOnePointPerReportedValue) {
  httplib::Client client("127.0.0.1", server_.port());
  auto api = client.Get("/api/timeline?indicator=maternal_mortality");
  ASSERT_TRUE(api && api->status == 200);
  rapidjson::Document d;
  d.Parse(api->body.c_str());
  int expected = 0;
  std::set<int64_t> docs;
  for (const auto& p : d["points"].GetArray()) {
    // A change-only point has no "unit".
    if (p.HasMember("unit") && std::string(p["unit"].GetString()) == "per_100000_live_births") {
      ++expected;
      docs.insert(p["doc"].GetInt64());
    }
  }
  ASSERT_GE(expected, kMaternalPeriods) << api->body;

  const std::string path = "/?view=timeline&indicator=maternal_mortality";
  const std::string dom = Dom(path);
  EXPECT_NE(dom.find("data-view=\"timeline\""), std::string::npos) << dom;
  EXPECT_EQ(Count(dom, "<circle class=\"point "), expected) << dom;
  for (int64_t doc : docs) {
    EXPECT_NE(dom.find("<a href=\"/?doc=" + std::to_string(doc) + "\" class=\"point-link\""),
              std::string::npos)
        << "each point links to its release " << doc;
  }
  EXPECT_EQ(Count(dom, "<polygon class=\"commitment\""), static_cast<int>(d["commitments"].Size()));
  EXPECT_GE(d["commitments"].Size(), 1u);
  Screenshot(path, "timeline");
  Screenshot(path, "timeline-phone", 390, 844);
  const std::string ru = Dom(path + "&ui=ru");
  EXPECT_NE(ru.find("<h1>Динамика</h1>"), std::string::npos) << "the Russian interface\n" << ru;
  EXPECT_EQ(Count(ru, "<circle class=\"point "), expected);
  Screenshot(path + "&ui=ru", "timeline-ru");
}

// Points that state only a change have no value and no unit: they are listed, not charted, and
// do not decide the chart's unit even when they outnumber the values.
TEST_F(ServeBrowserTest, ChangeOnlyPointsNeitherHideTheChartNorCountAsOtherUnits) {
  {
    auto db = Database::Open(dir_.File("serve.db"));
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    auto store = DocumentIndexer::Open(*db);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    const struct {
      Language lang;
      const char* url;
      const char* text;
    } kReleases[] = {
        {Language::kEnglish, "https://med.kg/en/news/400",
         "In 2024 infant mortality was 11.2 per 1,000 live births."},
        {Language::kEnglish, "https://med.kg/en/news/401",
         "In 2025 infant mortality decreased by 4.2%."},
        {Language::kRussian, "https://med.kg/ru/news/401",
         "В 2025 году младенческая смертность снизилась на 4,2%."},
    };
    for (const auto& r : kReleases) {
      index::DocumentRecord d;
      d.lang = r.lang;
      d.source = "kg-health";
      d.url = r.url;
      d.published = "2026-02-01";
      d.title = "Infant mortality";
      d.text = r.text;
      ASSERT_TRUE(store->Index(d, "2026-02-01T10:00:00Z").ok());
    }
  }
  const std::string path = "/?view=timeline&indicator=infant_mortality";
  const std::string dom = Dom(path);
  EXPECT_EQ(Count(dom, "<circle class=\"point "), 1) << dom;
  EXPECT_EQ(dom.find("in other units"), std::string::npos) << dom;
  EXPECT_NE(dom.find("2 changes without a stated value are listed below."), std::string::npos)
      << dom;
  EXPECT_NE(dom.find("decrease 4.2 percent"), std::string::npos) << "listed in the table\n" << dom;
  // The status line counts values only, not the changes.
  EXPECT_NE(dom.find(">1 reported value<"), std::string::npos) << dom;
  EXPECT_EQ(dom.find("3 reported values"), std::string::npos) << dom;
  Screenshot(path, "timeline-changes");
}

TEST_F(ServeBrowserTest, TheOfficialsViewListsAnOfficial) {
  const std::string path = "/?view=officials";
  const std::string dom = Dom(path);
  EXPECT_NE(dom.find("data-view=\"officials\""), std::string::npos) << dom;
  EXPECT_GE(Count(dom, "class=\"official\""), 2);
  const std::regex erkinov(
      "class=\"official\"[^]*?Темирбек Эркинов[^]*?Temirbek Erkinov|"
      "class=\"official\"[^]*?Temirbek Erkinov[^]*?Темирбек Эркинов");
  EXPECT_TRUE(std::regex_search(dom, erkinov)) << "both spellings in one entry\n" << dom;
  EXPECT_NE(dom.find("deputy minister"), std::string::npos);
  Screenshot(path, "officials");
  Screenshot(path + "&ui=ru", "officials-ru");
  Screenshot(path, "officials-phone", 390, 844);
}

TEST_F(ServeBrowserTest, AMalformedQueryShowsTheError) {
  const std::string dom = Dom("/?q=" + UrlEncode("(врач"));
  EXPECT_NE(dom.find("class=\"status error\""), std::string::npos) << dom;
  EXPECT_EQ(Count(dom, "class=\"hit\""), 0);
}

}  // namespace
}  // namespace pressmine::tools
