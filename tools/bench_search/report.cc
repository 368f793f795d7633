#include "tools/bench_search/report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "tools/bench_search/corpus_io.h"
#include "tools/bench_search/query_set.h"
#include "tools/bench_search/vocabulary.h"

namespace pressmine::bench {
namespace {

// Engines in the order of the table; the first is the reference for ratios.
const std::vector<std::string>& EngineOrder() {
  static const std::vector<std::string> order = {"pressmine", "pressmine-mono", "fts5", "sphinx",
                                                 "xapian"};
  return order;
}

// Goals of issue #3 at 100k releases.
constexpr double kGoalRecall = 0.98;
constexpr double kGoalP50Ms = 2.0;
constexpr double kGoalP99Ms = 20.0;
constexpr double kGoalIndexTimeVsFts5 = 1.5;
constexpr double kGoalIncrementalSeconds = 1.0;

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return std::nan("");
  std::sort(v.begin(), v.end());
  const size_t rank = static_cast<size_t>(std::ceil(p * static_cast<double>(v.size())));
  return v[std::clamp<size_t>(rank, 1, v.size()) - 1];
}

struct Mean {
  double sum = 0;
  int n = 0;
  void Add(double x) {
    sum += x;
    ++n;
  }
  double Value() const { return n == 0 ? std::nan("") : sum / n; }
};

struct QueryScore {
  int64_t relevant = 0, relevant_same = 0, relevant_other = 0, matches = 0;
  double recall = std::nan(""), recall_same = std::nan(""), recall_other = std::nan("");
  double precision = std::nan(""), p_at_10 = std::nan("");
};

QueryScore Score(const BenchQuery& q, const std::vector<int64_t>& relevant_ids,
                 const std::unordered_map<int64_t, const DocTruth*>& truth, const EngineResults& r) {
  QueryScore s;
  std::unordered_set<int64_t> matches;
  if (const auto it = r.all.find(q.id); it != r.all.end()) matches.insert(it->second.begin(), it->second.end());
  s.matches = static_cast<int64_t>(matches.size());
  int64_t hit = 0, hit_same = 0, hit_other = 0;
  std::unordered_set<int64_t> relevant(relevant_ids.begin(), relevant_ids.end());
  for (int64_t id : relevant_ids) {
    const bool same = truth.at(id)->lang == q.qlang;
    ++(same ? s.relevant_same : s.relevant_other);
    if (matches.count(id) != 0) {
      ++hit;
      ++(same ? hit_same : hit_other);
    }
  }
  s.relevant = static_cast<int64_t>(relevant_ids.size());
  if (s.relevant > 0) s.recall = static_cast<double>(hit) / static_cast<double>(s.relevant);
  if (s.relevant_same > 0) s.recall_same = static_cast<double>(hit_same) / static_cast<double>(s.relevant_same);
  if (s.relevant_other > 0) s.recall_other = static_cast<double>(hit_other) / static_cast<double>(s.relevant_other);
  if (s.matches > 0) s.precision = static_cast<double>(hit) / static_cast<double>(s.matches);
  if (const auto it = r.top.find(q.id); it != r.top.end() && s.relevant > 0) {
    int64_t good = 0;
    for (int64_t id : it->second) good += relevant.count(id);
    s.p_at_10 = static_cast<double>(good) / static_cast<double>(std::min<int64_t>(10, s.relevant));
  }
  return s;
}

std::string Num(double x, const char* fmt = "%.2f") {
  if (std::isnan(x)) return "-";
  char buf[64];
  std::snprintf(buf, sizeof buf, fmt, x);
  return buf;
}

std::string Bytes(double b) {
  if (std::isnan(b)) return "-";
  return Num(b / (1024.0 * 1024.0), "%.1f") + " MiB";
}

std::string Ratio(double engine, double reference) {
  if (std::isnan(engine) || std::isnan(reference) || reference == 0) return "-";
  return Num(engine / reference, "%.2f") + "x";
}

}  // namespace

