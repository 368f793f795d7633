// Cross-language search: names across scripts (and, with the lexicon, terms across languages).
#include <gtest/gtest.h>

#include <set>

#include "index/document_store.h"
#include "index/search.h"
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
    auto r = Search(*db_, req);
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

TEST_F(CrossLanguageTest, MonoSearchesOnlyTheWordsAsTyped) {
  EXPECT_EQ(Ids("Kadyraliev", false), std::set<int64_t>{});
  EXPECT_EQ(Ids("Kadyraliyev", false), std::set<int64_t>{2});
  EXPECT_EQ(Ids("Кадыралиев", false), std::set<int64_t>{1});
}

TEST_F(CrossLanguageTest, OwnLanguageRanksFirst) {
  SearchRequest req;
  req.query = "Досмамбетов";
  auto r = Search(*db_, req);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->hits.size(), 2u);
  EXPECT_EQ(r->hits[0].lang, Language::kRussian);
  req.query = "Dosmambetov";
  r = Search(*db_, req);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->hits.size(), 2u);
  EXPECT_EQ(r->hits[0].lang, Language::kEnglish);
}

}  // namespace
}  // namespace pressmine::index
