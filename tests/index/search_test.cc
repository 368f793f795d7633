#include "index/search.h"

#include <gtest/gtest.h>

#include <set>

#include "index/document_store.h"
#include "index/schema.h"
#include "tests/support/search_options.h"
#include "tests/support/temp_dir.h"

namespace pressmine::index {
namespace {

class SearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::Open(dir_.File("s.db"));
    ASSERT_TRUE(db.ok());
    db_.emplace(std::move(*db));
    auto store = DocumentStore::Open(*db_);
    ASSERT_TRUE(store.ok());
    Add(*store, "kg-ru", Language::kRussian, "2026-01-26", "Онлайн-встреча с врачами за рубежом",
        "Заместитель министра провел встречу с врачами, работающими в Германии и США.");
    Add(*store, "kg-en", Language::kEnglish, "2026-01-26", "Online meeting with doctors abroad",
        "The deputy minister met doctors working in Germany and the United States.");
    Add(*store, "kg-en", Language::kEnglish, "2025-11-03", "Vaccination campaign in Osh",
        "The ministry started a measles vaccination campaign. Doctors visited schools.");
    Add(*store, "kz-ru", Language::kRussian, "2025-09-22", "Поддержка сельских врачей",
        "Подъемные пособия и жилье для врачей в сельской местности. Вакцинация тоже упомянута.");
    Add(*store, "kg-en", Language::kEnglish, "", "Hemodialysis centre opened",
        "A hemodialysis centre opened in Bishkek; the ministry thanked the doctors.");
  }

  void Add(DocumentStore& store, std::string source, Language lang, std::string published,
           std::string title, std::string text) {
    DocumentRecord d;
    d.url = "https://example.org/" + std::to_string(++n_);
    d.source = std::move(source);
    d.lang = lang;
    d.published = std::move(published);
    d.title = std::move(title);
    d.text = std::move(text);
    ASSERT_TRUE(store.Put(d, "2026-11-24T00:00:00Z").ok());
  }

  std::vector<std::string> Titles(const SearchRequest& req) {
    auto r = Search(*db_, req, testing::GlossaryOnly());
    EXPECT_TRUE(r.ok()) << req.query << ": " << r.status().ToString();
    std::vector<std::string> titles;
    if (r.ok()) {
      for (const auto& h : r->hits) titles.push_back(h.title);
    }
    return titles;
  }

  // These tests are about syntax, filters and ranking within one language; cross-language
  // expansion has its own tests (cross_language_test.cc).
  static SearchRequest Q(std::string q) {
    SearchRequest r;
    r.query = std::move(q);
    r.cross_language = false;
    return r;
  }

  testing::TempDir dir_;
  std::optional<Database> db_;
  int n_ = 0;
};

TEST_F(SearchTest, TitleMatchesRankAboveBodyMatches) {
  auto titles = Titles(Q("vaccination"));
  ASSERT_EQ(titles.size(), 1u);
  titles = Titles(Q("doctors"));
  ASSERT_EQ(titles.size(), 3u);
  EXPECT_EQ(titles[0], "Online meeting with doctors abroad");
}

TEST_F(SearchTest, LanguageSourceAndDateFiltersFromFlagsAndQuery) {
  SearchRequest by_flag = Q("рубеж OR doctors");
  by_flag.lang = Language::kRussian;
  EXPECT_EQ(Titles(by_flag), std::vector<std::string>{"Онлайн-встреча с врачами за рубежом"});
  EXPECT_EQ(Titles(Q("рубежом OR doctors lang:ru")), Titles(by_flag));

  SearchRequest by_source = Q("ministry");
  by_source.sources = {"kg-en"};
  EXPECT_EQ(Titles(by_source).size(), 2u);
  EXPECT_EQ(Titles(Q("ministry source:kz-ru")).size(), 0u);

  SearchRequest dated = Q("doctors");
  dated.from = "2025-11";
  dated.to = "2025-11-30";
  EXPECT_EQ(Titles(dated), std::vector<std::string>{"Vaccination campaign in Osh"});
  EXPECT_EQ(Titles(Q("doctors date:2026")),
            std::vector<std::string>{"Online meeting with doctors abroad"});
  EXPECT_EQ(Titles(Q("doctors date:..2025-12")).size(), 1u)
      << "undated releases fall outside ranges";
}

