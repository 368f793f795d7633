// pressmine as the benchmark sees it: DocumentStore::Put in transactions, index::Search for
// queries, exactly as the `pressmine` command uses them.
#include <time.h>

#include <chrono>
#include <filesystem>
#include <unordered_map>

#include "base/sqlite.h"
#include "index/document_store.h"
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

void RunQueries(Database& db, const std::vector<BenchQuery>& queries, bool cross, int reps,
                const std::unordered_map<int64_t, int64_t>& to_gen, EngineResults& out) {
  auto gen_id = [&](int64_t id) {
    const auto it = to_gen.find(id);
    return it == to_gen.end() ? -id : it->second;
  };
  for (const BenchQuery& q : queries) {
    index::SearchRequest req = Request(q, cross);
    Result<index::SearchResults> first = index::Search(db, req);  // warm-up, untimed
    if (!first.ok()) {
      out.errors[q.id] = first.status().ToString();
      continue;
    }
    for (const index::SearchHit& h : first->hits) out.top[q.id].push_back(gen_id(h.id));
    for (int r = 0; r < reps; ++r) {
      const double c0 = ThreadCpuMs();
      const auto t0 = Clock::now();
      Result<index::SearchResults> res = index::Search(db, req);
      const auto t1 = Clock::now();
      const double c1 = ThreadCpuMs();
      if (res.ok()) {
        out.latency_ms[q.id].push_back(Ms(t0, t1));
        out.cpu_ms[q.id].push_back(c1 - c0);
      }
    }
    // Every match, newest first (no rank bound applies to date order), a page at a time.
    req.sort = index::SortOrder::kNewestFirst;
    req.limit = index::kMaxSearchLimit;
    std::vector<int64_t>& all = out.all[q.id];
    for (req.offset = 0; req.offset < first->total; req.offset += req.limit) {
      Result<index::SearchResults> page = index::Search(db, req);
      if (!page.ok() || page->hits.empty()) break;
      for (const index::SearchHit& h : page->hits) all.push_back(gen_id(h.id));
    }
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
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  PM_ASSIGN_OR_RETURN(Database db, Database::Open(path));
  PM_ASSIGN_OR_RETURN(index::DocumentStore store, index::DocumentStore::Open(db));

  std::vector<const CorpusDoc*> main_docs, inc_docs;
  for (const CorpusDoc& d : corpus) (d.incremental ? inc_docs : main_docs).push_back(&d);
  std::unordered_map<int64_t, int64_t> to_gen;
  int64_t duplicates = 0;

  const double c0 = ProcessCpuMs();
  const auto t0 = Clock::now();
  PM_RETURN_IF_ERROR(Put(db, store, main_docs, options.batch, to_gen, duplicates));
  const auto t1 = Clock::now();
  const double c1 = ProcessCpuMs();
  PM_RETURN_IF_ERROR(db.Exec("PRAGMA wal_checkpoint(TRUNCATE)"));

  EngineResults cross, mono;
  cross.engine = "pressmine";
  mono.engine = "pressmine-mono";
  for (EngineResults* r : {&cross, &mono}) {
    r->meta["docs"] = std::to_string(main_docs.size());
    r->meta["index_seconds"] = std::to_string(Ms(t0, t1) / 1000);
    r->meta["index_cpu_seconds"] = std::to_string((c1 - c0) / 1000);
    r->meta["index_bytes"] = std::to_string(DatabaseBytes(path));
    r->meta["duplicates"] = std::to_string(duplicates);
  }
  mono.meta["note"] = "same index, cross_language=false";
  RunQueries(db, queries, true, options.reps, to_gen, cross);
  RunQueries(db, queries, false, options.reps, to_gen, mono);

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
