// RunCrawl against a FakeFetcher: scheduling, persistence and the change feed, no network.
#include "crawler/crawl.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <map>

#include "crawler/changes.h"
#include "crawler/fake_fetcher.h"
#include "crawler/internal/store.h"
#include "crawler/run_lock.h"

namespace pressmine::crawler {
namespace {

namespace fs = std::filesystem;

// A tiny site whose pages carry ETags; the handler answers 304 to a matching If-None-Match.
class FakeSite {
 public:
  struct Page {
    int status = 200;
    std::string body;
    std::string type = "text/html; charset=utf-8";
    std::vector<std::pair<std::string, std::string>> extra;
  };
  void Put(const std::string& url, std::string body,
           std::string type = "text/html; charset=utf-8") {
    pages_[url] = Page{200, std::move(body), std::move(type), {}};
  }
  void Status(const std::string& url, int status,
              std::vector<std::pair<std::string, std::string>> extra = {}) {
    pages_[url] = Page{status, "", "text/html", std::move(extra)};
  }
  void Install(FakeFetcher& f) {
    f.SetHandler([this](const FetchRequest& req) {
      FetchResponse r;
      auto it = pages_.find(req.url);
      if (it == pages_.end()) {
        r.status = 404;
        return r;
      }
      const Page& p = it->second;
      r.status = p.status;
      r.headers = p.extra;
      if (p.status != 200) return r;
      const std::string etag = "\"" + std::to_string(std::hash<std::string>()(p.body)) + "\"";
      r.headers.emplace_back("etag", etag);
      r.headers.emplace_back("content-type", p.type);
      if (req.etag == etag) {
        r.status = 304;
        return r;
      }
      r.body = p.body;
      return r;
    });
  }

 private:
  std::map<std::string, Page> pages_;
};

std::string Listing(const std::vector<std::string>& links, const std::string& next = "") {
  std::string html = "<html><head>";
  if (!next.empty()) html += "<link rel=next href='" + next + "'>";
  html += "</head><body>";
  for (const std::string& l : links) html += "<a href='" + l + "'>" + l + "</a>";
  return html + "</body></html>";
}

std::string Article(const std::string& title) {
  return "<html><head><title>" + title + "</title></head><body><h1>" + title +
         "</h1><p>Текст.</p></body></html>";
}

class CrawlTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("pm_crawl_test_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    auto db = Database::Open((dir_ / "pm.db").string());
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_.emplace(std::move(db).value());
    auto sources = ParseSources(R"({"user_agent": "pressmine/1.0", "sources": [{
        "name": "fake-ru", "lang": "ru", "seeds": ["https://fake.kg/ru/news"],
        "allow": ["^https://fake\\.kg/ru/"], "article": "/ru/news/[0-9]+$", "delay_ms": 0}]})",
                                "fake.json");
    ASSERT_TRUE(sources.ok()) << sources.status().ToString();
    sources_ = std::move(sources).value();

    site_.Put("https://fake.kg/robots.txt", "User-agent: *\nDisallow: /ru/private\n", "text/plain");
    site_.Put("https://fake.kg/ru/news",
              Listing({"/ru/news/1", "/ru/news/2", "/ru/private/9", "https://other.kg/ru/news/5"},
                      "/ru/news?page=2"));
    site_.Put("https://fake.kg/ru/news?page=2", Listing({"/ru/news/3"}));
    site_.Put("https://fake.kg/ru/news/1", Article("Один"));
    site_.Put("https://fake.kg/ru/news/2", Article("Два"));
    site_.Put("https://fake.kg/ru/news/3", Article("Три"));
    site_.Install(fetcher_);
    options_.clock = &clock_;
  }
  void TearDown() override {
    db_.reset();
    fs::remove_all(dir_);
  }

  Result<CrawlSummary> Run(const std::atomic<bool>* stop = nullptr) {
    fetcher_.ClearRequests();
    return RunCrawl(*db_, sources_, options_, fetcher_, nullptr, stop);
  }

  std::vector<PageChange> Changes(int64_t after = 0) {
    auto c = ReadChanges(*db_, after, 1000);
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    return c.ok() ? *c : std::vector<PageChange>{};
  }

  fs::path dir_;
  std::optional<Database> db_;
  SourcesFile sources_;
  FakeSite site_;
  FakeFetcher fetcher_;
  FixedClock clock_{1769447460};
  CrawlOptions options_;
};

