// The comparison table of the search benchmark, from corpus.tsv (ground truth), queries.tsv and
// every results-<engine>.tsv in the working directory.
//
// Definitions (printed with the table):
//   relevant(q)  releases of the main batch whose planted tags satisfy q's rule and that pass
//                q's filters (query_set.h), in either language.
//   matches(q)   every release the engine returns for q when asked for all matches.
//   recall       |matches ∩ relevant| / |relevant|, averaged over queries (macro). Split by the
//                language of the release relative to the query: "R ru" / "R en" count only
//                releases in the query's own language; "R ru→en" / "R en→ru" only those in the
//                other language (cross-language retrieval); "R all ru/en" both.
//   P            |matches ∩ relevant| / |matches|, averaged over queries with matches.
//   P@10         relevant among the first page / min(10, |relevant|).
//   p50 / p99    nearest-rank percentiles over every timed run of the queries in a class.
#ifndef PRESSMINE_TOOLS_BENCH_SEARCH_REPORT_H_
#define PRESSMINE_TOOLS_BENCH_SEARCH_REPORT_H_

#include <string>

#include "base/status.h"

namespace pressmine::bench {

// Prints the report to stdout. `verbose` adds one line per query and engine.
Status PrintReport(const std::string& dir, bool verbose);

}  // namespace pressmine::bench

#endif  // PRESSMINE_TOOLS_BENCH_SEARCH_REPORT_H_