TEST_F(SearchTest, InflectedFormsMeetThroughStems) {
  // врачами (instr. pl.), врачей (gen. pl.): one stem.
  EXPECT_EQ(Titles(Q("врач")).size(), 2u);
  EXPECT_EQ(Titles(Q("врачи")).size(), 2u);
  EXPECT_EQ(Titles(Q("doctor")).size(), 3u);
  EXPECT_EQ(Titles(Q("\"сельской местности\"")).size(), 1u);
  EXPECT_EQ(Titles(Q("\"сельская местность\"")).size(), 1u) << "a phrase matches inflected";
}

TEST_F(SearchTest, FiltersNarrowTheMatchInsideFts5) {
  SearchRequest req = Q("doctors lang:en source:kg-en date:2025-06..2026-02");
  auto r = Search(*db_, req, testing::GlossaryOnly());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_NE(r->fts_expression.find("=l:en"), std::string::npos) << r->fts_expression;
  EXPECT_NE(r->fts_expression.find("=s:kg-en"), std::string::npos);
  EXPECT_EQ(r->fts_expression.find("=y:2025"), std::string::npos) << "Jun..Dec 2025 are months";
  EXPECT_NE(r->fts_expression.find("=m:2025-06"), std::string::npos);
  EXPECT_NE(r->fts_expression.find("=m:2025-12"), std::string::npos);
  EXPECT_NE(r->fts_expression.find("=m:2026-02"), std::string::npos);
  EXPECT_EQ(r->fts_expression.find("=m:2026-03"), std::string::npos);
  EXPECT_EQ(r->total, 2);
  // A whole year collapses to one year token.
  r = Search(*db_, Q("doctors date:2025"), testing::GlossaryOnly());
  ASSERT_TRUE(r.ok());
  EXPECT_NE(r->fts_expression.find("=y:2025"), std::string::npos);
  EXPECT_EQ(r->fts_expression.find("=m:"), std::string::npos) << r->fts_expression;
}

TEST_F(SearchTest, DocumentTextCannotForgeReservedTokens) {
  auto store = DocumentStore::Open(*db_);
  ASSERT_TRUE(store.ok());
  Add(*store, "evil", Language::kEnglish, "2020-01-01", "\x01=l:ru\x01=s:kz-ru",
      "\x01=l:ru =s:kz-ru doctors");
  SearchRequest req = Q("doctors");
  req.lang = Language::kRussian;
  req.sources = {"kz-ru"};
  auto titles = Titles(req);
  EXPECT_EQ(titles, std::vector<std::string>{}) << "the forged release must not pass as ru/kz-ru";
}

TEST_F(SearchTest, ConflictingFiltersAreUsageErrors) {
  SearchRequest req = Q("doctors lang:en");
  req.lang = Language::kRussian;
  auto r = Search(*db_, req, testing::GlossaryOnly());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument);
  SearchRequest bad_date = Q("doctors");
  bad_date.from = "26.01.2026";
  r = Search(*db_, bad_date, testing::GlossaryOnly());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("26.01.2026"), std::string::npos);
}

TEST_F(SearchTest, PhrasesExclusionPrefixAndTitleOnly) {
  EXPECT_EQ(Titles(Q("\"deputy minister\"")).size(), 1u);
  EXPECT_EQ(Titles(Q("\"minister deputy\"")).size(), 0u);
  EXPECT_EQ(Titles(Q("doctors -hemodialysis")).size(), 2u);
  EXPECT_EQ(Titles(Q("hemodial*")).size(), 1u);
  EXPECT_EQ(Titles(Q("title:doctors")),
            std::vector<std::string>{"Online meeting with doctors abroad"});
}