// A host gets parallel connections only when politeness is off (delay 0) and its source asks
// for them; robots.txt still comes first, alone.
TEST_F(CrawlTest, ParallelConnectionsOnlyWithoutDelay) {
  std::vector<std::string> links;
  for (int i = 10; i < 20; ++i) {
    links.push_back("/ru/news/" + std::to_string(i));
    site_.Put("https://fake.kg/ru/news/" + std::to_string(i), Article("N" + std::to_string(i)));
  }
  site_.Put("https://fake.kg/ru/news", Listing(links));
  sources_.sources[0].connections = 4;
  auto s = Run();
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->new_pages, 10);
  EXPECT_EQ(fetcher_.requests().front().url, "https://fake.kg/robots.txt");
  EXPECT_EQ(fetcher_.PeakInFlight(), 4u);

  FakeFetcher polite;
  site_.Install(polite);
  sources_.sources[0].delay_ms = 1;
  options_.full = true;
  auto again = RunCrawl(*db_, sources_, options_, polite);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_GE(polite.requests().size(), 11u);
  EXPECT_EQ(polite.PeakInFlight(), 1u) << "a host with a delay gets one request at a time";
}

// A release removed from the site usually leaves its sitemap too: the URL the changed sitemap no
// longer lists is re-checked at once and marked removed, while the site's other old pages wait
// for their schedule.
TEST_F(CrawlTest, ArticleDroppedFromItsSitemapIsRecheckedAndMarkedRemoved) {
  const std::string sitemap_url = "https://fake.kg/ru/sitemap.xml";
  auto sitemap = [](const std::vector<int>& ids) {
    std::string xml = "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">";
    for (int id : ids) {
      xml += "<url><loc>https://fake.kg/ru/news/" + std::to_string(id) +
             "</loc><lastmod>2020-01-01</lastmod></url>";
    }
    return xml + "</urlset>";
  };
  sources_.sources[0].sitemaps = {sitemap_url};
  site_.Put(sitemap_url, sitemap({7, 8, 9}), "application/xml");
  for (int id : {7, 8, 9})
    site_.Put("https://fake.kg/ru/news/" + std::to_string(id), Article(std::to_string(id)));
  auto s = Run();
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->new_pages, 6);

  // An hour later 8 is gone from the site and from the sitemap.
  clock_ = FixedClock(1769447460 + 3600);
  site_.Status("https://fake.kg/ru/news/8", 404);
  site_.Put(sitemap_url, sitemap({7, 9}), "application/xml");
  s = Run();
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(fetcher_.CountRequests("https://fake.kg/ru/news/8"), 1);
  EXPECT_EQ(fetcher_.CountRequests("https://fake.kg/ru/news/7"), 0) << "still listed: not due";
  EXPECT_EQ(fetcher_.CountRequests("https://fake.kg/ru/news/9"), 0) << "still listed: not due";
  EXPECT_EQ(s->removed_pages, 1);
  const std::vector<PageChange> changes = Changes();
  ASSERT_FALSE(changes.empty());
  EXPECT_EQ(changes.back().kind, PageChange::Kind::kRemoved);
  EXPECT_EQ(changes.back().url, "https://fake.kg/ru/news/8");

  // The sitemap becomes an index over two files: the pages moved, none was dropped.
  site_.Put(sitemap_url,
            "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
            "<sitemap><loc>https://fake.kg/ru/sitemap-a.xml</loc></sitemap>"
            "<sitemap><loc>https://fake.kg/ru/sitemap-b.xml</loc></sitemap></sitemapindex>",
            "application/xml");
  site_.Put("https://fake.kg/ru/sitemap-a.xml", sitemap({7}), "application/xml");
  site_.Put("https://fake.kg/ru/sitemap-b.xml", sitemap({9}), "application/xml");
  clock_ = FixedClock(1769447460 + 2 * 3600);
  s = Run();
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(fetcher_.CountRequests("https://fake.kg/ru/news/7"), 0);
  EXPECT_EQ(fetcher_.CountRequests("https://fake.kg/ru/news/9"), 0);

  // A sitemap file the index stops listing takes its pages with it.
  site_.Status("https://fake.kg/ru/news/9", 404);
  site_.Put(sitemap_url,
            "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
            "<sitemap><loc>https://fake.kg/ru/sitemap-c.xml</loc></sitemap></sitemapindex>",
            "application/xml");
  site_.Put("https://fake.kg/ru/sitemap-c.xml", sitemap({7}), "application/xml");
  clock_ = FixedClock(1769447460 + 3 * 3600);
  s = Run();
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(fetcher_.CountRequests("https://fake.kg/ru/news/7"), 0) << "moved to sitemap-c";
  EXPECT_EQ(fetcher_.CountRequests("https://fake.kg/ru/news/9"), 1);
  EXPECT_EQ(s->removed_pages, 1);
}

