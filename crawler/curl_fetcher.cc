// CurlFetcher: libcurl's multi interface driven by curl_multi_poll.
//
// Each request gets an easy handle configured for one GET without following redirects;
// headers and body are collected by noexcept callbacks into the Transfer that owns the handle.
// The body limit is enforced in the write callback (returning a short count aborts the
// transfer). Private addresses are refused in the open-socket callback, which sees every
// address curl is about to connect to: checking after DNS resolution rather than on the host
// name is what defeats DNS names that point at 127.0.0.1.
#include "crawler/curl_fetcher.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <mutex>
#include <unordered_map>

#include "crawler/internal/ascii.h"
#include "crawler/internal/curl_handles.h"

namespace pressmine::crawler {
namespace internal {

bool EnsureCurlGlobalInit() {
  static const bool ok = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
  return ok;
}

}  // namespace internal

namespace {

using internal::CurlEasy;
using internal::CurlMulti;
using internal::CurlSlist;

// At most this many redirects would be useless anyway: we do not follow them here.
// Header lines above this size are a broken or hostile server.
constexpr size_t kMaxHeaderBytes = 256 * 1024;

struct Transfer {
  FetchRequest request;
  CurlEasy easy;
  CurlSlist headers_out;
  FetchResponse response;
  size_t max_body = 0;
  size_t header_bytes = 0;
  bool too_large = false;
  std::string refused;  // address refused by the private-address check
  char error[CURL_ERROR_SIZE] = {};
};

size_t OnBody(char* data, size_t size, size_t n, void* user) noexcept {
  try {
    auto* t = static_cast<Transfer*>(user);
    const size_t len = size * n;
    if (t->response.body.size() + len > t->max_body) {
      t->too_large = true;
      return 0;  // aborts with CURLE_WRITE_ERROR
    }
    t->response.body.append(data, len);
    return len;
  } catch (...) {
    return 0;
  }
}

size_t OnHeader(char* data, size_t size, size_t n, void* user) noexcept {
  try {
    auto* t = static_cast<Transfer*>(user);
    const size_t len = size * n;
    t->header_bytes += len;
    if (t->header_bytes > kMaxHeaderBytes) return 0;
    std::string_view line(data, len);
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
    if (line.rfind("HTTP/", 0) == 0) {
      t->response.headers.clear();  // a new response (after 100 Continue): start over
      return len;
    }
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) return len;
    std::string name = internal::LowerAscii(line.substr(0, colon));
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
      value.remove_prefix(1);
    t->response.headers.emplace_back(std::move(name), std::string(value));
    return len;
  } catch (...) {
    return 0;
  }
}

curl_socket_t OnOpenSocket(void* user, curlsocktype purpose, curl_sockaddr* addr) noexcept {
  try {
    auto* t = static_cast<Transfer*>(user);
    if (purpose == CURLSOCKTYPE_IPCXN && !t->request.allow_private &&
        IsPrivateAddress(&addr->addr, addr->addrlen)) {
      char text[INET6_ADDRSTRLEN] = "?";
      if (addr->family == AF_INET) {
        inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(&addr->addr)->sin_addr, text,
                  sizeof text);
      } else if (addr->family == AF_INET6) {
        inet_ntop(AF_INET6, &reinterpret_cast<sockaddr_in6*>(&addr->addr)->sin6_addr, text,
                  sizeof text);
      }
      t->refused = text;
      return CURL_SOCKET_BAD;
    }
    return socket(addr->family, addr->socktype, addr->protocol);
  } catch (...) {
    return CURL_SOCKET_BAD;
  }
}

}  // namespace

std::string FetchResponse::Header(std::string_view name) const {
  for (auto it = headers.rbegin(); it != headers.rend(); ++it) {
    if (it->first == name) return it->second;
  }
  return std::string();
}

