// index/fact_store: facts written per document and read back through every filter.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>

#include "base/sqlite.h"
#include "index/fact_store.h"
#include "tests/extract/facts_test_util.h"
#include "tests/support/temp_dir.h"

namespace pressmine::index {
namespace {

using extract::Fact;
using extract::FactType;

class FactStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::Open(dir_.File("facts.db"));
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_.emplace(std::move(db).value());
    auto store = FactStore::Open(*db_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_.emplace(std::move(store).value());
  }

  // Extracts `text` and stores its facts as document `doc`.
  void Put(int64_t doc, const std::string& published, const std::string& text) {
    extract::FactOptions options;
    options.published = published;
    auto facts = extract::testing::Extractor().Extract(text, options);
    ASSERT_TRUE(facts.ok());
    ASSERT_TRUE(store_->PutDocumentFacts(doc, published, *facts).ok());
  }

  std::vector<StoredFact> Query(const FactQuery& q) {
    auto r = store_->Query(q);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? std::move(r).value() : std::vector<StoredFact>{};
  }

  pressmine::testing::TempDir dir_;
  std::optional<Database> db_;
  std::optional<FactStore> store_;
};

constexpr const char* kRuRelease =
    "Заседание провёл министр здравоохранения Канайбек Досмамбетов.\n\n"
    "В 2025 году материнская смертность составила 34,8 на 100 000 живорожденных.\n\n"
    "В 2026 году планируется обеспечить жильём врачей.";
constexpr const char* kEnRelease =
    "The board meeting was chaired by Minister Kanaybek Dosmambetov.\n\n"
    "In 2024, maternal mortality was 25.7 per 100,000 live births.";

TEST_F(FactStoreTest, RoundTripsTypedFields) {
  Put(1, "2026-01-28", kRuRelease);
  FactQuery q;
  q.type = FactType::kFigure;
  const auto figures = Query(q);
  ASSERT_EQ(figures.size(), 1u);
  EXPECT_EQ(figures[0].doc_id, 1);
  EXPECT_EQ(figures[0].published, "2026-01-28");
  const Fact& f = figures[0].fact;
  EXPECT_EQ(f.figure.value, 34.8);
  EXPECT_EQ(f.figure.unit, "per_100000_live_births");
  EXPECT_EQ(f.figure.indicator, "maternal_mortality");
  EXPECT_EQ(f.figure.period, "2025");
  EXPECT_EQ(f.lang, Language::kRussian);
  EXPECT_EQ(f.sentence, 1);
  EXPECT_FALSE(f.figure.change.has_value());

  q.type = FactType::kCommitment;
  const auto commitments = Query(q);
  ASSERT_EQ(commitments.size(), 1u);
  EXPECT_EQ(commitments[0].fact.commitment.modality, "plan");
  EXPECT_EQ(commitments[0].fact.commitment.target, "2026");
}

// A figure that states only a change is stored and read back without a value, in the timeline too.
TEST_F(FactStoreTest, AFigureWithOnlyAChangeHasNoValue) {
  Put(1, "2026-01-28", "There was a 28.1% increase in infectious diseases.");
  FactQuery q;
  q.type = FactType::kFigure;
  const auto figures = Query(q);
  ASSERT_EQ(figures.size(), 1u);
  const Fact& f = figures[0].fact;
  EXPECT_FALSE(f.figure.value.has_value());
  EXPECT_EQ(f.figure.indicator, "infectious_diseases");
  ASSERT_TRUE(f.figure.change.has_value());
  EXPECT_EQ(f.figure.change->value, 28.1);
  EXPECT_EQ(f.figure.change->direction, "increase");

  auto points = store_->Timeline("infectious_diseases");
  ASSERT_TRUE(points.ok()) << points.status().ToString();
  ASSERT_EQ(points->size(), 1u);
  EXPECT_FALSE((*points)[0].value.has_value());
  ASSERT_TRUE((*points)[0].change.has_value());
  EXPECT_EQ((*points)[0].change->value, 28.1);
}

TEST_F(FactStoreTest, PutReplacesADocumentsFacts) {
  Put(1, "2026-01-28", kRuRelease);
  Put(1, "2026-01-28", kEnRelease);
  FactQuery q;
  q.doc_id = 1;
  for (const StoredFact& s : Query(q)) EXPECT_EQ(s.fact.lang, Language::kEnglish);
  auto counts = store_->CountByType();
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ((*counts)["official"], 1);
}

TEST_F(FactStoreTest, FiltersByKeyLanguageIndicatorAndTime) {
  Put(1, "2026-01-28", kRuRelease);
  Put(2, "2026-01-29", kEnRelease);
  FactQuery by_key;
  by_key.official_key = extract::testing::Extractor().OfficialKey("Dosmambetov");
  const auto mentions = Query(by_key);
  ASSERT_EQ(mentions.size(), 2u);
  EXPECT_NE(mentions[0].fact.lang, mentions[1].fact.lang);

  FactQuery english;
  english.lang = Language::kEnglish;
  english.type = FactType::kOfficial;
  EXPECT_EQ(Query(english).size(), 1u);

  FactQuery indicator;
  indicator.indicator = "maternal";
  EXPECT_EQ(Query(indicator).size(), 2u);

  FactQuery in_2025;
  in_2025.type = FactType::kFigure;
  in_2025.from = "2025-01-01";
  in_2025.to = "2025-12";
  const auto figures = Query(in_2025);
  ASSERT_EQ(figures.size(), 1u);
  EXPECT_EQ(figures[0].fact.figure.period, "2025");

  FactQuery bad;
  bad.from = "yesterday";
  EXPECT_FALSE(store_->Query(bad).ok());
}

TEST_F(FactStoreTest, OfficialsMergeLanguagesAndTimelineOrdersPeriods) {
  Put(1, "2026-01-28", kRuRelease);
  Put(2, "2026-01-29", kEnRelease);
  auto officials = store_->Officials();
  ASSERT_TRUE(officials.ok());
  ASSERT_EQ(officials->size(), 1u);
  const OfficialSummary& o = (*officials)[0];
  EXPECT_EQ(o.docs_by_lang.at("ru"), 1);
  EXPECT_EQ(o.docs_by_lang.at("en"), 1);
  EXPECT_EQ(o.names.size(), 2u);
  EXPECT_EQ(o.positions.at("minister").first, "2026-01-28");
  EXPECT_EQ(o.positions.at("minister").second, "2026-01-29");

  auto timeline = store_->Timeline("maternal_mortality");
  ASSERT_TRUE(timeline.ok());
  ASSERT_EQ(timeline->size(), 2u);
  EXPECT_EQ((*timeline)[0].period, "2024");
  EXPECT_EQ((*timeline)[0].value, 25.7);
  EXPECT_EQ((*timeline)[1].period, "2025");
}

TEST_F(FactStoreTest, StoryCandidatesAreOtherLanguageReleasesWithinTheWindow) {
  Put(1, "2026-01-28", kRuRelease);
  Put(2, "2026-01-26T17:11", kEnRelease);  // two days before, with a time of day
  Put(3, "2026-01-31", kEnRelease);        // three days after: the window's last day
  Put(4, "2026-02-01", kEnRelease);        // four days after: outside
  Put(5, "2026-01-24", kEnRelease);        // four days before: outside
  Put(6, "2026-01-28", kRuRelease);        // same day, same language: not a translation
  Put(7, "2025-12-31", kEnRelease);        // the window does not cross into another month
  auto candidates = store_->StoryCandidates(1, "2026-01-28T10:00", Language::kRussian, 3);
  ASSERT_TRUE(candidates.ok()) << candidates.status().ToString();
  std::vector<int64_t> ids;
  for (const auto& [id, published] : *candidates) ids.push_back(id);
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<int64_t>{2, 3}));

  // Across a year boundary the date arithmetic still holds.
  auto new_year = store_->StoryCandidates(9, "2026-01-02", Language::kRussian, 3);
  ASSERT_TRUE(new_year.ok());
  ASSERT_EQ(new_year->size(), 1u);
  EXPECT_EQ((*new_year)[0].first, 7);
}

