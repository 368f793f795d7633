#include "index/schema.h"

#include <array>

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

constexpr std::array<Migration, 1> kMigrations = {{
    {1, "documents, versions and full-text index", kV1},
}};

}  // namespace

std::span<const Migration> IndexMigrations() { return kMigrations; }

Status MigrateIndex(Database& db) { return ApplyMigrations(db, kSchemaComponent, kMigrations); }

}  // namespace pressmine::index
