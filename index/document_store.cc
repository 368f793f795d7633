#include "index/document_store.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

#include <algorithm>
#include <cstdio>

#include "index/schema.h"

namespace pressmine::index {
namespace {

constexpr std::string_view kSelectColumns =
    "id, url, source, lang, title, published, date_evidence, author, site, text, content_hash, "
    "version, first_seen, last_seen, removed_at";

DocumentRecord ReadRecord(const Statement& s) {
  DocumentRecord d;
  d.id = s.ColumnInt(0);
  d.url = s.ColumnText(1);
  d.source = s.ColumnText(2);
  d.lang = ParseLanguageCode(s.ColumnText(3)).value_or(Language::kUnknown);
  d.title = s.ColumnText(4);
  d.published = s.ColumnText(5);
  d.date_evidence = s.ColumnText(6);
  d.author = s.ColumnText(7);
  d.site = s.ColumnText(8);
  d.text = s.ColumnText(9);
  d.content_hash = s.ColumnText(10);
  d.version = static_cast<int>(s.ColumnInt(11));
  d.first_seen = s.ColumnText(12);
  d.last_seen = s.ColumnText(13);
  d.removed_at = s.ColumnText(14);
  return d;
}

void BindOptionalText(Statement& s, int index, const std::string& value) {
  if (value.empty()) {
    s.BindNull(index);
  } else {
    s.Bind(index, value);
  }
}

// Control characters other than line breaks and tabs are never text, and one of them is the
// tokenizer's verbatim marker: a document must not be able to forge reserved tokens.
void DropControls(std::string& s) {
  s.erase(std::remove_if(s.begin(), s.end(),
                         [](char c) {
                           const auto u = static_cast<unsigned char>(c);
                           return (u < 0x20 && c != '\n' && c != '\t') || u == 0x7f;
                         }),
          s.end());
}

}  // namespace

std::string ContentHash(const DocumentRecord& doc) {
  XXH3_state_t state;
  XXH3_128bits_reset(&state);
  // Field separators keep ("ab", "c") and ("a", "bc") apart.
  for (const std::string* field : {&doc.title, &doc.published, &doc.text}) {
    XXH3_128bits_update(&state, field->data(), field->size());
    XXH3_128bits_update(&state, "\x1f", 1);
  }
  const XXH128_hash_t h = XXH3_128bits_digest(&state);
  char hex[33];
  std::snprintf(hex, sizeof hex, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return hex;
}

struct DocumentStore::StatementCache {
  std::optional<Statement> find, touch, keep, update, dup, insert, old_fts, fts_delete, fts_insert,
      heading;
};

namespace {

// documents_fts rows are written here, not by triggers (schema.cc, version 5). Plain VALUES
// statements: FTS5 keeps collecting terms across them until the transaction commits.
const std::string& FtsInsertSql() {
  static const std::string sql = "INSERT INTO documents_fts(rowid, title, text, meta) VALUES "
                                 "(?1, ?2, ?3, " + FtsMetaSql("?4", "?5", "?6") + ")";
  return sql;
}

const std::string& FtsDeleteSql() {
  static const std::string sql =
      "INSERT INTO documents_fts(documents_fts, rowid, title, text, meta) VALUES "
      "('delete', ?1, ?2, ?3, " + FtsMetaSql("?4", "?5", "?6") + ")";
  return sql;
}

// Binds a row's full-text fields as FtsInsertSql/FtsDeleteSql number them.
void BindFtsRow(Statement& s, int64_t id, const std::string& title, const std::string& text,
                std::string_view lang, const std::string& source, const std::string& published,
                bool published_null) {
  s.Bind(1, id).Bind(2, title).Bind(3, text).Bind(4, std::string(lang)).Bind(5, source);
  if (published_null) {
    s.BindNull(6);
  } else {
    s.Bind(6, published);
  }
}

}  // namespace

Status DocumentStore::IndexText(int64_t id, const DocumentRecord& doc) {
  PM_ASSIGN_OR_RETURN(Statement * insert, Cached(&StatementCache::fts_insert, FtsInsertSql()));
  BindFtsRow(*insert, id, doc.title, doc.text, LanguageCode(doc.lang), doc.source, doc.published,
             doc.published.empty());
  return insert->Run();
}

// Takes the row's current fields out of the full-text index, before they change.
Status DocumentStore::UnindexText(int64_t id) {
  PM_ASSIGN_OR_RETURN(Statement * old_stmt,
                      Cached(&StatementCache::old_fts,
                             "SELECT title, text, lang, source, published FROM documents WHERE id = ?1"));
  Statement& old = *old_stmt;
  old.Bind(1, id);
  PM_ASSIGN_OR_RETURN(bool found, old.Step());
  if (!found) return Status::Ok();
  const std::string title = old.ColumnText(0), text = old.ColumnText(1), lang = old.ColumnText(2),
                    source = old.ColumnText(3), published = old.ColumnText(4);
  const bool published_null = old.ColumnIsNull(4);
  old.Reset();
  PM_ASSIGN_OR_RETURN(Statement * del, Cached(&StatementCache::fts_delete, FtsDeleteSql()));
  BindFtsRow(*del, id, title, text, lang, source, published, published_null);
  return del->Run();
}

DocumentStore::DocumentStore(Database* db) : db_(db), cache_(std::make_shared<StatementCache>()) {}

Result<Statement*> DocumentStore::Cached(std::optional<Statement> StatementCache::*slot,
                                         std::string_view sql) {
  return PrepareCached(*db_, (*cache_).*slot, sql);
}

Result<DocumentStore> DocumentStore::Open(Database& db) {
  PM_RETURN_IF_ERROR(MigrateIndex(db));
  return DocumentStore(&db);
}

Result<PutResult> DocumentStore::Put(const DocumentRecord& raw, const std::string& now_iso) {
  DocumentRecord input = raw;
  DropControls(input.title);
  DropControls(input.text);
  DropControls(input.source);
  const std::string hash = ContentHash(input);

  if (!input.url.empty()) {
    PM_ASSIGN_OR_RETURN(Statement * find_stmt,
                        Cached(&StatementCache::find,
                               "SELECT id, content_hash FROM documents WHERE url = ?1"));
    Statement& find = *find_stmt;
    find.Bind(1, input.url);
    PM_ASSIGN_OR_RETURN(bool found, find.Step());
    if (found) {
      const int64_t id = find.ColumnInt(0);
      const bool same = find.ColumnText(1) == hash;
      find.Reset();  // release the read before writing
      if (same) {
        PM_ASSIGN_OR_RETURN(Statement * touch_stmt,
                            Cached(&StatementCache::touch,
                                   "UPDATE documents SET last_seen = ?2, removed_at = NULL WHERE id = ?1"));
        Statement& touch = *touch_stmt;
        touch.Bind(1, id).Bind(2, now_iso);
        PM_RETURN_IF_ERROR(touch.Run());
        return PutResult{PutOutcome::kUnchanged, id};
      }
      // Changed content at a known URL: keep the old version, then replace the current one.
      PM_ASSIGN_OR_RETURN(
          Statement * keep_stmt,
          Cached(&StatementCache::keep,
                 "INSERT INTO document_versions(doc_id, version, title, published, text, "
                 "content_hash, first_seen, replaced_at) "
                 "SELECT id, version, title, published, text, content_hash, last_seen, ?2 "
                 "FROM documents WHERE id = ?1"));
      Statement& keep = *keep_stmt;
      keep.Bind(1, id).Bind(2, now_iso);
      PM_RETURN_IF_ERROR(keep.Run());
      PM_ASSIGN_OR_RETURN(
          Statement * update_stmt,
          Cached(&StatementCache::update,
                 "UPDATE documents SET source = ?2, lang = ?3, title = ?4, published = ?5, "
                 "date_evidence = ?6, author = ?7, site = ?8, text = ?9, content_hash = ?10, "
                 "version = version + 1, last_seen = ?11, removed_at = NULL WHERE id = ?1"));
      PM_RETURN_IF_ERROR(UnindexText(id));
      Statement& update = *update_stmt;
      update.Bind(1, id).Bind(2, input.source).Bind(3, LanguageCode(input.lang)).Bind(4, input.title);
      BindOptionalText(update, 5, input.published);
      update.Bind(6, input.date_evidence).Bind(7, input.author).Bind(8, input.site)
          .Bind(9, input.text).Bind(10, hash).Bind(11, now_iso);
      PM_RETURN_IF_ERROR(update.Run());
      PM_RETURN_IF_ERROR(IndexText(id, input));
      return PutResult{PutOutcome::kUpdated, id};
    }
  }

  PM_ASSIGN_OR_RETURN(Statement * dup_stmt,
                      Cached(&StatementCache::dup,
                             "SELECT id FROM documents WHERE published IS ?2 AND content_hash = ?1 "
                             "LIMIT 1"));
  Statement& dup = *dup_stmt;
  dup.Bind(1, hash);
  // The hash covers the date, so a duplicate has the same one (schema.cc, version 6).
  BindOptionalText(dup, 2, input.published);
  PM_ASSIGN_OR_RETURN(bool is_dup, dup.Step());
  if (is_dup) {
    const int64_t original = dup.ColumnInt(0);
    dup.Reset();
    return PutResult{PutOutcome::kDuplicate, original};
  }

  PM_ASSIGN_OR_RETURN(
      Statement * insert_stmt,
      Cached(&StatementCache::insert,
             "INSERT INTO documents(url, source, lang, title, published, date_evidence, "
             "author, site, text, content_hash, first_seen, last_seen) "
             "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)"));
  Statement& insert = *insert_stmt;
  BindOptionalText(insert, 1, input.url);
  insert.Bind(2, input.source).Bind(3, LanguageCode(input.lang)).Bind(4, input.title);
  BindOptionalText(insert, 5, input.published);
  insert.Bind(6, input.date_evidence).Bind(7, input.author).Bind(8, input.site).Bind(9, input.text)
      .Bind(10, hash).Bind(11, now_iso);
  PM_RETURN_IF_ERROR(insert.Run());
  const int64_t id = db_->LastInsertRowId();
  PM_RETURN_IF_ERROR(IndexText(id, input));
  return PutResult{PutOutcome::kAdded, id};
}

Result<bool> DocumentStore::MarkRemoved(const std::string& url, const std::string& now_iso) {
  PM_ASSIGN_OR_RETURN(Statement mark,
                      db_->Prepare("UPDATE documents SET removed_at = ?2 "
                                   "WHERE url = ?1 AND removed_at IS NULL"));
  mark.Bind(1, url).Bind(2, now_iso);
  PM_RETURN_IF_ERROR(mark.Run());
  return db_->Changes() > 0;
}

Result<std::optional<DocumentRecord>> DocumentStore::Get(int64_t id) {
  PM_ASSIGN_OR_RETURN(Statement s, db_->Prepare("SELECT " + std::string(kSelectColumns) +
                                                " FROM documents WHERE id = ?1"));
  s.Bind(1, id);
  PM_ASSIGN_OR_RETURN(bool found, s.Step());
  if (!found) return std::optional<DocumentRecord>();
  return std::optional<DocumentRecord>(ReadRecord(s));
}

Result<std::optional<DocumentHeading>> DocumentStore::Heading(int64_t id) {
  // Cached: a search page asks for the heading of every hit's other-language versions.
  PM_ASSIGN_OR_RETURN(Statement * s, Cached(&StatementCache::heading,
                                            "SELECT lang, title FROM documents WHERE id = ?1"));
  s->Bind(1, id);
  PM_ASSIGN_OR_RETURN(bool found, s->Step());
  if (!found) return std::optional<DocumentHeading>();
  DocumentHeading h;
  h.id = id;
  h.lang = ParseLanguageCode(s->ColumnText(0)).value_or(Language::kUnknown);
  h.title = s->ColumnText(1);
  s->Reset();  // a cached statement left mid-read would keep the connection's read open
  return std::optional<DocumentHeading>(std::move(h));
}

Result<std::vector<DocumentRecord>> DocumentStore::History(int64_t id) {
  PM_ASSIGN_OR_RETURN(std::optional<DocumentRecord> current, Get(id));
  std::vector<DocumentRecord> out;
  if (!current) return out;
  PM_ASSIGN_OR_RETURN(Statement s,
                      db_->Prepare("SELECT version, title, published, text, content_hash, "
                                   "first_seen, replaced_at FROM document_versions "
                                   "WHERE doc_id = ?1 ORDER BY version"));
  s.Bind(1, id);
  for (;;) {
    PM_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    DocumentRecord v = *current;
    v.version = static_cast<int>(s.ColumnInt(0));
    v.title = s.ColumnText(1);
    v.published = s.ColumnText(2);
    v.text = s.ColumnText(3);
    v.content_hash = s.ColumnText(4);
    v.first_seen = s.ColumnText(5);
    v.last_seen = s.ColumnText(6);
    out.push_back(std::move(v));
  }
  out.push_back(std::move(*current));
  return out;
}

Result<CorpusStats> DocumentStore::Stats() {
  CorpusStats stats;
  auto count_by = [&](std::string_view sql, std::map<std::string, int64_t>& into) -> Status {
    PM_ASSIGN_OR_RETURN(Statement s, db_->Prepare(sql));
    for (;;) {
      PM_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) return Status::Ok();
      into[s.ColumnText(0)] = s.ColumnInt(1);
    }
  };
  PM_RETURN_IF_ERROR(count_by("SELECT lang, count(*) FROM documents GROUP BY lang", stats.by_lang));
  PM_RETURN_IF_ERROR(
      count_by("SELECT source, count(*) FROM documents GROUP BY source", stats.by_source));
  PM_RETURN_IF_ERROR(count_by("SELECT substr(published, 1, 7), count(*) FROM documents "
                              "WHERE published IS NOT NULL GROUP BY 1",
                              stats.by_month));
  PM_ASSIGN_OR_RETURN(Statement total,
                      db_->Prepare("SELECT count(*), count(*) - count(published) FROM documents"));
  PM_ASSIGN_OR_RETURN(bool row, total.Step());
  if (row) {
    stats.documents = total.ColumnInt(0);
    stats.undated = total.ColumnInt(1);
  }
  return stats;
}

}  // namespace pressmine::index
