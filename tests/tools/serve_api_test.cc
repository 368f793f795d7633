// The web API's endpoints as functions (tools/serve/api.h): parameters in, status and JSON out,
// against the fixture database opened read-only as the server opens it.
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <sqlite3.h>

#include <cstring>
#include <optional>
#include <set>
#include <type_traits>

#include "index/fact_store.h"
#include "index/lexicon_cache.h"
#include "tests/support/cli_runner.h"
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
  // `endpoint` takes the connection's Reader, and its Lease when it needs more of the connection
  // (the searcher, the extractor); it returns nullopt when that failed (already reported).
  template <typename F>
  int Call(F endpoint, rapidjson::Document& body, std::string* raw = nullptr) {
    auto lease = pool_->Acquire();
    EXPECT_TRUE(lease.ok());
    if (!lease.ok()) return -1;
    auto reader = lease->reader();
    EXPECT_TRUE(reader.ok());
    if (!reader.ok()) return -1;
    std::optional<ApiResponse> r;
    if constexpr (std::is_invocable_v<F, const Reader&>) {
      r = endpoint(*reader);
    } else {
      r = endpoint(*reader, *lease);
    }
    if (!r) return -1;
    body.Parse(r->body.c_str());
    EXPECT_FALSE(body.HasParseError()) << r->body;
    if (raw != nullptr) *raw = r->body;
    return r->status;
  }

  int Search(const Params& params, rapidjson::Document& body, milliseconds budget = kBudget) {
    return Call(
        [&](const Reader& reader, ConnectionPool::Lease& lease) -> std::optional<ApiResponse> {
          auto searcher = lease.searcher();
          EXPECT_TRUE(searcher.ok());
          if (!searcher.ok()) return std::nullopt;
          return SearchEndpoint(reader, **searcher, params, budget);
        },
        body);
  }

  std::set<std::string> Langs(const rapidjson::Document& body) {
    std::set<std::string> langs;
    for (const auto& hit : body["hits"].GetArray()) langs.insert(hit["lang"].GetString());
    return langs;
  }

  // Calls a facts endpoint (which needs the connection's extractor).
  template <typename F>
  int CallFacts(F endpoint, rapidjson::Document& body, std::string* raw = nullptr) {
    return Call(
        [&](const Reader& reader, ConnectionPool::Lease& lease) -> std::optional<ApiResponse> {
          auto extractor = lease.extractor();
          EXPECT_TRUE(extractor.ok());
          if (!extractor.ok()) return std::nullopt;
          return endpoint(reader, **extractor);
        },
        body, raw);
  }

  int Facts(const Params& params, rapidjson::Document& body, std::string* raw = nullptr,
            milliseconds budget = kBudget) {
    return CallFacts(
        [&](const Reader& reader, extract::FactExtractor& ex) {
          return FactsEndpoint(reader, ex, params, budget);
        },
        body, raw);
  }

  int Timeline(const Params& params, rapidjson::Document& body, std::string* raw = nullptr) {
    return CallFacts(
        [&](const Reader& reader, extract::FactExtractor& ex) {
          return TimelineEndpoint(reader, ex, params, kBudget);
        },
        body, raw);
  }

  // The command line's stdout on the same database, without its final newline.
  std::string Cli(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", dir_.File("serve.db")});
    pressmine::testing::RunResult r = pressmine::testing::RunPressmine(dir_, args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    if (!r.out.empty() && r.out.back() == '\n') r.out.pop_back();
    return r.out;
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
  ASSERT_EQ(
      Call([&](const Reader& reader) { return DocumentEndpoint(reader, id, {}, kBudget); }, doc),
      200);
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
    EXPECT_EQ(
        Call([&](const Reader& reader) { return DocumentEndpoint(reader, id, {}, kBudget); }, body),
        400)
        << id;
  }
  rapidjson::Document body;
  EXPECT_EQ(
      Call([&](const Reader& reader) { return DocumentEndpoint(reader, "424242", {}, kBudget); },
           body),
      404);
  EXPECT_NE(std::string(body["error"].GetString()).find("424242"), std::string::npos);
  EXPECT_EQ(Call(
                [&](const Reader& reader) {
                  return DocumentEndpoint(reader, "1", {{"x", "1"}}, kBudget);
                },
                body),
            400);
}

