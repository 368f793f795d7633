// End-to-end: RunCrawl with the libcurl fetcher against nginx serving corpora/sites/sample/.
// The access log is the witness of what was requested, when, and with which validators.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <thread>

#include "base/file.h"
#include "crawler/changes.h"
#include "crawler/crawl.h"
#include "crawler/curl_fetcher.h"
#include "crawler/fake_fetcher.h"
#include "tests/crawler/nginx_server.h"

namespace pressmine::crawler {
namespace {

namespace fs = std::filesystem;
using testing::AccessLogLine;
using testing::NginxServer;

constexpr int64_t kT0 = 1770714000;  // 2026-02-10T09:00:00Z, after the site's newest article
// Articles in the sample site: ru 1001-1015 (1013 in windows-1251, 1014 only in the sitemap,
// 1015 only in the RSS feed) and en 2001-2007 (2007 only in the Atom feed).
constexpr int kArticles = 22;

class NginxCrawlTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!testing::NginxAvailable())
      GTEST_SKIP() << "/usr/sbin/nginx missing: apt-get install nginx-light";
    const fs::path src(PRESSMINE_SOURCE_DIR);
    std::string error;
    server_ = NginxServer::Start(src / "corpora/sites/sample", "", &error);
    ASSERT_NE(server_, nullptr) << error;
    auto text = ReadFile(src / "corpora/sources/sample.json");
    ASSERT_TRUE(text.ok());
    const std::string json = server_->RetargetSources(*text);
    auto sources = ParseSources(json, "sample.json");
    ASSERT_TRUE(sources.ok()) << sources.status().ToString();
    sources_ = std::move(sources).value();
    db_path_ = (server_->dir() / "pm.db").string();
    options_.clock = &clock_;
    options_.max_retries = 1;
    options_.throttle_backoff_ms = 100;
  }

  Result<CrawlSummary> Crawl(const std::atomic<bool>* stop = nullptr) {
    auto db = Database::Open(db_path_);
    if (!db.ok()) return db.status();
    CurlFetcherOptions fo;
    fo.user_agent = sources_.user_agent;
    auto fetcher = CurlFetcher::Create(fo);
    if (!fetcher.ok()) return fetcher.status();
    return RunCrawl(*db, sources_, options_, **fetcher, nullptr, stop);
  }

  std::vector<PageChange> Changes() {
    auto db = Database::Open(db_path_);
    EXPECT_TRUE(db.ok());
    auto c = ReadChanges(*db, 0, 100000);
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    return c.ok() ? *c : std::vector<PageChange>{};
  }

  std::string Url(const std::string& path) const { return server_->origin() + path; }

  std::unique_ptr<NginxServer> server_;
  SourcesFile sources_;
  std::string db_path_;
  FixedClock clock_{kT0};
  CrawlOptions options_;
};

int Count(const std::vector<AccessLogLine>& log, const std::string& uri) {
  int n = 0;
  for (const auto& l : log) n += l.uri == uri;
  return n;
}

