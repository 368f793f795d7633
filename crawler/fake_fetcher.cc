#include "crawler/fake_fetcher.h"

#include <algorithm>

namespace pressmine::crawler {

int FakeFetcher::CountRequests(const std::string& url) const {
  int n = 0;
  for (const FetchRequest& r : requests_) n += r.url == url;
  return n;
}

Status FakeFetcher::Start(FetchRequest request) {
  requests_.push_back(request);
  FetchResponse r;
  if (handler_) {
    r = handler_(request);
  } else if (auto it = pages_.find(request.url); it != pages_.end()) {
    r.status = it->second.status;
    r.body = it->second.body;
    r.headers = it->second.headers;
  } else {
    r.status = 404;
  }
  r.id = request.id;
  r.url = request.url;
  if (r.final_url.empty()) r.final_url = request.url;
  pending_.push_back(std::move(r));
  peak_in_flight_ = std::max(peak_in_flight_, pending_.size());
  return Status::Ok();
}

Result<std::vector<FetchResponse>> FakeFetcher::Wait(int /*timeout_ms*/) {
  std::vector<FetchResponse> out;
  out.swap(pending_);
  return out;
}

}  // namespace pressmine::crawler
