// The analysts' commands on releases written for the test: facts, officials, timeline, refacts,
// and story links shown by search.
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include "tests/support/cli_runner.h"
#include "tests/support/temp_dir.h"

namespace pressmine::tools {
namespace {

using testing::RunResult;

class FactsCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.Write("rel/ru.txt",
               " date 2026-03-02 10:00\nВ Джалал-Абаде открыли перинатальный центр\n\n"
               "Центр открыл заместитель министра здравоохранения Бакытбек Кадыралиев.\n\n"
               "По итогам 2025 года материнская смертность составила 34,8 на 100 тысяч живорожденных.\n\n"
               "В 2026 году планируется открыть еще два перинатальных центра.\n");
    dir_.Write("rel/en.txt",
               " date 2026-03-02 A perinatal center has opened in Jalal-Abad.\n\n"
               "The center was opened by Deputy Minister of Health Bakytbek Kadyraliev.\n\n"
               "In 2025 maternal mortality amounted to 34.8 per 100,000 live births.\n\n"
               "In 2026 the ministry plans to open two more perinatal centers.\n");
    dir_.Write("rel/other.txt",
               " date 2025-06-10 The ministry reported that maternal mortality amounted to 41.2 per "
               "100,000 live births in 2024.\n");
    RunResult r = Run({"ingest", dir_.File("rel")});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }

  RunResult Run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", dir_.File("f.db")});
    return testing::RunPressmine(dir_, args);
  }

  rapidjson::Document Json(const RunResult& r) {
    rapidjson::Document d;
    d.Parse(r.out.c_str());
    EXPECT_FALSE(d.HasParseError()) << r.out << r.err;
    return d;
  }

  testing::TempDir dir_;
};

TEST_F(FactsCliTest, OfficialsMergeBothSpellings) {
  RunResult r = Run({"officials", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  rapidjson::Document d = Json(r);
  ASSERT_TRUE(d["officials"].IsArray());
  ASSERT_EQ(d["officials"].Size(), 1u) << r.out;
  const auto& o = d["officials"][0];
  EXPECT_TRUE(o["names"].HasMember("Бакытбек Кадыралиев")) << r.out;
  EXPECT_TRUE(o["names"].HasMember("Bakytbek Kadyraliev")) << r.out;
  EXPECT_EQ(o["docs_by_lang"]["ru"].GetInt(), 1);
  EXPECT_EQ(o["docs_by_lang"]["en"].GetInt(), 1);
}

TEST_F(FactsCliTest, FactsFilterByTypeOfficialIndicatorAndFormat) {
  RunResult r = Run({"facts", "--official", "Кадыралиев", "--type", "official", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  rapidjson::Document d = Json(r);
  ASSERT_EQ(d["facts"].Size(), 2u) << "the Russian and the English mention" << r.out;
  for (const auto& f : d["facts"].GetArray()) {
    EXPECT_STREQ(f["type"].GetString(), "official");
    EXPECT_STREQ(f["key"].GetString(), d["facts"][0]["key"].GetString());
  }

  r = Run({"facts", "--indicator", "материнская смертность", "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("type,doc,published,lang,what,value,detail,text\n", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("34.8"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("41.2"), std::string::npos) << r.out;

  r = Run({"facts", "--type", "commitment", "--lang", "en", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  d = Json(r);
  ASSERT_GE(d["facts"].Size(), 1u) << r.out;
  EXPECT_STREQ(d["facts"][0]["modality"].GetString(), "plan");
  EXPECT_STREQ(d["facts"][0]["target"].GetString(), "2026");
}

// A figure that states only a change: the change is its value, the period its detail.
TEST_F(FactsCliTest, AChangeOnlyFigureShowsTheChangeAsValueAndThePeriodAsDetail) {
  dir_.Write("rel2/change.txt",
             " date 2026-03-05 In 2025, maternal mortality decreased by 9%.\n");
  ASSERT_EQ(Run({"ingest", dir_.File("rel2")}).exit_code, 0);
  RunResult r = Run({"facts", "--query", "decreased by 9", "--type", "figure", "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find(",maternal_mortality,decrease 9 percent,2025,"), std::string::npos) << r.out;
  r = Run({"facts", "--query", "decreased by 9", "--type", "figure"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("maternal_mortality = decrease 9 percent (2025)"), std::string::npos)
      << r.out;
}

TEST_F(FactsCliTest, TimelineListsValuesFromBothLanguagesByPeriod) {
  RunResult r = Run({"timeline", "maternal", "mortality", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  rapidjson::Document d = Json(r);
  EXPECT_STREQ(d["indicator"].GetString(), "maternal_mortality");
  std::vector<std::pair<std::string, double>> points;
  std::set<std::string> langs;
  for (const auto& p : d["points"].GetArray()) {
    if (std::string(p["unit"].GetString()) != "per_100000_live_births") continue;
    points.emplace_back(p["period"].GetString(), p["value"].GetDouble());
    langs.insert(p["lang"].GetString());
  }
  ASSERT_GE(points.size(), 3u) << r.out;
  EXPECT_EQ(points.front(), (std::pair<std::string, double>{"2024", 41.2})) << r.out;
  EXPECT_EQ(langs, (std::set<std::string>{"ru", "en"}));
}

TEST_F(FactsCliTest, UnknownIndicatorAndBadDatesAreUsageErrors) {
  EXPECT_EQ(Run({"timeline", "happiness"}).exit_code, 2);
  EXPECT_EQ(Run({"facts", "--from", "March"}).exit_code, 2);
  EXPECT_EQ(Run({"facts", "--type", "rumour"}).exit_code, 2);
}

TEST_F(FactsCliTest, SearchShowsTheOtherLanguageVersionOfAStory) {
  RunResult r = Run({"search", "perinatal", "--json", "--mono"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  rapidjson::Document d = Json(r);
  ASSERT_EQ(d["total"].GetInt(), 1);
  const auto& hit = d["hits"][0];
  ASSERT_EQ(hit["translations"].Size(), 1u) << r.out;
  const auto& other = hit["translations"][0];
  ASSERT_TRUE(other.IsObject() && other.HasMember("id") && other.HasMember("lang") &&
              other.HasMember("title"))
      << r.out;
  EXPECT_NE(other["id"].GetInt64(), hit["id"].GetInt64());
  EXPECT_STRNE(other["lang"].GetString(), hit["lang"].GetString());
  EXPECT_GT(other["title"].GetStringLength(), 0u);

  RunResult text = Run({"search", "Kadyraliev"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("also in ru:"), std::string::npos) << "one story, both versions:\n" << text.out;
}

TEST_F(FactsCliTest, RefactsExtractsAgain) {
  RunResult r = Run({"refacts", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  rapidjson::Document d = Json(r);
  EXPECT_EQ(d["documents"].GetInt(), 3);
  EXPECT_GT(d["facts"].GetInt(), 5);
  RunResult officials = Run({"officials", "--json"});
  EXPECT_EQ(Json(officials)["officials"].Size(), 1u) << "refacts replaces, it does not duplicate";
}

}  // namespace
}  // namespace pressmine::tools
