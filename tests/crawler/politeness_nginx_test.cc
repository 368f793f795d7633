// Politeness across hosts, witnessed by nginx's access logs: two hosts (two nginx servers on
// different loopback ports, which the crawler treats as different hosts) are crawled at the same
// time, each at its own pace, and robots.txt is asked for once per host per run.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "base/clock.h"
#include "base/sqlite.h"
#include "crawler/crawl.h"
#include "crawler/curl_fetcher.h"
#include "tests/crawler/nginx_server.h"

namespace pressmine::crawler {
namespace {

namespace fs = std::filesystem;
using testing::AccessLogLine;
using testing::NginxServer;

constexpr int kDelayMs = 120;

// A listing page at /<section>/news/ linking to `articles` articles.
void WriteSection(const fs::path& root, const std::string& section, int articles) {
  fs::create_directories(root / section / "news");
  std::string listing = "<!DOCTYPE html><html><body><ul>";
  for (int i = 1; i <= articles; ++i) {
    const std::string name = std::to_string(i) + ".html";
    listing += "<li><a href=\"" + name + "\">" + section + " " + name + "</a></li>";
    std::ofstream(root / section / "news" / name)
        << "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" << section << " " << i
        << "</title></head><body><article><h1>Release " << i << "</h1><p>Text of release " << i
        << " in section " << section << ".</p></article></body></html>\n";
  }
  std::ofstream(root / section / "news" / "index.html") << listing << "</ul></body></html>\n";
}

std::string SourceJson(const std::string& name, const std::string& origin,
                       const std::string& section) {
  return R"({"name": ")" + name + R"(", "seeds": [")" + origin + "/" + section +
         R"(/news/"], "allow": ["^)" + origin + "/" + section +
         R"(/"], "article": "/news/[0-9]+\\.html$", "delay_ms": )" + std::to_string(kDelayMs) +
         R"(, "allow_private": true})";
}

class PolitenessTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!testing::NginxAvailable())
      GTEST_SKIP() << "/usr/sbin/nginx missing: apt-get install nginx-light";
    site_ = fs::temp_directory_path() / ("pm_polite_" + std::to_string(getpid()));
    fs::remove_all(site_);
    // Host A carries two sources (ru and en sections); host B one, with more pages.
    WriteSection(site_ / "a", "ru", 4);
    WriteSection(site_ / "a", "en", 3);
    WriteSection(site_ / "b", "ru", 8);
    for (const char* h : {"a", "b"})
      std::ofstream(site_ / h / "robots.txt") << "User-agent: *\nDisallow: /private/\n";
    std::string error;
    a_ = NginxServer::Start(site_ / "a", "", &error);
    ASSERT_NE(a_, nullptr) << error;
    b_ = NginxServer::Start(site_ / "b", "", &error);
    ASSERT_NE(b_, nullptr) << error;
    const std::string json = R"j({"user_agent": "pressmine/1.0 (+test)", "sources": [)j" +
                             SourceJson("a-ru", a_->origin(), "ru") + ", " +
                             SourceJson("a-en", a_->origin(), "en") + ", " +
                             SourceJson("b-ru", b_->origin(), "ru") + "]}";
    auto sources = ParseSources(json, "polite.json");
    ASSERT_TRUE(sources.ok()) << sources.status().ToString();
    sources_ = std::move(sources).value();
    db_path_ = (site_ / "pm.db").string();
  }
  void TearDown() override {
    a_.reset();
    b_.reset();
    fs::remove_all(site_);
  }

  Result<CrawlSummary> Crawl(bool full) {
    auto db = Database::Open(db_path_);
    if (!db.ok()) return db.status();
    auto fetcher = CurlFetcher::Create(CurlFetcherOptions{});
    if (!fetcher.ok()) return fetcher.status();
    CrawlOptions options;
    options.clock = &clock_;
    options.full = full;
    return RunCrawl(*db, sources_, options, **fetcher);
  }

  fs::path site_;
  std::unique_ptr<NginxServer> a_, b_;
  SourcesFile sources_;
  std::string db_path_;
  FixedClock clock_{1770714000};
};

int Count(const std::vector<AccessLogLine>& log, const std::string& uri) {
  return static_cast<int>(
      std::count_if(log.begin(), log.end(), [&](const AccessLogLine& l) { return l.uri == uri; }));
}

// The smallest gap between consecutive requests in one host's log, in ms.
double MinGapMs(const std::vector<AccessLogLine>& log) {
  double gap = 1e9;
  for (size_t i = 1; i < log.size(); ++i)
    gap = std::min(gap, (log[i].time - log[i - 1].time) * 1e3);
  return gap;
}

TEST_F(PolitenessTest, HostsAreCrawledInParallelEachAtItsOwnPace) {
  auto s = Crawl(/*full=*/false);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->new_pages, 4 + 3 + 8);
  EXPECT_EQ(s->failed, 0);
  // nginx logs a request after its last byte is sent: give the last lines time to land.
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  const std::vector<AccessLogLine> a = a_->AccessLog(), b = b_->AccessLog();
  ASSERT_EQ(a.size(), 1u + 2 + 4 + 3);  // robots.txt, two listings, seven articles
  ASSERT_EQ(b.size(), 1u + 1 + 8);

  // robots.txt first, once per host, although host A serves two sources.
  EXPECT_EQ(a.front().uri, "/robots.txt");
  EXPECT_EQ(b.front().uri, "/robots.txt");
  EXPECT_EQ(Count(a, "/robots.txt"), 1);
  EXPECT_EQ(Count(b, "/robots.txt"), 1);

  // Each host at its own pace: never two requests closer than the delay ($msec has ms
  // resolution, hence the 2 ms allowance).
  EXPECT_GE(MinGapMs(a), kDelayMs - 2);
  EXPECT_GE(MinGapMs(b), kDelayMs - 2);

  // ...and the hosts at the same time: B's requests fall inside A's span and the other way
  // round, rather than one host waiting for the other to finish.
  EXPECT_LT(b.front().time, a.back().time);
  EXPECT_LT(a.front().time, b.back().time);
  int b_inside_a = 0;
  for (const AccessLogLine& l : b) b_inside_a += l.time > a.front().time && l.time < a.back().time;
  EXPECT_GE(b_inside_a, 5) << "host B's requests should interleave with host A's";

  // Cached per run, not forever: the next run asks again, once per host.
  auto again = Crawl(/*full=*/true);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(Count(a_->AccessLog(), "/robots.txt"), 2);
  EXPECT_EQ(Count(b_->AccessLog(), "/robots.txt"), 2);
  EXPECT_EQ(again->unchanged_pages, 2 + 1 + 4 + 3 + 8);
}

}  // namespace
}  // namespace pressmine::crawler
