// Status and Result<T>: errors as values at every module boundary.
//
// A Status is either OK or carries a code from a closed set plus a message that names the
// offending input ("seeds/004.txt: not UTF-8 and no charset declared"). Nothing in pressmine's
// libraries throws across a module boundary; fallible construction goes through factories that
// return Result<T>. Both types are cheap to move and safe to copy; neither is thread-safe to
// mutate concurrently (they are plain values).
#ifndef PRESSMINE_BASE_STATUS_H_
#define PRESSMINE_BASE_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace pressmine {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidArgument,  // the caller's input is malformed (bad query, bad flag, bad file)
    kNotFound,
    kIoError,          // the file system or network failed
    kCorruption,       // stored data is not what we wrote
    kUnsupported,      // e.g. a database written by a newer pressmine
    kBusy,             // another process holds a lock
    kInterrupted,      // a signal asked us to stop
    kInternal,         // a bug: an invariant did not hold
  };

  Status() = default;  // OK

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string msg) { return {Code::kInvalidArgument, std::move(msg)}; }
  static Status NotFound(std::string msg) { return {Code::kNotFound, std::move(msg)}; }
  static Status IoError(std::string msg) { return {Code::kIoError, std::move(msg)}; }
  static Status Corruption(std::string msg) { return {Code::kCorruption, std::move(msg)}; }
  static Status Unsupported(std::string msg) { return {Code::kUnsupported, std::move(msg)}; }
  static Status Busy(std::string msg) { return {Code::kBusy, std::move(msg)}; }
  static Status Interrupted(std::string msg) { return {Code::kInterrupted, std::move(msg)}; }
  static Status Internal(std::string msg) { return {Code::kInternal, std::move(msg)}; }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

  // "invalid argument: <message>", or "OK".
  std::string ToString() const;

  // Returns a copy whose message is "<context>: <message>", for adding the input's name.
  Status WithContext(std::string_view context) const;

 private:
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}

  Code code_ = Code::kOk;
  std::string message_;
};

// Either a value or a non-OK Status. Accessing value() of an error is a bug (asserted).
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT: implicit by design
    assert(!status_.ok() && "Result built from an OK Status has no value");
    if (status_.ok()) status_ = Status::Internal("Result built from an OK status");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }

  T& value() & {
    assert(ok());
    return *value_;
  }
  const T& value() const& {
    assert(ok());
    return *value_;
  }
  T&& value() && {
    assert(ok());
    return std::move(*value_);
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::optional<T> value_;
  Status status_;  // OK whenever value_ is set
};

}  // namespace pressmine

// Early-return helpers, as in LevelDB and Abseil.
#define PM_RETURN_IF_ERROR(expr)                  \
  do {                                            \
    ::pressmine::Status pm_status_ = (expr);      \
    if (!pm_status_.ok()) return pm_status_;      \
  } while (0)

#define PM_CONCAT_INNER_(a, b) a##b
#define PM_CONCAT_(a, b) PM_CONCAT_INNER_(a, b)
#define PM_ASSIGN_OR_RETURN(lhs, expr) PM_ASSIGN_OR_RETURN_IMPL_(PM_CONCAT_(pm_result_, __LINE__), lhs, expr)
#define PM_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                              \
  if (!tmp.ok()) return tmp.status();             \
  lhs = std::move(tmp).value()

#endif  // PRESSMINE_BASE_STATUS_H_
