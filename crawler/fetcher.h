// The seam between the crawler and the network: a Fetcher runs HTTP GETs asynchronously.
//
// The crawl loop decides what to fetch and when (politeness, robots, scope, retries); a Fetcher
// only executes requests, many at once, and hands back responses as they finish. Redirects are
// NOT followed by the Fetcher: a 3xx comes back with its Location so the crawl loop can check
// each hop against scope, robots.txt and the host's delay like any other URL.
//
// Implementations: CurlFetcher (crawler/curl_fetcher.h) and FakeFetcher (crawler/fake_fetcher.h)
// for tests. A Fetcher is used from one thread.
#ifndef PRESSMINE_CRAWLER_FETCHER_H_
#define PRESSMINE_CRAWLER_FETCHER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"

namespace pressmine::crawler {

struct FetchRequest {
  uint64_t id = 0;             // the caller's tag, echoed in the response
  std::string url;             // absolute http(s) URL
  std::string etag;            // sent as If-None-Match when not empty
  std::string last_modified;   // sent as If-Modified-Since when not empty
  bool allow_private = false;  // may connect to loopback/private/link-local addresses
};

struct FetchResponse {
  uint64_t id = 0;
  std::string url;        // as requested
  int status = 0;         // HTTP status; 0 when no response arrived (see error)
  std::string error;      // why a transfer failed: DNS, refused address, timeout, too large
  std::string final_url;  // the URL that answered (equals url: redirects are not followed)
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased, in order
  std::string body;        // decoded from Content-Encoding (gzip, deflate), raw bytes otherwise
  int64_t elapsed_ms = 0;  // from start to the last byte

  // The last value of header `name` (lower case), or empty.
  std::string Header(std::string_view name) const;
};

class Fetcher {
 public:
  virtual ~Fetcher() = default;
  // Begins a transfer. Fails only when the request itself is unusable (kInvalidArgument);
  // network failures arrive later as a response with status 0.
  virtual Status Start(FetchRequest request) = 0;
  // Waits up to `timeout_ms` for transfers to finish and returns those that did (possibly
  // none). Every started request yields exactly one response.
  virtual Result<std::vector<FetchResponse>> Wait(int timeout_ms) = 0;
  // Transfers started and not yet returned by Wait.
  virtual size_t InFlight() const = 0;
};

// True for addresses a public crawler must not reach by default: loopback, RFC 1918 private,
// link-local, CGNAT, unspecified, IPv6 unique-local; IPv4-mapped IPv6 is unwrapped. `addr` is
// a sockaddr_in or sockaddr_in6.
bool IsPrivateAddress(const void* sockaddr, size_t length);

}  // namespace pressmine::crawler

#endif  // PRESSMINE_CRAWLER_FETCHER_H_
