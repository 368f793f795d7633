// pressmine as the benchmark sees it: DocumentStore::Put in transactions, one index::Searcher for
// queries, exactly as the `pressmine` command uses them.
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <filesystem>
#include <unordered_map>

#include "base/sqlite.h"
#include "index/document_store.h"
#include "index/query.h"
#include "index/document_lengths.h"
#include "index/fts_rank.h"
#include "index/fts_tokenizer.h"
#include "index/schema.h"
#include "index/search.h"
#include "tools/bench_search/engines.h"

namespace pressmine::bench {
namespace {

using Clock = std::chrono::steady_clock;
constexpr const char* kNow = "2026-07-01T00:00:00Z";

double Ms(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

index::DocumentRecord Record(const CorpusDoc& d) {
  index::DocumentRecord r;
  r.url = "https://bench.invalid/" + d.truth.source + "/" + std::to_string(d.truth.id);
  r.source = d.truth.source;
  r.lang = ParseLanguageCode(d.truth.lang).value_or(Language::kUnknown);
  r.title = d.title;
  r.published = d.truth.published;
  r.text = d.text;
  return r;
}

// Puts `docs` in transactions of `batch`; fills store id -> generator id.
Status Put(Database& db, index::DocumentStore& store, const std::vector<const CorpusDoc*>& docs,
           int batch, std::unordered_map<int64_t, int64_t>& to_gen, int64_t& duplicates) {
  for (size_t i = 0; i < docs.size();) {
    PM_ASSIGN_OR_RETURN(Transaction tx, Transaction::Begin(db));
    for (int k = 0; k < batch && i < docs.size(); ++k, ++i) {
      PM_ASSIGN_OR_RETURN(index::PutResult put, store.Put(Record(*docs[i]), kNow));
      if (put.outcome == index::PutOutcome::kDuplicate) ++duplicates;
      to_gen[put.id] = docs[i]->truth.id;
    }
    PM_RETURN_IF_ERROR(tx.Commit());
  }
  return Status::Ok();
}

index::SearchRequest Request(const BenchQuery& q, bool cross) {
  index::SearchRequest r;
  r.query = q.text;
  if (!q.lang.empty()) r.lang = ParseLanguageCode(q.lang);
  if (!q.source.empty()) r.sources = {q.source};
  r.from = q.from;
  r.to = q.to;
  r.cross_language = cross;
  return r;
}

// Where a query's time goes: the parts of Search timed alone, per query class.
struct Parts {
  std::map<std::string, std::map<std::string, std::vector<double>>> ms;  // part -> class -> runs
};

double TimeMs(const std::function<void()>& f) {
  const auto t0 = Clock::now();
  f();
  return Ms(t0, Clock::now());
}

// Runs a diagnostic statement to its end. A failure is printed: a part that fails fast would
// otherwise look fast.
void StepAll(Database& db, const std::string& sql, const std::string& match, const BenchQuery& q,
             const index::DocumentLengths* lengths = nullptr) {
  Result<Statement> s = db.Prepare(sql);
  if (!s.ok()) {
    std::fprintf(stderr, "diagnostic query failed: %s\n", s.status().ToString().c_str());
    return;
  }
  s->Bind(1, match).Bind(2, q.from).Bind(3, q.to.empty() ? std::string() : index::ExclusiveUpperBound(q.to));
  if (lengths != nullptr) s->BindPointer(4, lengths, index::kDocumentLengthsPointerType);
  for (;;) {
    Result<bool> row = s->Step();
    if (!row.ok()) {
      std::fprintf(stderr, "diagnostic query failed: %s\n", row.status().ToString().c_str());
      return;
    }
    if (!*row) break;
  }
}

// The steps of Searcher::Search's relevance order (index/search.cc), each timed alone, plus
// variants that show what a step's parts cost.
void Diagnose(Database& db, index::Searcher& searcher, const index::DocumentLengths& lengths,
              const BenchQuery& q, bool cross, const std::string& match, Parts& parts) {
  constexpr int kRuns = 2;
  const std::string bm25 = "pm_bm25(documents_fts, " +
                           std::to_string(index::CountFtsPhrases(match.substr(0, match.find(") AND meta")))) +
                           ", 5.0, 1.0, (SELECT min(id) FROM documents), (SELECT max(id) FROM documents), ?4)";
  const std::string lang_token =
      "meta : " + index::VerbatimFtsString({index::LanguageToken(
                      ParseLanguageCode(q.qlang).value_or(Language::kUnknown))});
  const std::string own = "(" + match + ") AND " + lang_token;
  auto window = [&](const std::string& expr, bool scored) {
    StepAll(db,
            "SELECT rowid, " + (scored ? bm25 : std::string("0.0")) +
                " FROM documents_fts WHERE documents_fts MATCH ?1 AND ?2 = ?2 AND ?3 = ?3"
                " ORDER BY rowid DESC LIMIT " + std::to_string(index::kMaxRanked + 1),
            expr, q, scored ? &lengths : nullptr);
  };
  for (int r = 0; r < kRuns; ++r) {
    parts.ms["search, limit 0 (parse, compile, windows unscored)"][q.cls].push_back(TimeMs([&] {
      index::SearchRequest req = Request(q, cross);
      req.limit = 0;
      (void)searcher.Search(req);
    }));
    parts.ms["own window, bm25"][q.cls].push_back(TimeMs([&] { window(own, true); }));
    parts.ms["own window, unscored"][q.cls].push_back(TimeMs([&] { window(own, false); }));
    parts.ms["whole match window, bm25"][q.cls].push_back(TimeMs([&] { window(match, true); }));
    parts.ms["whole match window, unscored"][q.cls].push_back(TimeMs([&] { window(match, false); }));
    // Snippets of the 10 rows of a page, each looked up by rowid.
    std::vector<int64_t> page;
    Result<Statement> top = db.Prepare("SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?1 "
                                       "ORDER BY rowid DESC LIMIT 10");
    if (top.ok()) {
      top->Bind(1, match);
      for (Result<bool> row = top->Step(); row.ok() && *row; row = top->Step()) {
        page.push_back(top->ColumnInt(0));
      }
    }
    auto per_row = [&](const std::string& what) {
      Result<Statement> snip = db.Prepare("SELECT " + what +
                                          " FROM documents_fts WHERE documents_fts MATCH ?1 AND rowid = ?2");
      if (!snip.ok()) return;
      for (int64_t id : page) {
        snip->Bind(1, match).Bind(2, id);
        (void)snip->Step();
        snip->Reset();
      }
    };
    parts.ms["page rows by rowid, no snippet"][q.cls].push_back(TimeMs([&] { per_row("rowid"); }));
    parts.ms["page rows by rowid, snippet"][q.cls].push_back(
        TimeMs([&] { per_row("snippet(documents_fts, 1, '**', '**', '…', 24)"); }));
  }
}

void RunQueries(Database& db, index::Searcher& searcher, const std::vector<BenchQuery>& queries,
                bool cross, int reps, const std::unordered_map<int64_t, int64_t>& to_gen,
                EngineResults& out, bool diagnose, Parts& parts) {
  // The diagnostics score as Search does, with the document lengths in memory.
  index::DocumentLengths lengths;
  if (diagnose) {
    if (Status st = lengths.Refresh(db); !st.ok()) {
      std::fprintf(stderr, "document lengths: %s\n", st.ToString().c_str());
    }
  }
  auto gen_id = [&](int64_t id) {
    const auto it = to_gen.find(id);
    return it == to_gen.end() ? -id : it->second;
  };
  for (const BenchQuery& q : queries) {
    index::SearchRequest req = Request(q, cross);
    Result<index::SearchResults> first = searcher.Search(req);  // warm-up, untimed
    if (!first.ok()) {
      out.errors[q.id] = first.status().ToString();
      continue;
    }
    for (const index::SearchHit& h : first->hits) out.top[q.id].push_back(gen_id(h.id));
    for (int r = 0; r < reps; ++r) {
      const double c0 = ThreadCpuMs();
      const auto t0 = Clock::now();
      Result<index::SearchResults> res = searcher.Search(req);
      const auto t1 = Clock::now();
      const double c1 = ThreadCpuMs();
      if (res.ok()) {
        out.latency_ms[q.id].push_back(Ms(t0, t1));
        out.cpu_ms[q.id].push_back(c1 - c0);
      }
    }
    // Every match, without ranking or snippets: Search's own MATCH expression and date bounds
    // (paging through Search would compute a snippet for every match on every page).
    // Checked against Search's total.
    req.limit = 0;
    Result<index::SearchResults> expr = searcher.Search(req);
    if (!expr.ok()) continue;
    Result<Statement> all = db.Prepare(
        "SELECT d.id FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid"
        " WHERE documents_fts MATCH ?1 AND (?2 = '' OR d.published >= ?2)"
        " AND (?3 = '' OR d.published < ?3)");
    if (!all.ok()) {
      out.errors[q.id] = all.status().ToString();
      continue;
    }
    all->Bind(1, expr->fts_expression).Bind(2, q.from);
    all->Bind(3, q.to.empty() ? std::string() : index::ExclusiveUpperBound(q.to));
    std::vector<int64_t>& ids = out.all[q.id];
    for (;;) {
      Result<bool> row = all->Step();
      if (!row.ok() || !*row) break;
      ids.push_back(gen_id(all->ColumnInt(0)));
    }
    // Relevance order counts at most kMaxRanked matches per language (SearchResults::total_exact).
    const bool total_ok = expr->total_exact ? static_cast<int64_t>(ids.size()) == expr->total
                                            : static_cast<int64_t>(ids.size()) > expr->total;
    if (!total_ok) {
      out.errors[q.id] = "all matches " + std::to_string(ids.size()) + " != Search total " +
                         std::to_string(expr->total);
    }
    if (diagnose) Diagnose(db, searcher, lengths, q, cross, expr->fts_expression, parts);
  }
}

}  // namespace

double ProcessCpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double ThreadCpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

int64_t DatabaseBytes(const std::string& path) {
  int64_t total = 0;
  for (const std::string& p : {path, path + "-wal"}) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(p, ec);
    if (!ec) total += static_cast<int64_t>(size);
  }
  return total;
}

Status RunPressmine(const RunOptions& options, const std::vector<CorpusDoc>& corpus,
                    const std::vector<BenchQuery>& queries) {
  const std::string path = options.dir + "/pressmine.db";
  if (!options.queries_only) {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  }
  PM_ASSIGN_OR_RETURN(Database db, Database::Open(path));
  PM_ASSIGN_OR_RETURN(index::DocumentStore store, index::DocumentStore::Open(db));

  std::vector<const CorpusDoc*> main_docs, inc_docs;
  for (const CorpusDoc& d : corpus) (d.incremental ? inc_docs : main_docs).push_back(&d);
  std::unordered_map<int64_t, int64_t> to_gen;
  int64_t duplicates = 0;

  const double c0 = ProcessCpuMs();
  const auto t0 = Clock::now();
  if (options.queries_only) {
    // The index of an earlier run: store id -> generator id from the URLs Record() wrote.
    PM_ASSIGN_OR_RETURN(Statement ids, db.Prepare("SELECT id, url FROM documents"));
    for (;;) {
      PM_ASSIGN_OR_RETURN(bool row, ids.Step());
      if (!row) break;
      const std::string url = ids.ColumnText(1);
      to_gen[ids.ColumnInt(0)] = std::stoll(url.substr(url.rfind('/') + 1));
    }
    inc_docs.clear();
  } else {
    PM_RETURN_IF_ERROR(Put(db, store, main_docs, options.batch, to_gen, duplicates));
  }
  const auto t1 = Clock::now();
  // What an operator does after a bulk load (and `pressmine reindex` does): merge the index's
  // segments into one. Stock FTS5 gets the same step.
  if (!options.queries_only) PM_RETURN_IF_ERROR(index::OptimizeFullTextIndex(db));
  const auto t2 = Clock::now();
  const double c2 = ProcessCpuMs();
  PM_RETURN_IF_ERROR(db.Exec("PRAGMA wal_checkpoint(TRUNCATE)"));
  if (options.index_only) return Status::Ok();
  // Queries read the file as `pressmine serve` does (tools/serve/connection_pool.cc).
  PM_RETURN_IF_ERROR(db.Exec(kReadPragmas));

  EngineResults cross, mono;
  cross.engine = "pressmine";
  mono.engine = "pressmine-mono";
  for (EngineResults* r : {&cross, &mono}) {
    r->meta["docs"] = std::to_string(main_docs.size());
    r->meta["index_seconds"] = std::to_string(Ms(t0, t2) / 1000);
    r->meta["index_cpu_seconds"] = std::to_string((c2 - c0) / 1000);
    r->meta["optimize_seconds"] = std::to_string(Ms(t1, t2) / 1000);
    r->meta["index_bytes"] = std::to_string(DatabaseBytes(path));
    r->meta["duplicates"] = std::to_string(duplicates);
  }
  mono.meta["note"] = "same index, cross_language=false";
  // One Searcher for the whole run, as a server keeps one per connection; opening it builds or
  // loads the lexicon, timed apart.
  const auto s0 = Clock::now();
  index::SearcherOptions searcher_options;
  searcher_options.keep_document_lengths = true;  // as pressmine serve's connections do
  PM_ASSIGN_OR_RETURN(index::Searcher searcher, index::Searcher::Open(db, searcher_options));
  {
    index::SearchRequest warm;
    warm.query = "вакцинация";  // the lexicon loads lazily on the first search
    warm.limit = 0;
    (void)searcher.Search(warm);
  }
  const auto s1 = Clock::now();
  cross.meta["searcher_open_seconds"] = std::to_string(Ms(s0, s1) / 1000);
  cross.meta["lexicon"] = searcher.LexiconDescription();
  Parts parts;
  RunQueries(db, searcher, queries, true, options.reps, to_gen, cross, !options.no_diagnostics, parts);
  RunQueries(db, searcher, queries, false, options.reps, to_gen, mono, false, parts);
  // "diag:<part>" = "class p50 p99; ..." for the report's breakdown.
  for (const auto& [part, by_class] : parts.ms) {
    std::string line;
    for (const auto& [cls, runs] : by_class) {
      std::vector<double> v = runs;
      std::sort(v.begin(), v.end());
      const double p50 = v[(v.size() - 1) / 2];
      const double p99 = v[std::min(v.size() - 1, static_cast<size_t>(0.99 * static_cast<double>(v.size())))];
      char buf[96];
      std::snprintf(buf, sizeof buf, "%s %.2f %.2f; ", cls.c_str(), p50, p99);
      line += buf;
    }
    cross.meta["diag:" + part] = line;
  }

  if (!inc_docs.empty()) {
    const double ic0 = ProcessCpuMs();
    const auto i0 = Clock::now();
    PM_RETURN_IF_ERROR(Put(db, store, inc_docs, static_cast<int>(inc_docs.size()), to_gen, duplicates));
    const auto i1 = Clock::now();
    const double ic1 = ProcessCpuMs();
    cross.meta["incremental_docs"] = std::to_string(inc_docs.size());
    cross.meta["incremental_seconds"] = std::to_string(Ms(i0, i1) / 1000);
    cross.meta["incremental_cpu_seconds"] = std::to_string((ic1 - ic0) / 1000);
  }
  PM_RETURN_IF_ERROR(WriteResults(options.dir + "/results-pressmine.tsv", cross));
  return WriteResults(options.dir + "/results-pressmine-mono.tsv", mono);
}

}  // namespace pressmine::bench
