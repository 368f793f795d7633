// The facts' JSON writer (tools/facts_json.h) that the command line, the web API and the
// facts evaluation share, and the filters `facts` and /api/facts share.
#include "tools/facts_json.h"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <cmath>
#include <limits>
#include <set>
#include <string>

#include "tests/support/temp_dir.h"

namespace pressmine::tools {
namespace {

extract::FactExtractor& Extractor() {
  static extract::FactExtractor* extractor = [] {
    auto made = extract::FactExtractor::Create();
    EXPECT_TRUE(made.ok()) << made.status().ToString();
    return new extract::FactExtractor(std::move(made).value());
  }();
  return *extractor;
}

rapidjson::Document Parse(const std::string& json) {
  rapidjson::Document d;
  d.Parse(json.c_str());
  EXPECT_FALSE(d.HasParseError()) << json;
  return d;
}

TEST(FactsJson, AFigureCarriesTheFieldsOfItsType) {
  extract::FactOptions options;
  options.published = "2026-02-10";
  const auto facts =
      Extractor().ExtractSentence("Бюджетный кредит увеличен до 9,2 млн тенге.", options);
  const extract::Fact* figure = nullptr;
  for (const auto& f : facts) {
    if (f.type == extract::FactType::kFigure) figure = &f;
  }
  ASSERT_NE(figure, nullptr);
  const std::string json = FactToJson(*figure, "kz/1");
  EXPECT_NE(json.find("\"value\":9200000,"), std::string::npos)
      << "whole numbers without a fraction: " << json;
  rapidjson::Document d = Parse(json);
  EXPECT_STREQ(d["type"].GetString(), "figure");
  EXPECT_STREQ(d["doc"].GetString(), "kz/1");
  EXPECT_STREQ(d["unit"].GetString(), "KZT");
  EXPECT_STREQ(d["lang"].GetString(), "ru");
  EXPECT_FALSE(d.HasMember("change"));
  EXPECT_FALSE(d.HasMember("begin")) << "offsets only when asked for";
}

// "a 28.1% increase in infectious diseases": no value (null), the change carries the number.
TEST(FactsJson, AFigureWithOnlyAChangeHasANullValue) {
  extract::Fact f;
  f.type = extract::FactType::kFigure;
  f.figure.indicator = "infectious_diseases";
  f.figure.change = extract::ChangeValue{28.1, "percent", "increase", ""};
  rapidjson::Document d = Parse(FactToJson(f, "7"));
  ASSERT_TRUE(d.HasMember("value"));
  EXPECT_TRUE(d["value"].IsNull());
  EXPECT_FALSE(d.HasMember("unit"));
  EXPECT_STREQ(d["indicator"].GetString(), "infectious_diseases");
  EXPECT_EQ(d["change"]["value"].GetDouble(), 28.1);
  EXPECT_STREQ(d["change"]["direction"].GetString(), "increase");
}

TEST(FactsJson, EscapesTextAndKeepsInvalidNumbersValid) {
  extract::Fact f;
  f.type = extract::FactType::kFigure;
  f.lang = Language::kEnglish;
  f.text = "a \"quoted\" \\ line\nbreak \x01 <script>";
  f.begin = 3;
  f.end = 40;
  f.figure.value = std::numeric_limits<double>::quiet_NaN();
  f.figure.change = extract::ChangeValue{2.5, "percent", "increase", ""};
  JsonOut out;
  WriteFact(out, f, "7", /*with_offsets=*/true);
  rapidjson::Document d = Parse(std::string(out.str()));
  EXPECT_STREQ(d["text"].GetString(), f.text.c_str());
  EXPECT_TRUE(d["value"].IsNull());
  EXPECT_EQ(d["change"]["value"].GetDouble(), 2.5);
  EXPECT_FALSE(d["change"].HasMember("base")) << "empty optional fields are left out";
  EXPECT_EQ(d["span_begin"].GetUint64(), 3u);

  f.figure.value = 1.1 * 1000;  // 1100.0000000000002 in binary
  f.figure.change->value = 0.1 + 0.2;
  const std::string rounded = FactToJson(f, "7");
  EXPECT_NE(rounded.find("\"value\":1100,"), std::string::npos) << rounded;
  EXPECT_NE(rounded.find("\"value\":0.3,"), std::string::npos) << rounded;
  EXPECT_EQ(d["span_end"].GetUint64(), 40u);
}

TEST(FactsJson, ADateRangeWithOffsetsHasEachKeyOnce) {
  // A date's "end" is its period's end; the evidence offsets must not share the name (browsers
  // keep the last of two equal keys, RapidJSON the first).
  extract::Fact f;
  f.type = extract::FactType::kDate;
  f.text = "2025-2026 годы";
  f.begin = 12;
  f.end = 30;
  f.date.value = "2025";
  f.date.end = "2026";
  JsonOut out;
  WriteFact(out, f, "3", /*with_offsets=*/true);
  rapidjson::Document d = Parse(std::string(out.str()));
  std::set<std::string> keys;
  for (const auto& m : d.GetObject()) {
    EXPECT_TRUE(keys.insert(m.name.GetString()).second) << "repeated key " << m.name.GetString();
  }
  EXPECT_STREQ(d["end"].GetString(), "2026");
  EXPECT_EQ(d["span_end"].GetUint64(), 30u);
}

TEST(FactsJson, FiltersNameTheBadParameter) {
  // One filter set to a bad value each (designated initializers would leave the rest out).
  auto with = [](std::string FactsFilter::*field, std::string value) {
    FactsFilter f;
    f.*field = std::move(value);
    return f;
  };
  const std::vector<std::pair<FactsFilter, std::string>> cases = {
      {with(&FactsFilter::type, "rumour"), "type \"rumour\""},
      {with(&FactsFilter::indicator, "happiness"), "indicator \"happiness\""},
      {with(&FactsFilter::lang, "de"), "lang \"de\""},
      {with(&FactsFilter::from, "March"), "from \"March\""},
      {with(&FactsFilter::to, "2026-1"), "to \"2026-1\""},
      {with(&FactsFilter::official, "42"), "official \"42\""},
  };
  for (const auto& [filter, prefix] : cases) {
    Result<index::FactQuery> q = MakeFactQuery(filter, Extractor());
    ASSERT_FALSE(q.ok()) << prefix;
    EXPECT_EQ(q.status().code(), Status::Code::kInvalidArgument);
    EXPECT_EQ(q.status().message().rfind(prefix, 0), 0u) << q.status().message();
  }
  FactsFilter good;
  good.official = "Кадыралиевым";
  good.indicator = "материнская смертность";
  Result<index::FactQuery> q = MakeFactQuery(good, Extractor());
  ASSERT_TRUE(q.ok()) << q.status().ToString();
  EXPECT_EQ(q->indicator, "maternal_mortality");
  EXPECT_EQ(q->official_key, Extractor().OfficialKey("Kadyraliev"));
}

TEST(FactsJson, IndicatorsResolveFromWordsInEitherLanguageOrTheirId) {
  for (const char* typed : {"maternal mortality", "материнская смертность", "maternal_mortality"}) {
    Result<std::string> id = ResolveIndicator(Extractor(), typed);
    ASSERT_TRUE(id.ok()) << typed;
    EXPECT_EQ(*id, "maternal_mortality") << typed;
  }
  EXPECT_FALSE(ResolveIndicator(Extractor(), "happiness").ok());
}

// A timeline's commitments come from the releases that reported the indicator and no others,
// whether there are few such releases (one query each) or many (one scan).
TEST(FactsJson, TimelineCommitmentsComeFromTheReportingReleasesOnly) {
  for (int reporting : {3, 100}) {
    testing::TempDir dir;
    auto db = Database::Open(dir.File("t.db"));
    ASSERT_TRUE(db.ok());
    auto store = index::FactStore::Open(*db);
    ASSERT_TRUE(store.ok());
    auto commitment = [](std::string target) {
      extract::Fact c;
      c.type = extract::FactType::kCommitment;
      c.lang = Language::kEnglish;
      c.text = "plans to open a centre";
      c.commitment.target = std::move(target);
      c.commitment.modality = "plan";
      return c;
    };
    for (int doc = 1; doc <= reporting + 1; ++doc) {
      extract::Fact figure;
      figure.type = extract::FactType::kFigure;
      figure.lang = Language::kEnglish;
      figure.text = "34.8 per 100,000 live births";
      figure.figure.value = 34.8;
      figure.figure.unit = "per_100000_live_births";
      figure.figure.period = "2025";
      // The last release reports another indicator; its commitment is not this timeline's.
      figure.figure.indicator = doc <= reporting ? "maternal_mortality" : "infant_mortality";
      ASSERT_TRUE(
          store
              ->PutDocumentFacts(doc, "2026-03-02",
                                 {figure, commitment(doc % 2 ? "2027" : "2030"), commitment("")})
              .ok());
    }
    auto timeline = LoadTimeline(*store, "maternal_mortality");
    ASSERT_TRUE(timeline.ok()) << timeline.status().ToString();
    EXPECT_EQ(timeline->points.size(), static_cast<size_t>(reporting));
    ASSERT_EQ(timeline->commitments.size(), static_cast<size_t>(reporting))
        << "undated commitments and other releases' are left out";
    EXPECT_EQ(timeline->commitments.front().fact.commitment.target, "2027") << "by target";
    EXPECT_EQ(timeline->commitments.back().fact.commitment.target, "2030");
    for (const TimelineCommitment& c : timeline->commitments) EXPECT_LE(c.doc_id, reporting);
  }
}

}  // namespace
}  // namespace pressmine::tools
