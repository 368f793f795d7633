// The one owner of sqlite3* and sqlite3_stmt* handles, and the schema-migration mechanism every
// stage uses for its own tables.
//
// pressmine's whole state is one SQLite file in WAL mode. Each stage (index, crawler, facts)
// owns its tables and declares them as an ordered list of migrations under its own component
// name; schema_version records how far each component has been migrated. Opening a database
// upgrades older components in one transaction per step and refuses a component whose stored
// version is newer than this build knows, so an old binary never writes a newer layout.
//
// Thread-safety: a Database and its Statements belong to one thread at a time.
#ifndef PRESSMINE_BASE_SQLITE_H_
#define PRESSMINE_BASE_SQLITE_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "base/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace pressmine {

class Database;

// A prepared statement. Text getters copy: SQLite's column pointers die on the next step.
class Statement {
 public:
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  // Parameters are 1-based, as in SQLite.
  Statement& Bind(int index, int64_t value);
  Statement& Bind(int index, int value) { return Bind(index, static_cast<int64_t>(value)); }
  Statement& Bind(int index, double value);
  Statement& Bind(int index, std::string_view text);
  Statement& Bind(int index, const char* text) { return Bind(index, std::string_view(text)); }
  Statement& Bind(int index, const std::string& text) { return Bind(index, std::string_view(text)); }
  Statement& BindNull(int index);
  // Binary data (not text): stored as a BLOB, read back with ColumnBlob.
  Statement& BindBlob(int index, std::string_view bytes);
  // A C++ object for an SQL function of ours (sqlite3_bind_pointer): `type` names it for the
  // function's sqlite3_value_pointer and must be a string literal. The object must outlive the
  // statement's use; SQLite never frees it.
  Statement& BindPointer(int index, const void* pointer, const char* type);

  // Advances: true when a row is ready, false when done; an error Status otherwise (the first
  // bind error, if any, is reported here).
  Result<bool> Step();
  // Steps until done, for statements that return no rows.
  Status Run();
  // Ready for another round of binds and steps; bindings are cleared.
  void Reset();

  // Columns are 0-based.
  int64_t ColumnInt(int column) const;
  double ColumnDouble(int column) const;
  std::string ColumnText(int column) const;
  std::string ColumnBlob(int column) const;
  bool ColumnIsNull(int column) const;

 private:
  friend class Database;
  Statement(Database* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}

  Database* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  int bind_error_ = 0;  // first SQLite error from a Bind call, reported by Step
};

struct DatabaseOptions {
  bool read_only = false;
  bool create_if_missing = true;
  // How long a writer waits for another process's lock before giving up with kBusy.
  int busy_timeout_ms = 10000;
};

class Database {
 public:
  // Opens (and by default creates) the file, sets WAL mode and foreign keys. Errors name the path.
  static Result<Database> Open(const std::string& path, const DatabaseOptions& options = {});

  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  // Runs one or more statements that return no rows.
  Status Exec(std::string_view sql);
  Result<Statement> Prepare(std::string_view sql);

  int64_t LastInsertRowId() const;
  int64_t Changes() const;
  // Rows changed by this connection since it opened (sqlite3_total_changes64).
  int64_t TotalChanges() const;
  const std::string& path() const { return path_; }

  // For registering extensions (the FTS5 tokenizer). The Database keeps ownership.
  sqlite3* raw() const { return db_; }

  // A Status built from SQLite's last error on this connection, naming the file; SQLITE_FULL
  // becomes "disk full" and SQLITE_BUSY becomes kBusy.
  Status LastError(int rc, std::string_view what) const;

 private:
  Database(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}

  sqlite3* db_ = nullptr;
  std::string path_;
};

// Prepares `sql` into `slot` on first use and resets it (bindings cleared) on every use: for a
// store's statements that run once per row, where preparing each time costs more than running.
// A caller that stops reading rows early resets the statement, so no read stays open.
Result<Statement*> PrepareCached(Database& db, std::optional<Statement>& slot,
                                 std::string_view sql);

// Process-wide SQLite settings. Call once at the start of main, before any connection opens
// (SQLite accepts them only before it initializes; later they are refused, harmlessly).
void ConfigureSqlite();

// BEGIN IMMEDIATE on construction, ROLLBACK on destruction unless Commit() succeeded. IMMEDIATE
// takes the write lock up front so two writers queue rather than deadlock on upgrade.
class Transaction {
 public:
  static Result<Transaction> Begin(Database& db);
  Transaction(Transaction&& other) noexcept;
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  ~Transaction();

  Status Commit();

 private:
  explicit Transaction(Database* db) : db_(db) {}
  Database* db_;
  bool open_ = true;
};

// SAVEPOINT on construction, ROLLBACK TO on destruction unless Release() succeeded. Unlike a
// Transaction it nests: inside a caller's transaction it makes a unit that can fail alone;
// outside one it is a transaction of its own.
class Savepoint {
 public:
  static Result<Savepoint> Begin(Database& db);
  Savepoint(Savepoint&& other) noexcept;
  Savepoint& operator=(Savepoint&&) = delete;
  Savepoint(const Savepoint&) = delete;
  ~Savepoint();

  Status Release();

 private:
  explicit Savepoint(Database* db) : db_(db) {}
  Database* db_;
  bool open_ = true;
};

// One step of a component's schema. `version` counts from 1 without gaps; `sql` runs inside the
// step's transaction, then `after` (optional) for work SQL alone cannot express.
struct Migration {
  int version;
  std::string_view description;
  std::string_view sql;
  Status (*after)(Database& db) = nullptr;
};

// Brings `component` up to the last migration in `migrations`. Idempotent. Refuses (kUnsupported)
// a database where the component is already past the newest version this build knows.
Status ApplyMigrations(Database& db, std::string_view component,
                       std::span<const Migration> migrations);

// The version recorded for `component`, 0 when none.
Result<int> SchemaVersion(Database& db, std::string_view component);

}  // namespace pressmine

#endif  // PRESSMINE_BASE_SQLITE_H_