// Page updates are committed in batches. A SIGKILL in the middle of a batch loses that batch,
// and only that: its pages are still due, and the next run fetches and stores them, each once.
TEST_F(CrawlTest, KilledMidBatchLosesOnlyTheOpenBatchWhichTheNextRunFetchesAgain) {
  constexpr int kArticles = 12, kBatch = 4, kKillAtRequest = 9;
  std::map<std::string, std::string> pages;
  std::vector<std::string> links;
  for (int i = 1; i <= kArticles; ++i) {
    const std::string url = "https://fake.kg/ru/news/" + std::to_string(100 + i);
    links.push_back(url);
    pages[url] = Article("N" + std::to_string(i));
  }
  pages["https://fake.kg/ru/news"] = Listing(links);
  for (const auto& [url, html] : pages) site_.Put(url, html);  // what the next run sees
  options_.batch_pages = kBatch;
  options_.batch_ms = 3'600'000;  // only the page count closes a batch here
  const std::string db_path = (dir_ / "pm.db").string();
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    auto db = Database::Open(db_path);
    if (!db.ok()) _exit(2);
    FakeFetcher f;
    int requests = 0;
    f.SetHandler([&](const FetchRequest& req) {
      if (++requests == kKillAtRequest) raise(SIGKILL);  // as `kill -9` would, mid-run
      FetchResponse r;
      auto it = pages.find(req.url);
      r.status = it == pages.end() ? 404 : 200;
      if (it != pages.end()) {
        r.body = it->second;
        r.headers.emplace_back("content-type", "text/html; charset=utf-8");
      }
      return r;
    });
    (void)RunCrawl(*db, sources_, options_, f);
    _exit(0);
  }
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the child was meant to die by SIGKILL";
  // Handled before the kill: robots.txt, the listing and 6 articles (one request per host at a
  // time). Committed: the batches that filled up; the open one is gone.
  const int handled_articles = kKillAtRequest - 3;
  const int at_kill = static_cast<int>(Changes().size());
  EXPECT_LT(at_kill, handled_articles) << "the open batch is not committed";
  EXPECT_GE(at_kill, handled_articles - kBatch) << "at most one batch is lost";

  auto s = Run();
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->new_pages, kArticles - at_kill);
  std::map<std::string, int> versions;
  for (const PageChange& c : Changes()) ++versions[c.url];
  EXPECT_EQ(versions.size(), static_cast<size_t>(kArticles));
  for (const auto& [url, n] : versions) EXPECT_EQ(n, 1) << url;
}

