#include "index/document_store.h"

#include <gtest/gtest.h>

#include "index/fts_tokenizer.h"
#include "index/schema.h"
#include "index/search.h"
#include "tests/support/search_options.h"
#include "tests/support/temp_dir.h"

namespace pressmine::index {
namespace {

DocumentRecord Release(std::string url, std::string title, std::string text,
                       std::string published = "2026-01-26", Language lang = Language::kRussian) {
  DocumentRecord d;
  d.url = std::move(url);
  d.source = "kg-health-ru";
  d.lang = lang;
  d.title = std::move(title);
  d.published = std::move(published);
  d.text = std::move(text);
  return d;
}

class DocumentStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::Open(dir_.File("p.db"));
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_.emplace(std::move(*db));
    auto store = DocumentStore::Open(*db_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_.emplace(std::move(*store));
  }

  testing::TempDir dir_;
  std::optional<Database> db_;
  std::optional<DocumentStore> store_;
};

TEST_F(DocumentStoreTest, AddThenSameContentIsUnchanged) {
  const DocumentRecord doc = Release("https://med.example.kg/ru/news/101", "Вакцинация в Оше",
                                     "В Ошской области стартовала кампания вакцинации.");
  auto first = store_->Put(doc, "2026-01-26T20:00:00Z");
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->outcome, PutOutcome::kAdded);
  auto again = store_->Put(doc, "2026-01-27T20:00:00Z");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->outcome, PutOutcome::kUnchanged);
  EXPECT_EQ(again->id, first->id);
  auto stored = store_->Get(first->id);
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_EQ((*stored)->first_seen, "2026-01-26T20:00:00Z");
  EXPECT_EQ((*stored)->last_seen, "2026-01-27T20:00:00Z");
  EXPECT_EQ((*stored)->version, 1);
}

TEST_F(DocumentStoreTest, ChangedContentAtSameUrlKeepsTheEarlierVersion) {
  auto v1 = store_->Put(Release("https://med.example.kg/ru/news/102", "Итоги коллегии",
                                "Материнская смертность выросла на 35,4%."),
                        "2026-01-28T10:00:00Z");
  auto v2 = store_->Put(Release("https://med.example.kg/ru/news/102", "Итоги коллегии",
                                "Материнская смертность выросла на 35,4% по сравнению с 2024 годом."),
                        "2026-01-29T10:00:00Z");
  ASSERT_TRUE(v1.ok() && v2.ok());
  EXPECT_EQ(v2->outcome, PutOutcome::kUpdated);
  EXPECT_EQ(v2->id, v1->id);
  auto history = store_->History(v1->id);
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[0].version, 1);
  EXPECT_EQ((*history)[0].text, "Материнская смертность выросла на 35,4%.");
  EXPECT_EQ((*history)[1].version, 2);
  EXPECT_NE((*history)[1].text.find("2024"), std::string::npos);
  auto stats = store_->Stats();
  EXPECT_EQ(stats->documents, 1) << "an edit is a version, not a second document";
}

TEST_F(DocumentStoreTest, SameContentUnderAnotherUrlIsADuplicate) {
  auto a = store_->Put(Release("https://a.example/1", "T", "Одинаковый текст."), "t");
  auto b = store_->Put(Release("https://b.example/print/1", "T", "Одинаковый текст."), "t");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(b->outcome, PutOutcome::kDuplicate);
  EXPECT_EQ(b->id, a->id);
}

TEST_F(DocumentStoreTest, UndatedDuplicatesAreFoundAndAnotherDateIsAnotherRelease) {
  auto a = store_->Put(Release("https://a.example/2", "T", "Без даты.", ""), "t");
  auto b = store_->Put(Release("https://b.example/2", "T", "Без даты.", ""), "t");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(b->outcome, PutOutcome::kDuplicate);
  EXPECT_EQ(b->id, a->id);
  // The same words on another day are a new release (a weekly bulletin), not a copy.
  auto c = store_->Put(Release("https://c.example/2", "T", "Без даты.", "2026-02-02"), "t");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->outcome, PutOutcome::kAdded);
}

TEST_F(DocumentStoreTest, StatsCountByLanguageSourceAndMonth) {
  ASSERT_TRUE(store_->Put(Release("u1", "a", "один", "2026-01-26T17:11"), "t").ok());
  ASSERT_TRUE(store_->Put(Release("u2", "b", "two", "2026-01-28", Language::kEnglish), "t").ok());
  DocumentRecord undated = Release("u3", "c", "три", "");
  undated.source = "kz-health";
  ASSERT_TRUE(store_->Put(undated, "t").ok());
  auto stats = store_->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->documents, 3);
  EXPECT_EQ(stats->by_lang["ru"], 2);
  EXPECT_EQ(stats->by_lang["en"], 1);
  EXPECT_EQ(stats->by_source["kg-health-ru"], 2);
  EXPECT_EQ(stats->by_source["kz-health"], 1);
  EXPECT_EQ(stats->by_month["2026-01"], 2);
  EXPECT_EQ(stats->undated, 1);
}

