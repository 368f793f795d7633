#include "base/sqlite.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <filesystem>

namespace pressmine {
namespace {

namespace fs = std::filesystem;

class SqliteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("pm_sqlite_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string DbPath() const { return (dir_ / "t.db").string(); }

  fs::path dir_;
};

constexpr std::array<Migration, 1> kV1 = {{
    {1, "notes table", "CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT NOT NULL);"},
}};
constexpr std::array<Migration, 2> kV2 = {{
    kV1[0],
    {2, "notes.lang", "ALTER TABLE notes ADD COLUMN lang TEXT NOT NULL DEFAULT 'ru';"},
}};

TEST_F(SqliteTest, OpensInWalModeAndRoundTripsText) {
  auto db = Database::Open(DbPath());
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  auto mode = db->Prepare("PRAGMA journal_mode");
  ASSERT_TRUE(mode.ok());
  ASSERT_TRUE(*mode->Step());
  EXPECT_EQ(mode->ColumnText(0), "wal");

  ASSERT_TRUE(db->Exec("CREATE TABLE t(x TEXT)").ok());
  auto ins = db->Prepare("INSERT INTO t VALUES(?1)");
  ASSERT_TRUE(ins.ok());
  ins->Bind(1, std::string_view("Кадыралиев"));
  ASSERT_TRUE(ins->Run().ok());
  auto sel = db->Prepare("SELECT x FROM t");
  ASSERT_TRUE(*sel->Step());
  EXPECT_EQ(sel->ColumnText(0), "Кадыралиев");
}

TEST_F(SqliteTest, SqlErrorsNameTheDatabase) {
  auto db = Database::Open(DbPath());
  ASSERT_TRUE(db.ok());
  Status st = db->Exec("SELEC nonsense");
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find(DbPath()), std::string::npos) << st.message();
}

TEST_F(SqliteTest, NotADatabaseIsReportedAsCorruption) {
  {
    std::FILE* f = std::fopen(DbPath().c_str(), "wb");
    std::fputs("this is a text file, not an SQLite database, and long enough to have a header", f);
    std::fclose(f);
  }
  auto db = Database::Open(DbPath());
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), Status::Code::kCorruption) << db.status().ToString();
}

TEST_F(SqliteTest, TransactionRollsBackUnlessCommitted) {
  auto db = Database::Open(DbPath());
  ASSERT_TRUE(db->Exec("CREATE TABLE t(x INTEGER)").ok());
  {
    auto tx = Transaction::Begin(*db);
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE(db->Exec("INSERT INTO t VALUES(1)").ok());
  }  // dropped without Commit
  {
    auto tx = Transaction::Begin(*db);
    ASSERT_TRUE(db->Exec("INSERT INTO t VALUES(2)").ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  auto sel = db->Prepare("SELECT group_concat(x) FROM t");
  ASSERT_TRUE(*sel->Step());
  EXPECT_EQ(sel->ColumnText(0), "2");
}

TEST_F(SqliteTest, MigrationsUpgradeAnOlderDatabaseAndKeepItsRows) {
  {
    auto db = Database::Open(DbPath());
    ASSERT_TRUE(ApplyMigrations(*db, "notes", kV1).ok());
    ASSERT_TRUE(db->Exec("INSERT INTO notes(body) VALUES('old row')").ok());
  }
  auto db = Database::Open(DbPath());
  ASSERT_TRUE(ApplyMigrations(*db, "notes", kV2).ok());
  ASSERT_TRUE(ApplyMigrations(*db, "notes", kV2).ok()) << "idempotent";
  EXPECT_EQ(*SchemaVersion(*db, "notes"), 2);
  auto sel = db->Prepare("SELECT body, lang FROM notes");
  ASSERT_TRUE(*sel->Step());
  EXPECT_EQ(sel->ColumnText(0), "old row");
  EXPECT_EQ(sel->ColumnText(1), "ru");
}

TEST_F(SqliteTest, NewerSchemaIsRefusedWithAClearMessage) {
  {
    auto db = Database::Open(DbPath());
    ASSERT_TRUE(ApplyMigrations(*db, "notes", kV2).ok());
  }
  auto db = Database::Open(DbPath());
  Status st = ApplyMigrations(*db, "notes", kV1);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), Status::Code::kUnsupported);
  EXPECT_NE(st.message().find("newer"), std::string::npos) << st.message();
}

TEST_F(SqliteTest, FailedMigrationLeavesTheVersionUnchanged) {
  auto db = Database::Open(DbPath());
  ASSERT_TRUE(ApplyMigrations(*db, "notes", kV1).ok());
  constexpr std::array<Migration, 2> broken = {{
      kV1[0], {2, "broken", "ALTER TABLE notes ADD COLUMN x TEXT; CREATE TABLE notes(y);"}}};
  Status st = ApplyMigrations(*db, "notes", broken);
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("migration 2"), std::string::npos) << st.message();
  EXPECT_EQ(*SchemaVersion(*db, "notes"), 1);
  // The partial ALTER was rolled back with the step.
  EXPECT_FALSE(db->Prepare("SELECT x FROM notes").ok());
}

// ConfigureSqlite turns off SQLite's allocation statistics (a process-wide mutex on every
// allocation). It must run before SQLite initializes, so the check runs in a child whose
// SQLite is shut down first: this test binary has opened databases already.
TEST(ConfigureSqliteTest, TurnsOffAllocationStatistics) {
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    if (sqlite3_shutdown() != SQLITE_OK) _exit(2);
    ConfigureSqlite();
    auto db = Database::Open(":memory:");
    if (!db.ok() || !db->Exec("CREATE TABLE t(x); INSERT INTO t VALUES(randomblob(4096));").ok())
      _exit(3);
    _exit(sqlite3_memory_used() == 0 ? 0 : 1);
  }
  int status = 0;
  waitpid(child, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << "1: SQLite still counts allocations";
}

}  // namespace
}  // namespace pressmine
