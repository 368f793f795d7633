// URL canonicalization and resolution, so that one page has one key in the frontier.
//
// Only absolute http and https URLs are accepted. Canonical form:
//   - scheme and host lower-cased; a trailing dot on the host dropped; default ports removed;
//   - userinfo and fragment removed;
//   - path: dot segments removed (RFC 3986 5.2.4), empty path becomes "/", percent escapes
//     upper-cased, escapes of unreserved characters decoded, bytes that may not appear raw
//     (space, non-ASCII UTF-8, quotes, ...) percent-encoded;
//   - query: parameters split on '&', tracking parameters dropped (utm_*, fbclid, gclid, yclid,
//     _openstat, ...), the rest sorted (stable, byte order); an empty query loses its '?'.
// Host names are compared as given (IDNs must arrive in punycode; pressmine's sites are ASCII).
//
// All functions are pure and thread-safe.
#ifndef PRESSMINE_CRAWLER_URL_H_
#define PRESSMINE_CRAWLER_URL_H_

#include <string>
#include <string_view>

#include "base/status.h"

namespace pressmine::crawler {

// The parts of a canonical URL.
struct UrlParts {
  std::string scheme;  // "http" or "https"
  std::string host;    // lower case
  int port = 0;        // explicit port, 0 for the scheme's default
  std::string path;    // starts with '/'
  std::string query;   // without '?', possibly empty

  // scheme://host[:port]path[?query]
  std::string Spec() const;
};

// Parses and canonicalizes an absolute http(s) URL. kInvalidArgument names the URL and the
// reason (no scheme, unsupported scheme, empty host, bad port).
Result<UrlParts> ParseUrl(std::string_view url);
Result<std::string> Canonicalize(std::string_view url);

// Resolves `ref` (an href as written in a page) against the canonical `base` (RFC 3986 5.2)
// and canonicalizes the result. Fails for non-http(s) targets (mailto:, javascript:, ...).
Result<std::string> Resolve(std::string_view base, std::string_view ref);

// "scheme://host[:port]": the unit of politeness and of robots.txt. Empty for a bad URL.
std::string HostKey(std::string_view canonical_url);

// The path and query of a canonical URL ("/ru/news?page=2"), as robots.txt rules see it.
std::string PathAndQuery(std::string_view canonical_url);

// True for query parameter names that only track clicks (dropped by canonicalization).
bool IsTrackingParameter(std::string_view name);

}  // namespace pressmine::crawler

#endif  // PRESSMINE_CRAWLER_URL_H_
