// Crawler tables and the change feed read by the next stage.
#include "crawler/internal/store.h"

#include <algorithm>
#include <array>

#include "crawler/changes.h"

namespace pressmine::crawler {
namespace internal {
namespace {

constexpr std::string_view kSchemaV1 = R"sql(
CREATE TABLE crawl_urls(
  id INTEGER PRIMARY KEY,
  url TEXT NOT NULL UNIQUE,
  source TEXT NOT NULL,
  kind INTEGER NOT NULL,               -- 0 page, 1 article, 2 sitemap, 3 feed
  depth INTEGER NOT NULL,
  first_seen INTEGER NOT NULL,
  last_fetch INTEGER NOT NULL DEFAULT 0,
  last_change INTEGER NOT NULL DEFAULT 0,
  next_due INTEGER NOT NULL DEFAULT 0,
  http_status INTEGER NOT NULL DEFAULT 0,
  etag TEXT, last_modified TEXT, content_hash TEXT,
  lastmod INTEGER NOT NULL DEFAULT 0,
  failures INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  removed INTEGER NOT NULL DEFAULT 0,  -- 404/410: kept, never deleted
  redirect_to TEXT
);
CREATE INDEX crawl_urls_due ON crawl_urls(source, next_due);
CREATE TABLE crawl_versions(
  seq INTEGER PRIMARY KEY AUTOINCREMENT,  -- the change cursor
  url_id INTEGER NOT NULL REFERENCES crawl_urls(id),
  removed INTEGER NOT NULL DEFAULT 0,     -- 1: a removal event, html is NULL
  fetched_at INTEGER NOT NULL,
  final_url TEXT NOT NULL,
  http_status INTEGER NOT NULL,
  content_type TEXT, charset TEXT, content_hash TEXT,
  html TEXT                               -- UTF-8
);
CREATE INDEX crawl_versions_url ON crawl_versions(url_id, seq);
CREATE TABLE crawl_runs(
  id INTEGER PRIMARY KEY,
  started_at INTEGER NOT NULL,
  finished_at INTEGER,
  outcome TEXT,                           -- NULL while running or after a crash
  summary TEXT                            -- JSON
);
)sql";

// Which sitemap file last listed a URL (its crawl_urls id; 0: none), so that a URL dropped from
// its sitemap is re-checked at once: that is how a removed release is noticed without
// re-checking the whole site.
constexpr std::string_view kSchemaV2 = R"sql(
ALTER TABLE crawl_urls ADD COLUMN listed_in INTEGER NOT NULL DEFAULT 0;
CREATE INDEX crawl_urls_listed_in ON crawl_urls(listed_in) WHERE listed_in != 0;
)sql";

constexpr std::array<Migration, 2> kMigrations = {{
    {1, "crawl_urls, crawl_versions, crawl_runs", kSchemaV1, nullptr},
    {2, "crawl_urls.listed_in: the sitemap that lists a URL", kSchemaV2, nullptr},
}};

constexpr std::string_view kUrlColumns =
    "id, url, source, kind, depth, first_seen, last_fetch, last_change, next_due, http_status, "
    "coalesce(etag,''), coalesce(last_modified,''), coalesce(content_hash,''), lastmod, failures, "
    "removed, listed_in";

UrlRecord ReadUrl(const Statement& s) {
  UrlRecord r;
  r.id = s.ColumnInt(0);
  r.url = s.ColumnText(1);
  r.source = s.ColumnText(2);
  r.kind = static_cast<UrlKind>(s.ColumnInt(3));
  r.depth = static_cast<int>(s.ColumnInt(4));
  r.first_seen = s.ColumnInt(5);
  r.last_fetch = s.ColumnInt(6);
  r.last_change = s.ColumnInt(7);
  r.next_due = s.ColumnInt(8);
  r.http_status = static_cast<int>(s.ColumnInt(9));
  r.etag = s.ColumnText(10);
  r.last_modified = s.ColumnText(11);
  r.content_hash = s.ColumnText(12);
  r.lastmod = s.ColumnInt(13);
  r.failures = static_cast<int>(s.ColumnInt(14));
  r.removed = s.ColumnInt(15) != 0;
  r.listed_in = s.ColumnInt(16);
  return r;
}

}  // namespace

std::span<const Migration> CrawlerMigrations() { return kMigrations; }

std::string ContentHash(std::string_view bytes) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[static_cast<size_t>(i)] = kHex[h & 15];
  return out;
}

Result<Store> Store::Open(Database& db) {
  PM_RETURN_IF_ERROR(EnsureCrawlerSchema(db));
  return Store(&db);
}

Result<Statement*> Store::Cached(const std::string& sql) {
  auto it = cache_->find(sql);
  if (it == cache_->end()) {
    PM_ASSIGN_OR_RETURN(Statement stmt, db_->Prepare(sql));
    it = cache_->emplace(sql, std::make_unique<Statement>(std::move(stmt))).first;
  }
  it->second->Reset();
  return it->second.get();
}

