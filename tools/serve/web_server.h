// WebServer: `pressmine serve`'s HTTP server (cpp-httplib) over one database, read-only.
//
// Routes: the JSON API (/api/search, /api/doc/ID, /api/facts, /api/officials, /api/timeline,
// /api/stats; see api.h) and the page's own
// files (assets.h). Nothing else is served; no file system path is ever derived from a URL.
//
// Safety, because everything in the database was crawled from the internet and the server
// runs on a journalist's machine:
//  - connections are read-only (ConnectionPool), and each request has a time budget
//    (QueryDeadline);
//  - every response carries a strict Content-Security-Policy (only this server's own scripts
//    and styles, no inline script, Trusted Types so that no string can become HTML), nosniff,
//    no framing and no referrer;
//  - when bound to a loopback address, a request whose Host header is not that loopback
//    address is refused, so a web page elsewhere cannot reach the API through DNS rebinding.
//
// Thread-safety: Run blocks the calling thread and serves from a pool of worker threads; Stop
// may be called from any thread, also before Run.
#ifndef PRESSMINE_TOOLS_SERVE_WEB_SERVER_H_
#define PRESSMINE_TOOLS_SERVE_WEB_SERVER_H_

#include <chrono>
#include <memory>
#include <string>

#include "base/status.h"

namespace pressmine::tools::serve {

struct ServeOptions {
  std::string db_path;
  std::string bind = "127.0.0.1";  // loopback unless the user says otherwise
  int port = 8080;                 // 0: any free port (see WebServer::port())
  // Worker threads, and so the most concurrent requests and database connections. A keep-alive
  // connection holds a worker while it is open.
  int threads = 8;
  // Per-request time budget for database work; past it the request gets 503.
  std::chrono::milliseconds request_budget{2000};
};

class WebServer {
 public:
  // Opens the database read-only and binds the socket (so the port is known and connections are
  // queued from here on). kNotFound / kIoError / kUnsupported for the database, kIoError when
  // the address cannot be bound.
  static Result<std::unique_ptr<WebServer>> Create(const ServeOptions& options);
  ~WebServer();

  // The bound port (the chosen one when options.port was 0).
  int port() const;

  // Serves until Stop(). kIoError if the server could not run.
  Status Run();
  void Stop();

 private:
  struct Impl;
  explicit WebServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The Content-Security-Policy every response carries (exposed for tests and documentation).
extern const char* const kContentSecurityPolicy;

}  // namespace pressmine::tools::serve

#endif  // PRESSMINE_TOOLS_SERVE_WEB_SERVER_H_