TEST_F(NginxCrawlTest, FirstCrawlFindsEverythingPolitely) {
  auto s = Crawl();
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  const std::vector<AccessLogLine> log = server_->AccessLog();
  ASSERT_FALSE(log.empty());

  // Discovery: listings + pagination, sitemap index from robots.txt (with a gzipped child),
  // RSS and Atom feeds from <link rel=alternate>.
  EXPECT_EQ(s->new_pages, kArticles);
  std::vector<PageChange> changes = Changes();
  std::set<std::string> urls;
  for (const PageChange& c : changes) {
    EXPECT_EQ(c.kind, PageChange::Kind::kContent);
    EXPECT_TRUE(urls.insert(c.url).second) << "stored twice: " << c.url;
  }
  EXPECT_EQ(urls.size(), static_cast<size_t>(kArticles));
  EXPECT_TRUE(urls.count(Url("/ru/news/1014.html"))) << "sitemap-only article";
  EXPECT_TRUE(urls.count(Url("/ru/news/1015.html"))) << "feed-only article";
  EXPECT_TRUE(urls.count(Url("/en/news/2007.html"))) << "atom-only article";
  EXPECT_TRUE(urls.count(Url("/en/news/2003.html"))) << "from the gzipped sitemap or listing";
  EXPECT_EQ(Count(log, "/sitemap-en.xml.gz"), 1);
  EXPECT_EQ(Count(log, "/ru/news/page-3.html"), 1);

  // robots.txt first, and obeyed.
  EXPECT_EQ(log.front().uri, "/robots.txt");
  for (const auto& l : log) {
    EXPECT_EQ(l.uri.rfind("/private/", 0), std::string::npos) << l.uri;
    EXPECT_EQ(l.uri.rfind("/ru/search", 0), std::string::npos) << l.uri;
    EXPECT_EQ(l.user_agent.rfind("pressmine/1.0", 0), 0u) << l.user_agent;
    EXPECT_EQ(l.method, "GET");
  }
  EXPECT_EQ(Count(log, "/robots.txt"), 1);

  // Politeness: Crawl-delay 0.1 s. $msec marks the end of each response and the next request
  // starts at least the delay after we handled the previous one, so this bound cannot flake.
  for (size_t i = 1; i < log.size(); ++i) {
    // 2 ms of slack: $msec has ms resolution and nginx caches its clock per event-loop turn.
    EXPECT_GE(log[i].time - log[i - 1].time, 0.098) << log[i - 1].uri << " -> " << log[i].uri;
  }

  // Redirect followed once, in scope; the off-site one is not (and nothing else is fetched twice).
  EXPECT_EQ(Count(log, "/ru/news/1005-old.html"), 1);
  EXPECT_EQ(Count(log, "/ru/news/1005.html"), 1);
  EXPECT_EQ(Count(log, "/go/partner"), 0) << "/go/partner is outside both sources' scope";
  EXPECT_GE(s->redirects, 1);

  // windows-1251 stored as UTF-8.
  for (const PageChange& c : changes) {
    if (c.url != Url("/ru/news/1013.html")) continue;
    EXPECT_EQ(c.charset, "windows-1251");
    EXPECT_NE(c.html.find("санитарно-карантинный контроль"), std::string::npos);
  }

  // 404/410: removed; 503/429 with Retry-After: 1: retried once after >= 1 s, then failed.
  EXPECT_EQ(s->removed_pages, 2);
  EXPECT_EQ(s->failed, 2);
  for (const char* uri : {"/ru/news/1097.html", "/ru/news/1096.html"}) {
    std::vector<double> times;
    for (const auto& l : log) {
      if (l.uri == uri) times.push_back(l.time);
    }
    ASSERT_EQ(times.size(), 2u) << uri;
    EXPECT_GE(times[1] - times[0], 0.999) << uri;
  }
  EXPECT_EQ(s->per_host.at(server_->origin()).throttled, 4);
  EXPECT_EQ(s->per_source.at("sample-ru").new_pages, 15);
  EXPECT_EQ(s->per_source.at("sample-en").new_pages, 7);
  EXPECT_EQ(s->per_source.at("sample-ru").failed, 2);
  const std::string json = SummaryToJson(*s);
  EXPECT_NE(json.find("\"sources\":{\"sample-en\":{\"new\":7,"), std::string::npos) << json;
  EXPECT_EQ(s->requests, static_cast<int>(log.size()));
}

TEST_F(NginxCrawlTest, SecondRunIsConditionalAndAddsNothing) {
  ASSERT_TRUE(Crawl().ok());
  const size_t first = server_->AccessLog().size();
  const size_t versions = Changes().size();
  auto s = Crawl();
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->new_pages + s->changed_pages, 0);
  EXPECT_EQ(Changes().size(), versions);
  const std::vector<AccessLogLine> log = server_->AccessLog();
  ASSERT_GT(log.size(), first);
  // Only hubs come back at once: robots.txt, two seeds, the sitemaps and two feeds.
  EXPECT_LE(log.size() - first, 8u);
  for (size_t i = first; i < log.size(); ++i) {
    if (log[i].uri == "/robots.txt") continue;
    EXPECT_FALSE(log[i].if_none_match.empty()) << log[i].uri;
    EXPECT_FALSE(log[i].if_modified_since.empty()) << log[i].uri;
    EXPECT_EQ(log[i].status, 304) << log[i].uri;
  }
}

