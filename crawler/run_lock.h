// An exclusive lock so two crawl/update runs on one database never overlap.
//
// flock(2) on "<database>.lock": the kernel releases it when the process dies, even by
// SIGKILL, so a crashed run never leaves a stale lock behind. The lock file itself is left in
// place (deleting it would race with a process that just opened it).
//
// Thread-safety: a RunLock is a move-only owner of one file descriptor.
#ifndef PRESSMINE_CRAWLER_RUN_LOCK_H_
#define PRESSMINE_CRAWLER_RUN_LOCK_H_

#include <string>

#include "base/status.h"

namespace pressmine::crawler {

class RunLock {
 public:
  // Takes the lock for the database at `db_path` without waiting. kBusy, naming the lock file,
  // when another run holds it; kIoError when the lock file cannot be created.
  static Result<RunLock> Acquire(const std::string& db_path);

  RunLock(RunLock&& other) noexcept;
  RunLock& operator=(RunLock&& other) noexcept;
  RunLock(const RunLock&) = delete;
  RunLock& operator=(const RunLock&) = delete;
  ~RunLock();  // releases the lock

 private:
  explicit RunLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace pressmine::crawler

#endif  // PRESSMINE_CRAWLER_RUN_LOCK_H_
