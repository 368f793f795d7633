// The web API's endpoints as functions (tools/serve/api.h): parameters in, status and JSON out,
// against the fixture database opened read-only as the server opens it.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <set>

#include "index/lexicon_cache.h"
#include "tests/support/temp_dir.h"
#include "tests/tools/serve_fixture.h"
#include "tools/serve/api.h"
#include "tools/serve/connection_pool.h"
#include "tools/serve/query_deadline.h"

namespace pressmine::tools::serve {
namespace {

using std::chrono::milliseconds;
constexpr milliseconds kBudget{5000};

class ServeApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    BuildServeFixture(dir_.File("serve.db"));
    auto pool = ConnectionPool::Open(dir_.File("serve.db"), 2);
    ASSERT_TRUE(pool.ok()) << pool.status().ToString();
    pool_ = std::move(*pool);
    // As the server does at start: the lexicon is built before any request's time budget runs.
    auto lease = pool_->Acquire();
    ASSERT_TRUE(lease.ok());
    ASSERT_TRUE(index::LoadLexicon(lease->db()).ok());
  }

  // Calls `endpoint` on a pooled connection and parses the body, which must always be JSON.
  template <typename F>
  int Call(F endpoint, rapidjson::Document& body) {
    auto lease = pool_->Acquire();
    EXPECT_TRUE(lease.ok());
    if (!lease.ok()) return -1;
    ApiResponse r = endpoint(lease->db());
    body.Parse(r.body.c_str());
    EXPECT_FALSE(body.HasParseError()) << r.body;
    return r.status;
  }

  int Search(const Params& params, rapidjson::Document& body, milliseconds budget = kBudget) {
    auto lease = pool_->Acquire();
    EXPECT_TRUE(lease.ok());
    if (!lease.ok()) return -1;
    auto searcher = lease->searcher();
    EXPECT_TRUE(searcher.ok());
    if (!searcher.ok()) return -1;
    ApiResponse r = SearchEndpoint(lease->db(), **searcher, params, budget);
    body.Parse(r.body.c_str());
    EXPECT_FALSE(body.HasParseError()) << r.body;
    return r.status;
  }

  std::set<std::string> Langs(const rapidjson::Document& body) {
    std::set<std::string> langs;
    for (const auto& hit : body["hits"].GetArray()) langs.insert(hit["lang"].GetString());
    return langs;
  }

  testing::TempDir dir_;
  std::unique_ptr<ConnectionPool> pool_;
};

TEST_F(ServeApiTest, SearchReturnsTheCommandLinesShapeAndCrossesLanguages) {
  rapidjson::Document body;
  ASSERT_EQ(Search({{"q", "Кадыралиев"}}, body), 200);
  EXPECT_STREQ(body["query"].GetString(), "Кадыралиев");
  EXPECT_EQ(body["total"].GetInt(), 3);
  EXPECT_EQ(Langs(body), (std::set<std::string>{"ru", "en"})) << "a Russian query finds English";
  EXPECT_FALSE(body.HasMember("fts"));
  const auto& hit = body["hits"][0];
  for (const char* key :
       {"id", "url", "source", "lang", "title", "published", "score", "snippet"}) {
    EXPECT_TRUE(hit.HasMember(key)) << key;
  }
  EXPECT_STREQ(hit["lang"].GetString(), "ru") << "own language first";
}

TEST_F(ServeApiTest, EveryCommandLineOptionIsAParameter) {
  struct Case {
    Params params;
    int total;
  };
  const std::vector<Case> cases = {
      {{{"q", "Кадыралиев"}, {"lang", "en"}}, 2},
      {{{"q", "Кадыралиев"}, {"source", "kz-health"}}, 1},
      {{{"q", "Кадыралиев"}, {"source", "kz-health"}, {"source", "kg-health"}}, 3},
      {{{"q", "Кадыралиев"}, {"from", "2026-01"}}, 2},
      {{{"q", "Кадыралиев"}, {"to", "2025-12-31"}}, 1},
      {{{"q", "Кадыралиев"}, {"mono", "1"}}, 1},
      {{{"q", "диспансеризация"}, {"limit", "5"}}, kCheckupReleases},
  };
  for (const Case& c : cases) {
    rapidjson::Document body;
    ASSERT_EQ(Search(c.params, body), 200);
    EXPECT_EQ(body["total"].GetInt(), c.total) << c.params.rbegin()->first;
  }
  rapidjson::Document page;
  ASSERT_EQ(
      Search({{"q", "диспансеризация"}, {"limit", "5"}, {"offset", "10"}, {"sort", "date"}}, page),
      200);
  ASSERT_EQ(page["hits"].Size(), static_cast<unsigned>(kCheckupReleases - 10));
  EXPECT_STREQ(page["hits"][0]["published"].GetString(), "2025-10-03") << "newest first";
  rapidjson::Document explained;
  ASSERT_EQ(Search({{"q", "врач"}, {"explain", "true"}}, explained), 200);
  EXPECT_TRUE(explained.HasMember("fts"));
}

