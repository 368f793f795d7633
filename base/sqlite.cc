#include "base/sqlite.h"

#include <sqlite3.h>

#include <utility>

namespace pressmine {

// ---- Statement ----

Statement::Statement(Statement&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)),
      stmt_(std::exchange(other.stmt_, nullptr)),
      bind_error_(other.bind_error_) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    if (stmt_) sqlite3_finalize(stmt_);
    db_ = std::exchange(other.db_, nullptr);
    stmt_ = std::exchange(other.stmt_, nullptr);
    bind_error_ = other.bind_error_;
  }
  return *this;
}

Statement::~Statement() {
  if (stmt_) sqlite3_finalize(stmt_);
}

Statement& Statement::Bind(int index, int64_t value) {
  int rc = sqlite3_bind_int64(stmt_, index, value);
  if (rc != SQLITE_OK && bind_error_ == 0) bind_error_ = rc;
  return *this;
}

Statement& Statement::Bind(int index, double value) {
  int rc = sqlite3_bind_double(stmt_, index, value);
  if (rc != SQLITE_OK && bind_error_ == 0) bind_error_ = rc;
  return *this;
}

Statement& Statement::Bind(int index, std::string_view text) {
  int rc = sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT,
                               SQLITE_UTF8);
  if (rc != SQLITE_OK && bind_error_ == 0) bind_error_ = rc;
  return *this;
}

Statement& Statement::BindBlob(int index, std::string_view bytes) {
  int rc = sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
  if (rc != SQLITE_OK && bind_error_ == 0) bind_error_ = rc;
  return *this;
}

Statement& Statement::BindPointer(int index, const void* pointer, const char* type) {
  // SQLite's API is not const-correct here; our functions only read through the pointer.
  int rc = sqlite3_bind_pointer(stmt_, index, const_cast<void*>(pointer), type, nullptr);
  if (rc != SQLITE_OK && bind_error_ == 0) bind_error_ = rc;
  return *this;
}

Statement& Statement::BindNull(int index) {
  int rc = sqlite3_bind_null(stmt_, index);
  if (rc != SQLITE_OK && bind_error_ == 0) bind_error_ = rc;
  return *this;
}

Result<bool> Statement::Step() {
  if (bind_error_ != 0) return db_->LastError(bind_error_, "binding a parameter");
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return db_->LastError(rc, sqlite3_sql(stmt_));
}

Status Statement::Run() {
  for (;;) {
    Result<bool> row = Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::Ok();
  }
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  bind_error_ = 0;
}

int64_t Statement::ColumnInt(int column) const { return sqlite3_column_int64(stmt_, column); }

double Statement::ColumnDouble(int column) const { return sqlite3_column_double(stmt_, column); }

std::string Statement::ColumnText(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  if (text == nullptr) return std::string();
  return std::string(reinterpret_cast<const char*>(text),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::string Statement::ColumnBlob(int column) const {
  const void* data = sqlite3_column_blob(stmt_, column);
  if (data == nullptr) return std::string();
  return std::string(static_cast<const char*>(data),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

bool Statement::ColumnIsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

// ---- Database ----

Result<Database> Database::Open(const std::string& path, const DatabaseOptions& options) {
  int flags = options.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (!options.read_only && options.create_if_missing) flags |= SQLITE_OPEN_CREATE;
  flags |= SQLITE_OPEN_NOMUTEX;  // one connection per thread; see the header
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Database db(raw, path);  // owns raw even on failure
  if (rc != SQLITE_OK) {
    std::string msg = path + ": cannot open database: ";
    msg += raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
    if (rc == SQLITE_CANTOPEN) return Status::IoError(msg);
    return Status::IoError(msg);
  }
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, options.busy_timeout_ms);
  // A file that is not a database fails here, on first read, with SQLITE_NOTADB.
  Status st = options.read_only ? db.Exec("PRAGMA query_only=1; SELECT count(*) FROM sqlite_master;")
                                : db.Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                                          "PRAGMA foreign_keys=ON;");
  if (!st.ok()) return st;
  return db;
}

Database::Database(Database&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), path_(std::move(other.path_)) {}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    if (db_) sqlite3_close_v2(db_);
    db_ = std::exchange(other.db_, nullptr);
    path_ = std::move(other.path_);
  }
  return *this;
}

Database::~Database() {
  // close_v2 defers the close until every statement is finalized, so destruction order between
  // a Database and its Statements cannot crash.
  if (db_) sqlite3_close_v2(db_);
}

Status Database::LastError(int rc, std::string_view what) const {
  std::string msg = path_ + ": ";
  msg += what;
  msg += ": ";
  const int primary = rc & 0xff;
  if (primary == SQLITE_FULL) {
    msg += "disk full";
    return Status::IoError(msg);
  }
  msg += db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
  switch (primary) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return Status::Busy(msg);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return Status::Corruption(msg);
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY: return Status::IoError(msg);
    case SQLITE_INTERRUPT: return Status::Interrupted(msg);
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_RANGE: return Status::InvalidArgument(msg);
    default: return Status::Internal(msg);
  }
}

