// A Fetcher over one libcurl multi handle: one event loop, many transfers in parallel.
//
// Thread-safety: one thread at a time. Politeness (one request at a time per host, delays) is
// the crawl loop's job; as a second line of defence the multi handle is capped at
// `max_host_connections` per host and `max_connections` in total.
#ifndef PRESSMINE_CRAWLER_CURL_FETCHER_H_
#define PRESSMINE_CRAWLER_CURL_FETCHER_H_

#include <memory>
#include <string>

#include "crawler/fetcher.h"

namespace pressmine::crawler {

struct CurlFetcherOptions {
  std::string user_agent = "pressmine/1.0";
  // Giving up on connecting after 15 s: a ministry site that slow is down for this run.
  int connect_timeout_ms = 15'000;
  // Whole transfer, 60 s: a press release is tens of KB; a minute means a stalled server.
  int timeout_ms = 60'000;
  // Bodies above 32 MiB are cut and reported as failures ("body larger than ..."): no HTML
  // page or sitemap (50 MB max uncompressed, usually gzipped) is legitimately bigger.
  size_t max_body_bytes = 32u << 20;
  // Total simultaneous connections.
  int max_connections = 16;
  // Simultaneous connections to one host. Raise it only with sources whose "connections" is
  // above 1 (politeness off); transfers beyond the cap wait inside libcurl.
  int max_host_connections = 1;
};

class CurlFetcher final : public Fetcher {
 public:
  // Fails with kInternal if libcurl cannot be initialised.
  static Result<std::unique_ptr<CurlFetcher>> Create(const CurlFetcherOptions& options);
  ~CurlFetcher() override;

  Status Start(FetchRequest request) override;
  Result<std::vector<FetchResponse>> Wait(int timeout_ms) override;
  size_t InFlight() const override;

 private:
  struct Impl;
  explicit CurlFetcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace pressmine::crawler

#endif  // PRESSMINE_CRAWLER_CURL_FETCHER_H_