TEST_F(SearchTest, SnippetsHighlightMatchesAndTotalsCountAllMatches) {
  SearchRequest req = Q("doctors");
  req.limit = 1;
  req.highlight_open = "<";
  req.highlight_close = ">";
  auto r = Search(*db_, req, testing::GlossaryOnly());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->total, 3);
  ASSERT_EQ(r->hits.size(), 1u);
  EXPECT_NE(r->hits[0].snippet.find("<doctors>"), std::string::npos) << r->hits[0].snippet;
  for (const auto& h : r->hits) EXPECT_EQ(h.snippet.find('\n'), std::string::npos);
  req.offset = 1;
  req.limit = 5;
  r = Search(*db_, req, testing::GlossaryOnly());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->hits.size(), 2u);
}

TEST_F(SearchTest, BroadQueriesRankTheNewestMatchesAndSayTheTotalIsALowerBound) {
  auto store = DocumentStore::Open(*db_);
  ASSERT_TRUE(store.ok());
  {
    auto tx = Transaction::Begin(*db_);
    ASSERT_TRUE(tx.ok());
    for (int64_t i = 0; i < kMaxRanked + 5; ++i) {
      // The oldest release is the best match (the word in its title), but falls outside the
      // window of the newest kMaxRanked matches.
      Add(*store, "kg-en", Language::kEnglish, "2024-01-01", i == 0 ? "Influenza" : "Release",
          "Influenza season report number " + std::to_string(i) + ".");
    }
    ASSERT_TRUE(tx->Commit().ok());
  }
  SearchRequest req = Q("influenza");
  auto r = Search(*db_, req, testing::GlossaryOnly());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->total, kMaxRanked);
  EXPECT_FALSE(r->total_exact);
  ASSERT_EQ(r->hits.size(), 10u);
  EXPECT_EQ(r->hits[0].title, "Release");
  EXPECT_GT(r->hits[0].id, r->hits[1].id) << "equal scores: newer first";

  req.query = "influenza report " + std::to_string(kMaxRanked + 4);
  r = Search(*db_, req, testing::GlossaryOnly());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->total, 1);
  EXPECT_TRUE(r->total_exact);

  req.query = "influenza";
  req.sort = SortOrder::kNewestFirst;  // date order reads every match: the count is exact
  r = Search(*db_, req, testing::GlossaryOnly());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->total, kMaxRanked + 5);
  EXPECT_TRUE(r->total_exact);
}

TEST_F(SearchTest, MergingAndOptimizingTheIndexKeepsEveryMatch) {
  auto store = DocumentStore::Open(*db_);
  ASSERT_TRUE(store.ok());
  for (int i = 0; i < 20; ++i) {  // one transaction, so one new segment, each
    Add(*store, "kg-en", Language::kEnglish, "2024-02-01", "Doctors " + std::to_string(i),
        "Rural doctors received housing.");
  }
  auto before = Search(*db_, Q("doctors"), testing::GlossaryOnly());
  ASSERT_TRUE(before.ok());
  ASSERT_TRUE(MergeFullTextIndex(*db_, 100).ok());
  ASSERT_TRUE(OptimizeFullTextIndex(*db_).ok());
  EXPECT_TRUE(
      db_->Exec("INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')").ok());
  auto after = Search(*db_, Q("doctors"), testing::GlossaryOnly());
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->total, before->total);
  EXPECT_EQ(after->total, 23);
  ASSERT_EQ(after->hits.size(), before->hits.size());
  for (size_t i = 0; i < after->hits.size(); ++i) EXPECT_EQ(after->hits[i].id, before->hits[i].id);
}

TEST_F(SearchTest, SortByDateIsNewestFirstWithUndatedLast) {
  SearchRequest req = Q("ministry OR doctors");
  req.sort = SortOrder::kNewestFirst;
  req.highlight_open = "<";
  req.highlight_close = ">";
  auto r = Search(*db_, req, testing::GlossaryOnly());
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->hits.size(), 3u);
  EXPECT_EQ(r->hits[0].published, "2026-01-26");
  EXPECT_EQ(r->hits[1].published, "2025-11-03");
  EXPECT_EQ(r->hits[2].published, "");
  // Snippets in date order mark the matches as in relevance order.
  for (const auto& h : r->hits) {
    EXPECT_TRUE(h.snippet.find("<ministry>") != std::string::npos ||
                h.snippet.find("<doctors>") != std::string::npos)
        << h.snippet;
  }
}

