// update's second half: crawled page versions -> articles -> index, exactly once.
#include "tools/apply_changes.h"

#include <gtest/gtest.h>

#include "crawler/crawl.h"
#include "crawler/fake_fetcher.h"
#include "crawler/sources.h"
#include "index/document_store.h"
#include "index/search.h"
#include "tests/support/search_options.h"
#include "tests/support/temp_dir.h"

namespace pressmine::tools {
namespace {

constexpr int64_t kT = 1769447460;  // 2026-01-26

std::string Article(const std::string& title, const std::string& body) {
  return "<html><head><title>" + title + "</title></head><body><h1>" + title + "</h1><p>" + body +
         "</p></body></html>";
}

class ApplyChangesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::Open(dir_.File("u.db"));
    ASSERT_TRUE(db.ok());
    db_.emplace(std::move(*db));
    auto sources = crawler::ParseSources(
        R"({"sources": [{"name": "kg-ru", "lang": "ru", "seeds": ["https://med.example/ru/news"],
            "allow": ["^https://med\\.example/ru/"], "article": "/ru/news/[0-9]+$", "delay_ms": 0}]})",
        "test.json");
    ASSERT_TRUE(sources.ok()) << sources.status().ToString();
    sources_ = std::move(*sources);
    fetcher_.SetHtml("https://med.example/ru/news",
                     "<html><body><a href='/ru/news/1'>1</a><a href='/ru/news/2'>2</a></body></html>");
    fetcher_.SetHtml("https://med.example/ru/news/1",
                     Article("Открыто отделение гемодиализа", "В Оше открылось отделение гемодиализа на 24 места."));
    fetcher_.SetHtml("https://med.example/ru/news/2",
                     Article("Кампания вакцинации", "Стартовала кампания вакцинации против кори."));
    fetcher_.Set("https://med.example/robots.txt", {404, "", {}});
    options_.clock = &clock_;
    options_.full = true;  // re-check everything on each run of this test
  }

  void Crawl() {
    auto s = crawler::RunCrawl(*db_, sources_, options_, fetcher_);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
  }

  Result<ApplyReport> Apply(std::map<std::string, SourceHints> hints = {{"kg-ru", {"ru", {}}}}) {
    return ApplyCrawledChanges(*db_, clock_, hints);
  }

  testing::TempDir dir_;
  std::optional<Database> db_;
  crawler::SourcesFile sources_;
  crawler::FakeFetcher fetcher_;
  FixedClock clock_{kT};
  crawler::CrawlOptions options_;
};

TEST_F(ApplyChangesTest, CrawledArticlesAreIndexedExactlyOnce) {
  Crawl();
  auto first = Apply();
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->added, 2);
  EXPECT_EQ(first->rejected, 0);
  EXPECT_GT(first->cursor, 0);
  auto again = Apply();
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->added + again->updated + again->unchanged, 0) << "nothing new since the cursor";
  EXPECT_EQ(again->cursor, first->cursor);

  index::SearchRequest req;
  req.query = "гемодиализ";
  auto r = index::Search(*db_, req, testing::GlossaryOnly());
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->total, 1);
  EXPECT_EQ(r->hits[0].url, "https://med.example/ru/news/1");
  EXPECT_EQ(r->hits[0].source, "kg-ru");
  EXPECT_EQ(r->hits[0].lang, Language::kRussian);
}

TEST_F(ApplyChangesTest, AnEditedPageBecomesANewVersionAndARemovedOneIsMarked) {
  Crawl();
  ASSERT_TRUE(Apply().ok());
  fetcher_.SetHtml("https://med.example/ru/news/1",
                   Article("Открыто отделение гемодиализа",
                           "В Оше открылось отделение гемодиализа на 30 мест (уточнено)."));
  fetcher_.Set("https://med.example/ru/news/2", {410, "", {}});
  clock_ = FixedClock(kT + 86400);
  Crawl();
  auto report = Apply();
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->updated, 1);
  EXPECT_EQ(report->removed, 1);

  auto store = index::DocumentStore::Open(*db_);
  auto history = store->History(1);
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 2u);
  EXPECT_NE((*history)[0].text.find("24 места"), std::string::npos);
  EXPECT_NE((*history)[1].text.find("30 мест"), std::string::npos);
  auto removed = store->Get(2);
  ASSERT_TRUE(removed.ok() && removed->has_value());
  EXPECT_FALSE((*removed)->removed_at.empty()) << "kept, marked removed, never deleted";
}

TEST_F(ApplyChangesTest, TheSourcesSelectorRulesOverrideGenericExtraction) {
  fetcher_.SetHtml("https://med.example/ru/news/1",
                   "<html><body><div class='lead'>Реклама портала и другие новости</div>"
                   "<div class='body'><p>Отделение гемодиализа открыто в Оше.</p></div>"
                   "<span class='when'>03.02.2026</span></body></html>");
  Crawl();
  SourceHints hints{"ru", {}};
  hints.rules.content = ".body";
  hints.rules.published = ".when";
  auto report = Apply({{"kg-ru", hints}});
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  auto store = index::DocumentStore::Open(*db_);
  auto doc = store->Get(1);
  ASSERT_TRUE(doc.ok() && doc->has_value());
  EXPECT_EQ((*doc)->text, "Отделение гемодиализа открыто в Оше.");
  EXPECT_EQ((*doc)->published, "2026-02-03");
  EXPECT_EQ((*doc)->date_evidence, "rule:extract.published");
}

TEST_F(ApplyChangesTest, AStopRequestLeavesTheCursorAtTheLastCommittedBatch) {
  Crawl();
  std::atomic<bool> stop{true};
  auto r = ApplyCrawledChanges(*db_, clock_, {}, &stop);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInterrupted);
  auto resumed = Apply();
  ASSERT_TRUE(resumed.ok());
  EXPECT_EQ(resumed->added, 2) << "nothing was lost by stopping";
}

}  // namespace
}  // namespace pressmine::tools