Result<std::optional<UrlRecord>> Store::Find(const std::string& url) {
  PM_ASSIGN_OR_RETURN(Statement * stmt, Cached("SELECT " + std::string(kUrlColumns) +
                                               " FROM crawl_urls WHERE url = ?1"));
  Statement& s = *stmt;
  s.Bind(1, url);
  PM_ASSIGN_OR_RETURN(bool row, s.Step());
  std::optional<UrlRecord> out;
  if (row) out = ReadUrl(s);
  s.Reset();  // do not leave a read statement pending between transactions
  return out;
}

Result<UrlRecord> Store::Discover(const std::string& url, const std::string& source, UrlKind kind,
                                  int depth, int64_t lastmod, int64_t now, bool* inserted,
                                  int64_t listed_in) {
  // A date in the future is a wrong server clock or a typo; it must not keep a page due forever.
  lastmod = std::min(lastmod, now);
  PM_ASSIGN_OR_RETURN(std::optional<UrlRecord> existing, Find(url));
  if (existing) {
    *inserted = false;
    if (listed_in != 0 && listed_in != existing->listed_in) {
      PM_ASSIGN_OR_RETURN(Statement * stmt,
                          Cached("UPDATE crawl_urls SET listed_in = ?2 WHERE id = ?1"));
      stmt->Bind(1, existing->id).Bind(2, listed_in);
      PM_RETURN_IF_ERROR(stmt->Run());
      existing->listed_in = listed_in;
    }
    if (lastmod > existing->lastmod) {
      // A sitemap or feed says the page changed after we last saw it: due now.
      const bool due_now = lastmod > existing->last_fetch && !existing->removed;
      PM_ASSIGN_OR_RETURN(Statement * stmt, Cached("UPDATE crawl_urls SET lastmod = ?2, next_due = "
                                                   "CASE WHEN ?3 THEN 0 ELSE next_due END "
                                                   "WHERE id = ?1"));
      Statement& s = *stmt;
      s.Bind(1, existing->id).Bind(2, lastmod).Bind(3, due_now ? 1 : 0);
      PM_RETURN_IF_ERROR(s.Run());
      existing->lastmod = lastmod;
      if (due_now) existing->next_due = 0;
    }
    return *existing;
  }
  PM_ASSIGN_OR_RETURN(
      Statement * stmt,
      Cached("INSERT INTO crawl_urls(url, source, kind, depth, first_seen, lastmod, next_due, "
             "listed_in) VALUES(?1, ?2, ?3, ?4, ?5, ?6, 0, ?7)"));
  Statement& s = *stmt;
  s.Bind(1, url)
      .Bind(2, source)
      .Bind(3, static_cast<int>(kind))
      .Bind(4, depth)
      .Bind(5, now)
      .Bind(6, lastmod)
      .Bind(7, listed_in);
  PM_RETURN_IF_ERROR(s.Run());
  *inserted = true;
  UrlRecord r;
  r.id = db_->LastInsertRowId();
  r.url = url;
  r.source = source;
  r.kind = kind;
  r.depth = depth;
  r.first_seen = now;
  r.lastmod = lastmod;
  r.listed_in = listed_in;
  return r;
}

Status Store::MarkUnlisted(int64_t url_id) {
  PM_ASSIGN_OR_RETURN(Statement * stmt,
                      Cached("UPDATE crawl_urls SET listed_in = 0, next_due = 0 WHERE id = ?1"));
  stmt->Bind(1, url_id);
  return stmt->Run();
}

Result<std::vector<std::string>> Store::ListedIn(int64_t sitemap_id) {
  PM_ASSIGN_OR_RETURN(Statement * stmt,
                      Cached("SELECT url FROM crawl_urls WHERE listed_in = ?1 AND removed = 0"));
  stmt->Bind(1, sitemap_id);
  std::vector<std::string> out;
  for (;;) {
    PM_ASSIGN_OR_RETURN(bool row, stmt->Step());
    if (!row) break;
    out.push_back(stmt->ColumnText(0));
  }
  return out;
}

Result<std::vector<UrlRecord>> Store::Due(const std::string& source, int64_t now, bool full) {
  PM_ASSIGN_OR_RETURN(Statement * stmt, Cached("SELECT " + std::string(kUrlColumns) +
                                               " FROM crawl_urls WHERE source = ?1 AND (?3 OR "
                                               "next_due <= ?2) ORDER BY depth, next_due, id"));
  Statement& s = *stmt;
  s.Bind(1, source).Bind(2, now).Bind(3, full ? 1 : 0);
  std::vector<UrlRecord> out;
  for (;;) {
    PM_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(ReadUrl(s));
  }
  return out;
}