// Reopens an older database with the current store, which migrates it to the newest schema.
void ReopenMigrated(const std::string& path, std::optional<Database>& db,
                    std::optional<DocumentStore>& store) {
  auto opened = Database::Open(path);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  db.emplace(std::move(*opened));
  auto migrated = DocumentStore::Open(*db);
  ASSERT_TRUE(migrated.ok()) << migrated.status().ToString();
  store.emplace(std::move(*migrated));
  EXPECT_EQ(*SchemaVersion(*db, kSchemaComponent), IndexMigrations().back().version);
}

TEST(DocumentStoreMigrationTest, AVersion4DatabaseKeepsItsIndexWhenTheStoreWritesItInsteadOfTriggers) {
  testing::TempDir dir;
  const std::string path = dir.File("v4.db");
  {
    // Version 4: its triggers indexed these rows (one dated, one not).
    auto db = Database::Open(path);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(RegisterPressmineTokenizer(*db).ok());
    ASSERT_TRUE(ApplyMigrations(*db, kSchemaComponent, IndexMigrations().first(4)).ok());
    ASSERT_TRUE(db->Exec("INSERT INTO documents(url, source, lang, title, published, text, "
                         "content_hash, first_seen, last_seen) VALUES "
                         "('u1', 'kg', 'ru', 'Гемодиализ в Оше', '2025-03-02', 'Открыто отделение "
                         "гемодиализа.', 'h1', 't', 't'), "
                         "('u2', 'kg', 'en', 'Measles', NULL, 'Measles vaccination.', 'h2', 't', 't')")
                    .ok());
  }
  std::optional<Database> db;
  std::optional<DocumentStore> store;
  ASSERT_NO_FATAL_FAILURE(ReopenMigrated(path, db, store));
  // Changed content at both URLs: the store takes the old rows out of the index (the same bytes
  // the triggers indexed, or FTS5 would be corrupt) and indexes the new ones.
  DocumentRecord ru;
  ru.url = "u1";
  ru.source = "kg";
  ru.lang = Language::kRussian;
  ru.title = "Гемодиализ в Оше";
  ru.published = "2025-03-02";
  ru.text = "Отделение гемодиализа расширено.";
  ASSERT_EQ(store->Put(ru, "t2")->outcome, PutOutcome::kUpdated);
  DocumentRecord en;
  en.url = "u2";
  en.source = "kg";
  en.lang = Language::kEnglish;
  en.title = "Measles";
  en.text = "Measles cases fell.";
  ASSERT_EQ(store->Put(en, "t2")->outcome, PutOutcome::kUpdated);
  EXPECT_TRUE(db->Exec("INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')").ok());
  auto count = [&](const std::string& match) {
    auto s = db->Prepare("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?1");
    EXPECT_TRUE(s.ok());
    s->Bind(1, match);
    EXPECT_TRUE(*s->Step());
    return s->ColumnInt(0);
  };
  EXPECT_EQ(count("\"открыто\""), 0) << "the old text left the index";
  EXPECT_EQ(count("\"расширено\""), 1);
  EXPECT_EQ(count("\"vaccination\""), 0);
  EXPECT_EQ(count("\"fell\""), 1);
  EXPECT_EQ(count("meta : " + VerbatimFtsString({MonthToken("2025-03")})), 1);
  // A new release is indexed too, and a search crosses languages over old and new rows.
  DocumentRecord added = en;
  added.url = "u3";
  added.title = "Hemodialysis centre";
  added.text = "A hemodialysis centre opened in Osh.";
  ASSERT_EQ(store->Put(added, "t3")->outcome, PutOutcome::kAdded);
  EXPECT_EQ(count("\"hemodialysis\""), 1);
  EXPECT_EQ(count("\"гемодиализ\""), 1);
  SearchRequest req;
  req.query = "hemodialysis";
  auto found = Search(*db, req, testing::GlossaryOnly());
  ASSERT_TRUE(found.ok()) << found.status().ToString();
  EXPECT_EQ(found->total, 2);
}