// Story linking runs for every indexed document, and Translations for every search hit: their
// statements are prepared once per store and kept, not prepared again on every call.
TEST_F(FactStoreTest, StoryStatementsArePreparedOnceAndReused) {
  Put(1, "2026-01-28", kRuRelease);
  Put(2, "2026-01-27", kEnRelease);
  auto prepared = [&] {
    std::vector<sqlite3_stmt*> out;
    for (sqlite3_stmt* s = sqlite3_next_stmt(db_->raw(), nullptr); s != nullptr;
         s = sqlite3_next_stmt(db_->raw(), s)) {
      out.push_back(s);
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  const auto before = prepared();
  auto use = [&] {
    ASSERT_TRUE(store_->LinkStory(1, 2, 0.9).ok());
    auto candidates = store_->StoryCandidates(1, "2026-01-28", Language::kRussian, 3);
    ASSERT_TRUE(candidates.ok());
    ASSERT_EQ(candidates->size(), 1u);
    EXPECT_EQ((*candidates)[0].first, 2);
    auto translations = store_->Translations(1);
    ASSERT_TRUE(translations.ok());
    EXPECT_EQ(*translations, (std::vector<int64_t>{2}));
  };
  use();
  const auto kept = prepared();
  EXPECT_EQ(kept.size(), before.size() + 3) << "each statement is kept for the next call";
  use();
  EXPECT_EQ(prepared(), kept) << "the next call reuses them";
}

TEST_F(FactStoreTest, ReopeningKeepsTheSchemaVersion) {
  Put(1, "2026-01-28", kRuRelease);
  auto again = FactStore::Open(*db_);
  ASSERT_TRUE(again.ok());
  auto version = SchemaVersion(*db_, "facts");
  ASSERT_TRUE(version.ok());
  EXPECT_EQ(*version, static_cast<int>(FactMigrations().size()));
  auto counts = again->CountByType();
  ASSERT_TRUE(counts.ok());
  EXPECT_GT((*counts)["figure"], 0);
}

// Before version 4 a figure that stated only a change ("decreased by 9%") stored the change
// again as its value, but a level reached by a change ("rose to 95%") was stored the same way:
// SQL cannot tell the two apart, so version 4 changes no row (`refacts` re-extracts them).
TEST(FactStoreMigration, Version4KeepsEveryStoredValue) {
  pressmine::testing::TempDir dir;
  auto db = Database::Open(dir.File("old.db"));
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  ASSERT_TRUE(ApplyMigrations(*db, "facts", FactMigrations().first(3)).ok());
  const char* kRow =
      "INSERT INTO facts(doc_id, type, lang, sentence, begin_offset, end_offset, evidence, "
      "sentence_text, value, unit, indicator, change_value, change_unit, change_dir) VALUES ";
  ASSERT_TRUE(db->Exec(std::string(kRow) +
                       "(1, 'figure', 'en', 0, 0, 1, 'rose to 95%', 's', 95, 'percent', "
                       "'vaccination_coverage', 95, 'percent', 'increase'),"
                       "(1, 'figure', 'ru', 1, 0, 1, 'снизился до 82%', 's', 82, 'percent', "
                       "'coverage', 82, 'percent', 'decrease'),"
                       "(1, 'figure', 'en', 2, 0, 1, '13.5 per 1,000', 's', 13.5, "
                       "'per_1000_live_births', 'infant_mortality', 4.2, 'percent', 'decrease')")
                  .ok());
  auto store = FactStore::Open(*db);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto version = SchemaVersion(*db, "facts");
  ASSERT_TRUE(version.ok());
  EXPECT_EQ(*version, static_cast<int>(FactMigrations().size()));
  FactQuery q;
  q.type = FactType::kFigure;
  auto facts = store->Query(q);
  ASSERT_TRUE(facts.ok()) << facts.status().ToString();
  ASSERT_EQ(facts->size(), 3u);
  for (const StoredFact& f : *facts) {
    const extract::FigureValue& v = f.fact.figure;
    SCOPED_TRACE(v.indicator);
    ASSERT_TRUE(v.change.has_value());
    if (v.indicator == "vaccination_coverage") {
      EXPECT_EQ(v.value, 95);
      EXPECT_EQ(v.unit, "percent");
      EXPECT_DOUBLE_EQ(v.change->value, 95);
    } else if (v.indicator == "coverage") {
      EXPECT_EQ(v.value, 82);
      EXPECT_EQ(v.unit, "percent");
    } else {
      EXPECT_EQ(v.value, 13.5);
      EXPECT_EQ(v.unit, "per_1000_live_births");
    }
  }
}

}  // namespace
}  // namespace pressmine::index
