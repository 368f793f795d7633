// Parsers for the documents a crawl learns URLs from: sitemaps (urlset and sitemap index,
// plain or gzipped), RSS/Atom feeds, and HTML pages (links, feed links, pagination).
//
// All functions are pure and thread-safe. URLs in results are canonical (crawler/url.h);
// entries whose URL is not http(s) or does not parse are dropped, as browsers would.
#ifndef PRESSMINE_CRAWLER_DISCOVERY_H_
#define PRESSMINE_CRAWLER_DISCOVERY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace pressmine::crawler {

// sitemaps.org: at most 50,000 URLs and 50 MB uncompressed per sitemap file.
inline constexpr size_t kMaxSitemapBytes = 50u << 20;
inline constexpr size_t kMaxSitemapEntries = 50'000;

struct DiscoveredUrl {
  std::string url;      // canonical
  int64_t lastmod = 0;  // Unix seconds from <lastmod>/<pubDate>/<updated>; 0 when absent
};

struct Sitemap {
  bool is_index = false;  // <sitemapindex>: entries are sitemaps, not pages
  std::vector<DiscoveredUrl> entries;
};

// Parses a sitemap or sitemap index; gunzips first when the bytes are gzip. `url` resolves
// relative locs and names the document in errors. kInvalidArgument for non-XML, a root other
// than urlset/sitemapindex, or a gzip bomb.
Result<Sitemap> ParseSitemap(std::string_view bytes, std::string_view url);

// Parses RSS 2.0, RSS 1.0 (RDF) or Atom 1.0 into item links, newest as listed.
Result<std::vector<DiscoveredUrl>> ParseFeed(std::string_view bytes, std::string_view url);

// What an HTML page links to.
struct PageLinks {
  std::vector<std::string> links;  // <a href>, <area href>, in document order, deduplicated
  std::vector<std::string> feeds;  // <link rel=alternate type=application/rss+xml|atom+xml>
  std::vector<std::string> next;   // rel=next (<link> or <a>): pagination of a listing
  std::string canonical;           // <link rel=canonical>, empty when none
  bool nofollow = false;           // <meta name=robots content=nofollow>
  bool noindex = false;            // <meta name=robots content=noindex>
};

// Extracts links from UTF-8 HTML served at canonical `url`, honouring <base href>. Links with
// rel=nofollow are skipped.
PageLinks ExtractLinks(std::string_view html, std::string_view url);

// Parses the date forms sitemaps and feeds use: W3C datetime ("2026-01-26",
// "2026-01-26T17:11:00+06:00") and RFC 822 ("Mon, 26 Jan 2026 17:11:00 +0600"). 0 if neither.
int64_t ParseFeedDate(std::string_view text);

}  // namespace pressmine::crawler

#endif  // PRESSMINE_CRAWLER_DISCOVERY_H_
