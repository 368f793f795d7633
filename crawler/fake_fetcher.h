// A Fetcher that answers from a table, for unit tests: no network, no threads.
//
// Responses are registered per canonical URL; a URL with no entry answers 404. Every request
// is recorded so tests can assert what was asked for and with which validators. A handler may
// be installed instead to compute responses (e.g. to honour If-None-Match).
#ifndef PRESSMINE_CRAWLER_FAKE_FETCHER_H_
#define PRESSMINE_CRAWLER_FAKE_FETCHER_H_

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "crawler/fetcher.h"

namespace pressmine::crawler {

class FakeFetcher final : public Fetcher {
 public:
  struct Page {
    int status = 200;
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;  // lower-case names
  };

  // Serves `page` for `url` (replacing an earlier one).
  void Set(const std::string& url, Page page) { pages_[url] = std::move(page); }
  void SetHtml(const std::string& url, std::string html) {
    Set(url, Page{200, std::move(html), {{"content-type", "text/html; charset=utf-8"}}});
  }
  void Remove(const std::string& url) { pages_.erase(url); }
  // When set, answers every request instead of the table.
  void SetHandler(std::function<FetchResponse(const FetchRequest&)> handler) {
    handler_ = std::move(handler);
  }

  const std::vector<FetchRequest>& requests() const { return requests_; }
  void ClearRequests() { requests_.clear(); }
  // How many requests asked for `url`.
  int CountRequests(const std::string& url) const;
  // The most requests that were in flight at once.
  size_t PeakInFlight() const { return peak_in_flight_; }

  Status Start(FetchRequest request) override;
  Result<std::vector<FetchResponse>> Wait(int timeout_ms) override;
  size_t InFlight() const override { return pending_.size(); }

 private:
  std::map<std::string, Page> pages_;
  std::function<FetchResponse(const FetchRequest&)> handler_;
  std::vector<FetchRequest> requests_;
  std::vector<FetchResponse> pending_;
  size_t peak_in_flight_ = 0;
};

}  // namespace pressmine::crawler

#endif  // PRESSMINE_CRAWLER_FAKE_FETCHER_H_