TEST_F(NginxCrawlTest, EditedPageYieldsOneNewVersion) {
  ASSERT_TRUE(Crawl().ok());
  const size_t versions = Changes().size();
  const size_t first = server_->AccessLog().size();
  {
    std::ofstream out(server_->root() / "ru/news/1003.html", std::ios::app);
    out << "<p>Дополнено: обучение пройдёт в Бишкеке и Оше.</p>\n";
  }
  // As a CMS does, the sitemap announces the edit (12:00, between the two runs).
  auto sitemap = ReadFile(server_->root() / "sitemap-ru.xml");
  ASSERT_TRUE(sitemap.ok());
  std::string xml = *sitemap;
  const std::string old_entry = "<loc>/ru/news/1003.html</loc><lastmod>2026-01-10</lastmod>";
  ASSERT_NE(xml.find(old_entry), std::string::npos);
  xml.replace(xml.find(old_entry), old_entry.size(),
              "<loc>/ru/news/1003.html</loc><lastmod>2026-02-10T12:00:00+00:00</lastmod>");
  ASSERT_TRUE(WriteFileAtomically(server_->root() / "sitemap-ru.xml", xml).ok());

  clock_ = FixedClock(kT0 + 7 * 3600);
  auto s = Crawl();
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->changed_pages, 1);
  EXPECT_EQ(s->new_pages, 0);
  std::vector<PageChange> changes = Changes();
  ASSERT_EQ(changes.size(), versions + 1);
  EXPECT_EQ(changes.back().url, Url("/ru/news/1003.html"));
  EXPECT_NE(changes.back().html.find("Дополнено"), std::string::npos);
  // Old unchanged articles were not due: the cost followed the change.
  std::vector<AccessLogLine> log = server_->AccessLog();
  int articles_fetched = 0;
  for (size_t i = first; i < log.size(); ++i) {
    const bool article =
        log[i].uri.rfind("/ru/news/10", 0) == 0 || log[i].uri.rfind("/en/news/20", 0) == 0;
    articles_fetched += article;
  }
  EXPECT_EQ(articles_fetched, 1 + 2 * 2) << "1003, plus the 503 and 429 pages retried once each";

  // --full asks about every known page, conditionally: all unchanged ones answer 304.
  options_.full = true;
  const size_t before_full = log.size();
  s = Crawl();
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->new_pages + s->changed_pages, 0);
  log = server_->AccessLog();
  int conditional_304 = 0;
  for (size_t i = before_full; i < log.size(); ++i) {
    if (log[i].uri.find(".html") == std::string::npos ||
        log[i].uri.find("/news/") == std::string::npos)
      continue;
    conditional_304 += log[i].status == 304 && !log[i].if_none_match.empty();
  }
  EXPECT_GE(conditional_304, kArticles);
}

TEST_F(NginxCrawlTest, KilledRunResumes) {
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    auto s = Crawl();
    _exit(s.ok() ? 0 : 1);
  }
  // Let the child store a few pages, then kill it without warning.
  size_t stored = 0;
  for (int i = 0; i < 1200 && stored < 5; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
    if (fs::exists(db_path_)) {
      auto db = Database::Open(db_path_);
      if (!db.ok()) continue;
      auto c = ReadChanges(*db, 0, 1000);
      if (c.ok()) stored = c->size();
    }
  }
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the child finished before it could be killed";
  ASSERT_GE(stored, 5u);
  const size_t at_kill = Changes().size();
  EXPECT_LT(at_kill, static_cast<size_t>(kArticles));

  auto s = Crawl();  // the lock died with the child
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  std::vector<PageChange> changes = Changes();
  std::map<std::string, int> per_url;
  for (const PageChange& c : changes) ++per_url[c.url];
  EXPECT_EQ(per_url.size(), static_cast<size_t>(kArticles));
  for (const auto& [url, n] : per_url) EXPECT_EQ(n, 1) << url;
  EXPECT_EQ(s->new_pages, kArticles - static_cast<int>(at_kill));
}

std::atomic<bool> g_stop{false};
extern "C" void OnSigterm(int) { g_stop = true; }