TEST_F(ServeApiTest, StatsAsTheCommandLinePrintsThem) {
  rapidjson::Document body;
  ASSERT_EQ(Call([&](const Reader& reader) { return StatsEndpoint(reader, {}, kBudget); }, body),
            200);
  EXPECT_EQ(body["documents"].GetInt(), 10 + kCheckupReleases);
  EXPECT_EQ(body["by_source"]["kz-health"].GetInt(), 2);
  EXPECT_EQ(body["by_lang"]["en"].GetInt(), 4);
}

TEST_F(ServeApiTest, ARequestPastItsBudgetIsCutOffWith503) {
  rapidjson::Document body;
  EXPECT_EQ(Search({{"q", "диспансеризация OR Кадыралиев"}}, body, milliseconds(0)), 503);
  EXPECT_NE(std::string(body["error"].GetString()).find("0 ms"), std::string::npos)
      << body["error"].GetString();
  // The connection is usable again afterwards: the deadline went with its request.
  EXPECT_EQ(Search({{"q", "Кадыралиев"}}, body), 200);
}

TEST_F(ServeApiTest, FactsFilterAsTheCommandLineDoes) {
  rapidjson::Document body;
  ASSERT_EQ(Facts({{"official", "Erkinov"}, {"type", "official"}}, body), 200);
  ASSERT_EQ(body["facts"].Size(), 2u) << "the Russian and the English mention";
  std::set<std::string> langs;
  for (const auto& f : body["facts"].GetArray()) {
    EXPECT_STREQ(f["type"].GetString(), "official");
    EXPECT_STREQ(f["key"].GetString(), body["facts"][0]["key"].GetString());
    langs.insert(f["lang"].GetString());
  }
  EXPECT_EQ(langs, (std::set<std::string>{"ru", "en"}));

  ASSERT_EQ(Facts({{"indicator", "материнская смертность"}, {"lang", "en"}}, body), 200);
  std::set<double> values;
  for (const auto& f : body["facts"].GetArray()) values.insert(f["value"].GetDouble());
  EXPECT_EQ(values, (std::set<double>{34.8, 41.2}));

  ASSERT_EQ(Facts({{"type", "commitment"}, {"from", "2027"}, {"limit", "1"}}, body), 200);
  ASSERT_EQ(body["facts"].Size(), 1u);
  EXPECT_STREQ(body["facts"][0]["target"].GetString(), "2027");
}

TEST_F(ServeApiTest, BadFactsParametersAre400NamingTheParameter) {
  const std::vector<std::pair<Params, std::string>> cases = {
      {{{"type", "rumour"}}, "type"},
      {{{"lang", "de"}}, "lang"},
      {{{"from", "March"}}, "from"},
      {{{"to", "2025-13"}}, "to"},
      {{{"indicator", "happiness"}}, "indicator"},
      {{{"official", "123"}}, "official"},
      {{{"doc", "abc"}}, "doc"},
      {{{"doc", "0"}}, "doc"},
      {{{"limit", "-1"}}, "limit"},
      {{{"format", "csv"}}, "format"},
      {{{"type", "date"}, {"type", "figure"}}, "more than once"},
  };
  for (const auto& [params, needle] : cases) {
    rapidjson::Document body;
    EXPECT_EQ(Facts(params, body), 400) << needle;
    ASSERT_TRUE(body.IsObject() && body.HasMember("error")) << needle;
    EXPECT_NE(std::string(body["error"].GetString()).find(needle), std::string::npos)
        << body["error"].GetString();
  }
  rapidjson::Document body;
  EXPECT_EQ(Timeline({}, body), 400);
  EXPECT_NE(std::string(body["error"].GetString()).find("indicator"), std::string::npos);
  EXPECT_EQ(Timeline({{"indicator", "happiness"}}, body), 400);
  EXPECT_NE(std::string(body["error"].GetString()).find("happiness"), std::string::npos);
  EXPECT_EQ(Timeline({{"indicator", "maternal mortality"}, {"unit", "x"}}, body), 400);
  EXPECT_EQ(Call(
                [&](const Reader& reader) {
                  return OfficialsEndpoint(reader, {{"x", "1"}}, kBudget);
                },
                body),
            400);
}

