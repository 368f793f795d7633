#include "tools/serve/connection_pool.h"

#include <filesystem>

namespace pressmine::tools::serve {
namespace {

// Reads through a memory map: a search touches thousands of scattered rows, and with ordinary
// reads each page is copied from the OS cache on every request (the profile's top entry). The
// map shares the OS cache, so it costs address space, not memory; past its size SQLite reads as
// before.
constexpr const char* kReadPragmas = "PRAGMA mmap_size = 4294967296;";

}  // namespace

Result<std::unique_ptr<ConnectionPool>> ConnectionPool::Open(const std::string& path,
                                                             int max_size) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return Status::NotFound("no database at " + path +
                            " (run `pressmine ingest` first, or pass --db PATH)");
  }
  std::unique_ptr<ConnectionPool> pool(new ConnectionPool(path, max_size < 1 ? 1 : max_size));
  PM_ASSIGN_OR_RETURN(std::unique_ptr<Connection> first, OpenOne(path));
  pool->idle_.push_back(std::move(first));
  pool->opened_ = 1;
  return pool;
}

Result<std::unique_ptr<Connection>> ConnectionPool::OpenOne(const std::string& path) {
  DatabaseOptions options;
  options.read_only = true;
  options.create_if_missing = false;
  PM_ASSIGN_OR_RETURN(Database db, Database::Open(path, options));
  PM_RETURN_IF_ERROR(db.Exec(kReadPragmas));
  // Registers the tokenizer on this connection and checks the schema version. A database whose
  // schema is older than this build cannot be migrated through a read-only connection.
  auto conn = std::make_unique<Connection>(std::move(db));
  Result<index::DocumentStore> store = index::DocumentStore::Open(conn->db);
  if (!store.ok()) {
    return store.status().WithContext(
        "opening read-only (if the database is from an older pressmine, run `pressmine stats` "
        "once to upgrade it)");
  }
  conn->documents.emplace(std::move(store).value());
  return conn;
}

Result<ConnectionPool::Lease> ConnectionPool::Acquire() {
  std::unique_lock lock(mu_);
  returned_.wait(lock, [this] { return !idle_.empty() || opened_ < max_size_; });
  if (!idle_.empty()) {
    std::unique_ptr<Connection> conn = std::move(idle_.back());
    idle_.pop_back();
    return Lease(this, std::move(conn));
  }
  ++opened_;  // reserve the slot, then open outside the lock
  lock.unlock();
  Result<std::unique_ptr<Connection>> conn = OpenOne(path_);
  if (!conn.ok()) {
    lock.lock();
    --opened_;
    returned_.notify_one();
    return conn.status();
  }
  return Lease(this, std::move(conn).value());
}

void ConnectionPool::Release(std::unique_ptr<Connection> conn) {
  {
    std::lock_guard lock(mu_);
    idle_.push_back(std::move(conn));
  }
  returned_.notify_one();
}

ConnectionPool::Lease::Lease(Lease&& other) noexcept
    : pool_(other.pool_), conn_(std::move(other.conn_)) {}

ConnectionPool::Lease::~Lease() {
  if (conn_) pool_->Release(std::move(conn_));
}

Result<Reader> ConnectionPool::Lease::reader() {
  if (!conn_->facts) {
    PM_ASSIGN_OR_RETURN(std::optional<index::FactStore> facts,
                        index::FactStore::OpenIfCurrent(conn_->db));
    conn_->facts = std::move(facts);
  }
  return Reader{conn_->db, *conn_->documents, conn_->facts ? &*conn_->facts : nullptr};
}

Result<index::Searcher*> ConnectionPool::Lease::searcher() {
  if (!conn_->searcher) {
    index::SearcherOptions options;
    options.keep_document_lengths = true;  // a connection serves many queries
    PM_ASSIGN_OR_RETURN(index::Searcher opened, index::Searcher::Open(conn_->db, options));
    conn_->searcher.emplace(std::move(opened));
  }
  return &*conn_->searcher;
}

Result<extract::FactExtractor*> ConnectionPool::Lease::extractor() {
  if (!conn_->extractor) {
    PM_ASSIGN_OR_RETURN(extract::FactExtractor made, extract::FactExtractor::Create());
    conn_->extractor.emplace(std::move(made));
  }
  return &*conn_->extractor;
}

}  // namespace pressmine::tools::serve
