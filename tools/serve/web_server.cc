#include "tools/serve/web_server.h"

#include <httplib.h>

#include <atomic>
#include <chrono>

#include "index/lexicon_cache.h"
#include "tools/serve/api.h"
#include "tools/serve/assets.h"
#include "tools/serve/connection_pool.h"

namespace pressmine::tools::serve {

const char* const kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'; require-trusted-types-for 'script'; trusted-types 'none'";

namespace {

constexpr const char* kJson = "application/json; charset=utf-8";
// Requests are GETs with short query strings; nothing needs a body.
constexpr size_t kMaxBodyBytes = 16 * 1024;
// Keep-alive lets a page's requests reuse a connection; a cap keeps one client from holding a
// worker forever.
constexpr size_t kKeepAliveMaxRequests = 1000;

bool IsLoopback(const std::string& host) {
  return host == "127.0.0.1" || host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

void Send(httplib::Response& res, const ApiResponse& api) {
  res.status = api.status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(api.body, kJson);
}

}  // namespace

struct WebServer::Impl {
  ServeOptions options;
  std::unique_ptr<ConnectionPool> pool;
  httplib::Server http;
  int port = 0;
  std::atomic<bool> stop_requested{false};

  // The Host values a browser sends for this loopback server.
  bool HostAllowed(const httplib::Request& req) const {
    if (!IsLoopback(options.bind)) return true;
    const std::string host = req.get_header_value("Host");
    const std::string p = ":" + std::to_string(port);
    for (const char* name : {"127.0.0.1", "localhost", "[::1]"}) {
      if (host == name + p || host == name) return true;
    }
    return host == options.bind + p;
  }

  // Runs `endpoint` on a pooled connection's stores. Server-Timing tells a client (and the
  // load test) how long the request waited for a connection, searched, and took in all on the
  // server.
  template <typename Endpoint>
  void WithDatabase(httplib::Response& res, Endpoint endpoint) {
    const auto start = std::chrono::steady_clock::now();
    Result<ConnectionPool::Lease> lease = pool->Acquire();
    if (!lease.ok()) {
      Send(res, ErrorResponse(500, lease.status().message()));
      return;
    }
    const auto acquired = std::chrono::steady_clock::now();
    Result<Reader> reader = lease->reader();
    const ApiResponse api =
        reader.ok() ? endpoint(*reader, *lease) : ErrorResponse(500, reader.status().message());
    const auto done = std::chrono::steady_clock::now();
    Send(res, api);
    const auto ms = [](auto d) {
      return std::to_string(std::chrono::duration<double, std::milli>(d).count());
    };
    std::string timing = "wait;dur=" + ms(acquired - start);
    if (api.search_time.count() > 0) timing += ", search;dur=" + ms(api.search_time);
    timing += ", app;dur=" + ms(done - start);
    res.set_header("Server-Timing", timing);
  }

  void Routes() {
    const auto budget = options.request_budget;
    http.Get("/api/search", [this, budget](const httplib::Request& req, httplib::Response& res) {
      WithDatabase(res, [&](const Reader& reader, ConnectionPool::Lease& lease) {
        Result<index::Searcher*> searcher = lease.searcher();
        if (!searcher.ok()) return ErrorResponse(500, searcher.status().message());
        return SearchEndpoint(reader, **searcher, req.params, budget);
      });
    });
    http.Get("/api/stats", [this, budget](const httplib::Request& req, httplib::Response& res) {
      WithDatabase(res, [&](const Reader& reader, ConnectionPool::Lease&) {
        return StatsEndpoint(reader, req.params, budget);
      });
    });
    http.Get("/api/facts", [this, budget](const httplib::Request& req, httplib::Response& res) {
      WithDatabase(res, [&](const Reader& reader, ConnectionPool::Lease& lease) {
        Result<extract::FactExtractor*> extractor = lease.extractor();
        if (!extractor.ok()) return ErrorResponse(500, extractor.status().message());
        return FactsEndpoint(reader, **extractor, req.params, budget);
      });
    });
    http.Get("/api/officials", [this, budget](const httplib::Request& req, httplib::Response& res) {
      WithDatabase(res, [&](const Reader& reader, ConnectionPool::Lease&) {
        return OfficialsEndpoint(reader, req.params, budget);
      });
    });
    http.Get("/api/timeline", [this, budget](const httplib::Request& req, httplib::Response& res) {
      WithDatabase(res, [&](const Reader& reader, ConnectionPool::Lease& lease) {
        Result<extract::FactExtractor*> extractor = lease.extractor();
        if (!extractor.ok()) return ErrorResponse(500, extractor.status().message());
        return TimelineEndpoint(reader, **extractor, req.params, budget);
      });
    });
    http.Get(R"(/api/doc/([^/]*))",
             [this, budget](const httplib::Request& req, httplib::Response& res) {
               const std::string id = req.matches[1];
               WithDatabase(res, [&](const Reader& reader, ConnectionPool::Lease&) {
                 return DocumentEndpoint(reader, id, req.params, budget);
               });
             });
    http.Get(R"(/api(/.*)?)", [](const httplib::Request& req, httplib::Response& res) {
      Send(res,
           ErrorResponse(404, "no API endpoint at " + req.path +
                                  " (try /api/search, /api/doc/ID, /api/facts, /api/officials, "
                                  "/api/timeline, /api/stats)"));
    });
    http.Get(R"(/.*)", [](const httplib::Request& req, httplib::Response& res) {
      std::optional<Asset> asset = FindAsset(req.path);
      if (!asset) {
        res.status = 404;
        res.set_content("not found\n", "text/plain; charset=utf-8");
        return;
      }
      res.set_header("Cache-Control", "no-cache");
      res.set_content(asset->body.data(), asset->body.size(), std::string(asset->content_type));
    });
  }