TEST(DocumentStoreMigrationTest, AVersion5DatabaseFindsItsDuplicatesThroughTheDateAndHashIndex) {
  testing::TempDir dir;
  const std::string path = dir.File("v5.db");
  std::string dated_hash, undated_hash;
  {
    auto db = Database::Open(path);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(RegisterPressmineTokenizer(*db).ok());
    ASSERT_TRUE(ApplyMigrations(*db, kSchemaComponent, IndexMigrations().first(5)).ok());
    // Rows written by version 5, before the index changed.
    DocumentRecord dated = Release("u1", "Гемодиализ", "Открыто отделение гемодиализа.");
    DocumentRecord undated = Release("u2", "Корь", "Вакцинация от кори.", "");
    dated_hash = ContentHash(dated);
    undated_hash = ContentHash(undated);
    ASSERT_TRUE(db->Exec("INSERT INTO documents(url, source, lang, title, published, text, "
                         "content_hash, first_seen, last_seen) VALUES "
                         "('u1', 'kg', 'ru', 'Гемодиализ', '2026-01-26', 'Открыто отделение "
                         "гемодиализа.', '" + dated_hash + "', 't', 't'), "
                         "('u2', 'kg', 'ru', 'Корь', NULL, 'Вакцинация от кори.', '" +
                         undated_hash + "', 't', 't')")
                    .ok());
  }
  std::optional<Database> db;
  std::optional<DocumentStore> store;
  ASSERT_NO_FATAL_FAILURE(ReopenMigrated(path, db, store));
  auto dup1 = store->Put(Release("u3", "Гемодиализ", "Открыто отделение гемодиализа."), "t2");
  auto dup2 = store->Put(Release("u4", "Корь", "Вакцинация от кори.", ""), "t2");
  ASSERT_TRUE(dup1.ok() && dup2.ok());
  EXPECT_EQ(dup1->outcome, PutOutcome::kDuplicate);
  EXPECT_EQ(dup1->id, 1);
  EXPECT_EQ(dup2->outcome, PutOutcome::kDuplicate);
  EXPECT_EQ(dup2->id, 2);
  // The lookup is a search of the new index, not a scan of the table, for a date and for none.
  for (const char* published : {"'2026-01-26'", "NULL"}) {
    auto plan = db->Prepare(std::string("EXPLAIN QUERY PLAN SELECT id FROM documents WHERE "
                                        "published IS ") + published + " AND content_hash = 'h'");
    ASSERT_TRUE(plan.ok());
    ASSERT_TRUE(*plan->Step());
    EXPECT_NE(plan->ColumnText(3).find("USING COVERING INDEX documents_by_published (published=? "
                                       "AND content_hash=?)"),
              std::string::npos)
        << plan->ColumnText(3);
  }
}

TEST(DocumentStoreMigrationTest, ADatabaseFromTheFirstSchemaOpensWithItsDocuments) {
  testing::TempDir dir;
  const std::string path = dir.File("old.db");
  {
    auto db = Database::Open(path);
    ASSERT_TRUE(ApplyMigrations(*db, kSchemaComponent, IndexMigrations().first(1)).ok());
    ASSERT_TRUE(db->Exec("INSERT INTO documents(url, lang, title, text, content_hash, first_seen, "
                         "last_seen) VALUES('u', 'ru', 'Старый', 'Старый текст', 'h', 't', 't')")
                    .ok());
  }
  std::optional<Database> db;
  std::optional<DocumentStore> store;
  ASSERT_NO_FATAL_FAILURE(ReopenMigrated(path, db, store));
  auto doc = store->Get(1);
  ASSERT_TRUE(doc.ok() && doc->has_value());
  EXPECT_EQ((*doc)->title, "Старый");
  // The migration re-tokenized the old rows with the current tokenizer: an inflected form finds it.
  auto match = db->Prepare("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH '\"старого\"'");
  ASSERT_TRUE(match.ok()) << match.status().ToString();
  ASSERT_TRUE(*match->Step());
  EXPECT_EQ(match->ColumnInt(0), 1);
}

TEST(DocumentStoreMigrationTest, ADatabaseFromANewerBuildIsRefused) {
  testing::TempDir dir;
  const std::string path = dir.File("new.db");
  {
    auto db = Database::Open(path);
    ASSERT_TRUE(db->Exec("CREATE TABLE schema_version(component TEXT PRIMARY KEY, version INTEGER "
                         "NOT NULL, migrated_at TEXT NOT NULL DEFAULT '') WITHOUT ROWID; "
                         "INSERT INTO schema_version(component, version) VALUES('index', 999);")
                    .ok());
  }
  auto db = Database::Open(path);
  auto store = DocumentStore::Open(*db);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), Status::Code::kUnsupported);
  EXPECT_NE(store.status().message().find("newer"), std::string::npos);
  EXPECT_NE(store.status().message().find(path), std::string::npos);
}

}  // namespace
}  // namespace pressmine::index