bool IsPrivateAddress(const void* sa, size_t length) {
  const auto* base = static_cast<const sockaddr*>(sa);
  auto v4_private = [](uint32_t a) {
    const uint8_t b0 = a >> 24, b1 = (a >> 16) & 0xff;
    return b0 == 0 || b0 == 10 || b0 == 127 || (b0 == 169 && b1 == 254) ||
           (b0 == 172 && (b1 & 0xf0) == 16) || (b0 == 192 && b1 == 168) ||
           (b0 == 100 && (b1 & 0xc0) == 64) || b0 >= 224;  // multicast and reserved too
  };
  if (base->sa_family == AF_INET && length >= sizeof(sockaddr_in)) {
    const auto* in = static_cast<const sockaddr_in*>(sa);
    return v4_private(ntohl(in->sin_addr.s_addr));
  }
  if (base->sa_family == AF_INET6 && length >= sizeof(sockaddr_in6)) {
    const uint8_t* b = static_cast<const sockaddr_in6*>(sa)->sin6_addr.s6_addr;
    static constexpr uint8_t kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    if (std::memcmp(b, kMapped, 12) == 0) {
      return v4_private(uint32_t{b[12]} << 24 | uint32_t{b[13]} << 16 | uint32_t{b[14]} << 8 |
                        b[15]);
    }
    bool all_zero_but_last = true;
    for (int i = 0; i < 15; ++i) all_zero_but_last = all_zero_but_last && b[i] == 0;
    if (all_zero_but_last && (b[15] == 0 || b[15] == 1)) return true;  // :: and ::1
    if ((b[0] & 0xfe) == 0xfc) return true;                            // fc00::/7
    if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return true;            // fe80::/10
    if (b[0] == 0xff) return true;                                     // multicast
    return false;
  }
  return true;  // unknown families are not the open internet
}

struct CurlFetcher::Impl {
  CurlFetcherOptions options;
  CurlMulti multi;
  std::unordered_map<CURL*, std::unique_ptr<Transfer>> transfers;

  ~Impl() {
    for (auto& [easy, t] : transfers) curl_multi_remove_handle(multi.get(), easy);
  }

  FetchResponse Finish(CURL* easy, CURLcode code) {
    auto it = transfers.find(easy);
    std::unique_ptr<Transfer> t = std::move(it->second);
    transfers.erase(it);
    curl_multi_remove_handle(multi.get(), easy);
    FetchResponse r = std::move(t->response);
    r.id = t->request.id;
    r.url = t->request.url;
    r.final_url = t->request.url;
    curl_off_t total_us = 0;
    curl_easy_getinfo(easy, CURLINFO_TOTAL_TIME_T, &total_us);
    r.elapsed_ms = static_cast<int64_t>(total_us / 1000);
    long status = 0;
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
    if (code == CURLE_OK) {
      r.status = static_cast<int>(status);
      char* eff = nullptr;
      if (curl_easy_getinfo(easy, CURLINFO_EFFECTIVE_URL, &eff) == CURLE_OK && eff)
        r.final_url = eff;
      return r;
    }
    r.status = 0;
    r.body.clear();
    if (t->too_large || code == CURLE_FILESIZE_EXCEEDED) {
      r.error = "body larger than " + std::to_string(t->max_body) + " bytes";
    } else if (!t->refused.empty()) {
      r.error = "refused to connect to private address " + t->refused +
                " (set \"allow_private\": true on the source to permit it)";
    } else {
      r.error = t->error[0] ? std::string(t->error) : std::string(curl_easy_strerror(code));
    }
    return r;
  }
};

CurlFetcher::CurlFetcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
CurlFetcher::~CurlFetcher() = default;

