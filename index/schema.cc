#include "index/schema.h"

#include <array>
#include <string>

#include "index/fts_tokenizer.h"

namespace pressmine::index {
namespace {

// Version 1: documents (current version of each release), earlier versions, and an
// external-content FTS5 index over title and text kept in sync by triggers, so the text is
// stored once.
constexpr std::string_view kV1 = R"sql(
CREATE TABLE documents(
  id            INTEGER PRIMARY KEY,
  url           TEXT UNIQUE,
  source        TEXT NOT NULL DEFAULT '',
  lang          TEXT NOT NULL,
  title         TEXT NOT NULL DEFAULT '',
  published     TEXT,
  date_evidence TEXT NOT NULL DEFAULT '',
  author        TEXT NOT NULL DEFAULT '',
  site          TEXT NOT NULL DEFAULT '',
  text          TEXT NOT NULL,
  content_hash  TEXT NOT NULL,
  version       INTEGER NOT NULL DEFAULT 1,
  first_seen    TEXT NOT NULL,
  last_seen     TEXT NOT NULL
);
CREATE INDEX documents_by_hash ON documents(content_hash);
CREATE INDEX documents_by_published ON documents(published);
CREATE INDEX documents_by_source ON documents(source, published);

CREATE TABLE document_versions(
  doc_id        INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  version       INTEGER NOT NULL,
  title         TEXT NOT NULL,
  published     TEXT,
  text          TEXT NOT NULL,
  content_hash  TEXT NOT NULL,
  first_seen    TEXT NOT NULL,
  replaced_at   TEXT NOT NULL,
  PRIMARY KEY(doc_id, version)
) WITHOUT ROWID;

CREATE VIRTUAL TABLE documents_fts USING fts5(
  title, text, content='documents', content_rowid='id',
  tokenize='unicode61 remove_diacritics 2');

CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text)
    VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text)
    VALUES ('delete', old.id, old.title, old.text);
  INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
)sql";

std::string MetaExpression(std::string_view row) {
  const std::string r(row);
  return FtsMetaSql(r + ".lang", r + ".source", r + ".published");
}

// Version 2: the pressmine tokenizer (stems and name keys) replaces unicode61, and a third,
// unranked column `meta` carries language, source, year and month as reserved tokens, so filters
// narrow the match inside FTS5 instead of joining and discarding rows after ranking. The content
// is a view over documents, so the text is still stored once.
const std::string& V2Sql() {
  static const std::string sql =
      "DROP TRIGGER documents_fts_insert;"
      "DROP TRIGGER documents_fts_delete;"
      "DROP TRIGGER documents_fts_update;"
      "DROP TABLE documents_fts;"
      "CREATE VIEW documents_fts_content AS SELECT id, title, text, " + MetaExpression("documents") +
      " AS meta FROM documents;"
      "CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, meta, "
      "content='documents_fts_content', content_rowid='id', tokenize='" +
      std::string(kTokenizerName) + "');"
      "CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN "
      "  INSERT INTO documents_fts(rowid, title, text, meta) VALUES (new.id, new.title, new.text, " +
      MetaExpression("new") + "); END;"
      "CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN "
      "  INSERT INTO documents_fts(documents_fts, rowid, title, text, meta) "
      "  VALUES ('delete', old.id, old.title, old.text, " + MetaExpression("old") + "); END;"
      "CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text, lang, source, published "
      "ON documents BEGIN "
      "  INSERT INTO documents_fts(documents_fts, rowid, title, text, meta) "
      "  VALUES ('delete', old.id, old.title, old.text, " + MetaExpression("old") + ");"
      "  INSERT INTO documents_fts(rowid, title, text, meta) VALUES (new.id, new.title, new.text, " +
      MetaExpression("new") + "); END;"
      "INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');";
  return sql;
}

// Version 3: a release that disappears from its site (404/410) is marked, never deleted.
constexpr std::string_view kV3 = "ALTER TABLE documents ADD COLUMN removed_at TEXT;";

