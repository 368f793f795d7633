// QueryDeadline: a time limit on everything one SQLite connection runs while it is alive.
//
// A web request must not hold a worker forever on a pathological query, so the server gives
// each request a budget. SQLite calls a progress handler every few hundred virtual-machine
// steps; ours compares the clock with the deadline and, once it has passed, makes SQLite
// abandon the statement with SQLITE_INTERRUPT (which base/ maps to Status::kInterrupted).
// sqlite3_interrupt from a watchdog thread would work too, but it needs a thread and a lock
// per request; the handler runs on the query's own thread and needs neither.
//
// The object owns the handler registration: constructing installs it, destroying removes it.
// One QueryDeadline per Database at a time (SQLite keeps one progress handler per
// connection). Not thread-safe; it lives on the request's thread, as the connection does.
#ifndef PRESSMINE_TOOLS_SERVE_QUERY_DEADLINE_H_
#define PRESSMINE_TOOLS_SERVE_QUERY_DEADLINE_H_

#include <chrono>

#include "base/sqlite.h"

namespace pressmine::tools::serve {

class QueryDeadline {
 public:
  // `budget` may be zero or negative: every statement is then interrupted at once (tests use
  // this to exercise the timeout path without depending on machine speed).
  QueryDeadline(Database& db, std::chrono::milliseconds budget);
  ~QueryDeadline();
  QueryDeadline(const QueryDeadline&) = delete;
  QueryDeadline& operator=(const QueryDeadline&) = delete;

  // Whether the handler has interrupted a statement: tells a timeout from other
  // SQLITE_INTERRUPT causes.
  bool expired() const { return expired_; }

 private:
  static int OnProgress(void* self) noexcept;

  Database& db_;
  std::chrono::steady_clock::time_point deadline_;
  bool expired_ = false;
};

}  // namespace pressmine::tools::serve

#endif  // PRESSMINE_TOOLS_SERVE_QUERY_DEADLINE_H_
