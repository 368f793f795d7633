// ConnectionPool: read-only database connections shared by the web server's worker threads.
//
// A Database belongs to one thread at a time (base/sqlite.h), and opening one per request
// would redo the schema check and tokenizer registration each time, so the pool keeps opened
// connections, each with its index::Searcher (whose query compiler is built once) and its
// document and fact stores (schema checked once), and lends one per request (with a
// FactExtractor, built on first use). Every connection is opened with
// DatabaseOptions::read_only (and SQLite's query_only): the server cannot change the file even
// through a bug. Connections are opened on demand, up to `max_size`; a request finding all of
// them lent waits for one to come back.
//
// Thread-safety: Acquire and the Lease's release may be called from any thread.
#ifndef PRESSMINE_TOOLS_SERVE_CONNECTION_POOL_H_
#define PRESSMINE_TOOLS_SERVE_CONNECTION_POOL_H_

#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "base/sqlite.h"
#include "base/status.h"
#include "extract/facts.h"
#include "index/document_store.h"
#include "index/fact_store.h"
#include "index/search.h"

namespace pressmine::tools::serve {

// A pooled connection and what is kept with it. The Database lives on the heap inside, so the
// Searcher's reference to it stays valid while the connection moves in and out of the pool.
struct Connection {
  explicit Connection(Database opened) : db(std::move(opened)) {}
  Database db;
  std::optional<index::DocumentStore> documents;  // opened with the connection
  // Opened on first use. While the database has no facts at this build's schema it stays
  // empty and is looked for again on the next request (an `update` may migrate them meanwhile).
  std::optional<index::FactStore> facts;
  std::optional<index::Searcher> searcher;
  // Turns typed names and indicators into keys for the facts endpoints; tens of milliseconds
  // to build, so built once per connection.
  std::optional<extract::FactExtractor> extractor;
};

// What a request reads, all on one lent connection.
struct Reader {
  Database& db;
  index::DocumentStore& documents;
  // Null when the database has no facts at this build's schema (FactStore::OpenIfCurrent; a
  // read-only connection cannot migrate them): documents and searches are served without facts.
  index::FactStore* facts = nullptr;
};

class ConnectionPool {
 public:
  // Opens the first connection at once, so a missing file, a file that is not a pressmine
  // database or one whose schema needs migrating is reported before the server starts.
  static Result<std::unique_ptr<ConnectionPool>> Open(const std::string& path, int max_size);

  // A borrowed connection, returned to the pool on destruction. Move-only.
  class Lease {
   public:
    Lease(Lease&& other) noexcept;
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    ~Lease();
    Database& db() { return conn_->db; }
    // The connection and its stores; fails only when the database fails.
    Result<Reader> reader();
    // This connection's searcher, opened on first use.
    Result<index::Searcher*> searcher();
    // This connection's fact extractor, built on first use.
    Result<extract::FactExtractor*> extractor();

   private:
    friend class ConnectionPool;
    Lease(ConnectionPool* pool, std::unique_ptr<Connection> conn)
        : pool_(pool), conn_(std::move(conn)) {}
    ConnectionPool* pool_;
    std::unique_ptr<Connection> conn_;
  };

  // Blocks while every connection is lent. Fails only when opening a new connection fails.
  Result<Lease> Acquire();

 private:
  ConnectionPool(std::string path, int max_size) : path_(std::move(path)), max_size_(max_size) {}
  static Result<std::unique_ptr<Connection>> OpenOne(const std::string& path);
  void Release(std::unique_ptr<Connection> conn);

  const std::string path_;
  const int max_size_;
  std::mutex mu_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<Connection>> idle_;  // guarded by mu_
  int opened_ = 0;                                 // guarded by mu_
};

}  // namespace pressmine::tools::serve

#endif  // PRESSMINE_TOOLS_SERVE_CONNECTION_POOL_H_
