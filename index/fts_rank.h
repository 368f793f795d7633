// pm_bm25: the ranking function of pressmine's search, an FTS5 auxiliary function.
//
//   pm_bm25(documents_fts, n_phrases, title_weight, text_weight, first_rowid, last_rowid,
//           lengths)
//
// Okapi BM25 (k1 = 1.2, b = 0.75, as FTS5's built-in bm25()) over the first `n_phrases` phrases
// of the MATCH expression only, with the document length counted over the title and text
// columns. Returns the score itself: higher is better. `lengths` is NULL or a DocumentLengths
// bound with kDocumentLengthsPointerType (document_lengths.h); rows it does not hold have their
// length read by FTS5.
//
// Document frequencies (for the IDF) are exact up to 1,000 rows per phrase. FTS5 stores none,
// so the built-in bm25() reads every phrase's whole doclist on each query: at 100k releases,
// for a term with its five or six translations, that was a third of the query's time. Beyond
// 1,000 rows the count is extrapolated from the share of the rowid range [first_rowid,
// last_rowid] (the table's, passed by the caller) that the phrase's first 1,000 rows span.
// An IDF is a logarithm, so the estimate's error hardly moves a score; a term whose use changed
// over time (by ingestion order) is the case where it is least exact.
//
// Why not the built-in bm25(): it computes an IDF for every phrase of the expression by reading
// that phrase's whole doclist, and our expressions end with filter phrases in the `meta` column
// (the language token that splits own-language matches from the others, source, month, year).
// Those carry no relevance, yet the language token's doclist lists most of the corpus: reading it
// for every query was a large part of a query's time at 100k releases. The search puts the
// query's own phrases first, so they are phrases [0, n_phrases) (FTS5 numbers phrases in the
// order they appear).
#ifndef PRESSMINE_INDEX_FTS_RANK_H_
#define PRESSMINE_INDEX_FTS_RANK_H_

#include <sqlite3.h>

#include <string_view>

namespace pressmine::index {

inline constexpr std::string_view kRankFunctionName = "pm_bm25";
// The columns a document's ranked length counts, from the first: title and text. The meta
// column (third) holds only filter tokens. pm_bm25 and DocumentLengths must agree on it.
inline constexpr int kRankedColumns = 2;
// The pointer type of pm_bm25's `lengths` argument (sqlite3_bind_pointer).
inline constexpr const char* kDocumentLengthsPointerType = "pressmine_document_lengths";

// Registers pm_bm25 with FTS5 (RegisterPressmineTokenizer calls this). Returns an SQLite code.
int RegisterRankFunction(fts5_api* api);

// The number of phrases (quoted FTS5 strings) in an expression that pressmine wrote: every
// phrase it writes is a quoted string, with "" for a quote inside.
int CountFtsPhrases(std::string_view expression);

}  // namespace pressmine::index

#endif  // PRESSMINE_INDEX_FTS_RANK_H_
