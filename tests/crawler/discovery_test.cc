#include "crawler/discovery.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include "crawler/internal/gzip.h"

namespace pressmine::crawler {
namespace {

std::string Gzip(std::string_view data) {
  z_stream zs{};
  deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

constexpr const char* kUrlset = R"(<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>https://med.kg/ru/news/101</loc><lastmod>2026-01-26T17:11:00+06:00</lastmod></url>
  <url><loc> https://MED.kg/ru/news/102?utm_source=x </loc><lastmod>2026-01-27</lastmod></url>
  <url><loc>/ru/news/103</loc></url>
  <url><loc>mailto:press@med.kg</loc></url>
</urlset>)";

TEST(SitemapTest, Urlset) {
  Result<Sitemap> sm = ParseSitemap(kUrlset, "https://med.kg/sitemap.xml");
  ASSERT_TRUE(sm.ok()) << sm.status().ToString();
  EXPECT_FALSE(sm->is_index);
  ASSERT_EQ(sm->entries.size(), 3u);
  EXPECT_EQ(sm->entries[0].url, "https://med.kg/ru/news/101");
  EXPECT_EQ(sm->entries[0].lastmod, ParseFeedDate("2026-01-26T11:11:00Z"));
  EXPECT_EQ(sm->entries[1].url, "https://med.kg/ru/news/102");
  EXPECT_EQ(sm->entries[1].lastmod, ParseFeedDate("2026-01-27T00:00:00Z"));
  EXPECT_EQ(sm->entries[2].url, "https://med.kg/ru/news/103");
  EXPECT_EQ(sm->entries[2].lastmod, 0);
}

TEST(SitemapTest, GzippedIndexWithPrefixes) {
  const std::string index = R"(<?xml version="1.0"?>
<ns0:sitemapindex xmlns:ns0="http://www.sitemaps.org/schemas/sitemap/0.9">
  <ns0:sitemap><ns0:loc>https://med.kg/sitemap-news.xml.gz</ns0:loc></ns0:sitemap>
  <ns0:sitemap><ns0:loc>https://med.kg/sitemap-pages.xml</ns0:loc><ns0:lastmod>2026-01-01</ns0:lastmod></ns0:sitemap>
</ns0:sitemapindex>)";
  Result<Sitemap> sm = ParseSitemap(Gzip(index), "https://med.kg/sitemap.xml.gz");
  ASSERT_TRUE(sm.ok()) << sm.status().ToString();
  EXPECT_TRUE(sm->is_index);
  ASSERT_EQ(sm->entries.size(), 2u);
  EXPECT_EQ(sm->entries[0].url, "https://med.kg/sitemap-news.xml.gz");
}

TEST(SitemapTest, Errors) {
  EXPECT_NE(ParseSitemap("<html><body>hi</body></html>", "https://x.kg/s.xml")
                .status()
                .message()
                .find("https://x.kg/s.xml: root element <html>"),
            std::string::npos);
  EXPECT_FALSE(ParseSitemap("not xml <", "https://x.kg/s.xml").ok());
  std::string gz = Gzip(kUrlset);
  gz.resize(gz.size() / 2);
  EXPECT_FALSE(ParseSitemap(gz, "https://x.kg/s.xml.gz").ok());
  // A gzip bomb stops at the limit.
  const std::string big(kMaxSitemapBytes + 1024, ' ');
  Result<std::string> inflated = internal::Gunzip(Gzip(big), kMaxSitemapBytes);
  EXPECT_FALSE(inflated.ok());
}

TEST(FeedTest, Rss2AtomAndRdf) {
  const char* rss = R"(<?xml version="1.0" encoding="windows-1251"?>
<rss version="2.0"><channel><title>News</title>
<item><title>A</title><link>https://med.kg/ru/news/101</link><pubDate>Mon, 26 Jan 2026 17:11:00 +0600</pubDate></item>
<item><title>B</title><guid isPermaLink="true">https://med.kg/ru/news/102</guid></item>
<item><title>C</title><guid isPermaLink="false">tag:102</guid></item>
</channel></rss>)";
  Result<std::vector<DiscoveredUrl>> items = ParseFeed(rss, "https://med.kg/rss");
  ASSERT_TRUE(items.ok()) << items.status().ToString();
  ASSERT_EQ(items->size(), 2u);
  EXPECT_EQ((*items)[0].url, "https://med.kg/ru/news/101");
  EXPECT_EQ((*items)[0].lastmod, ParseFeedDate("2026-01-26T11:11:00Z"));
  EXPECT_EQ((*items)[1].url, "https://med.kg/ru/news/102");

