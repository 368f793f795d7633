// Stock SQLite FTS5 as a naive user sets it up: one FTS5 table with the default unicode61
// tokenizer (no stemming, no transliteration), the metadata as UNINDEXED columns filtered with
// SQL WHERE, ranking by the built-in `rank` (bm25). Each query does what pressmine's Search
// does for a page: count the matches, then fetch the best 10 with snippets.
#include <chrono>
#include <filesystem>

#include "base/sqlite.h"
#include "index/query.h"
#include "tools/bench_search/engines.h"

namespace pressmine::bench {
namespace {

using Clock = std::chrono::steady_clock;

double Ms(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

constexpr std::string_view kSchema =
    "CREATE VIRTUAL TABLE docs USING fts5(title, text, lang UNINDEXED, source UNINDEXED, "
    "published UNINDEXED, tokenize='unicode61 remove_diacritics 2')";

// Words and phrases as FTS5 strings, implicitly ANDed: what a user types, quoted.
std::string Match(const BenchQuery& q) {
  std::string out;
  for (const BenchQuery::Part& p : q.Parts()) {
    if (!out.empty()) out += ' ';
    out += '"';
    for (char c : p.text) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
  }
  return out;
}

std::string Where(const BenchQuery& q) {
  std::string w = " WHERE docs MATCH ?1";
  if (!q.lang.empty()) w += " AND lang = ?2";
  if (!q.source.empty()) w += " AND source = ?3";
  if (!q.from.empty()) w += " AND published >= ?4";
  if (!q.to.empty()) w += " AND published < ?5";
  return w;
}

void BindAll(Statement& s, const BenchQuery& q) {
  s.Bind(1, Match(q));
  if (!q.lang.empty()) s.Bind(2, q.lang);
  if (!q.source.empty()) s.Bind(3, q.source);
  if (!q.from.empty()) s.Bind(4, q.from);
  if (!q.to.empty()) s.Bind(5, index::ExclusiveUpperBound(q.to));
}

Status Insert(Database& db, const std::vector<const CorpusDoc*>& docs, int batch) {
  PM_ASSIGN_OR_RETURN(Statement insert,
                      db.Prepare("INSERT INTO docs(rowid, title, text, lang, source, published) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
  for (size_t i = 0; i < docs.size();) {
    PM_ASSIGN_OR_RETURN(Transaction tx, Transaction::Begin(db));
    for (int k = 0; k < batch && i < docs.size(); ++k, ++i) {
      const CorpusDoc& d = *docs[i];
      insert.Bind(1, d.truth.id).Bind(2, d.title).Bind(3, d.text).Bind(4, d.truth.lang);
      insert.Bind(5, d.truth.source).Bind(6, d.truth.published);
      PM_RETURN_IF_ERROR(insert.Run());
      insert.Reset();
    }
    PM_RETURN_IF_ERROR(tx.Commit());
  }
  return Status::Ok();
}

// One page as a user sees it: total and the best 10 with snippets. Returns the ids.
Result<std::vector<int64_t>> Page(Database& db, const BenchQuery& q) {
  PM_ASSIGN_OR_RETURN(Statement count, db.Prepare("SELECT count(*) FROM docs" + Where(q)));
  BindAll(count, q);
  PM_ASSIGN_OR_RETURN(bool counted, count.Step());
  (void)counted;
  PM_ASSIGN_OR_RETURN(Statement top,
                      db.Prepare("SELECT rowid, title, published, snippet(docs, 1, '**', '**', '…', 24) "
                                 "FROM docs" + Where(q) + " ORDER BY rank LIMIT 10"));
  BindAll(top, q);
  std::vector<int64_t> ids;
  for (;;) {
    PM_ASSIGN_OR_RETURN(bool row, top.Step());
    if (!row) break;
    ids.push_back(top.ColumnInt(0));
  }
  return ids;
}

}  // namespace

Status RunStockFts5(const RunOptions& options, const std::vector<CorpusDoc>& corpus,
                    const std::vector<BenchQuery>& queries) {
  const std::string path = options.dir + "/fts5.db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  PM_ASSIGN_OR_RETURN(Database db, Database::Open(path));
  PM_RETURN_IF_ERROR(db.Exec(kSchema));

  std::vector<const CorpusDoc*> main_docs, inc_docs;
  for (const CorpusDoc& d : corpus) (d.incremental ? inc_docs : main_docs).push_back(&d);
  const double c0 = ProcessCpuMs();
  const auto t0 = Clock::now();
  PM_RETURN_IF_ERROR(Insert(db, main_docs, options.batch));
  const auto t1 = Clock::now();
  // The same merge into one segment as pressmine gets after its bulk load.
  PM_RETURN_IF_ERROR(db.Exec("INSERT INTO docs(docs) VALUES ('optimize')"));
  const auto t2 = Clock::now();
  const double c2 = ProcessCpuMs();
  PM_RETURN_IF_ERROR(db.Exec("PRAGMA wal_checkpoint(TRUNCATE)"));
  if (options.index_only) return Status::Ok();
  // Queries read the file as `pressmine serve` does (tools/serve/connection_pool.cc).
  PM_RETURN_IF_ERROR(db.Exec(kReadPragmas));

  EngineResults r;
  r.engine = "fts5";
  r.meta["docs"] = std::to_string(main_docs.size());
  r.meta["index_seconds"] = std::to_string(Ms(t0, t2) / 1000);
  r.meta["index_cpu_seconds"] = std::to_string((c2 - c0) / 1000);
  r.meta["optimize_seconds"] = std::to_string(Ms(t1, t2) / 1000);
  r.meta["index_bytes"] = std::to_string(DatabaseBytes(path));
  r.meta["note"] = "unicode61 remove_diacritics 2; filters as SQL WHERE";
  for (const BenchQuery& q : queries) {
    Result<std::vector<int64_t>> first = Page(db, q);  // warm-up, untimed
    if (!first.ok()) {
      r.errors[q.id] = first.status().ToString();
      continue;
    }
    r.top[q.id] = *first;
    for (int k = 0; k < options.reps; ++k) {
      const double ca = ThreadCpuMs();
      const auto a = Clock::now();
      Result<std::vector<int64_t>> page = Page(db, q);
      const auto b = Clock::now();
      const double cb = ThreadCpuMs();
      if (page.ok()) {
        r.latency_ms[q.id].push_back(Ms(a, b));
        r.cpu_ms[q.id].push_back(cb - ca);
      }
    }
    Result<Statement> all = db.Prepare("SELECT rowid FROM docs" + Where(q));
    if (!all.ok()) continue;
    BindAll(*all, q);
    std::vector<int64_t>& ids = r.all[q.id];
    for (;;) {
      Result<bool> row = all->Step();
      if (!row.ok() || !*row) break;
      ids.push_back(all->ColumnInt(0));
    }
  }
  if (!inc_docs.empty()) {
    const double ic0 = ProcessCpuMs();
    const auto i0 = Clock::now();
    PM_RETURN_IF_ERROR(Insert(db, inc_docs, static_cast<int>(inc_docs.size())));
    const auto i1 = Clock::now();
    const double ic1 = ProcessCpuMs();
    r.meta["incremental_docs"] = std::to_string(inc_docs.size());
    r.meta["incremental_seconds"] = std::to_string(Ms(i0, i1) / 1000);
    r.meta["incremental_cpu_seconds"] = std::to_string((ic1 - ic0) / 1000);
  }
  return WriteResults(options.dir + "/results-fts5.tsv", r);
}

}  // namespace pressmine::bench
