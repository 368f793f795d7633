// Clock: the one source of "now", injected so that tests can pin time (relative dates such as
// "last year" and the crawler's re-check schedule both depend on it). Implementations must be
// thread-safe.
#ifndef PRESSMINE_BASE_CLOCK_H_
#define PRESSMINE_BASE_CLOCK_H_

#include <chrono>
#include <cstdint>
#include <string>

namespace pressmine {

class Clock {
 public:
  virtual ~Clock() = default;
  // Seconds since the Unix epoch, UTC.
  virtual int64_t NowUnixSeconds() const = 0;

  // The process-wide real clock.
  static const Clock& System();
};

// A clock that always says the same time; for tests.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(int64_t unix_seconds) : now_(unix_seconds) {}
  int64_t NowUnixSeconds() const override { return now_; }

 private:
  int64_t now_;
};

// "2026-01-26T17:11:00Z" for a Unix time, UTC.
std::string FormatIsoUtc(int64_t unix_seconds);

}  // namespace pressmine

#endif  // PRESSMINE_BASE_CLOCK_H_