TEST_F(ServeApiTest, OfficialsWithPositionsAndReleasesPerLanguage) {
  rapidjson::Document body;
  ASSERT_EQ(
      Call([&](const Reader& reader) { return OfficialsEndpoint(reader, {}, kBudget); }, body),
      200);
  const rapidjson::Value* erkinov = nullptr;
  for (const auto& o : body["officials"].GetArray()) {
    if (o["names"].HasMember(kPerinatalOfficial)) erkinov = &o;
  }
  ASSERT_NE(erkinov, nullptr);
  EXPECT_TRUE((*erkinov)["names"].HasMember("Temirbek Erkinov"));
  EXPECT_EQ((*erkinov)["docs_by_lang"]["ru"].GetInt(), 1);
  EXPECT_EQ((*erkinov)["docs_by_lang"]["en"].GetInt(), 1);
  ASSERT_GE((*erkinov)["positions"].Size(), 1u);
  EXPECT_STREQ((*erkinov)["positions"][0]["first"].GetString(), "2026-03-02");
}

TEST_F(ServeApiTest, TimelineHasValuesByPeriodAndTheReleasesCommitments) {
  rapidjson::Document body;
  ASSERT_EQ(Timeline({{"indicator", "материнская смертность"}}, body), 200);
  EXPECT_STREQ(body["indicator"].GetString(), "maternal_mortality");
  std::set<std::string> periods;
  for (const auto& p : body["points"].GetArray()) {
    periods.insert(p["period"].GetString());
    EXPECT_GT(p["doc"].GetInt64(), 0);
  }
  EXPECT_EQ(periods.size(), static_cast<size_t>(kMaternalPeriods));
  EXPECT_EQ(*periods.begin(), "2023");
  ASSERT_GE(body["commitments"].Size(), 1u);
  EXPECT_STREQ(body["commitments"][0]["target"].GetString(), "2027");
}

TEST_F(ServeApiTest, FactsOfficialsAndTimelineAreTheCommandLinesJson) {
  std::string raw;
  rapidjson::Document body;
  ASSERT_EQ(Facts({{"type", "figure"}, {"lang", "ru"}}, body, &raw), 200);
  EXPECT_EQ(raw, Cli({"facts", "--type", "figure", "--lang", "ru", "--format", "json"}));
  ASSERT_EQ(Facts({}, body, &raw), 200);
  EXPECT_EQ(raw, Cli({"facts", "--format", "json"}));
  ASSERT_EQ(Facts({{"official", "Эркинов"}, {"from", "2026"}}, body, &raw), 200);
  EXPECT_EQ(raw, Cli({"facts", "--official", "Эркинов", "--from", "2026", "--format", "json"}));
  ASSERT_EQ(Timeline({{"indicator", "maternal mortality"}}, body, &raw), 200);
  EXPECT_EQ(raw, Cli({"timeline", "maternal", "mortality", "--json"}));
  auto lease = pool_->Acquire();
  ASSERT_TRUE(lease.ok());
  auto reader = lease->reader();
  ASSERT_TRUE(reader.ok());
  EXPECT_EQ(OfficialsEndpoint(*reader, {}, kBudget).body, Cli({"officials", "--json"}));
}

TEST_F(ServeApiTest, DocumentFactsPointAtTheirEvidenceInTheText) {
  rapidjson::Document found;
  ASSERT_EQ(Search({{"q", "перинатальный"}, {"mono", "1"}, {"lang", "ru"}}, found), 200);
  ASSERT_EQ(found["total"].GetInt(), 1);
  const std::string id = std::to_string(found["hits"][0]["id"].GetInt64());
  rapidjson::Document doc;
  ASSERT_EQ(
      Call([&](const Reader& reader) { return DocumentEndpoint(reader, id, {}, kBudget); }, doc),
      200);
  const std::string text = doc["text"].GetString();
  std::set<std::string> types;
  for (const auto& f : doc["facts"].GetArray()) {
    const size_t b = f["span_begin"].GetUint64(), e = f["span_end"].GetUint64();
    ASSERT_LE(e, text.size());
    EXPECT_EQ(text.substr(b, e - b), f["text"].GetString());
    types.insert(f["type"].GetString());
  }
  EXPECT_EQ(types, (std::set<std::string>{"date", "official", "figure", "commitment"}));
  ASSERT_EQ(doc["translations"].Size(), 1u) << "linked to its English version";
  rapidjson::Document en;
  const std::string en_id = std::to_string(doc["translations"][0]["id"].GetInt64());
  EXPECT_STREQ(doc["translations"][0]["lang"].GetString(), "en");
  ASSERT_EQ(
      Call([&](const Reader& reader) { return DocumentEndpoint(reader, en_id, {}, kBudget); }, en),
      200);
  EXPECT_STREQ(en["lang"].GetString(), "en");
  EXPECT_STREQ(doc["translations"][0]["title"].GetString(), en["title"].GetString());
  EXPECT_EQ(en["translations"][0]["id"].GetInt64(), std::stoll(id));
}

