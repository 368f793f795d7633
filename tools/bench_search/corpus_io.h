// Files the benchmark's programs exchange in its working directory:
//
//   corpus.tsv         id  batch  lang  source  published  tags  title  text
//                      one release per line; batch is "main" (indexed and queried) or "inc" (the
//                      incremental batch added afterwards); tags are space-separated; title and
//                      text escape \ as \\, newline as \n and tab as \t.
//   queries.tsv        a copy of corpora/bench/queries.tsv (see query_set.h)
//   results-<engine>.tsv, written by every engine (C++ here, Python for Sphinx and Xapian):
//      meta <key> <value>        docs, index_seconds, index_cpu_seconds, index_bytes,
//                                incremental_docs, incremental_seconds, note, skipped
//      lat  <query id> <ms ms …>  latency of each timed run (limit 10)
//      cpu  <query id> <ms ms …>  CPU time of the same runs (in-process engines only)
//      top  <query id> <ids …>    the first page (up to 10 ids, best first)
//      all  <query id> <ids …>    every match (for recall)
//      err  <query id> <message>
//
// Thread-safety: plain functions over values.
#ifndef PRESSMINE_TOOLS_BENCH_SEARCH_CORPUS_IO_H_
#define PRESSMINE_TOOLS_BENCH_SEARCH_CORPUS_IO_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "base/status.h"
#include "tools/bench_search/generator.h"
#include "tools/bench_search/query_set.h"

namespace pressmine::bench {

struct CorpusDoc {
  DocTruth truth;
  bool incremental = false;
  std::string title;
  std::string text;
};

Status WriteCorpus(const std::string& path, const std::vector<GeneratedDoc>& docs, int64_t main_docs);
// `with_text` false skips title and text (the report needs only the truth).
Result<std::vector<CorpusDoc>> ReadCorpus(const std::string& path, bool with_text);

struct EngineResults {
  std::string engine;
  std::map<std::string, std::string> meta;
  std::map<std::string, std::vector<double>> latency_ms;
  std::map<std::string, std::vector<double>> cpu_ms;  // CPU time of the same runs, when known
  std::map<std::string, std::vector<int64_t>> top;
  std::map<std::string, std::vector<int64_t>> all;
  std::map<std::string, std::string> errors;

  double MetaNumber(const std::string& key) const;  // NaN when absent
};

Status WriteResults(const std::string& path, const EngineResults& results);
Result<EngineResults> ReadResults(const std::string& path, const std::string& engine);

std::string Escape(const std::string& s);
std::string Unescape(const std::string& s);

}  // namespace pressmine::bench

#endif  // PRESSMINE_TOOLS_BENCH_SEARCH_CORPUS_IO_H_