// An error while handling one page ends the run and undoes that page alone: the pages handled
// before it in the same open batch are committed, and the failed page stays due.
TEST_F(CrawlTest, FailedPageIsRolledBackAloneAndTheRestOfItsBatchCommits) {
  options_.batch_pages = 1000;
  options_.batch_ms = 3'600'000;  // everything lands in one batch
  ASSERT_TRUE(ApplyMigrations(*db_, "crawler", internal::CrawlerMigrations()).ok());
  // The second article's last write fails (a statement error, as a constraint or a bug would
  // raise), after its version is stored.
  ASSERT_TRUE(db_->Exec("CREATE TRIGGER fail_news_2 BEFORE UPDATE OF last_fetch ON crawl_urls "
                        "WHEN NEW.url = 'https://fake.kg/ru/news/2' AND NEW.last_fetch <> 0 "
                        "BEGIN SELECT RAISE(ABORT, 'injected failure'); END")
                  .ok());
  auto failed = Run();
  ASSERT_FALSE(failed.ok());
  EXPECT_NE(failed.status().message().find("injected failure"), std::string::npos)
      << failed.status().ToString();
  std::vector<PageChange> kept = Changes();
  ASSERT_EQ(kept.size(), 1u) << "the article before the failure is kept, the failed one's version "
                                "is undone";
  EXPECT_EQ(kept[0].url, "https://fake.kg/ru/news/1");
  auto fetched = db_->Prepare(
      "SELECT url, last_fetch FROM crawl_urls WHERE url IN "
      "('https://fake.kg/ru/news', 'https://fake.kg/ru/news/2') "
      "ORDER BY url");
  ASSERT_TRUE(fetched.ok());
  ASSERT_TRUE(*fetched->Step());
  EXPECT_NE(fetched->ColumnInt(1), 0) << "the listing's fetch is committed";
  ASSERT_TRUE(*fetched->Step());
  EXPECT_EQ(fetched->ColumnInt(1), 0) << "the failed page's fetch is undone";
  fetched->Reset();

  ASSERT_TRUE(db_->Exec("DROP TRIGGER fail_news_2").ok());
  auto s = Run();
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(fetcher_.CountRequests("https://fake.kg/ru/news/2"), 1) << "still due";
  std::map<std::string, int> versions;
  for (const PageChange& c : Changes()) ++versions[c.url];
  EXPECT_EQ(versions.size(), 3u);
  for (const auto& [url, n] : versions) EXPECT_EQ(n, 1) << url;
}

// A database from before crawl_urls.listed_in (crawler schema 1) is migrated on first use: its
// rows stay, and the crawl goes on from them.
TEST_F(CrawlTest, SchemaOneDatabaseIsMigrated) {
  const std::string path = (dir_ / "old.db").string();
  {
    auto old = Database::Open(path);
    ASSERT_TRUE(old.ok());
    ASSERT_TRUE(ApplyMigrations(*old, "crawler", internal::CrawlerMigrations().first(1)).ok());
    ASSERT_TRUE(old->Exec("INSERT INTO crawl_urls(url, source, kind, depth, first_seen, next_due) "
                          "VALUES('https://fake.kg/ru/news/1', 'fake-ru', 1, 1, 1, 0)")
                    .ok());
  }
  auto db = Database::Open(path);
  ASSERT_TRUE(db.ok());
  auto s = RunCrawl(*db, sources_, options_, fetcher_);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  auto version = SchemaVersion(*db, "crawler");
  ASSERT_TRUE(version.ok());
  EXPECT_EQ(*version, 2);
  EXPECT_EQ(s->new_pages, 3);
  auto st = db->Prepare("SELECT id, listed_in FROM crawl_urls WHERE url = ?1");
  ASSERT_TRUE(st.ok());
  st->Bind(1, std::string("https://fake.kg/ru/news/1"));
  ASSERT_TRUE(*st->Step());
  EXPECT_EQ(st->ColumnInt(0), 1) << "the old row is kept, not re-inserted";
  EXPECT_EQ(st->ColumnInt(1), 0);
}

TEST_F(CrawlTest, FirstRunStoresArticlesObeysRobotsAndScope) {
  auto s = Run();
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->new_pages, 3);
  EXPECT_EQ(s->skipped_robots, 1);
  EXPECT_EQ(s->failed, 0);
  EXPECT_EQ(fetcher_.CountRequests("https://fake.kg/ru/private/9"), 0);
  EXPECT_EQ(fetcher_.CountRequests("https://other.kg/ru/news/5"), 0);
  EXPECT_EQ(fetcher_.requests().front().url, "https://fake.kg/robots.txt");  // robots first
  EXPECT_EQ(s->requests, 6);  // robots, 2 listings, 3 articles
  EXPECT_EQ(s->per_host.at("https://fake.kg").requests, 6);

  std::vector<PageChange> changes = Changes();
  ASSERT_EQ(changes.size(), 3u);
  EXPECT_EQ(changes[0].source, "fake-ru");
  EXPECT_EQ(changes[0].kind, PageChange::Kind::kContent);
  EXPECT_TRUE(changes[0].is_article);
  EXPECT_EQ(changes[0].fetched_at, 1769447460);
  EXPECT_NE(changes[0].html.find("<h1>"), std::string::npos);
  EXPECT_LT(changes[0].seq, changes[1].seq);
  auto latest = LatestChangeSeq(*db_);
  ASSERT_TRUE(latest.ok());
  EXPECT_EQ(*latest, changes.back().seq);
  EXPECT_TRUE(Changes(*latest).empty());
}