// A hit's other-language versions come with what a link to them shows, so the search page
// labels them without fetching each one's document.
TEST_F(ServeApiTest, SearchHitsCarryTheirTranslationsIdLangAndTitle) {
  rapidjson::Document found;
  ASSERT_EQ(Search({{"q", "перинатальный"}, {"mono", "1"}, {"lang", "ru"}}, found), 200);
  ASSERT_EQ(found["total"].GetInt(), 1);
  const auto& translations = found["hits"][0]["translations"];
  ASSERT_TRUE(translations.IsArray());
  ASSERT_EQ(translations.Size(), 1u);
  const auto& en = translations[0];
  ASSERT_TRUE(en.IsObject()) << "an object per version, not a bare id";
  EXPECT_STREQ(en["lang"].GetString(), "en");
  EXPECT_STREQ(en["title"].GetString(), "A perinatal center has opened in Jalal-Abad");
  rapidjson::Document doc;
  const std::string id = std::to_string(en["id"].GetInt64());
  ASSERT_EQ(
      Call([&](const Reader& reader) { return DocumentEndpoint(reader, id, {}, kBudget); }, doc),
      200);
  EXPECT_STREQ(doc["title"].GetString(), en["title"].GetString()) << "the id is that document";
  // The command line prints the same field.
  std::string raw;
  const std::string cli = Cli({"search", "перинатальный", "--mono", "--lang", "ru", "--json"});
  rapidjson::Document from_cli;
  from_cli.Parse(cli.c_str());
  ASSERT_FALSE(from_cli.HasParseError()) << cli;
  EXPECT_STREQ(from_cli["hits"][0]["translations"][0]["title"].GetString(),
               en["title"].GetString());
}

// /api/facts has a default and a maximum limit, as /api/search has: past the maximum, or 0
// (the command line's "all"), is a 400 naming the parameter.
TEST_F(ServeApiTest, FactsLimitHasADefaultAndAMaximum) {
  rapidjson::Document body;
  for (const char* limit : {"0", "1001", "99999999999"}) {
    EXPECT_EQ(Facts({{"limit", limit}}, body), 400) << limit;
    EXPECT_NE(std::string(body["error"].GetString()).find("\"limit\""), std::string::npos)
        << body["error"].GetString();
    EXPECT_NE(std::string(body["error"].GetString()).find("1000"), std::string::npos)
        << body["error"].GetString();
  }
  {
    // More facts than the default, through a writer beside the server.
    auto db = Database::Open(dir_.File("serve.db"));
    ASSERT_TRUE(db.ok());
    auto store = index::FactStore::Open(*db);
    ASSERT_TRUE(store.ok());
    index::FactQuery one;
    one.limit = 1;
    auto sample = store->Query(one);
    ASSERT_TRUE(sample.ok() && sample->size() == 1u);
    const std::vector<extract::Fact> many(150, (*sample)[0].fact);
    ASSERT_TRUE(store->PutDocumentFacts(424242, (*sample)[0].published, many).ok());
  }
  ASSERT_EQ(Facts({{"limit", "1000"}}, body), 200);
  EXPECT_GT(body["facts"].Size(), 150u);
  ASSERT_EQ(Facts({{"limit", "3"}}, body), 200);
  EXPECT_EQ(body["facts"].Size(), 3u);
  ASSERT_EQ(Facts({}, body), 200);
  EXPECT_EQ(body["facts"].Size(), 100u) << "the default";
}

