#include "index/fts_rank.h"

#include <gtest/gtest.h>

#include <map>

#include "index/document_lengths.h"
#include "index/fts_tokenizer.h"
#include "tests/support/temp_dir.h"

namespace pressmine::index {
namespace {

TEST(CountFtsPhrasesTest, CountsQuotedStringsWithEscapedQuotes) {
  EXPECT_EQ(CountFtsPhrases(""), 0);
  EXPECT_EQ(CountFtsPhrases("{title text} : (\"a\" OR \"b c\")"), 2);
  EXPECT_EQ(CountFtsPhrases("\"say \"\"hi\"\"\" AND meta : \"=l:ru\""), 2);
  EXPECT_EQ(CountFtsPhrases("(\"a\" NOT \"b\") AND title : \"c\""), 3);
}

TEST(ReadFtsStringTest, UnescapesQuotesAndStopsAfterTheClosingOne) {
  std::string content;
  const std::string_view fts = "title : \"say \"\"hi\"\"\"* AND x";
  EXPECT_EQ(ReadFtsString(fts, 8, &content), 20u);
  EXPECT_EQ(content, "say \"hi\"");
  EXPECT_EQ(fts[20], '*');
  content.clear();
  EXPECT_EQ(ReadFtsString("\"open", 0, &content), 5u) << "a missing closing quote ends the text";
  EXPECT_EQ(content, "open");
}

class Bm25Test : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::Open(dir_.File("r.db"));
    ASSERT_TRUE(db.ok());
    db_.emplace(std::move(*db));
    ASSERT_TRUE(RegisterPressmineTokenizer(*db_).ok());
    ASSERT_TRUE(db_->Exec("CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, meta);"
                          "INSERT INTO documents_fts(rowid, title, text, meta) VALUES"
                          " (1, 'measles', 'a campaign', 'ru'),"
                          " (2, 'campaign', 'measles in schools', 'ru'),"
                          " (3, 'campaign', 'measles measles measles in schools', 'en'),"
                          " (4, 'report', 'nothing relevant here', 'ru'),"
                          " (5, 'report', 'budget', 'ru'), (6, 'report', 'staff', 'en'),"
                          " (7, 'report', 'hospitals', 'ru'), (8, 'report', 'roads', 'ru');")
                    .ok());
  }

  // rowid -> score for `match`, scoring its first `phrases` phrases, with the document lengths
  // from `lengths` when given, else from FTS5.
  std::map<int64_t, double> Scores(const std::string& match, int phrases,
                                   const DocumentLengths* lengths = nullptr) {
    std::map<int64_t, double> out;
    auto s = db_->Prepare(
        "SELECT rowid, pm_bm25(documents_fts, ?2, 5.0, 1.0, 1, 8, ?3) "
        "FROM documents_fts WHERE documents_fts MATCH ?1");
    EXPECT_TRUE(s.ok());
    if (!s.ok()) return out;
    s->Bind(1, match).Bind(2, phrases);
    if (lengths != nullptr) s->BindPointer(3, lengths, kDocumentLengthsPointerType);
    for (auto row = s->Step(); row.ok() && *row; row = s->Step()) {
      out[s->ColumnInt(0)] = s->ColumnDouble(1);
    }
    return out;
  }

  testing::TempDir dir_;
  std::optional<Database> db_;
};

TEST_F(Bm25Test, TitleOutweighsBodyAndFrequencyCounts) {
  const auto s = Scores("measles", 1);
  ASSERT_EQ(s.size(), 3u);
  EXPECT_GT(s.at(1), s.at(3)) << "a title match outweighs three body matches";
  EXPECT_GT(s.at(3), s.at(2)) << "more occurrences, higher score";
  EXPECT_GT(s.at(2), 0);
}