TEST_F(NginxCrawlTest, SigtermStopsAfterTheCurrentPageAndTheNextRunResumes) {
  constexpr int kInterruptedExit = 3;
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // What the CLI does: the signal only raises the flag; the library finishes its page.
    struct sigaction sa {};
    sa.sa_handler = OnSigterm;
    sigaction(SIGTERM, &sa, nullptr);
    auto s = Crawl(&g_stop);
    _exit(s.ok() ? 0 : s.status().code() == Status::Code::kInterrupted ? kInterruptedExit : 1);
  }
  for (int i = 0; i < 400 && server_->AccessLog().size() < 8; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  kill(child, SIGTERM);
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  ASSERT_EQ(WEXITSTATUS(status), kInterruptedExit);
  // A transfer abandoned at exit may still be logged (as 499) a moment later; then nothing.
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  const size_t requests_at_stop = server_->AccessLog().size();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(server_->AccessLog().size(), requests_at_stop) << "no request after the stop";
  {
    auto db = Database::Open(db_path_);
    ASSERT_TRUE(db.ok());
    auto st = db->Prepare("SELECT outcome FROM crawl_runs ORDER BY id DESC LIMIT 1");
    ASSERT_TRUE(st.ok());
    ASSERT_TRUE(*st->Step());
    EXPECT_EQ(st->ColumnText(0), "interrupted");
  }
  const size_t stored = Changes().size();
  EXPECT_LT(stored, static_cast<size_t>(kArticles));
  auto s = Crawl();
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(Changes().size(), static_cast<size_t>(kArticles));
  EXPECT_EQ(s->new_pages, kArticles - static_cast<int>(stored));
}

TEST_F(NginxCrawlTest, ConcurrentRunsDoNotOverlap) {
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    auto s = Crawl();
    _exit(s.ok() ? 0 : 1);
  }
  for (int i = 0; i < 400 && server_->AccessLog().size() < 2; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  auto db = Database::Open(db_path_);
  ASSERT_TRUE(db.ok());
  FakeFetcher fake;
  auto s = RunCrawl(*db, sources_, options_, fake);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), Status::Code::kBusy) << s.status().ToString();
  EXPECT_TRUE(fake.requests().empty());
  kill(child, SIGKILL);
  waitpid(child, nullptr, 0);
}

TEST_F(NginxCrawlTest, CurlFetcherRefusesPrivateAddressesAndHugeBodies) {
  CurlFetcherOptions fo;
  fo.max_body_bytes = 100;
  auto fetcher = CurlFetcher::Create(fo);
  ASSERT_TRUE(fetcher.ok());
  FetchRequest a;
  a.id = 1;
  a.url = Url("/ru/news/1001.html");
  FetchRequest b = a;
  b.id = 2;
  b.allow_private = true;
  FetchRequest c;
  c.id = 3;
  c.url = Url("/robots.txt");
  c.allow_private = true;
  ASSERT_TRUE((*fetcher)->Start(a).ok());
  ASSERT_TRUE((*fetcher)->Start(b).ok());
  auto plain = CurlFetcher::Create(CurlFetcherOptions{});
  ASSERT_TRUE(plain.ok());
  ASSERT_TRUE((*plain)->Start(c).ok());
  EXPECT_FALSE((*fetcher)->Start(FetchRequest{4, "file:///etc/passwd", "", "", true}).ok());
  std::map<uint64_t, FetchResponse> got;
  for (int i = 0; i < 100 && got.size() < 3; ++i) {
    for (Fetcher* f :
         {static_cast<Fetcher*>(fetcher->get()), static_cast<Fetcher*>(plain->get())}) {
      auto done = f->Wait(50);
      ASSERT_TRUE(done.ok());
      for (auto& r : *done) got[r.id] = std::move(r);
    }
  }
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[1].status, 0);
  EXPECT_NE(got[1].error.find("private address 127.0.0.1"), std::string::npos) << got[1].error;
  EXPECT_EQ(got[2].status, 0);
  EXPECT_NE(got[2].error.find("body larger than 100 bytes"), std::string::npos) << got[2].error;
  EXPECT_EQ(got[3].status, 200);
  EXPECT_NE(got[3].body.find("Crawl-delay"), std::string::npos);
  EXPECT_FALSE(got[3].Header("etag").empty());
}

}  // namespace
}  // namespace pressmine::crawler