// Version 4: the query-side lexicon, built once from mueller7-dict and the glossary (see
// lexicon_cache.h). A cache: dropping the row only costs a rebuild.
constexpr std::string_view kV4 =
    "CREATE TABLE lexicon_cache(id INTEGER PRIMARY KEY CHECK (id = 1), fingerprint TEXT NOT NULL, "
    "description TEXT NOT NULL, blob BLOB NOT NULL, built_at TEXT NOT NULL);";

// Version 5: DocumentStore writes the full-text index itself (document_store.cc) instead of the
// insert and update triggers. A trigger makes each document's INSERT a statement transaction, and
// FTS5 flushes its pending terms to a new segment at every statement savepoint: one segment per
// document, merged again and again, which was half of bulk indexing time. The delete trigger
// stays: nothing deletes documents, but if anything does, the index follows.
constexpr std::string_view kV5 =
    "DROP TRIGGER documents_fts_insert; DROP TRIGGER documents_fts_update;";

// Version 6: the duplicate check finds a release by (published, content_hash), not by the hash
// alone. A hash is random, so every insert into an index on it dirtied a random page: a bulk
// load rewrote most of that index at each commit, about a third of the pages it wrote (the
// search benchmark's 100k load: 805k pages written to the WAL before, 557k after; stock FTS5
// 463k). New releases carry recent dates, so this index grows at its end; it also serves
// everything the index on published served (its prefix).
constexpr std::string_view kV6 =
    "DROP INDEX documents_by_hash; DROP INDEX documents_by_published;"
    "CREATE INDEX documents_by_published ON documents(published, content_hash);";

const std::array<Migration, 6>& Migrations() {
  static const std::array<Migration, 6> migrations = {{
      {1, "documents, versions and full-text index", kV1},
      {2, "pressmine tokenizer (stems, name keys) and reserved filter tokens", V2Sql()},
      {3, "documents.removed_at", kV3},
      {4, "lexicon cache", kV4},
      {5, "full-text index written by DocumentStore, not by insert/update triggers", kV5},
      {6, "duplicates found by (published, content_hash)", kV6},
  }};
  return migrations;
}

}  // namespace

std::span<const Migration> IndexMigrations() { return Migrations(); }

// One definition serves the migrations' content view and triggers and DocumentStore's writes,
// which must agree byte for byte: FTS5's 'delete' must see exactly what was indexed.
std::string FtsMetaSql(std::string_view lang, std::string_view source,
                       std::string_view published) {
  const std::string l(lang), s(source), p(published);
  return "char(1) || '=l:' || " + l + " || char(1) || '=s:' || " + s + " || CASE WHEN " + p +
         " IS NULL THEN '' ELSE char(1) || '=y:' || substr(" + p + ", 1, 4) || CASE WHEN length(" +
         p + ") >= 7 THEN char(1) || '=m:' || substr(" + p + ", 1, 7) ELSE '' END END";
}

Status MigrateIndex(Database& db) {
  PM_RETURN_IF_ERROR(RegisterPressmineTokenizer(db));
  return ApplyMigrations(db, kSchemaComponent, Migrations());
}

Status RebuildFullTextIndex(Database& db) {
  PM_ASSIGN_OR_RETURN(Transaction tx, Transaction::Begin(db));
  PM_RETURN_IF_ERROR(db.Exec("INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')"));
  PM_RETURN_IF_ERROR(db.Exec("INSERT INTO documents_fts(documents_fts) VALUES ('optimize')"));
  return tx.Commit();
}

Status OptimizeFullTextIndex(Database& db) {
  return db.Exec("INSERT INTO documents_fts(documents_fts) VALUES ('optimize')");
}

Status MergeFullTextIndex(Database& db, int pages) {
  return db.Exec("INSERT INTO documents_fts(documents_fts, rank) VALUES ('merge', " +
                 std::to_string(pages) + ")");
}

}  // namespace pressmine::index