Status Store::RecordFetch(int64_t url_id, const FetchUpdate& u) {
  PM_ASSIGN_OR_RETURN(
      Statement * stmt,
      Cached("UPDATE crawl_urls SET last_fetch = ?2, http_status = ?3, next_due = ?4, "
             "etag = CASE WHEN ?5 THEN ?6 ELSE etag END, "
             "last_modified = CASE WHEN ?7 THEN ?8 ELSE last_modified END, "
             "content_hash = CASE WHEN ?9 THEN ?10 ELSE content_hash END, "
             "last_change = CASE WHEN ?11 THEN ?12 ELSE last_change END, "
             "failures = ?13, last_error = nullif(?14, ''), removed = ?15, redirect_to = "
             "nullif(?16, '') "
             "WHERE id = ?1"));
  Statement& s = *stmt;
  s.Bind(1, url_id).Bind(2, u.fetched_at).Bind(3, u.http_status).Bind(4, u.next_due);
  s.Bind(5, u.etag ? 1 : 0).Bind(6, u.etag.value_or(""));
  s.Bind(7, u.last_modified ? 1 : 0).Bind(8, u.last_modified.value_or(""));
  s.Bind(9, u.content_hash ? 1 : 0).Bind(10, u.content_hash.value_or(""));
  s.Bind(11, u.last_change ? 1 : 0).Bind(12, u.last_change.value_or(0));
  s.Bind(13, u.failures).Bind(14, u.error).Bind(15, u.removed ? 1 : 0).Bind(16, u.redirect_to);
  return s.Run();
}

Status Store::AddVersion(const VersionRow& v) {
  PM_ASSIGN_OR_RETURN(
      Statement * stmt,
      Cached("INSERT INTO crawl_versions(url_id, removed, fetched_at, final_url, http_status, "
             "content_type, "
             "charset, content_hash, html) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"));
  Statement& s = *stmt;
  s.Bind(1, v.url_id).Bind(2, v.removed ? 1 : 0).Bind(3, v.fetched_at).Bind(4, v.final_url);
  s.Bind(5, v.http_status).Bind(6, v.content_type).Bind(7, v.charset).Bind(8, v.content_hash);
  if (v.removed) {
    s.BindNull(9);
  } else {
    s.Bind(9, v.html);
  }
  return s.Run();
}

Result<int64_t> Store::BeginRun(int64_t now) {
  PM_ASSIGN_OR_RETURN(Statement * stmt, Cached("INSERT INTO crawl_runs(started_at) VALUES(?1)"));
  Statement& s = *stmt;
  s.Bind(1, now);
  PM_RETURN_IF_ERROR(s.Run());
  return db_->LastInsertRowId();
}

Status Store::FinishRun(int64_t run_id, int64_t now, const std::string& outcome,
                        const std::string& summary_json) {
  PM_ASSIGN_OR_RETURN(
      Statement * stmt,
      Cached("UPDATE crawl_runs SET finished_at = ?2, outcome = ?3, summary = ?4 WHERE id = ?1"));
  Statement& s = *stmt;
  s.Bind(1, run_id).Bind(2, now).Bind(3, outcome).Bind(4, summary_json);
  return s.Run();
}

}  // namespace internal

Status EnsureCrawlerSchema(Database& db) {
  return ApplyMigrations(db, "crawler", internal::kMigrations);
}

Result<std::vector<PageChange>> ReadChanges(Database& db, int64_t after_seq, size_t limit) {
  PM_RETURN_IF_ERROR(EnsureCrawlerSchema(db));
  PM_ASSIGN_OR_RETURN(
      Statement s,
      db.Prepare("SELECT v.seq, v.removed, u.url, v.final_url, u.source, u.kind, v.fetched_at, "
                 "v.http_status, "
                 "coalesce(v.content_type,''), coalesce(v.charset,''), coalesce(v.html,'') "
                 "FROM crawl_versions v JOIN crawl_urls u ON u.id = v.url_id "
                 "WHERE v.seq > ?1 ORDER BY v.seq LIMIT ?2"));
  s.Bind(1, after_seq).Bind(2, static_cast<int64_t>(limit));
  std::vector<PageChange> out;
  for (;;) {
    PM_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    PageChange c;
    c.seq = s.ColumnInt(0);
    c.kind = s.ColumnInt(1) ? PageChange::Kind::kRemoved : PageChange::Kind::kContent;
    c.url = s.ColumnText(2);
    c.final_url = s.ColumnText(3);
    c.source = s.ColumnText(4);
    c.is_article = s.ColumnInt(5) == static_cast<int>(internal::UrlKind::kArticle);
    c.fetched_at = s.ColumnInt(6);
    c.http_status = static_cast<int>(s.ColumnInt(7));
    c.content_type = s.ColumnText(8);
    c.charset = s.ColumnText(9);
    c.html = s.ColumnText(10);
    out.push_back(std::move(c));
  }
  return out;
}

Result<int64_t> LatestChangeSeq(Database& db) {
  PM_RETURN_IF_ERROR(EnsureCrawlerSchema(db));
  PM_ASSIGN_OR_RETURN(Statement s, db.Prepare("SELECT coalesce(max(seq), 0) FROM crawl_versions"));
  PM_ASSIGN_OR_RETURN(bool row, s.Step());
  return row ? s.ColumnInt(0) : int64_t{0};
}

}  // namespace pressmine::crawler
