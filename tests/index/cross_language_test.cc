// Cross-language search: names across scripts (and, with the lexicon, terms across languages).
#include <gtest/gtest.h>

#include <set>

#include "index/document_store.h"
#include "index/search.h"
#include "tests/support/search_options.h"
#include "tests/support/temp_dir.h"

namespace pressmine::index {
namespace {

class CrossLanguageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::Open(dir_.File("x.db"));
    ASSERT_TRUE(db.ok());
    db_.emplace(std::move(*db));
    auto store = DocumentStore::Open(*db_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    Add(*store, Language::kRussian, "Встреча с врачами",
        "Встречу провел заместитель министра Бакытбек Кадыралиев. Также выступил Темирбек Эркинов.");
    Add(*store, Language::kEnglish, "Meeting with doctors",
        "The meeting was chaired by Deputy Minister Bakytbek Kadyraliyev and Temirbek Erkinov.");
    Add(*store, Language::kRussian, "Коллегия министерства",
        "Коллегия прошла под председательством министра Канайбека Досмамбетова. Президент Садыр "
        "Жапаров направил приветствие.");
    Add(*store, Language::kEnglish, "Board meeting",
        "The board was chaired by Minister Kanaibek Dosmambetov. President Sadyr Japarov sent a "
        "greeting.");
    Add(*store, Language::kEnglish, "Unrelated",
        "The ministry discussed hospital construction in Osh and Batken regions.");
    Add(*store, Language::kRussian, "Материнская смертность снизилась",
        "По итогам года показатель материнской смертности снизился на 12%.");  // 6
    Add(*store, Language::kEnglish, "Maternal mortality rose",
        "In 2025 maternal mortality amounted to 34.8 per 100,000 live births.");  // 7
    Add(*store, Language::kRussian, "Отделение гемодиализа",
        "В Оше открылось отделение гемодиализа на 24 места.");  // 8
    Add(*store, Language::kEnglish, "Mortality of mothers in transport accidents",
        "Statistics on maternal age and on road mortality were published.");  // 9: both words, apart
  }

  void Add(DocumentStore& store, Language lang, std::string title, std::string text) {
    DocumentRecord d;
    d.url = "https://example.org/" + std::to_string(++n_);
    d.lang = lang;
    d.title = std::move(title);
    d.text = std::move(text);
    d.published = "2026-01-2" + std::to_string(n_);
    ASSERT_TRUE(store.Put(d, "t").ok());
  }

  std::set<int64_t> Ids(const std::string& q, bool cross_language = true) {
    SearchRequest req;
    req.query = q;
    req.cross_language = cross_language;
    auto r = Search(*db_, req, testing::GlossaryOnly());
    EXPECT_TRUE(r.ok()) << q << ": " << r.status().ToString();
    std::set<int64_t> ids;
    if (r.ok()) {
      for (const auto& h : r->hits) ids.insert(h.id);
    }
    return ids;
  }

