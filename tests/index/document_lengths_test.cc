#include "index/document_lengths.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/support/temp_dir.h"

namespace pressmine::index {
namespace {

TEST(DocumentLengthsTest, RankedLengthAddsTitleAndTextFromVarints) {
  using namespace std::string_literals;
  EXPECT_EQ(DocumentLengths::RankedLength("\x02\x05\x04"s), 7) << "meta (third) not counted";
  EXPECT_EQ(DocumentLengths::RankedLength("\x01\x81\x00\x04"s), 129) << "128 as two bytes";
  EXPECT_EQ(DocumentLengths::RankedLength("\x00\x83\xE8\x00"s), 62464);
  EXPECT_EQ(DocumentLengths::RankedLength("\x01\x81"s), -1) << "truncated";
  EXPECT_EQ(DocumentLengths::RankedLength(""), -1);
}

class DocumentLengthsDbTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::Open(dir_.File("l.db"));
    ASSERT_TRUE(db.ok());
    db_.emplace(std::move(*db));
    ASSERT_TRUE(db_->Exec("CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, meta);"
                          "INSERT INTO documents_fts(rowid, title, text, meta) VALUES"
                          " (10, 'one two', 'three', 'x'), (12, 'a', 'b c d e', 'y z');")
                    .ok());
  }

  testing::TempDir dir_;
  std::optional<Database> db_;
};

TEST_F(DocumentLengthsDbTest, HoldsEveryIndexedRowsLength) {
  DocumentLengths lengths;
  ASSERT_TRUE(lengths.Refresh(*db_).ok());
  EXPECT_EQ(lengths.Get(10), 3);
  EXPECT_EQ(lengths.Get(11), -1) << "no such row";
  EXPECT_EQ(lengths.Get(12), 5);
  EXPECT_EQ(lengths.Get(9), -1);
  EXPECT_EQ(lengths.Get(13), -1);
  // A text of 300 tokens: a two-byte varint in FTS5's record.
  std::string words;
  for (int i = 0; i < 300; ++i) words += "w ";
  auto insert = db_->Prepare("INSERT INTO documents_fts(rowid, title, text, meta) VALUES "
                             "(13, 'title', ?1, '')");
  ASSERT_TRUE(insert.ok());
  insert->Bind(1, words);
  ASSERT_TRUE(insert->Run().ok());
  ASSERT_TRUE(lengths.Refresh(*db_).ok());
  EXPECT_EQ(lengths.Get(13), 301) << "this connection's own write reloads the lengths";
}

TEST_F(DocumentLengthsDbTest, ReloadsAfterAnotherConnectionsCommit) {
  DocumentLengths lengths;
  ASSERT_TRUE(lengths.Refresh(*db_).ok());
  EXPECT_EQ(lengths.Get(14), -1);
  {
    auto other = Database::Open(dir_.File("l.db"));
    ASSERT_TRUE(other.ok());
    ASSERT_TRUE(other->Exec("INSERT INTO documents_fts(rowid, title, text, meta) VALUES "
                            "(14, 'x', 'y', ''); DELETE FROM documents_fts WHERE rowid = 10;")
                    .ok());
  }
  ASSERT_TRUE(lengths.Refresh(*db_).ok());
  EXPECT_EQ(lengths.Get(14), 2);
  EXPECT_EQ(lengths.Get(10), -1) << "a deleted row is no longer held";
  EXPECT_EQ(lengths.Get(12), 5);
}

TEST_F(DocumentLengthsDbTest, CommitsThatLeaveTheIndexAloneDoNotReload) {
  ASSERT_TRUE(db_->Exec("CREATE TABLE crawl_log(x)").ok());
  DocumentLengths lengths;
  ASSERT_TRUE(lengths.Refresh(*db_).ok());
  // Rows deleted behind FTS5's back (never done outside this test) show whether a reload
  // happened: a reload would drop them.
  ASSERT_TRUE(db_->Exec("DELETE FROM documents_fts_docsize WHERE id = 12").ok());
  auto other = Database::Open(dir_.File("l.db"));
  ASSERT_TRUE(other.ok());
  ASSERT_TRUE(other->Exec("INSERT INTO crawl_log VALUES (1)").ok());
  ASSERT_TRUE(lengths.Refresh(*db_).ok());
  EXPECT_EQ(lengths.Get(12), 5) << "another table's commit: the index did not change";
  ASSERT_TRUE(other->Exec("INSERT INTO documents_fts(rowid, title, text, meta) VALUES "
                          "(20, 'x', 'y', '')")
                  .ok());
  ASSERT_TRUE(lengths.Refresh(*db_).ok());
  EXPECT_EQ(lengths.Get(20), 2);
  EXPECT_EQ(lengths.Get(12), -1) << "the index changed: reloaded";
}

}  // namespace
}  // namespace pressmine::index