Status PrintReport(const std::string& dir, bool verbose) {
  PM_ASSIGN_OR_RETURN(std::vector<CorpusDoc> corpus, ReadCorpus(dir + "/corpus.tsv", false));
  PM_ASSIGN_OR_RETURN(std::string queries_text, [&]() -> Result<std::string> {
    std::FILE* f = std::fopen((dir + "/queries.tsv").c_str(), "rb");
    if (f == nullptr) return Status::IoError(dir + "/queries.tsv: cannot read");
    std::string s;
    char buf[65536];
    for (size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) s.append(buf, n);
    std::fclose(f);
    return s;
  }());
  PM_ASSIGN_OR_RETURN(std::vector<BenchQuery> queries, ParseQuerySet(queries_text));

  std::unordered_map<int64_t, const DocTruth*> truth;
  int64_t main_docs = 0, ru_docs = 0;
  for (const CorpusDoc& d : corpus) {
    if (d.incremental) continue;
    truth[d.truth.id] = &d.truth;
    ++main_docs;
    ru_docs += d.truth.lang == "ru";
  }
  std::map<std::string, std::vector<int64_t>> relevant;
  for (const BenchQuery& q : queries) {
    auto& ids = relevant[q.id];
    for (const CorpusDoc& d : corpus) {
      if (!d.incremental && q.Relevant(d.truth)) ids.push_back(d.truth.id);
    }
  }

  std::vector<EngineResults> engines;
  std::vector<std::string> skipped;
  for (const std::string& name : EngineOrder()) {
    Result<EngineResults> r = ReadResults(dir + "/results-" + name + ".tsv", name);
    if (!r.ok()) {
      skipped.push_back(name + ": no results file");
      continue;
    }
    if (r->meta.count("skipped") != 0) {
      skipped.push_back(name + ": " + r->meta["skipped"]);
      continue;
    }
    engines.push_back(std::move(*r));
  }

  std::printf("corpus: %lld releases (%lld ru, %lld en), %zu queries\n\n",
              static_cast<long long>(main_docs), static_cast<long long>(ru_docs),
              static_cast<long long>(main_docs - ru_docs), queries.size());

  // Table 1: indexing, one line per engine.
  struct Summary {
    double docs_per_s, cpu_docs_per_s, bytes, p50, p99, cpu_p50, cpu_p99, index_s, index_cpu_s,
        inc_s, inc_cpu_s, rall_ru, rall_en;
  };
  std::map<std::string, Summary> summary;
  std::map<std::string, std::map<std::string, QueryScore>> scores;
  std::printf("indexing (wall = elapsed; cpu = this engine's CPU time, not counting other load)\n");
  std::printf("%-15s %8s %8s %9s %9s %10s %9s %10s %10s\n", "engine", "wall s", "cpu s",
              "docs/s", "docs/cpu-s", "bytes", "bytes/doc", "inc1000 s", "inc cpu s");
  for (const EngineResults& e : engines) {
    Summary sm{};
    sm.index_s = e.MetaNumber("index_seconds");
    sm.index_cpu_s = e.MetaNumber("index_cpu_seconds");
    const double docs = e.MetaNumber("docs");
    sm.docs_per_s = docs / sm.index_s;
    sm.cpu_docs_per_s = docs / sm.index_cpu_s;
    sm.bytes = e.MetaNumber("index_bytes");
    sm.inc_s = e.MetaNumber("incremental_seconds");
    sm.inc_cpu_s = e.MetaNumber("incremental_cpu_seconds");
    summary[e.engine] = sm;
    std::printf("%-15s %8s %8s %9s %9s %10s %9s %10s %10s\n", e.engine.c_str(),
                Num(sm.index_s, "%.1f").c_str(), Num(sm.index_cpu_s, "%.1f").c_str(),
                Num(sm.docs_per_s, "%.0f").c_str(), Num(sm.cpu_docs_per_s, "%.0f").c_str(),
                Bytes(sm.bytes).c_str(), Num(sm.bytes / docs, "%.0f").c_str(),
                Num(sm.inc_s, "%.3f").c_str(), Num(sm.inc_cpu_s, "%.3f").c_str());
  }
  for (const std::string& s : skipped) std::printf("%-15s skipped (%s)\n", "", s.c_str());
  for (const EngineResults& e : engines) {
    if (const auto it = e.meta.find("note"); it != e.meta.end()) {
      std::printf("  %s: %s\n", e.engine.c_str(), it->second.c_str());
    }
  }

  // Table 2: search, one line per engine.
  std::printf("\nsearch (all %zu queries; latency of a first page: limit 10)\n", queries.size());
  std::printf("%-15s %7s %7s %7s %7s %5s %5s %7s %7s %7s %7s %5s %5s %4s\n", "engine", "p50 ms",
              "p99 ms", "cpu p50", "cpu p99", "R ru", "R en", "R ru→en", "R en→ru", "Rall ru",
              "Rall en", "P", "P@10", "errs");
  for (const EngineResults& e : engines) {
    std::vector<double> all_lat, all_cpu;
    Mean r_same[2], r_other[2], r_all[2], prec, p10;
    for (const BenchQuery& q : queries) {
      const QueryScore s = Score(q, relevant[q.id], truth, e);
      scores[e.engine][q.id] = s;
      const int l = q.qlang == "ru" ? 0 : 1;
      if (!std::isnan(s.recall_same)) r_same[l].Add(s.recall_same);
      if (!std::isnan(s.recall_other)) r_other[l].Add(s.recall_other);
      if (!std::isnan(s.recall)) r_all[l].Add(s.recall);
      if (!std::isnan(s.precision)) prec.Add(s.precision);
      if (!std::isnan(s.p_at_10)) p10.Add(s.p_at_10);
      if (const auto it = e.latency_ms.find(q.id); it != e.latency_ms.end()) {
        all_lat.insert(all_lat.end(), it->second.begin(), it->second.end());
      }
      if (const auto it = e.cpu_ms.find(q.id); it != e.cpu_ms.end()) {
        all_cpu.insert(all_cpu.end(), it->second.begin(), it->second.end());
      }
    }
    Summary& sm = summary[e.engine];
    sm.p50 = Percentile(all_lat, 0.5);
    sm.p99 = Percentile(all_lat, 0.99);
    sm.cpu_p50 = Percentile(all_cpu, 0.5);
    sm.cpu_p99 = Percentile(all_cpu, 0.99);
    sm.rall_ru = r_all[0].Value();
    sm.rall_en = r_all[1].Value();
    std::printf("%-15s %7s %7s %7s %7s %5s %5s %7s %7s %7s %7s %5s %5s %4zu\n", e.engine.c_str(),
                Num(sm.p50).c_str(), Num(sm.p99).c_str(), Num(sm.cpu_p50).c_str(),
                Num(sm.cpu_p99).c_str(), Num(r_same[0].Value()).c_str(),
                Num(r_same[1].Value()).c_str(), Num(r_other[0].Value()).c_str(),
                Num(r_other[1].Value()).c_str(), Num(r_all[0].Value()).c_str(),
                Num(r_all[1].Value()).c_str(), Num(prec.Value()).c_str(), Num(p10.Value()).c_str(),
                e.errors.size());
  }

  // Ratios against pressmine.
  if (summary.count("pressmine") != 0) {
    const Summary& ref = summary["pressmine"];
    std::printf("\nratios engine / pressmine (docs/s: >1 = engine indexes faster; bytes, p50, p99: <1 = engine is smaller/faster)\n");
    std::printf("%-15s %8s %10s %8s %8s %8s\n", "engine", "docs/s", "docs/cpu-s", "bytes", "p50", "p99");
    for (const EngineResults& e : engines) {
      const Summary& s = summary[e.engine];
      std::printf("%-15s %8s %10s %8s %8s %8s\n", e.engine.c_str(), Ratio(s.docs_per_s, ref.docs_per_s).c_str(),
                  Ratio(s.cpu_docs_per_s, ref.cpu_docs_per_s).c_str(),
                  Ratio(s.bytes, ref.bytes).c_str(), Ratio(s.p50, ref.p50).c_str(),
                  Ratio(s.p99, ref.p99).c_str());
    }
  }

  // Latency by class, wall and (for in-process engines) CPU time.
  for (const bool cpu : {false, true}) {
    std::printf(cpu ? "\nCPU time p50 / p99 ms by query class (in-process engines; the machine is shared)\n"
                    : "\nlatency p50 / p99 ms by query class (limit 10, with total count and snippets)\n");
    std::printf("%-9s %4s", "class", "n");
    for (const EngineResults& e : engines) std::printf(" %17s", e.engine.c_str());
    std::printf("\n");
    for (const std::string& cls : QueryClasses()) {
      int n = 0;
      for (const BenchQuery& q : queries) n += q.cls == cls;
      std::printf("%-9s %4d", cls.c_str(), n);
      for (const EngineResults& e : engines) {
        const auto& source = cpu ? e.cpu_ms : e.latency_ms;
        std::vector<double> lat;
        for (const BenchQuery& q : queries) {
          if (q.cls != cls) continue;
          if (const auto it = source.find(q.id); it != source.end()) {
            lat.insert(lat.end(), it->second.begin(), it->second.end());
          }
        }
        std::printf(" %8s/%8s", Num(Percentile(lat, 0.5)).c_str(), Num(Percentile(lat, 0.99)).c_str());
      }
      std::printf("\n");
    }
  }

  // Table 3: recall (both languages) by class.
  std::printf("\nrecall (releases in both languages; cross: the other language only) by query class\n");
  std::printf("%-9s", "class");
  for (const EngineResults& e : engines) std::printf(" %15s", e.engine.c_str());
  std::printf("\n");
  for (const std::string& cls : QueryClasses()) {
    std::printf("%-9s", cls.c_str());
    for (const EngineResults& e : engines) {
      Mean m;
      for (const BenchQuery& q : queries) {
        if (q.cls == cls && !std::isnan(scores[e.engine][q.id].recall)) m.Add(scores[e.engine][q.id].recall);
      }
      std::printf(" %15s", Num(m.Value()).c_str());
    }
    std::printf("\n");
  }

  // Where pressmine's time goes (parts of Search timed alone, wall ms p50/p99 by class).
  for (const EngineResults& e : engines) {
    bool header = false;
    for (const auto& [key, value] : e.meta) {
      if (key.rfind("diag:", 0) != 0) continue;
      if (!header) {
        std::printf("\n%s: parts of a search timed alone (wall ms, class p50 p99)\n", e.engine.c_str());
        header = true;
      }
      std::printf("  %-33s %s\n", key.substr(5).c_str(), value.c_str());
    }
  }

  // Goals of issue #3 for pressmine.
  if (summary.count("pressmine") != 0) {
    const Summary& p = summary["pressmine"];
    std::printf("\ngoals (issue #3, at 100k):\n");
    auto goal = [](const char* what, double value, bool pass, const std::string& target) {
      std::printf("  %-44s %10s  %s (goal %s)\n", what, Num(value, "%.3f").c_str(),
                  std::isnan(value) ? "n/a" : pass ? "PASS" : "MISS", target.c_str());
    };
    goal("recall of Russian queries, both languages", p.rall_ru, p.rall_ru >= kGoalRecall, ">= 0.98");
    goal("recall of English queries, both languages", p.rall_en, p.rall_en >= kGoalRecall, ">= 0.98");
    goal("p50 ms, all classes", p.p50, p.p50 <= kGoalP50Ms, "<= 2 ms");
    goal("p99 ms, all classes", p.p99, p.p99 <= kGoalP99Ms, "<= 20 ms");
    goal("p50 cpu ms, all classes", p.cpu_p50, p.cpu_p50 <= kGoalP50Ms, "<= 2 ms");
    goal("p99 cpu ms, all classes", p.cpu_p99, p.cpu_p99 <= kGoalP99Ms, "<= 20 ms");
    if (summary.count("fts5") != 0) {
      const double ratio = p.index_s / summary["fts5"].index_s;
      goal("indexing time / stock FTS5 (wall)", ratio, ratio <= kGoalIndexTimeVsFts5, "<= 1.5");
      const double cpu_ratio = p.index_cpu_s / summary["fts5"].index_cpu_s;
      goal("indexing time / stock FTS5 (cpu)", cpu_ratio, cpu_ratio <= kGoalIndexTimeVsFts5, "<= 1.5");
    }
    goal("incremental batch seconds", p.inc_s, p.inc_s < kGoalIncrementalSeconds, "< 1 s per 1,000");
  }

  if (verbose) {
    std::printf("\nper query: relevant (same/other language), then per engine matches, recall same/other, p50 ms\n");
    for (const BenchQuery& q : queries) {
      const auto& any = scores.begin()->second.at(q.id);
      std::printf("%-18s %-8s %-34s rel %6lld (%lld/%lld)\n", q.id.c_str(), q.cls.c_str(), q.text.c_str(),
                  static_cast<long long>(any.relevant), static_cast<long long>(any.relevant_same),
                  static_cast<long long>(any.relevant_other));
      for (const EngineResults& e : engines) {
        const QueryScore& s = scores[e.engine][q.id];
        std::vector<double> lat;
        if (const auto it = e.latency_ms.find(q.id); it != e.latency_ms.end()) lat = it->second;
        std::printf("    %-15s matches %6lld  recall %5s / %5s  P %5s  p50 %7s%s\n", e.engine.c_str(),
                    static_cast<long long>(s.matches), Num(s.recall_same).c_str(), Num(s.recall_other).c_str(),
                    Num(s.precision).c_str(), Num(Percentile(lat, 0.5)).c_str(),
                    e.errors.count(q.id) ? ("  ERROR " + e.errors.at(q.id)).c_str() : "");
      }
    }
  }

  std::printf(
      "\ndefinitions: recall = |matches ∩ relevant| / |relevant| per query, averaged over queries;\n"
      "matches = every release the engine returns when asked for all matches; relevant = releases\n"
      "whose planted concept/person tags satisfy the query's rule and that pass its filters.\n"
      "R ru / R en: releases in the query's own language; R ru→en / R en→ru: releases in the other\n"
      "language; Rall: both. P = precision of all matches; P@10 = relevant in the first page /\n"
      "min(10, |relevant|). p50/p99: nearest rank over every timed run (warm cache).\n");
  return Status::Ok();
}

}  // namespace pressmine::bench