  testing::TempDir dir_;
  std::optional<Database> db_;
  int n_ = 0;
};

TEST_F(CrossLanguageTest, NamesMeetAcrossScriptsAndSpellings) {
  const std::set<int64_t> first_pair{1, 2};
  const std::set<int64_t> second_pair{3, 4};
  EXPECT_EQ(Ids("Kadyraliev"), first_pair);
  EXPECT_EQ(Ids("Кадыралиев"), first_pair);
  EXPECT_EQ(Ids("Kadyraliyev"), first_pair);
  EXPECT_EQ(Ids("Кадыралиева"), first_pair) << "an inflected form keys to the same name";
  EXPECT_EQ(Ids("Erkinov"), first_pair);
  EXPECT_EQ(Ids("Эркинов"), first_pair);
  EXPECT_EQ(Ids("Dosmambetov"), second_pair);
  EXPECT_EQ(Ids("Досмамбетов"), second_pair) << "«Досмамбетова» in the text";
  EXPECT_EQ(Ids("Kanaybek"), second_pair);
  EXPECT_EQ(Ids("Канайбек"), second_pair);
  EXPECT_EQ(Ids("Zhaparov"), second_pair);
  EXPECT_EQ(Ids("Жапаров"), second_pair);
}

TEST_F(CrossLanguageTest, TermsMeetAcrossLanguagesThroughTheLexicon) {
  const std::set<int64_t> maternal_mortality{6, 7};
  std::set<int64_t> found = Ids("maternal mortality");
  EXPECT_TRUE(found.count(6)) << "the Russian release";
  EXPECT_TRUE(found.count(7)) << "the English release";
  found = Ids("материнская смертность");
  EXPECT_TRUE(found.count(6) && found.count(7));
  EXPECT_EQ(Ids("\"maternal mortality\""), maternal_mortality)
      << "a quoted phrase is translated as a phrase and keeps its word order";
  EXPECT_EQ(Ids("hemodialysis"), std::set<int64_t>{8}) << "«гемодиализа» is an inflected form";
  EXPECT_EQ(Ids("гемодиализ"), std::set<int64_t>{8});
}

TEST_F(CrossLanguageTest, ExplainShowsOneGroupPerTerm) {
  SearchRequest req;
  req.query = "maternal mortality -covid";
  auto r = Search(*db_, req, testing::GlossaryOnly());
  ASSERT_TRUE(r.ok());
  // One OR group for the two-word term: the words as typed, or the Russian phrase.
  EXPECT_NE(r->fts_expression.find("((\"maternal\" AND \"mortality\") OR \"\x01материнск\x01смертност\")"),
            std::string::npos)
      << r->fts_expression;
  EXPECT_NE(r->fts_expression.find("NOT \"covid\""), std::string::npos) << "exclusions are not expanded";
}

TEST_F(CrossLanguageTest, MonoSearchesOnlyTheWordsAsTyped) {
  EXPECT_EQ(Ids("Kadyraliev", false), std::set<int64_t>{});
  EXPECT_EQ(Ids("Kadyraliyev", false), std::set<int64_t>{2});
  EXPECT_EQ(Ids("Кадыралиев", false), std::set<int64_t>{1});
}

TEST_F(CrossLanguageTest, OwnLanguageRanksFirst) {
  SearchRequest req;
  req.query = "Досмамбетов";
  auto r = Search(*db_, req, testing::GlossaryOnly());
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->hits.size(), 2u);
  EXPECT_EQ(r->hits[0].lang, Language::kRussian);
  req.query = "Dosmambetov";
  r = Search(*db_, req, testing::GlossaryOnly());
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->hits.size(), 2u);
  EXPECT_EQ(r->hits[0].lang, Language::kEnglish);
}

TEST_F(CrossLanguageTest, OwnLanguageFirstHoldsAcrossPagesAndFilters) {
  // "chaired" / «председательством» do not cross; names do: both Dosmambetov releases, both
  // Kadyraliev releases.
  SearchRequest req;
  req.query = "Kadyraliev OR Dosmambetov";
  auto r = Search(*db_, req, testing::GlossaryOnly());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->total, 4);
  EXPECT_TRUE(r->total_exact);
  ASSERT_EQ(r->hits.size(), 4u);
  EXPECT_EQ(r->hits[0].lang, Language::kEnglish);
  EXPECT_EQ(r->hits[1].lang, Language::kEnglish);
  EXPECT_EQ(r->hits[2].lang, Language::kRussian);
  EXPECT_EQ(r->hits[3].lang, Language::kRussian);

  // A page across the boundary holds the last English and the first Russian result.
  req.offset = 1;
  req.limit = 2;
  auto page = Search(*db_, req, testing::GlossaryOnly());
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->hits.size(), 2u);
  EXPECT_EQ(page->hits[0].id, r->hits[1].id);
  EXPECT_EQ(page->hits[1].id, r->hits[2].id);
  EXPECT_EQ(page->total, 4);

  // With a language filter there is one language to rank.
  req.offset = 0;
  req.limit = 10;
  req.lang = Language::kRussian;
  auto ru = Search(*db_, req, testing::GlossaryOnly());
  ASSERT_TRUE(ru.ok());
  ASSERT_EQ(ru->hits.size(), 2u);
  EXPECT_EQ(ru->total, 2);
  for (const auto& h : ru->hits) EXPECT_EQ(h.lang, Language::kRussian);
}

}  // namespace
}  // namespace pressmine::index