Result<std::unique_ptr<CurlFetcher>> CurlFetcher::Create(const CurlFetcherOptions& options) {
  if (!internal::EnsureCurlGlobalInit()) return Status::Internal("curl_global_init failed");
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->multi.reset(curl_multi_init());
  if (!impl->multi) return Status::Internal("curl_multi_init failed");
  curl_multi_setopt(impl->multi.get(), CURLMOPT_MAX_HOST_CONNECTIONS,
                    static_cast<long>(std::max(1, options.max_host_connections)));
  curl_multi_setopt(impl->multi.get(), CURLMOPT_MAX_TOTAL_CONNECTIONS,
                    static_cast<long>(options.max_connections));
  return std::unique_ptr<CurlFetcher>(new CurlFetcher(std::move(impl)));
}

Status CurlFetcher::Start(FetchRequest request) {
  if (request.url.rfind("http://", 0) != 0 && request.url.rfind("https://", 0) != 0) {
    return Status::InvalidArgument("URL \"" + request.url + "\": only http and https are fetched");
  }
  auto t = std::make_unique<Transfer>();
  t->request = std::move(request);
  t->max_body = impl_->options.max_body_bytes;
  t->easy.reset(curl_easy_init());
  if (!t->easy) return Status::Internal("curl_easy_init failed");
  CURL* e = t->easy.get();
  const CurlFetcherOptions& o = impl_->options;
  curl_easy_setopt(e, CURLOPT_URL, t->request.url.c_str());
  curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(e, CURLOPT_USERAGENT, o.user_agent.c_str());
  curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");  // every encoding curl can decode
  curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(o.connect_timeout_ms));
  curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(o.timeout_ms));
  curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t->error);
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &OnBody);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, t.get());
  curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, &OnHeader);
  curl_easy_setopt(e, CURLOPT_HEADERDATA, t.get());
  curl_easy_setopt(e, CURLOPT_OPENSOCKETFUNCTION, &OnOpenSocket);
  curl_easy_setopt(e, CURLOPT_OPENSOCKETDATA, t.get());
  curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(o.max_body_bytes));
  if (!t->request.etag.empty()) {
    const std::string h = "If-None-Match: " + t->request.etag;
    if (!internal::SlistAppend(t->headers_out, h.c_str())) return Status::Internal("out of memory");
  }
  if (!t->request.last_modified.empty()) {
    const std::string h = "If-Modified-Since: " + t->request.last_modified;
    if (!internal::SlistAppend(t->headers_out, h.c_str())) return Status::Internal("out of memory");
  }
  if (t->headers_out) curl_easy_setopt(e, CURLOPT_HTTPHEADER, t->headers_out.get());
  const CURLMcode rc = curl_multi_add_handle(impl_->multi.get(), e);
  if (rc != CURLM_OK)
    return Status::Internal(std::string("curl_multi_add_handle: ") + curl_multi_strerror(rc));
  impl_->transfers.emplace(e, std::move(t));
  return Status::Ok();
}

Result<std::vector<FetchResponse>> CurlFetcher::Wait(int timeout_ms) {
  std::vector<FetchResponse> done;
  CURLM* m = impl_->multi.get();
  auto drain = [&]() -> Status {
    int running = 0;
    const CURLMcode rc = curl_multi_perform(m, &running);
    if (rc != CURLM_OK)
      return Status::Internal(std::string("curl_multi_perform: ") + curl_multi_strerror(rc));
    int left = 0;
    while (CURLMsg* msg = curl_multi_info_read(m, &left)) {
      if (msg->msg == CURLMSG_DONE)
        done.push_back(impl_->Finish(msg->easy_handle, msg->data.result));
    }
    return Status::Ok();
  };
  PM_RETURN_IF_ERROR(drain());
  if (!done.empty() || impl_->transfers.empty()) return done;
  const CURLMcode rc = curl_multi_poll(m, nullptr, 0, timeout_ms, nullptr);
  if (rc != CURLM_OK)
    return Status::Internal(std::string("curl_multi_poll: ") + curl_multi_strerror(rc));
  PM_RETURN_IF_ERROR(drain());
  return done;
}

size_t CurlFetcher::InFlight() const { return impl_->transfers.size(); }

}  // namespace pressmine::crawler
