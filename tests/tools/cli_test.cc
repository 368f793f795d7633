// Drives the real `pressmine` binary: exit codes, messages, JSON shapes.
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "tests/support/cli_runner.h"
#include "tests/support/temp_dir.h"

namespace pressmine::tools {
namespace {

using testing::RunResult;
using testing::ShellQuote;

class CliTest : public ::testing::Test {
 protected:
  RunResult Run(const std::vector<std::string>& args, const std::string& env = "") {
    return testing::RunPressmine(dir_, args, env);
  }

  std::string Db() const { return dir_.File("cli.db"); }

  void IngestFixtures() {
    dir_.Write("rel/ru.txt",
               " date 2026-01-26 17:11\nМинздрав провел встречу с врачами за рубежом\n\n"
               "Встречу провел заместитель министра Бакытбек Кадыралиев.\n");
    dir_.Write("rel/en.txt",
               " date 2026-01-26 The Ministry of Health held a meeting with doctors abroad.\n\n"
               "It was chaired by Deputy Minister Bakytbek Kadyraliev.\n");
    RunResult r = Run({"--db", Db(), "ingest", dir_.File("rel")});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }

  testing::TempDir dir_;
};

TEST_F(CliTest, HelpForTheToolAndEveryCommand) {
  RunResult top = Run({"--help"});
  EXPECT_EQ(top.exit_code, 0);
  for (const char* command : {"ingest", "search", "stats", "extract", "reindex"}) {
    EXPECT_NE(top.out.find(command), std::string::npos) << command;
    RunResult help = Run({command, "--help"});
    EXPECT_EQ(help.exit_code, 0) << command;
    EXPECT_NE(help.out.find("--json"), std::string::npos) << command << ":\n" << help.out;
  }
  EXPECT_NE(Run({"search", "--help"}).out.find("date:2025-01..2026-03"), std::string::npos);
}

TEST_F(CliTest, UsageErrorsExitWithTwo) {
  EXPECT_EQ(Run({}).exit_code, 2);
  EXPECT_EQ(Run({"frobnicate"}).exit_code, 2);
  EXPECT_EQ(Run({"search"}).exit_code, 2) << "the query is required";
  EXPECT_EQ(Run({"search", "x", "--limit", "many"}).exit_code, 2);
  EXPECT_EQ(Run({"ingest", "x", "--lang", "de"}).exit_code, 2);
}

TEST_F(CliTest, IngestSearchAndStatsWithJson) {
  IngestFixtures();
  RunResult s = Run({"--db", Db(), "search", "Kadyraliev", "--json"});
  ASSERT_EQ(s.exit_code, 0) << s.err;
  rapidjson::Document doc;
  doc.Parse(s.out.c_str());
  ASSERT_FALSE(doc.HasParseError()) << s.out;
  EXPECT_STREQ(doc["query"].GetString(), "Kadyraliev");
  ASSERT_EQ(doc["total"].GetInt(), 2) << "the Latin spelling finds the Cyrillic one too";
  EXPECT_STREQ(doc["hits"][1]["lang"].GetString(), "ru");
  const auto& hit = doc["hits"][0];  // the query's own language ranks first
  for (const char* key : {"id", "url", "source", "lang", "title", "published", "score", "snippet"}) {
    EXPECT_TRUE(hit.HasMember(key)) << key;
  }
  EXPECT_STREQ(hit["lang"].GetString(), "en");
  EXPECT_STREQ(hit["published"].GetString(), "2026-01-26");
  EXPECT_NE(std::string(hit["snippet"].GetString()).find("**Kadyraliev**"), std::string::npos);

  RunResult st = Run({"stats", "--json", "--db", Db()});  // --db after the command works too
  ASSERT_EQ(st.exit_code, 0) << st.err;
  rapidjson::Document stats;
  stats.Parse(st.out.c_str());
  ASSERT_FALSE(stats.HasParseError()) << st.out;
  EXPECT_EQ(stats["documents"].GetInt(), 2);
  EXPECT_EQ(stats["by_lang"]["ru"].GetInt(), 1);
  EXPECT_EQ(stats["by_lang"]["en"].GetInt(), 1);
  EXPECT_EQ(stats["by_month"]["2026-01"].GetInt(), 2);
  EXPECT_EQ(stats["by_source"]["local"].GetInt(), 2);
}

TEST_F(CliTest, MonoTurnsCrossLanguageExpansionOff) {
  IngestFixtures();
  RunResult r = Run({"--db", Db(), "search", "Кадыралиев", "--mono", "--json", "--explain"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  rapidjson::Document doc;
  doc.Parse(r.out.c_str());
  EXPECT_EQ(doc["total"].GetInt(), 1);
  EXPECT_STREQ(doc["hits"][0]["lang"].GetString(), "ru");
  EXPECT_EQ(std::string(doc["fts"].GetString()).find("=k:"), std::string::npos);
}

TEST_F(CliTest, ReindexKeepsSearchResults) {
  IngestFixtures();
  RunResult r = Run({"--db", Db(), "reindex", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  rapidjson::Document doc;
  doc.Parse(r.out.c_str());
  ASSERT_FALSE(doc.HasParseError()) << r.out;
  EXPECT_EQ(doc["documents"].GetInt(), 2);
  RunResult s = Run({"--db", Db(), "search", "встречи", "--mono", "--json"});  // stem of «встречу»
  ASSERT_EQ(s.exit_code, 0) << s.err;
  rapidjson::Document hits;
  hits.Parse(s.out.c_str());
  EXPECT_EQ(hits["total"].GetInt(), 1) << s.out;
}

TEST_F(CliTest, TextOutputCountsResultsNotGroupedEntries) {
  IngestFixtures();
  // The two fixtures are one story in two languages: two results, listed as one entry.
  RunResult r = Run({"--db", Db(), "search", "Kadyraliev"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("2 results for \"Kadyraliev\" (showing 1-2, in 1 entry"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("\n1. "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("(result 2)"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("\n2. "), std::string::npos) << r.out;

  // The second page starts at the second result, and says so.
  r = Run({"--db", Db(), "search", "Kadyraliev", "--offset", "1"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("(showing 2-2)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\n2. "), std::string::npos) << r.out;
}

TEST_F(CliTest, BroadQueriesSayTheTotalIsALowerBound) {
  for (int i = 0; i < 1005; ++i) {
    dir_.Write("many/" + std::to_string(i) + ".txt",
               "Influenza season report number " + std::to_string(i) + ".\n");
  }
  ASSERT_EQ(Run({"--db", Db(), "ingest", dir_.File("many"), "--lang", "en"}).exit_code, 0);
  RunResult text = Run({"--db", Db(), "search", "influenza", "--mono"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_EQ(text.out.rfind("more than 1000 results for \"influenza\" (showing 1-10)", 0), 0u)
      << text.out;
  RunResult json = Run({"--db", Db(), "search", "influenza", "--mono", "--json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  rapidjson::Document d;
  d.Parse(json.out.c_str());
  ASSERT_FALSE(d.HasParseError()) << json.out;
  EXPECT_EQ(d["total"].GetInt(), 1000);
  EXPECT_FALSE(d["total_exact"].GetBool());
  // Date order counts every match.
  json = Run({"--db", Db(), "search", "influenza", "--mono", "--json", "--sort", "date"});
  d.Parse(json.out.c_str());
  EXPECT_EQ(d["total"].GetInt(), 1005);
  EXPECT_TRUE(d["total_exact"].GetBool());
}

TEST_F(CliTest, DatabaseFromTheEnvironment) {
  dir_.Write("one.txt", "The ministry announced a vaccination campaign for schools.");
  RunResult r = Run({"ingest", dir_.File("one.txt")}, "PRESSMINE_DB=" + ShellQuote(Db()));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  RunResult s = Run({"search", "vaccination"}, "PRESSMINE_DB=" + ShellQuote(Db()));
  EXPECT_EQ(s.exit_code, 0) << s.err;
  EXPECT_NE(s.out.find("1 result"), std::string::npos) << s.out;
}

TEST_F(CliTest, MalformedQueryIsAUsageErrorWithAPointedMessage) {
  IngestFixtures();
  RunResult r = Run({"--db", Db(), "search", "\"maternal mortality"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("column 1"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("fts5"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
}

TEST_F(CliTest, RuntimeErrorsExitWithOneAndNameTheInput) {
  RunResult missing = Run({"--db", dir_.File("absent.db"), "search", "x"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("absent.db"), std::string::npos) << missing.err;

  dir_.Write("bad/ok.txt", "A perfectly good release about primary healthcare reform.");
  dir_.Write("bad/broken.txt", "\xCF\xF0\xE8\xEC\xE5\xF0 windows-1251");
  RunResult ingest = Run({"--db", Db(), "ingest", dir_.File("bad")});
  EXPECT_EQ(ingest.exit_code, 1) << "a rejected file makes the run fail";
  EXPECT_NE(ingest.err.find("broken.txt"), std::string::npos) << ingest.err;
  EXPECT_NE(ingest.out.find("1 added"), std::string::npos) << ingest.out;

  dir_.Write("notadb.db", std::string(4096, 'x'));
  RunResult corrupt = Run({"--db", dir_.File("notadb.db"), "stats"});
  EXPECT_EQ(corrupt.exit_code, 1);
  EXPECT_NE(corrupt.err.find("notadb.db"), std::string::npos) << corrupt.err;
}

TEST_F(CliTest, ExtractPrintsOnePageWithoutStoringIt) {
  const std::string page = dir_.Write(
      "p.html", "<html><head><title>Vaccination week</title></head><body><p>The ministry opened "
                "a vaccination week in all regions of the country.</p></body></html>");
  RunResult r = Run({"--db", Db(), "extract", page, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  rapidjson::Document doc;
  doc.Parse(r.out.c_str());
  ASSERT_FALSE(doc.HasParseError()) << r.out;
  for (const char* key : {"title", "published", "date_evidence", "lang", "author", "site", "text"}) {
    EXPECT_TRUE(doc.HasMember(key)) << key;
  }
  EXPECT_STREQ(doc["title"].GetString(), "Vaccination week");
  EXPECT_STREQ(doc["lang"].GetString(), "en");
  EXPECT_FALSE(std::filesystem::exists(Db())) << "extract stores nothing";
}

}  // namespace
}  // namespace pressmine::tools