// A connection's stores are opened, and their schema checked, once: the requests after the
// first read no schema version.
TEST_F(ServeApiTest, RequestsAfterTheFirstReadNoSchemaVersion) {
  rapidjson::Document body;
  ASSERT_EQ(Search({{"q", "Кадыралиев"}}, body), 200);  // opens the connection's searcher
  ASSERT_EQ(Facts({{"type", "official"}}, body), 200);  // and its extractor
  auto lease = pool_->Acquire();
  ASSERT_TRUE(lease.ok());
  int reads = 0;
  sqlite3_trace_v2(
      lease->db().raw(), SQLITE_TRACE_STMT,
      [](unsigned, void* count, void*, void* sql) -> int {
        if (std::strstr(static_cast<const char*>(sql), "schema_version") != nullptr) {
          ++*static_cast<int*>(count);
        }
        return 0;
      },
      &reads);
  auto reader = lease->reader();
  ASSERT_TRUE(reader.ok());
  ASSERT_NE(reader->facts, nullptr);
  auto searcher = lease->searcher();
  auto extractor = lease->extractor();
  ASSERT_TRUE(searcher.ok() && extractor.ok());
  EXPECT_EQ(SearchEndpoint(*reader, **searcher, {{"q", "перинатальный"}}, kBudget).status, 200);
  EXPECT_EQ(DocumentEndpoint(*reader, "1", {}, kBudget).status, 200);
  EXPECT_EQ(FactsEndpoint(*reader, **extractor, {{"type", "figure"}}, kBudget).status, 200);
  EXPECT_EQ(OfficialsEndpoint(*reader, {}, kBudget).status, 200);
  EXPECT_EQ(
      TimelineEndpoint(*reader, **extractor, {{"indicator", "maternal_mortality"}}, kBudget).status,
      200);
  EXPECT_EQ(StatsEndpoint(*reader, {}, kBudget).status, 200);
  sqlite3_trace_v2(lease->db().raw(), 0, nullptr, nullptr);
  EXPECT_EQ(reads, 0);
}

TEST_F(ServeApiTest, FactsRequestsPastTheirBudgetAre503) {
  rapidjson::Document body;
  EXPECT_EQ(Facts({}, body, nullptr, milliseconds(0)), 503);
  EXPECT_EQ(Facts({}, body), 200) << "the next request is unaffected";
  EXPECT_EQ(
      Call([&](const Reader& reader) { return OfficialsEndpoint(reader, {}, milliseconds(0)); },
           body),
      503);
}

TEST_F(ServeApiTest, PooledConnectionsCannotWrite) {
  auto lease = pool_->Acquire();
  ASSERT_TRUE(lease.ok());
  EXPECT_FALSE(lease->db().Exec("DELETE FROM documents").ok());
  EXPECT_FALSE(lease->db().Exec("CREATE TABLE scratch(x)").ok());
}

// A database whose facts schema predates this build cannot be migrated read-only, and one from
// a newer build cannot be read by this one: either way the server still serves its documents
// and searches, without facts, instead of failing every request.
void ExpectDocumentsServedWithoutFacts(const std::string& facts_sql) {
  testing::TempDir dir;
  BuildServeFixture(dir.File("other.db"));
  {
    auto db = Database::Open(dir.File("other.db"));
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(db->Exec(facts_sql).ok());
  }
  auto pool = ConnectionPool::Open(dir.File("other.db"), 1);
  ASSERT_TRUE(pool.ok()) << pool.status().ToString();
  auto lease = (*pool)->Acquire();
  ASSERT_TRUE(lease.ok());
  auto reader = lease->reader();
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  EXPECT_EQ(reader->facts, nullptr);
  ApiResponse doc = DocumentEndpoint(*reader, "1", {}, kBudget);
  EXPECT_EQ(doc.status, 200) << doc.body;
  rapidjson::Document body;
  body.Parse(doc.body.c_str());
  ASSERT_TRUE(body.IsObject() && body.HasMember("facts")) << doc.body;
  EXPECT_EQ(body["facts"].Size(), 0u);
  ApiResponse officials = OfficialsEndpoint(*reader, {}, kBudget);
  EXPECT_EQ(officials.status, 200) << officials.body;
  EXPECT_EQ(officials.body, R"({"officials":[]})");
}

TEST(ServeOtherFactsSchemaTest, OlderFactsLeaveDocumentsServed) {
  ExpectDocumentsServedWithoutFacts(
      "DROP TABLE story_links; UPDATE schema_version SET version = 1 WHERE component = 'facts'");
}

TEST(ServeOtherFactsSchemaTest, NewerFactsLeaveDocumentsServed) {
  ExpectDocumentsServedWithoutFacts(
      "UPDATE schema_version SET version = version + 1 WHERE component = 'facts'");
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