  void Guards() {
    http.set_default_headers({
        {"Content-Security-Policy", kContentSecurityPolicy},
        {"X-Content-Type-Options", "nosniff"},
        {"X-Frame-Options", "DENY"},
        {"Referrer-Policy", "no-referrer"},
        {"Cross-Origin-Opener-Policy", "same-origin"},
        {"Cross-Origin-Resource-Policy", "same-origin"},
        {"Permissions-Policy", "camera=(), microphone=(), geolocation=()"},
    });
    http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
      if (req.method != "GET" && req.method != "HEAD") {
        Send(res, ErrorResponse(405, "only GET requests are served"));
        res.set_header("Allow", "GET, HEAD");
        return httplib::Server::HandlerResponse::Handled;
      }
      if (!HostAllowed(req)) {
        Send(res,
             ErrorResponse(403, "this server answers only requests addressed to " + options.bind));
        return httplib::Server::HandlerResponse::Handled;
      }
      return httplib::Server::HandlerResponse::Unhandled;
    });
    http.set_exception_handler(
        [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
          Send(res, ErrorResponse(500, "internal error"));
        });
    // cpp-httplib sends headers and body in separate writes; with Nagle's algorithm the body
    // waits for the client's delayed ACK (about 40 ms on Linux) on every keep-alive response.
    http.set_tcp_nodelay(true);
    http.set_payload_max_length(kMaxBodyBytes);
    http.set_keep_alive_max_count(kKeepAliveMaxRequests);
    const size_t threads = options.threads < 1 ? 1 : static_cast<size_t>(options.threads);
    http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  }
};

WebServer::WebServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
WebServer::~WebServer() = default;

Result<std::unique_ptr<WebServer>> WebServer::Create(const ServeOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  PM_ASSIGN_OR_RETURN(impl->pool, ConnectionPool::Open(options.db_path, options.threads));
  {
    // The bilingual lexicon takes up to a second to build when the database holds no cached
    // copy (a read-only server cannot store one); load it now rather than in the first
    // request's time budget. Every connection's searcher then shares it.
    PM_ASSIGN_OR_RETURN(ConnectionPool::Lease lease, impl->pool->Acquire());
    PM_RETURN_IF_ERROR(index::LoadLexicon(lease.db()).status());
  }
  impl->Guards();
  impl->Routes();
  if (options.port == 0) {
    impl->port = impl->http.bind_to_any_port(options.bind);
    if (impl->port <= 0) {
      return Status::IoError("cannot listen on " + options.bind + " (any port)");
    }
  } else {
    if (!impl->http.bind_to_port(options.bind, options.port)) {
      return Status::IoError("cannot listen on " + options.bind + ":" +
                             std::to_string(options.port) + " (in use, or not an address here)");
    }
    impl->port = options.port;
  }
  return std::unique_ptr<WebServer>(new WebServer(std::move(impl)));
}

int WebServer::port() const { return impl_->port; }

Status WebServer::Run() {
  if (impl_->stop_requested) return Status::Ok();
  if (!impl_->http.listen_after_bind() && !impl_->stop_requested) {
    return Status::IoError("the server stopped accepting connections on " + impl_->options.bind +
                           ":" + std::to_string(impl_->port));
  }
  return Status::Ok();
}

void WebServer::Stop() {
  impl_->stop_requested = true;
  impl_->http.stop();
}

}  // namespace pressmine::tools::serve