class RecordingObserver : public CrawlObserver {
 public:
  void OnFetch(const FetchEvent& e) override { events.push_back(e); }
  void OnNotice(std::string_view m) override { notices.emplace_back(m); }
  int Count(const std::string& outcome) const {
    int n = 0;
    for (const FetchEvent& e : events) n += e.outcome == outcome;
    return n;
  }
  std::vector<FetchEvent> events;
  std::vector<std::string> notices;
};

TEST_F(CrawlTest, ObserverSeesEveryUrlOutcome) {
  RecordingObserver obs;
  auto s = RunCrawl(*db_, sources_, options_, fetcher_, &obs);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(obs.Count("robots.txt"), 1);
  EXPECT_EQ(obs.Count("new"), 3);
  EXPECT_EQ(obs.Count("robots-denied"), 1);
  EXPECT_EQ(obs.Count("listing"), 2);
  for (const FetchEvent& e : obs.events) EXPECT_EQ(e.source, "fake-ru");
  EXPECT_TRUE(obs.notices.empty());

  // Budget notices and the unreachable-robots notice reach the CLI too.
  site_.Status("https://fake.kg/robots.txt", 500);
  RecordingObserver obs2;
  options_.full = true;
  s = RunCrawl(*db_, sources_, options_, fetcher_, &obs2);
  ASSERT_TRUE(s.ok());
  ASSERT_FALSE(obs2.notices.empty());
  EXPECT_NE(obs2.notices[0].find("https://fake.kg/robots.txt: HTTP 500"), std::string::npos)
      << obs2.notices[0];
}

TEST_F(CrawlTest, SecondRunIsConditionalAndStopsAtKnownArticles) {
  ASSERT_TRUE(Run().ok());
  auto s = Run();
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->new_pages + s->changed_pages, 0);
  EXPECT_EQ(s->skipped_robots, 0) << "a URL robots.txt forbids is not re-queued every run";
  // Only robots.txt and the seed; articles are not due, page 2 is not needed.
  EXPECT_EQ(fetcher_.requests().size(), 2u);
  EXPECT_EQ(fetcher_.CountRequests("https://fake.kg/ru/news"), 1);
  for (const FetchRequest& r : fetcher_.requests()) {
    if (r.url == "https://fake.kg/ru/news") {
      EXPECT_FALSE(r.etag.empty());
    }
  }
  EXPECT_EQ(Changes().size(), 3u);

  // A new article on page 1 makes the crawler look at page 2 again.
  site_.Put("https://fake.kg/ru/news/4", Article("Четыре"));
  site_.Put("https://fake.kg/ru/news",
            Listing({"/ru/news/4", "/ru/news/1", "/ru/news/2"}, "/ru/news?page=2"));
  s = Run();
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->new_pages, 1);
  EXPECT_EQ(fetcher_.CountRequests("https://fake.kg/ru/news?page=2"), 1);
}

TEST_F(CrawlTest, AdaptiveRecheckFindsEditsAndRemovals) {
  constexpr int64_t kT = 1769447460;
  options_.recheck_min_seconds = 3600;
  ASSERT_TRUE(Run().ok());
  const size_t before = Changes().size();
  site_.Put("https://fake.kg/ru/news/1", Article("Один (обновлено)"));
  site_.Status("https://fake.kg/ru/news/2", 410);
  clock_ = FixedClock(kT + 10 * 3600);
  auto s = Run();
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->changed_pages, 1);
  EXPECT_EQ(s->removed_pages, 1);
  EXPECT_EQ(s->unchanged_pages >= 1, true);  // article 3 answered 304
  std::vector<PageChange> changes = Changes();
  ASSERT_EQ(changes.size(), before + 2);
  int removed = 0, edited = 0;
  for (size_t i = before; i < changes.size(); ++i) {
    if (changes[i].kind == PageChange::Kind::kRemoved) {
      ++removed;
      EXPECT_EQ(changes[i].url, "https://fake.kg/ru/news/2");
      EXPECT_TRUE(changes[i].html.empty());
    } else {
      ++edited;
      EXPECT_NE(changes[i].html.find("обновлено"), std::string::npos);
    }
  }
  EXPECT_EQ(removed, 1);
  EXPECT_EQ(edited, 1);

  // Article 3, unchanged for 10 h at its second check, is next due 5 h later (half its age
  // without change), not after the 1 h minimum.
  clock_ = FixedClock(kT + 14 * 3600);
  s = Run();
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(fetcher_.CountRequests("https://fake.kg/ru/news/3"), 0);
  EXPECT_EQ(fetcher_.CountRequests("https://fake.kg/ru/news/2"), 0);  // removed: monthly
  clock_ = FixedClock(kT + 16 * 3600);
  s = Run();
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(fetcher_.CountRequests("https://fake.kg/ru/news/3"), 1);
}