TEST_F(Bm25Test, FilterPhrasesAfterTheQueryDoNotChangeScores) {
  const auto plain = Scores("{title text} : measles", 1);
  const auto filtered = Scores("{title text} : measles AND meta : ru", 1);
  ASSERT_EQ(filtered.size(), 2u);
  for (const auto& [id, score] : filtered) EXPECT_DOUBLE_EQ(score, plain.at(id)) << id;
  // Only the first phrases are scored: the second query phrase adds to the score when counted.
  const auto one = Scores("{title text} : measles AND schools", 1);
  const auto two = Scores("{title text} : measles AND schools", 2);
  EXPECT_DOUBLE_EQ(one.at(2), plain.at(2));
  EXPECT_GT(two.at(2), one.at(2));
}

TEST_F(Bm25Test, LengthsHeldInMemoryScoreAsFts5sOwn) {
  DocumentLengths lengths;
  ASSERT_TRUE(lengths.Refresh(*db_).ok());
  EXPECT_EQ(lengths.Get(3), 6) << "title 1 token, text 5; the meta column does not count";
  EXPECT_EQ(lengths.Get(9), -1);
  const auto from_fts5 = Scores("{title text} : (measles OR campaign)", 2);
  const auto held = Scores("{title text} : (measles OR campaign)", 2, &lengths);
  ASSERT_EQ(held.size(), 3u);
  for (const auto& [id, score] : from_fts5) EXPECT_DOUBLE_EQ(held.at(id), score) << id;
  // A row added after the lengths were read is scored with FTS5's length for it.
  ASSERT_TRUE(db_->Exec("INSERT INTO documents_fts(rowid, title, text, meta) VALUES "
                        "(9, 'campaign', 'measles', 'ru')")
                  .ok());
  const auto added = Scores("measles", 1, &lengths);
  EXPECT_DOUBLE_EQ(added.at(9), Scores("measles", 1).at(9));
}

TEST_F(Bm25Test, ScoresUseTheHeldLengths) {
  DocumentLengths lengths;
  ASSERT_TRUE(lengths.Refresh(*db_).ok());
  // Row 2's text grows after the lengths were read: FTS5 knows, the held lengths do not, so the
  // two scores differ only if pm_bm25 really reads the held one.
  ASSERT_TRUE(db_->Exec("UPDATE documents_fts SET text = 'measles in schools and in many other "
                        "places across the whole country this year' WHERE rowid = 2")
                  .ok());
  const double from_fts5 = Scores("measles", 1).at(2);
  const double held = Scores("measles", 1, &lengths).at(2);
  EXPECT_GT(held, from_fts5) << "the held length is the shorter, older one";
}

TEST_F(Bm25Test, FrequentPhrasesGetAnEstimatedIdfCloseToTheExactOne) {
  // 6,000 more rows, "common" in every fifth one: 1,200 rows hold it, more than are counted.
  auto tx = Transaction::Begin(*db_);
  ASSERT_TRUE(tx.ok());
  auto insert =
      db_->Prepare("INSERT INTO documents_fts(rowid, title, text, meta) VALUES (?1, '', ?2, '')");
  ASSERT_TRUE(insert.ok());
  for (int64_t id = 101; id <= 6100; ++id) {
    insert->Reset();
    insert->Bind(1, id).Bind(2, std::string(id % 5 == 0 ? "common" : "rare") + " words here");
    ASSERT_TRUE(insert->Run().ok());
  }
  ASSERT_TRUE(tx->Commit().ok());
  // FTS5's built-in bm25 reads the whole doclist: the exact IDF. Same length normalization here
  // (the meta column is empty in these rows, and the first rows are too few to matter).
  auto s = db_->Prepare(
      "SELECT pm_bm25(documents_fts, 1, 1.0, 1.0, 1, 6100, NULL), -bm25(documents_fts, 1.0, 1.0, 0.0) "
      "FROM documents_fts WHERE documents_fts MATCH 'common' AND rowid = 2000");
  ASSERT_TRUE(s.ok());
  auto row = s->Step();
  ASSERT_TRUE(row.ok() && *row);
  EXPECT_NEAR(s->ColumnDouble(0), s->ColumnDouble(1), 0.05 * s->ColumnDouble(1));
}

}  // namespace
}  // namespace pressmine::index