Status Database::Exec(std::string_view sql) {
  std::string owned(sql);  // sqlite3_exec needs a NUL-terminated string
  int rc = sqlite3_exec(db_, owned.c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return LastError(rc, "executing SQL");
  return Status::Ok();
}

Result<Statement> Database::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) {
    if (stmt) sqlite3_finalize(stmt);
    return LastError(rc, "preparing SQL");
  }
  return Statement(this, stmt);
}

int64_t Database::LastInsertRowId() const { return sqlite3_last_insert_rowid(db_); }

int64_t Database::Changes() const { return sqlite3_changes64(db_); }

int64_t Database::TotalChanges() const { return sqlite3_total_changes64(db_); }

// ---- Transaction ----

Result<Transaction> Transaction::Begin(Database& db) {
  PM_RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE"));
  return Transaction(&db);
}

Transaction::Transaction(Transaction&& other) noexcept
    : db_(other.db_), open_(std::exchange(other.open_, false)) {}

Transaction::~Transaction() {
  if (open_) (void)db_->Exec("ROLLBACK");
}

Status Transaction::Commit() {
  if (!open_) return Status::Internal("commit of a finished transaction");
  Status st = db_->Exec("COMMIT");
  if (st.ok()) open_ = false;
  return st;
}

Result<Statement*> PrepareCached(Database& db, std::optional<Statement>& slot,
                                 std::string_view sql) {
  if (!slot) {
    PM_ASSIGN_OR_RETURN(Statement prepared, db.Prepare(sql));
    slot.emplace(std::move(prepared));
  }
  slot->Reset();
  return &*slot;
}

void ConfigureSqlite() {
  // Allocation statistics take one process-wide mutex on every malloc and free, which the web
  // server's threads searching at once contend for (pthread mutex time in a perf profile under
  // load: 1.0% -> 0.4% without them). Nothing in pressmine reads them.
  sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

// ---- Savepoint ----

// One name serves every level: SQLite's savepoints form a stack, and RELEASE/ROLLBACK TO act on
// the innermost one with the name.
constexpr std::string_view kSavepointName = "pressmine_sp";

Result<Savepoint> Savepoint::Begin(Database& db) {
  PM_RETURN_IF_ERROR(db.Exec("SAVEPOINT " + std::string(kSavepointName)));
  return Savepoint(&db);
}

Savepoint::Savepoint(Savepoint&& other) noexcept
    : db_(other.db_), open_(std::exchange(other.open_, false)) {}

Savepoint::~Savepoint() {
  if (open_) {
    (void)db_->Exec("ROLLBACK TO " + std::string(kSavepointName));
    (void)db_->Exec("RELEASE " + std::string(kSavepointName));
  }
}

Status Savepoint::Release() {
  if (!open_) return Status::Internal("release of a finished savepoint");
  Status st = db_->Exec("RELEASE " + std::string(kSavepointName));
  if (st.ok()) open_ = false;
  return st;
}

// ---- Migrations ----

namespace {

constexpr std::string_view kVersionTable =
    "CREATE TABLE IF NOT EXISTS schema_version("
    "  component TEXT PRIMARY KEY,"
    "  version INTEGER NOT NULL,"
    "  migrated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
    ") WITHOUT ROWID;";

}  // namespace

Result<int> SchemaVersion(Database& db, std::string_view component) {
  PM_RETURN_IF_ERROR(db.Exec(kVersionTable));
  PM_ASSIGN_OR_RETURN(Statement stmt,
                      db.Prepare("SELECT version FROM schema_version WHERE component = ?1"));
  stmt.Bind(1, component);
  PM_ASSIGN_OR_RETURN(bool row, stmt.Step());
  return row ? static_cast<int>(stmt.ColumnInt(0)) : 0;
}

Status ApplyMigrations(Database& db, std::string_view component,
                       std::span<const Migration> migrations) {
  PM_ASSIGN_OR_RETURN(int current, SchemaVersion(db, component));
  const int latest = migrations.empty() ? 0 : migrations.back().version;
  if (current > latest) {
    return Status::Unsupported(db.path() + ": the " + std::string(component) +
                               " schema is at version " + std::to_string(current) +
                               ", newer than this build of pressmine knows (" +
                               std::to_string(latest) + "); use a newer pressmine");
  }
  for (const Migration& m : migrations) {
    if (m.version <= current) continue;
    PM_ASSIGN_OR_RETURN(Transaction tx, Transaction::Begin(db));
    // Re-read inside the write lock: another process may have migrated meanwhile.
    PM_ASSIGN_OR_RETURN(int now, SchemaVersion(db, component));
    if (now >= m.version) continue;
    Status st = db.Exec(m.sql);
    if (st.ok() && m.after != nullptr) st = m.after(db);
    if (!st.ok()) {
      return st.WithContext(std::string(component) + " schema migration " +
                            std::to_string(m.version) + " (" + std::string(m.description) + ")");
    }
    PM_ASSIGN_OR_RETURN(Statement set,
                        db.Prepare("INSERT INTO schema_version(component, version) VALUES(?1, ?2) "
                                   "ON CONFLICT(component) DO UPDATE SET version = excluded.version, "
                                   "migrated_at = excluded.migrated_at"));
    set.Bind(1, component).Bind(2, m.version);
    PM_RETURN_IF_ERROR(set.Run());
    PM_RETURN_IF_ERROR(tx.Commit());
  }
  return Status::Ok();
}

}  // namespace pressmine