TEST_F(CrawlTest, FullRunRechecksEverything) {
  ASSERT_TRUE(Run().ok());
  options_.full = true;
  auto s = Run();
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(fetcher_.CountRequests("https://fake.kg/ru/news/1"), 1);
  EXPECT_EQ(fetcher_.CountRequests("https://fake.kg/ru/news/3"), 1);
  EXPECT_EQ(s->new_pages + s->changed_pages, 0);
  EXPECT_GE(s->unchanged_pages, 3);
}

TEST_F(CrawlTest, ServerErrorsAreRetriedThenCountedAndStayDue) {
  site_.Status("https://fake.kg/ru/news/2", 500);
  options_.max_retries = 2;
  options_.throttle_backoff_ms = 1;
  auto s = Run();
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(fetcher_.CountRequests("https://fake.kg/ru/news/2"), 3);
  EXPECT_EQ(s->failed, 1);
  EXPECT_EQ(s->new_pages, 2);
  // The site recovers; the next run (a few hours later) gets the page.
  site_.Put("https://fake.kg/ru/news/2", Article("Два"));
  clock_ = FixedClock(1769447460 + 2 * 3600);
  s = Run();
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->new_pages, 1);
}

TEST_F(CrawlTest, RedirectsAreFollowedInScopeOnly) {
  site_.Put("https://fake.kg/ru/news", Listing({"/ru/news/1", "/ru/news/7", "/ru/news/8"}));
  site_.Status("https://fake.kg/ru/news/7", 301, {{"location", "/ru/news/3"}});
  site_.Status("https://fake.kg/ru/news/8", 302, {{"location", "https://evil.example/x"}});
  auto s = Run();
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->redirects, 2);
  EXPECT_EQ(fetcher_.CountRequests("https://fake.kg/ru/news/3"), 1);
  EXPECT_EQ(fetcher_.CountRequests("https://evil.example/x"), 0);
  EXPECT_EQ(s->new_pages, 2);
}

TEST_F(CrawlTest, UnreachableRobotsBlocksTheHostForTheRun) {
  site_.Status("https://fake.kg/robots.txt", 503);
  auto s = Run();
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(fetcher_.requests().size(), 1u);  // only robots.txt
  EXPECT_GE(s->skipped_robots, 1);
  EXPECT_EQ(s->new_pages, 0);
}

TEST_F(CrawlTest, SecondRunIsBusyWhileTheLockIsHeld) {
  auto lock = RunLock::Acquire(db_->path());
  ASSERT_TRUE(lock.ok());
  auto s = Run();
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), Status::Code::kBusy);
  EXPECT_NE(s.status().message().find(".lock"), std::string::npos);
}

TEST_F(CrawlTest, StopFlagInterrupts) {
  std::atomic<bool> stop{true};
  auto s = Run(&stop);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), Status::Code::kInterrupted);
  stop = false;
  s = Run(&stop);  // resumes: everything still to do
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->new_pages, 3);
}

TEST_F(CrawlTest, UnknownOnlySourceIsAnError) {
  options_.only_sources = {"nope"};
  auto s = Run();
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("nope"), std::string::npos);
}

TEST_F(CrawlTest, BudgetDefersTheRest) {
  sources_.sources[0].max_pages = 2;
  auto s = Run();
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->requests, 3);  // robots.txt is not counted against the budget
  EXPECT_GT(s->deferred, 0);
  sources_.sources[0].max_pages = 100;
  options_.max_pages = 1;  // the run-wide cap wins when lower
  s = Run();
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->requests, 2);
  options_.max_pages = 0;
  s = Run();
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(Changes().size(), 3u);
}

}  // namespace
}  // namespace pressmine::crawler
