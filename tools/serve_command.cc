// pressmine serve : the web page and JSON API over the database, read-only (tools/serve/).
#include <pthread.h>
#include <signal.h>

#include <chrono>
#include <iostream>
#include <thread>

#include "tools/command.h"
#include "tools/serve/web_server.h"

namespace pressmine::tools {
namespace {

class ServeCommand final : public Command {
 public:
  explicit ServeCommand(CLI::App& app) {
    cmd_ = app.add_subcommand("serve",
                              "Serve a search page and a JSON API over the database (read-only)");
    cmd_->add_option("--port", port_, "TCP port; 0 picks a free one")
        ->capture_default_str()
        ->check(CLI::Range(0, 65535));
    cmd_->add_option("--bind", bind_,
                     "Address to listen on; anything but loopback exposes the database to the "
                     "network")
        ->capture_default_str();
    cmd_->add_option("--threads", threads_, "Worker threads (concurrent requests)")
        ->capture_default_str()
        ->check(CLI::Range(1, 256));
    cmd_->add_option("--timeout-ms", timeout_ms_,
                     "Time limit for one request's database work; longer ones get HTTP 503")
        ->capture_default_str()
        ->check(CLI::Range(1, 600000));
    cmd_->footer(
        "API (JSON, as the command line prints it with --json):\n"
        "  /api/search?q=QUERY&lang=&source=&from=&to=&limit=&offset=&sort=&mono=&explain=\n"
        "  /api/doc/ID       a document, its versions and its facts\n"
        "  /api/facts?type=&query=&official=&indicator=&lang=&from=&to=&doc=&limit=\n"
        "  /api/officials    officials, positions over time, releases per language\n"
        "  /api/timeline?indicator=TEXT   an indicator's reported values\n"
        "  /api/stats        counts by language, source and month\n"
        "Bad parameters get HTTP 400 with {\"error\", \"status\"}.");
  }

  CLI::App* subcommand() const override { return cmd_; }

  int Run(const GlobalOptions& global) override {
    // Signals are taken by one thread with sigwait, so stopping the server happens on an
    // ordinary thread and not inside a signal handler. Blocked before any thread starts, so
    // every worker inherits the mask.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

    serve::ServeOptions options;
    options.db_path = global.db_path;
    options.bind = bind_;
    options.port = port_;
    options.threads = threads_;
    options.request_budget = std::chrono::milliseconds(timeout_ms_);
    Result<std::unique_ptr<serve::WebServer>> server = serve::WebServer::Create(options);
    if (!server.ok()) {
      PrintError("serve", server.status().message());
      return ExitCodeFor(server.status());
    }
    serve::WebServer& web = **server;

    std::thread signal_waiter([&web, stop_signals] {
      int sig = 0;
      sigwait(&stop_signals, &sig);
      web.Stop();
    });

    const std::string host = bind_.find(':') != std::string::npos ? "[" + bind_ + "]" : bind_;
    std::cout << "pressmine: serving http://" << host << ":" << web.port() << "/ from "
              << global.db_path << " (read-only); Ctrl-C stops" << std::endl;
    if (bind_ != "127.0.0.1" && bind_ != "localhost" && bind_ != "::1") {
      PrintError("serve", "warning: listening on " + bind_ +
                              ", not loopback: other machines can read the database");
    }

    Status st = web.Run();
    // Wake the signal thread if the server ended by itself.
    pthread_kill(signal_waiter.native_handle(), SIGTERM);
    signal_waiter.join();
    if (!st.ok()) {
      PrintError("serve", st.message());
      return kExitRuntimeError;
    }
    return kExitOk;
  }

 private:
  CLI::App* cmd_;
  int port_ = 8080;
  std::string bind_ = "127.0.0.1";
  int threads_ = 8;
  int timeout_ms_ = 2000;
};

}  // namespace

std::unique_ptr<Command> MakeServeCommand(CLI::App& app) {
  return std::make_unique<ServeCommand>(app);
}

}  // namespace pressmine::tools
