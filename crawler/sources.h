// The sources file: which sites pressmine crawls and how (seeds, scope, politeness).
//
// Shape (JSON, UTF-8):
//   {"user_agent": "pressmine/1.0 (+https://example.org/contact)",
//    "sources": [{"name": "kg-health-ru", "lang": "ru", "seeds": ["https://…/ru/news"],
//                 "sitemaps": [], "feeds": [], "allow": ["^https://…/ru/"], "deny": [],
//                 "article": "/ru/news/[0-9]+", "max_depth": 3, "max_pages": 5000,
//                 "delay_ms": 1000, "connections": 1, "allow_private": false,
//                 "note": "free text"}]}
// Only "name", "seeds" (or "sitemaps"/"feeds") and "allow" are required; the rest have the
// defaults documented on Source. allow/deny/article are ECMAScript regular expressions searched
// (not anchored) in canonical URLs; they are compiled once here, and a bad pattern is reported
// naming the file, the source and the field.
//
// Thread-safety: a loaded SourcesFile is immutable and may be shared between threads.
#ifndef PRESSMINE_CRAWLER_SOURCES_H_
#define PRESSMINE_CRAWLER_SOURCES_H_

#include <filesystem>
#include <memory>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace pressmine::crawler {

struct Source {
  std::string name;                   // unique in the file; [a-z0-9._-]+, stored with every URL
  std::string lang = "auto";          // "ru", "en" or "auto": a hint for the extract stage
  std::vector<std::string> seeds;     // canonical URLs; listing pages, newest first
  std::vector<std::string> sitemaps;  // canonical URLs; more come from robots.txt
  std::vector<std::string> feeds;     // canonical URLs; more come from <link rel=alternate>
  std::vector<std::string> allow;     // patterns; a URL is in scope when one matches...
  std::vector<std::string> deny;      // ...and none of these does
  std::string article;   // pattern for article pages; empty: every in-scope page is an article
  int max_depth = 3;     // link hops from a seed; sitemap and feed entries count as depth 1
  int max_pages = 5000;  // fetches per run for this source, robots.txt excluded
  int delay_ms = 1000;   // between two requests to one host (robots Crawl-delay may raise it)
  bool allow_private = false;  // may fetch loopback/private addresses (fixtures, intranets)
  // Connections to one host at once, used only while the host's delay is 0 (politeness off:
  // your own mirror or a local test site). With any delay, requests to a host are sequential.
  int connections = 1;
  std::string note;  // free text, e.g. "URL unchecked"
  // Optional "extract": {"content", "title", "published", "remove": [...]}: CSS-like selectors
  // that override the generic article extraction for this site's template. Kept as text here
  // (the crawler does not extract); extract::ValidateSiteRules checks them when they are used.
  struct ExtractRules {
    std::string content;
    std::string title;
    std::string published;
    std::vector<std::string> remove;
  } extract;

  // True when `canonical_url` matches an allow pattern and no deny pattern.
  bool InScope(std::string_view canonical_url) const;
  // True when the URL is an article page (see `article`). Does not check scope.
  bool IsArticle(std::string_view canonical_url) const;

  // Compiled patterns; filled by the loader (shared so Source stays copyable).
  std::shared_ptr<const std::vector<std::regex>> allow_re;
  std::shared_ptr<const std::vector<std::regex>> deny_re;
  std::shared_ptr<const std::regex> article_re;  // null when `article` is empty
};

struct SourcesFile {
  std::string user_agent;  // sent as User-Agent; its first word is the robots.txt token
  std::vector<Source> sources;

  // The source called `name`, or null.
  const Source* Find(std::string_view name) const;
};

// Default User-Agent when the file names none.
inline constexpr std::string_view kDefaultUserAgent = "pressmine/1.0";

// Parses sources JSON. `file_name` is only used in error messages. Fails with kInvalidArgument
// naming file, source and field: malformed JSON, a missing or mistyped field, a bad URL, a bad
// regular expression, a duplicate name, an unknown lang.
Result<SourcesFile> ParseSources(std::string_view json, std::string_view file_name);

// Reads and parses a sources file. kNotFound / kIoError name the path.
Result<SourcesFile> LoadSourcesFile(const std::filesystem::path& path);

// A source compiled from fields filled in code (tests, tools). Validates like ParseSources.
Result<Source> CompileSource(Source source, std::string_view context);

// The robots.txt product token of a User-Agent string: "pressmine/1.0 (+…)" -> "pressmine".
std::string RobotsToken(std::string_view user_agent);

}  // namespace pressmine::crawler

#endif  // PRESSMINE_CRAWLER_SOURCES_H_