TEST_F(ServeApiTest, BadParametersAre400WithAMessage) {
  const std::vector<std::pair<Params, std::string>> cases = {
      {{}, "\"q\""},
      {{{"q", "   "}}, "\"q\""},
      {{{"q", "врач"}, {"lang", "de"}}, "lang"},
      {{{"q", "врач"}, {"lang", "unknown"}}, "lang"},
      {{{"q", "врач"}, {"limit", "many"}}, "limit"},
      {{{"q", "врач"}, {"limit", "100000"}}, "limit"},
      {{{"q", "врач"}, {"limit", "-1"}}, "limit"},
      {{{"q", "врач"}, {"offset", "1e3"}}, "offset"},
      {{{"q", "врач"}, {"sort", "random"}}, "sort"},
      {{{"q", "врач"}, {"mono", "yes"}}, "mono"},
      {{{"q", "врач"}, {"from", "26.01.2026"}}, "26.01.2026"},
      {{{"q", "врач"}, {"qq", "x"}}, "qq"},
      {{{"q", "врач"}, {"q", "медсестра"}}, "more than once"},
      {{{"q", "(врач"}}, "never closed"},
      {{{"q", "врач OR"}}, "OR"},
      {{{"q", std::string(3000, 'a')}}, "longer"},
  };
  for (const auto& [params, needle] : cases) {
    rapidjson::Document body;
    EXPECT_EQ(Search(params, body), 400) << needle;
    ASSERT_TRUE(body.IsObject() && body.HasMember("error")) << needle;
    EXPECT_EQ(body["status"].GetInt(), 400);
    EXPECT_NE(std::string(body["error"].GetString()).find(needle), std::string::npos)
        << body["error"].GetString();
  }
}

TEST_F(ServeApiTest, DocumentWithItsVersions) {
  rapidjson::Document found;
  ASSERT_EQ(Search({{"q", "ФАП"}}, found), 200);
  ASSERT_EQ(found["total"].GetInt(), 1);
  const std::string id = std::to_string(found["hits"][0]["id"].GetInt64());
  rapidjson::Document doc;
  ASSERT_EQ(Call([&](Database& db) { return DocumentEndpoint(db, id, {}, kBudget); }, doc), 200);
  EXPECT_STREQ(doc["title"].GetString(), "Построено 42 фельдшерско-акушерских пункта");
  EXPECT_EQ(doc["version"].GetInt(), 2);
  EXPECT_STREQ(doc["url"].GetString(), "https://minzdrav.gov.ru/news/55");
  ASSERT_EQ(doc["history"].Size(), 2u);
  EXPECT_STREQ(doc["history"][0]["title"].GetString(),
               "Построено 40 фельдшерско-акушерских пунктов");
  EXPECT_EQ(doc["history"][1]["version"].GetInt(), 2);
}

TEST_F(ServeApiTest, DocumentIdsAreCheckedAndMissingOnesAre404) {
  for (const char* id : {"", "abc", "0", "-3", "12x", "99999999999999999999999"}) {
    rapidjson::Document body;
    EXPECT_EQ(Call([&](Database& db) { return DocumentEndpoint(db, id, {}, kBudget); }, body), 400)
        << id;
  }
  rapidjson::Document body;
  EXPECT_EQ(Call([&](Database& db) { return DocumentEndpoint(db, "424242", {}, kBudget); }, body),
            404);
  EXPECT_NE(std::string(body["error"].GetString()).find("424242"), std::string::npos);
  EXPECT_EQ(Call(
                [&](Database& db) {
                  return DocumentEndpoint(db, "1", {{"x", "1"}}, kBudget);
                },
                body),
            400);
}

TEST_F(ServeApiTest, StatsAsTheCommandLinePrintsThem) {
  rapidjson::Document body;
  ASSERT_EQ(Call([&](Database& db) { return StatsEndpoint(db, {}, kBudget); }, body), 200);
  EXPECT_EQ(body["documents"].GetInt(), 6 + kCheckupReleases);
  EXPECT_EQ(body["by_source"]["kz-health"].GetInt(), 2);
  EXPECT_EQ(body["by_lang"]["en"].GetInt(), 2);
}

TEST_F(ServeApiTest, ARequestPastItsBudgetIsCutOffWith503) {
  rapidjson::Document body;
  EXPECT_EQ(Search({{"q", "диспансеризация OR Кадыралиев"}}, body, milliseconds(0)), 503);
  EXPECT_NE(std::string(body["error"].GetString()).find("0 ms"), std::string::npos)
      << body["error"].GetString();
  // The connection is usable again afterwards: the deadline went with its request.
  EXPECT_EQ(Search({{"q", "Кадыралиев"}}, body), 200);
}

TEST_F(ServeApiTest, PooledConnectionsCannotWrite) {
  auto lease = pool_->Acquire();
  ASSERT_TRUE(lease.ok());
  EXPECT_FALSE(lease->db().Exec("DELETE FROM documents").ok());
  EXPECT_FALSE(lease->db().Exec("CREATE TABLE scratch(x)").ok());
}

TEST(ConnectionPoolTest, RefusesAMissingFile) {
  auto pool = ConnectionPool::Open("/nonexistent/dir/pressmine.db", 2);
  ASSERT_FALSE(pool.ok());
  EXPECT_EQ(pool.status().code(), Status::Code::kNotFound);
}

TEST(QueryDeadlineTest, StopsAnEndlessQuery) {
  testing::TempDir dir;
  auto db = Database::Open(dir.File("d.db"));
  ASSERT_TRUE(db.ok());
  QueryDeadline deadline(*db, milliseconds(50));
  auto stmt = db->Prepare(
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n");
  ASSERT_TRUE(stmt.ok());
  auto row = stmt->Step();
  ASSERT_FALSE(row.ok());
  EXPECT_EQ(row.status().code(), Status::Code::kInterrupted);
  EXPECT_TRUE(deadline.expired());
}

TEST(QueryDeadlineTest, LeavesQuickQueriesAlone) {
  testing::TempDir dir;
  auto db = Database::Open(dir.File("d.db"));
  ASSERT_TRUE(db.ok());
  QueryDeadline deadline(*db, milliseconds(60000));
  EXPECT_TRUE(db->Exec("CREATE TABLE t(x); INSERT INTO t VALUES (1), (2);").ok());
  EXPECT_FALSE(deadline.expired());
}

}  // namespace
}  // namespace pressmine::tools::serve
