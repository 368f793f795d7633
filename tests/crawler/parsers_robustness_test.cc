// Hostile-input smoke tests for every parser facing the network: mutated real inputs and random
// bytes must produce a value or an error, never a crash or a hang. A deterministic generator
// keeps failures reproducible; a real fuzzer can reuse the same entry points.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "crawler/discovery.h"
#include "crawler/robots.h"
#include "crawler/sources.h"
#include "crawler/url.h"

namespace pressmine::crawler {
namespace {

constexpr int kRounds = 1500;

const std::vector<std::string> kSeeds = {
    "https://med.kg/ru/news/1001.html?page=2&utm_source=x#top",
    "User-agent: *\nDisallow: /private/\nAllow: /*.html$\nCrawl-delay: 1.5\nSitemap: "
    "/sitemap.xml\n",
    "<?xml version=\"1.0\"?><urlset "
    "xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>/a</loc>"
    "<lastmod>2026-01-26T17:11:00+06:00</lastmod></url></urlset>",
    "<rss version=\"2.0\"><channel><item><link>/ru/news/1</link><pubDate>Mon, 26 Jan 2026 17:11:00 "
    "+0600</pubDate></item></channel></rss>",
    "<html><head><base href=/ru/><link rel=next href=?page=2></head><body><a "
    "href='../x'>x</a></body></html>",
    R"({"sources": [{"name": "x", "seeds": ["https://a.kg/"], "allow": ["a"], "article": "/[0-9]+"}]})",
};

std::string Mutate(std::string s, std::mt19937& rng) {
  std::uniform_int_distribution<int> op(0, 4), byte(0, 255);
  const int edits = 1 + static_cast<int>(rng() % 8);
  for (int e = 0; e < edits; ++e) {
    const size_t pos = s.empty() ? 0 : rng() % s.size();
    switch (op(rng)) {
      case 0:
        if (!s.empty()) s[pos] = static_cast<char>(byte(rng));
        break;
      case 1:
        s.insert(pos, 1, static_cast<char>(byte(rng)));
        break;
      case 2:
        if (!s.empty()) s.erase(pos, 1 + rng() % 4);
        break;
      case 3:
        s.insert(pos, s.substr(pos, rng() % 16));
        break;  // repeat a run
      default:
        s.insert(pos, std::string(1 + rng() % 3, "*$%<>&:/?#\\\"'["[rng() % 15]));
        break;
    }
  }
  return s;
}

TEST(ParsersRobustnessTest, MutatedInputsNeverCrash) {
  std::mt19937 rng(20260126);
  for (int round = 0; round < kRounds; ++round) {
    for (const std::string& seed : kSeeds) {
      const std::string in = Mutate(seed, rng);
      (void)Canonicalize(in);
      (void)Resolve("https://med.kg/ru/news/", in);
      const Robots r = Robots::Parse(in, "pressmine");
      (void)r.Allowed(in.substr(0, 64));
      (void)ParseSitemap(in, "https://med.kg/sitemap.xml");
      (void)ParseFeed(in, "https://med.kg/rss.xml");
      (void)ExtractLinks(in, "https://med.kg/ru/news/");
      (void)ParseFeedDate(in.substr(0, 40));
      (void)ParseSources(in, "fuzz.json");
    }
  }
}

TEST(ParsersRobustnessTest, RandomBytesNeverCrash) {
  std::mt19937 rng(7);
  for (int round = 0; round < kRounds; ++round) {
    std::string in(rng() % 300, '\0');
    for (char& c : in) c = static_cast<char>(rng() & 0xff);
    (void)Canonicalize(in);
    (void)Resolve("https://med.kg/", in);
    (void)Robots::Parse(in, "pressmine").Allowed("/" + in.substr(0, 20));
    (void)ParseSitemap(in, "https://med.kg/s.xml");
    (void)ParseFeed(in, "https://med.kg/f.xml");
    (void)ExtractLinks(in, "https://med.kg/");
  }
}

}  // namespace
}  // namespace pressmine::crawler
