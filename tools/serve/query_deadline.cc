#include "tools/serve/query_deadline.h"

#include <sqlite3.h>

namespace pressmine::tools::serve {
namespace {

// Virtual-machine steps between clock reads: a clock read costs tens of nanoseconds, 1000 steps
// are a few microseconds of work, so the check is cheap and the overshoot is tiny.
constexpr int kStepsBetweenChecks = 1000;

}  // namespace

QueryDeadline::QueryDeadline(Database& db, std::chrono::milliseconds budget)
    : db_(db), deadline_(std::chrono::steady_clock::now() + budget) {
  // A spent budget is checked at the first step, so even the smallest statement stops.
  const int steps = budget.count() <= 0 ? 1 : kStepsBetweenChecks;
  sqlite3_progress_handler(db_.raw(), steps, &QueryDeadline::OnProgress, this);
}

QueryDeadline::~QueryDeadline() { sqlite3_progress_handler(db_.raw(), 0, nullptr, nullptr); }

int QueryDeadline::OnProgress(void* self) noexcept {
  auto* deadline = static_cast<QueryDeadline*>(self);
  if (std::chrono::steady_clock::now() < deadline->deadline_) return 0;
  deadline->expired_ = true;
  return 1;  // non-zero: SQLite stops the statement with SQLITE_INTERRUPT
}

}  // namespace pressmine::tools::serve
