// The two engines the benchmark drives in-process: pressmine (DocumentStore + index::Search)
// and stock SQLite FTS5 as a naive user would set it up. Each indexes the "main" releases of
// corpus.tsv, runs the query set and writes results-<engine>.tsv (corpus_io.h), then times the
// incremental batch ("inc" releases) into the same index.
//
// Latency is wall time of one call returning the first page (limit 10) with the total count and
// snippets, measured `reps` times after one untimed warm-up. "all" lists every match, fetched
// separately and untimed.
#ifndef PRESSMINE_TOOLS_BENCH_SEARCH_ENGINES_H_
#define PRESSMINE_TOOLS_BENCH_SEARCH_ENGINES_H_

#include <string>
#include <vector>

#include "base/status.h"
#include "tools/bench_search/corpus_io.h"
#include "tools/bench_search/query_set.h"

namespace pressmine::bench {

// Both in-process engines query through a memory-mapped file, as `pressmine serve` reads
// (tools/serve/connection_pool.cc), after merging their index into one segment ('optimize',
// timed as part of indexing).
inline constexpr const char* kReadPragmas = "PRAGMA mmap_size = 4294967296;";

struct RunOptions {
  std::string dir;  // working directory with corpus.tsv and queries.tsv
  int reps = 5;
  int batch = 1000;  // documents per transaction while indexing
  bool index_only = false;  // stop after indexing (for profiling); writes no results
  // pressmine only, for iterating on search: query the index an earlier run left (no indexing
  // figures, no incremental batch).
  bool queries_only = false;
  bool no_diagnostics = false;  // skip the timed parts of a search
};

// Writes results-pressmine.tsv (cross-language expansion on) and results-pressmine-mono.tsv
// (the same index, searched with cross_language = false).
Status RunPressmine(const RunOptions& options, const std::vector<CorpusDoc>& corpus,
                    const std::vector<BenchQuery>& queries);

// Writes results-fts5.tsv.
Status RunStockFts5(const RunOptions& options, const std::vector<CorpusDoc>& corpus,
                    const std::vector<BenchQuery>& queries);

// CPU time of this process / this thread in milliseconds (the machine is shared: wall time
// includes waiting for other people's compilers, CPU time does not).
double ProcessCpuMs();
double ThreadCpuMs();

// Size of a SQLite database with its WAL, in bytes.
int64_t DatabaseBytes(const std::string& path);

}  // namespace pressmine::bench

#endif  // PRESSMINE_TOOLS_BENCH_SEARCH_ENGINES_H_