  const char* atom = R"(<feed xmlns="http://www.w3.org/2005/Atom">
<entry><link rel="self" href="https://x/self"/><link href="/en/news/7"/><updated>2026-02-01T08:00:00Z</updated></entry>
</feed>)";
  items = ParseFeed(atom, "https://med.kg/atom.xml");
  ASSERT_TRUE(items.ok());
  ASSERT_EQ(items->size(), 1u);
  EXPECT_EQ((*items)[0].url, "https://med.kg/en/news/7");

  const char* rdf =
      R"(<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel/><item><link>https://med.kg/ru/news/9</link></item></rdf:RDF>)";
  items = ParseFeed(rdf, "https://med.kg/rdf");
  ASSERT_TRUE(items.ok());
  ASSERT_EQ(items->size(), 1u);
  EXPECT_FALSE(ParseFeed("<urlset/>", "https://med.kg/x").ok());
}

TEST(FeedDateTest, Forms) {
  const int64_t base = 1769447460;  // 2026-01-26T17:11:00Z
  EXPECT_EQ(ParseFeedDate("2026-01-26T17:11:00Z"), base);
  EXPECT_EQ(ParseFeedDate("2026-01-26T23:11:00+06:00"), base);
  EXPECT_EQ(ParseFeedDate("2026-01-26T17:11:00.250Z"), base);
  EXPECT_EQ(ParseFeedDate("2026-01-26T17:11Z"), base);
  EXPECT_EQ(ParseFeedDate("Mon, 26 Jan 2026 17:11:00 GMT"), base);
  EXPECT_EQ(ParseFeedDate("26 Jan 2026 20:11:00 +0300"), base);
  EXPECT_EQ(ParseFeedDate("2026-01-26"), base - (17 * 3600 + 11 * 60));
  EXPECT_EQ(ParseFeedDate("2026"), ParseFeedDate("2026-01-01"));
  EXPECT_EQ(ParseFeedDate("yesterday"), 0);
  EXPECT_EQ(ParseFeedDate("2026-13-01"), 0);
  EXPECT_EQ(ParseFeedDate(""), 0);
}

TEST(LinksTest, ExtractsLinksFeedsPaginationAndBase) {
  const char* html = R"html(<!doctype html><html><head>
<base href="/ru/">
<link rel="alternate" type="application/rss+xml" href="/rss.xml">
<link rel="alternate" hreflang="en" href="/en/">
<link rel="canonical" href="https://med.kg/ru/news">
<link rel="next" href="news?page=2">
</head><body>
<a href="news/101#comments">Одна</a>
<a href="news/101">Дубль</a>
<a href="/en/news/7">English</a>
<a href="news/202" rel="nofollow">Skip</a>
<a href="javascript:void(0)">JS</a>
<a href="mailto:press@med.kg">Mail</a>
<div class="pager"><a rel="next" href="news?page=2">Далее</a></div>
</body></html>)html";
  PageLinks l = ExtractLinks(html, "https://med.kg/ru/news");
  EXPECT_EQ(l.links,
            (std::vector<std::string>{"https://med.kg/ru/news/101", "https://med.kg/en/news/7",
                                      "https://med.kg/ru/news?page=2"}));
  EXPECT_EQ(l.feeds, std::vector<std::string>{"https://med.kg/rss.xml"});
  EXPECT_EQ(l.next, std::vector<std::string>{"https://med.kg/ru/news?page=2"});
  EXPECT_EQ(l.canonical, "https://med.kg/ru/news");
  EXPECT_FALSE(l.nofollow);
}

TEST(LinksTest, MetaRobotsAndBrokenMarkup) {
  PageLinks l =
      ExtractLinks("<meta name=ROBOTS content='noindex, nofollow'><a href=/x>x", "https://a.kg/");
  EXPECT_TRUE(l.nofollow);
  EXPECT_TRUE(l.noindex);
  EXPECT_EQ(l.links, std::vector<std::string>{"https://a.kg/x"});
  std::string deep;
  for (int i = 0; i < 2000; ++i) deep += "<div>";  // gumbo is quadratic in depth
  deep += "<a href='/deep'>d</a>";
  l = ExtractLinks(deep, "https://a.kg/");
  EXPECT_EQ(l.links, std::vector<std::string>{"https://a.kg/deep"});
}

}  // namespace
}  // namespace pressmine::crawler
