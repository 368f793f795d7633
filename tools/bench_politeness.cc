// bench_politeness: wall time of a polite crawl over several hosts against its lower bound.
//
//   bench_politeness [--hosts "DELAY_MS:ARTICLES,..."] [--repeat N]
//
// Each host is its own nginx on a free loopback port (a distinct host to the crawler) serving a
// listing page and ARTICLES articles, crawled with a delay of DELAY_MS between requests. Hosts
// are independent, so the crawl cannot finish before its slowest host: the bound is the maximum
// over hosts of (requests - 1) x delay, the gaps between its requests (robots.txt and the
// listing count as requests). Prints, per host, the
// requests, the bound, the span of its requests and the smallest gap between two of them (from
// nginx's access log), then the crawl's wall time over the bound (goal: at most 1.1) and, for
// contrast, the sum over hosts (what one host at a time would cost).
//
// Prints figures; asserts nothing. Needs /usr/sbin/nginx.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
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
#include "crawler/sources.h"
#include "tests/crawler/nginx_server.h"

namespace fs = std::filesystem;
using namespace pressmine;
using namespace pressmine::crawler;

namespace {

struct HostSpec {
  int delay_ms = 0;
  int articles = 0;
};

std::vector<HostSpec> ParseHosts(const std::string& text) {
  std::vector<HostSpec> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    const std::string item = text.substr(start, comma - start);
    const size_t colon = item.find(':');
    if (colon == std::string::npos) return {};
    out.push_back({std::atoi(item.c_str()), std::atoi(item.c_str() + colon + 1)});
    if (out.back().delay_ms <= 0 || out.back().articles <= 0) return {};
    start = comma + 1;
  }
  return out;
}

void WriteSite(const fs::path& root, int articles) {
  fs::create_directories(root / "news");
  std::string listing = "<!DOCTYPE html><html><body><ul>";
  for (int i = 1; i <= articles; ++i) {
    listing +=
        "<li><a href=\"" + std::to_string(i) + ".html\">release " + std::to_string(i) + "</a></li>";
    std::ofstream(root / "news" / (std::to_string(i) + ".html"))
        << "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Release " << i
        << "</title></head><body><article><h1>Release " << i << "</h1><p>Text " << i
        << ".</p></article></body></html>\n";
  }
  std::ofstream(root / "news" / "index.html") << listing << "</ul></body></html>\n";
  std::ofstream(root / "robots.txt") << "User-agent: *\nDisallow: /private/\n";
}

}  // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  std::string hosts_text = "100:48,150:30,200:24,250:12";
  int repeat = 1;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--hosts" && i + 1 < argc) {
      hosts_text = argv[++i];
    } else if (a == "--repeat" && i + 1 < argc) {
      repeat = std::max(1, std::atoi(argv[++i]));
    } else {
      std::fprintf(stderr, "usage: %s [--hosts \"DELAY_MS:ARTICLES,...\"] [--repeat N]\n", argv[0]);
      return 2;
    }
  }
  const std::vector<HostSpec> specs = ParseHosts(hosts_text);
  if (specs.empty()) {
    std::fprintf(stderr, "--hosts: expected DELAY_MS:ARTICLES,... with positive numbers\n");
    return 2;
  }
  const fs::path work = fs::temp_directory_path() / ("pm_bench_polite_" + std::to_string(getpid()));
  fs::create_directories(work);
  std::vector<std::unique_ptr<testing::NginxServer>> servers;
  std::string json = R"j({"user_agent": "pressmine/1.0 (+bench)", "sources": [)j";
  for (size_t h = 0; h < specs.size(); ++h) {
    const fs::path site = work / ("site" + std::to_string(h));
    WriteSite(site, specs[h].articles);
    std::string error;
    servers.push_back(testing::NginxServer::Start(site, "", &error));
    if (!servers.back()) {
      std::fprintf(stderr, "%s\n", error.c_str());
      return 1;
    }
    const std::string origin = servers.back()->origin();
    json += std::string(h ? ", " : "") + R"({"name": "host)" + std::to_string(h) +
            R"(", "seeds": [")" + origin + R"(/news/"], "allow": ["^)" + origin +
            R"(/"], "article": "/news/[0-9]+\\.html$", "delay_ms": )" +
            std::to_string(specs[h].delay_ms) + R"(, "allow_private": true})";
  }
  json += "]}";
  auto sources = ParseSources(json, "bench_politeness.json");
  if (!sources.ok()) {
    std::fprintf(stderr, "%s\n", sources.status().ToString().c_str());
    return 1;
  }
  std::printf("%zu hosts, each its own nginx on loopback; delay between requests per host\n",
              specs.size());
  double best_ratio = 1e9;
  for (int run = 0; run < repeat; ++run) {
    const std::string db_path = (work / ("bench" + std::to_string(run) + ".db")).string();
    std::vector<size_t> log_before;
    for (const auto& s : servers) log_before.push_back(s->AccessLog().size());
    auto db = Database::Open(db_path);
    CurlFetcherOptions fo;
    fo.user_agent = sources->user_agent;
    auto fetcher = CurlFetcher::Create(fo);
    if (!db.ok() || !fetcher.ok()) return 1;
    FixedClock clock(1770714000);
    CrawlOptions options;
    options.clock = &clock;
    const auto t0 = std::chrono::steady_clock::now();
    auto summary = RunCrawl(*db, *sources, options, **fetcher);
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (!summary.ok()) {
      std::fprintf(stderr, "crawl failed: %s\n", summary.status().ToString().c_str());
      return 1;
    }
    // nginx logs a request after its last byte is sent: give the last lines time to land.
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    double bound = 0, sum = 0;
    std::printf("\nrun %d\n%-6s %8s %9s %9s %13s %10s %12s\n", run + 1, "host", "delay", "articles",
                "requests", "gaps x delay", "span", "min gap");
    for (size_t h = 0; h < specs.size(); ++h) {
      std::vector<testing::AccessLogLine> log = servers[h]->AccessLog();
      log.erase(log.begin(), log.begin() + static_cast<long>(log_before[h]));
      double gap = 1e9;
      for (size_t i = 1; i < log.size(); ++i) gap = std::min(gap, log[i].time - log[i - 1].time);
      const double cost =
          static_cast<double>(std::max<size_t>(log.size(), 1) - 1) * specs[h].delay_ms / 1000.0;
      const double span = log.empty() ? 0 : log.back().time - log.front().time;
      bound = std::max(bound, cost);
      sum += cost;
      std::printf("%-6zu %6d ms %9d %9zu %11.2f s %8.2f s %9.0f ms\n", h, specs[h].delay_ms,
                  specs[h].articles, log.size(), cost, span, gap * 1000);
    }
    const double ratio = wall / bound;
    best_ratio = std::min(best_ratio, ratio);
    std::printf(
        "stored %d new pages; wall %.2f s; bound (slowest host's (requests-1) x delay) %.2f s; "
        "wall / bound %.3f (goal <= 1.1); one host at a time would take >= %.2f s\n",
        summary->new_pages, wall, bound, ratio, sum);
  }
  if (repeat > 1) std::printf("\nbest wall / bound over %d runs: %.3f\n", repeat, best_ratio);
  servers.clear();
  fs::remove_all(work);
  return 0;
}