TEST_F(SearchTest, SortByDatePagesAndChecksDayBounds) {
  SearchRequest req = Q("ministry OR doctors OR врачей");
  req.sort = SortOrder::kNewestFirst;
  req.limit = 2;
  req.offset = 1;
  auto r = Search(*db_, req, testing::GlossaryOnly());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->total, 5);
  ASSERT_EQ(r->hits.size(), 2u);
  EXPECT_EQ(r->hits[0].published, "2026-01-26");  // the second of the two 2026-01-26 releases
  EXPECT_EQ(r->hits[1].published, "2025-11-03");

  // Day bounds are checked on the rows: the count joins the documents.
  req.offset = 0;
  req.from = "2025-11-01";
  req.to = "2025-11-30";
  r = Search(*db_, req, testing::GlossaryOnly());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->total, 1);
  ASSERT_EQ(r->hits.size(), 1u);
  EXPECT_EQ(r->hits[0].title, "Vaccination campaign in Osh");
}

TEST_F(SearchTest, FilterOnlyQueryListsNewestFirst) {
  auto r = Search(*db_, Q("lang:ru"), testing::GlossaryOnly());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->total, 2);
  EXPECT_EQ(r->hits[0].published, "2026-01-26");
  // With no words to mark, the hit shows the opening of its text.
  EXPECT_EQ(r->hits[0].snippet.rfind("Заместитель министра", 0), 0u) << r->hits[0].snippet;
}

TEST_F(SearchTest, MalformedQueriesNeverLeakSqlText) {
  for (const char* q : {"\"open", "a OR", "-x", "lang:fr"}) {
    auto r = Search(*db_, Q(q), testing::GlossaryOnly());
    ASSERT_FALSE(r.ok()) << q;
    EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument) << q;
    EXPECT_EQ(r.status().message().find("fts5"), std::string::npos) << r.status().message();
    EXPECT_EQ(r.status().message().find("SQL"), std::string::npos) << r.status().message();
  }
}

}  // namespace
}  // namespace pressmine::index

namespace pressmine::index {
namespace {

// A Searcher that keeps the document lengths ranks exactly as one that asks FTS5, also after
// releases are added and edited through the same connection.
TEST_F(SearchTest, KeptDocumentLengthsRankAsFts5sOwn) {
  SearcherOptions kept = testing::GlossaryOnly();
  kept.keep_document_lengths = true;
  auto with_lengths = Searcher::Open(*db_, kept);
  ASSERT_TRUE(with_lengths.ok());
  auto compare = [&](const std::string& query) {
    SearchRequest req;
    req.query = query;
    auto a = with_lengths->Search(req);
    auto b = Search(*db_, req, testing::GlossaryOnly());
    ASSERT_TRUE(a.ok() && b.ok()) << query;
    ASSERT_EQ(a->hits.size(), b->hits.size()) << query;
    ASSERT_FALSE(a->hits.empty()) << query;
    for (size_t i = 0; i < a->hits.size(); ++i) {
      EXPECT_EQ(a->hits[i].id, b->hits[i].id) << query << " #" << i;
      EXPECT_DOUBLE_EQ(a->hits[i].score, b->hits[i].score) << query << " #" << i;
    }
  };
  compare("doctors");
  compare("врачи");
  auto store = DocumentStore::Open(*db_);
  ASSERT_TRUE(store.ok());
  Add(*store, "kg-en", Language::kEnglish, "2026-02-01", "Doctors",
      "Doctors doctors: a long text about rural doctors, their housing, their salaries, their "
      "training and the ministry's plans for the coming years in every region of the country.");
  DocumentRecord edited;  // the first release, edited: its length changes
  edited.url = "https://example.org/1";
  edited.source = "kg-ru";
  edited.lang = Language::kRussian;
  edited.published = "2026-01-26";
  edited.title = "Онлайн-встреча с врачами за рубежом";
  edited.text = "Встреча с врачами.";
  ASSERT_EQ(store->Put(edited, "2026-11-25T00:00:00Z")->outcome, PutOutcome::kUpdated);
  compare("doctors");
  compare("врачи");
}

}  // namespace
}  // namespace pressmine::index
