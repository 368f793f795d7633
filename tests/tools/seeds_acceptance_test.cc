// The foundation's acceptance check on the real releases in ../shared/seeds (read in place,
// never copied into the repository): ingest, name search across scripts, stats.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "index/document_store.h"
#include "index/search.h"
#include "tests/support/search_options.h"
#include "tests/support/temp_dir.h"
#include "tools/ingest_files.h"

namespace pressmine::tools {
namespace {

const std::filesystem::path kSeeds = std::filesystem::path(PRESSMINE_SOURCE_DIR) / ".." / "shared" / "seeds";

class SeedsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(kSeeds)) GTEST_SKIP() << "no seeds at " << kSeeds;
    auto db = Database::Open(dir_.File("seeds.db"));
    ASSERT_TRUE(db.ok());
    db_.emplace(std::move(*db));
    auto report = IngestPaths(*db_, {kSeeds.string()}, IngestOptions{}, Clock::System());
    ASSERT_TRUE(report.ok()) << report.status().ToString();
    ASSERT_EQ(report->added, 5);
  }

  // The seed numbers ("000".."004") of the hits.
  std::set<std::string> Seeds(const std::string& query) {
    index::SearchRequest req;
    req.query = query;
    auto r = index::Search(*db_, req, testing::GlossaryOnly());
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    std::set<std::string> seeds;
    if (r.ok()) {
      for (const auto& h : r->hits) seeds.insert(std::filesystem::path(h.url).filename().string().substr(0, 3));
    }
    return seeds;
  }

  testing::TempDir dir_;
  std::optional<Database> db_;
};

TEST_F(SeedsTest, SearchFindsTheReleasesTheIssueNames) {
  EXPECT_TRUE(Seeds("Кадыралиев").count("000"));
  EXPECT_TRUE(Seeds("Kadyraliev").count("000")) << "the Latin spelling finds the Russian release";
  EXPECT_TRUE(Seeds("Kadyraliev").count("001"));
  const std::set<std::string> ministry = Seeds("ministry");
  for (const char* seed : {"001", "003", "004"}) EXPECT_TRUE(ministry.count(seed)) << seed;
}

TEST_F(SeedsTest, StatsCountLanguagesAndDates) {
  auto store = index::DocumentStore::Open(*db_);
  auto stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->documents, 5);
  EXPECT_EQ(stats->by_lang["ru"], 2);
  EXPECT_EQ(stats->by_lang["en"], 3);
  EXPECT_EQ(stats->by_month["2026-01"], 2);  // 000 and 001
  EXPECT_EQ(stats->by_month["2025-09"], 1);  // 002
  auto first = store->Get(1);
  ASSERT_TRUE(first.ok() && first->has_value());
  EXPECT_EQ((*first)->published, "2026-01-26T17:11");
}

}  // namespace
}  // namespace pressmine::tools
