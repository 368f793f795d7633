// robots.txt rules for one host, as RFC 9309 defines them.
//
// Thread-safety: an immutable value after construction; safe to share.
#ifndef PRESSMINE_CRAWLER_ROBOTS_H_
#define PRESSMINE_CRAWLER_ROBOTS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pressmine::crawler {

// Parsers must handle at least 500 KiB (RFC 9309 2.5); we read that much and ignore the rest.
inline constexpr size_t kMaxRobotsBytes = 500 * 1024;

class Robots {
 public:
  // Rules of the group for `token` (case-insensitive product token, e.g. "pressmine"), or of
  // the "*" group when no group names it. Unparseable lines are skipped, never fatal.
  static Robots Parse(std::string_view body, std::string_view token);
  // No restrictions: robots.txt is missing (4xx) or empty.
  static Robots AllowAll();
  // Everything forbidden: robots.txt is unreachable or 5xx (RFC 9309 2.3.1.4), for this run.
  static Robots DisallowAll();
  // Applies RFC 9309 2.3.1: 2xx parsed, 4xx allow all, 5xx and transport errors (status 0)
  // disallow all.
  static Robots FromResponse(int http_status, std::string_view body, std::string_view token);

  // True when `path_and_query` ("/ru/news?page=2", percent-encoded) may be fetched. The longest
  // matching rule wins; Allow wins a tie; /robots.txt itself is always allowed.
  bool Allowed(std::string_view path_and_query) const;

  // Crawl-delay of the chosen group in milliseconds, when given (not in RFC 9309, but common).
  std::optional<int> crawl_delay_ms() const { return crawl_delay_ms_; }
  // Sitemap: lines (absolute URLs as written), which apply to every user agent.
  const std::vector<std::string>& sitemaps() const { return sitemaps_; }
  bool disallow_all() const { return disallow_all_; }

 private:
  struct Rule {
    bool allow;
    std::string pattern;  // normalized percent-encoding; may contain '*' and a final '$'
  };
  std::vector<Rule> rules_;
  std::optional<int> crawl_delay_ms_;
  std::vector<std::string> sitemaps_;
  bool disallow_all_ = false;
};

}  // namespace pressmine::crawler

#endif  // PRESSMINE_CRAWLER_ROBOTS_H_
