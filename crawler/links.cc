// Link extraction: one pass over the start tags (crawler/internal/html_tags.h) collects
// <base href>, <a>/<area> links, <link rel=alternate> feeds, rel=next pagination,
// <link rel=canonical> and <meta name=robots>. Resolution happens after the pass because <base>
// applies to every link in the document wherever it appears.
#include <algorithm>
#include <cctype>
#include <set>

#include "crawler/discovery.h"
#include "crawler/internal/ascii.h"
#include "crawler/internal/html_tags.h"
#include "crawler/url.h"

namespace pressmine::crawler {
namespace {

using internal::HtmlTag;

// A page with more links than this is a sitemap-like dump or a trap; the rest are ignored.
constexpr size_t kMaxLinksPerPage = 5000;

// rel is a space-separated token list, compared case-insensitively.
bool HasToken(std::string_view list, std::string_view token) {
  size_t i = 0;
  while (i < list.size()) {
    while (i < list.size() && std::isspace(static_cast<unsigned char>(list[i]))) ++i;
    size_t j = i;
    while (j < list.size() && !std::isspace(static_cast<unsigned char>(list[j]))) ++j;
    if (internal::EqualsLowerAscii(list.substr(i, j - i), token)) return true;
    i = j;
  }
  return false;
}

struct RawLinks {
  std::string base;
  std::vector<std::string> links, feeds, next;
  std::string canonical;
  std::string robots_meta;
};

void Collect(const HtmlTag& e, RawLinks& raw) {
  if (e.name == "base") {
    if (raw.base.empty()) raw.base = e.Attr("href");
  } else if (e.name == "a" || e.name == "area") {
    const std::string& href = e.Attr("href");
    const std::string& rel = e.Attr("rel");
    if (href.empty()) return;
    if (HasToken(rel, "next")) raw.next.push_back(href);
    if (!HasToken(rel, "nofollow") && raw.links.size() < kMaxLinksPerPage)
      raw.links.push_back(href);
  } else if (e.name == "link") {
    const std::string& rel = e.Attr("rel");
    const std::string& href = e.Attr("href");
    if (href.empty()) return;
    const std::string type = internal::LowerAscii(e.Attr("type"));
    if (HasToken(rel, "alternate") &&
        (type == "application/rss+xml" || type == "application/atom+xml")) {
      raw.feeds.push_back(href);
    }
    if (HasToken(rel, "next")) raw.next.push_back(href);
    if (HasToken(rel, "canonical") && raw.canonical.empty()) raw.canonical = href;
  } else if (e.name == "meta") {
    if (internal::LowerAscii(e.Attr("name")) == "robots")
      raw.robots_meta += " " + internal::LowerAscii(e.Attr("content"));
  }
}

std::vector<std::string> ResolveAll(std::string_view base, const std::vector<std::string>& hrefs) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const std::string& h : hrefs) {
    Result<std::string> u = Resolve(base, h);
    if (u.ok() && seen.insert(*u).second) out.push_back(std::move(u).value());
  }
  return out;
}

}  // namespace

PageLinks ExtractLinks(std::string_view html, std::string_view url) {
  PageLinks out;
  RawLinks raw;
  internal::ForEachStartTag(html, {"a", "area", "link", "base", "meta"},
                            [&](const HtmlTag& tag) { Collect(tag, raw); });
  std::string base(url);
  if (!raw.base.empty()) {
    Result<std::string> b = Resolve(url, raw.base);
    if (b.ok()) base = std::move(b).value();
  }
  out.links = ResolveAll(base, raw.links);
  out.feeds = ResolveAll(base, raw.feeds);
  out.next = ResolveAll(base, raw.next);
  if (!raw.canonical.empty()) {
    Result<std::string> c = Resolve(base, raw.canonical);
    if (c.ok()) out.canonical = std::move(c).value();
  }
  out.nofollow = raw.robots_meta.find("nofollow") != std::string::npos ||
                 raw.robots_meta.find("none") != std::string::npos;
  out.noindex = raw.robots_meta.find("noindex") != std::string::npos ||
                raw.robots_meta.find("none") != std::string::npos;
  return out;
}

}  // namespace pressmine::crawler
