#include "index/fts_rank.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <new>
#include <string>
#include <vector>

#include "index/document_lengths.h"
#include "index/fts_tokenizer.h"

namespace pressmine::index {
namespace {

constexpr double kK1 = 1.2;
constexpr double kB = 0.75;
// Rows counted exactly per phrase for its IDF; see fts_rank.h.
constexpr sqlite3_int64 kExactDocFrequency = 1000;

struct RowidRange {
  sqlite3_int64 first = 0;
  sqlite3_int64 last = 0;
};

// Computed on a statement's first row and kept for the rest (xSetAuxdata).
struct QueryStats {
  int phrases = 0;
  double avg_length = 1;
  std::vector<double> idf;
};

void DeleteStats(void* p) { delete static_cast<QueryStats*>(p); }

// Counts a phrase's rows, oldest first, up to kExactDocFrequency.
struct RowCount {
  sqlite3_int64 rows = 0;
  sqlite3_int64 last_rowid = 0;
};

int CountRow(const Fts5ExtensionApi* api, Fts5Context* fts, void* p) {
  auto* count = static_cast<RowCount*>(p);
  ++count->rows;
  count->last_rowid = api->xRowid(fts);
  return count->rows >= kExactDocFrequency ? SQLITE_DONE : SQLITE_OK;
}

// The number of rows holding phrase `i`: exact up to kExactDocFrequency, beyond that
// extrapolated from the share of the rowid range the first kExactDocFrequency of them span.
int DocFrequency(const Fts5ExtensionApi* api, Fts5Context* fts, int i, const RowidRange& range,
                 double* df) {
  RowCount count;
  const int rc = api->xQueryPhrase(fts, i, &count, CountRow);
  if (rc != SQLITE_OK) return rc;
  *df = static_cast<double>(count.rows);
  if (count.rows >= kExactDocFrequency && range.last > range.first) {
    const double covered = static_cast<double>(count.last_rowid - range.first + 1) /
                           static_cast<double>(range.last - range.first + 1);
    if (covered > 0 && covered < 1) *df = static_cast<double>(count.rows) / covered;
  }
  return SQLITE_OK;
}

// nullptr with *rc set on failure.
QueryStats* Stats(const Fts5ExtensionApi* api, Fts5Context* fts, int phrases,
                  const RowidRange& range, int* rc) {
  if (auto* cached = static_cast<QueryStats*>(api->xGetAuxdata(fts, 0))) return cached;
  // Called from a noexcept FTS5 callback: out of memory is an error code, never an exception.
  std::unique_ptr<QueryStats> stats(new (std::nothrow) QueryStats);
  if (stats == nullptr) {
    *rc = SQLITE_NOMEM;
    return nullptr;
  }
  try {
    stats->idf.reserve(static_cast<size_t>(phrases));
  } catch (const std::bad_alloc&) {
    *rc = SQLITE_NOMEM;
    return nullptr;
  }
  stats->phrases = phrases;
  sqlite3_int64 rows = 0;
  sqlite3_int64 tokens = 0;
  *rc = api->xRowCount(fts, &rows);
  for (int col = 0; col < kRankedColumns && *rc == SQLITE_OK; ++col) {
    sqlite3_int64 n = 0;
    *rc = api->xColumnTotalSize(fts, col, &n);
    tokens += n;
  }
  if (*rc == SQLITE_OK && rows > 0) {
    stats->avg_length = static_cast<double>(tokens) / static_cast<double>(rows);
  }
  for (int i = 0; i < phrases && *rc == SQLITE_OK; ++i) {
    double hits = 0;
    *rc = DocFrequency(api, fts, i, range, &hits);
    hits = std::min(hits, static_cast<double>(rows));
    // As FTS5's bm25(): a phrase in more than half of the rows would get a negative IDF.
    double idf = std::log((static_cast<double>(rows) - hits + 0.5) / (hits + 0.5));
    if (idf <= 0) idf = 1e-6;
    stats->idf.push_back(idf);  // within the reserved capacity: cannot throw
  }
  if (*rc != SQLITE_OK) return nullptr;
  QueryStats* owned = stats.release();
  *rc = api->xSetAuxdata(fts, owned, DeleteStats);  // frees it itself on failure
  return *rc == SQLITE_OK ? owned : nullptr;
}

void Bm25(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* out, int argc,
          sqlite3_value** argv) noexcept {
  if (argc != 6) {
    sqlite3_result_error(out,
                         "pm_bm25: expected (table, n_phrases, title_weight, text_weight, "
                         "first_rowid, last_rowid, lengths)",
                         -1);
    return;
  }
  const RowidRange range{sqlite3_value_int64(argv[3]), sqlite3_value_int64(argv[4])};
  const int phrases = std::min(sqlite3_value_int(argv[0]), api->xPhraseCount(fts));
  const double weight[kRankedColumns] = {sqlite3_value_double(argv[1]),
                                         sqlite3_value_double(argv[2])};
  int rc = SQLITE_OK;
  const QueryStats* stats = Stats(api, fts, phrases < 0 ? 0 : phrases, range, &rc);
  if (stats == nullptr) {
    sqlite3_result_error_code(out, rc);
    return;
  }
  const auto* lengths = static_cast<const DocumentLengths*>(
      sqlite3_value_pointer(argv[5], kDocumentLengthsPointerType));
  double length = lengths != nullptr ? static_cast<double>(lengths->Get(api->xRowid(fts))) : -1;
  if (length < 0) {  // not held in memory: FTS5 reads it from documents_fts_docsize
    length = 0;
    for (int col = 0; col < kRankedColumns; ++col) {
      int n = 0;
      rc = api->xColumnSize(fts, col, &n);
      if (rc != SQLITE_OK) {
        sqlite3_result_error_code(out, rc);
        return;
      }
      length += n;
    }
  }
  const double norm = kK1 * (1 - kB + kB * length / stats->avg_length);
  double score = 0;
  for (int i = 0; i < stats->phrases; ++i) {
    Fts5PhraseIter iter;
    int col = 0, offset = 0;
    rc = api->xPhraseFirst(fts, i, &iter, &col, &offset);
    if (rc != SQLITE_OK) {
      sqlite3_result_error_code(out, rc);
      return;
    }
    double tf = 0;
    for (; col >= 0; api->xPhraseNext(fts, &iter, &col, &offset)) {
      if (col < kRankedColumns) tf += weight[col];
    }
    if (tf > 0) score += stats->idf[static_cast<size_t>(i)] * tf * (kK1 + 1) / (tf + norm);
  }
  sqlite3_result_double(out, score);
}

}  // namespace

int RegisterRankFunction(fts5_api* api) {
  const std::string name(kRankFunctionName);
  return api->xCreateFunction(api, name.c_str(), nullptr, Bm25, nullptr);
}

int CountFtsPhrases(std::string_view expression) {
  int phrases = 0;
  for (size_t i = 0; i < expression.size();) {
    if (expression[i] != '"') {
      ++i;
      continue;
    }
    ++phrases;
    i = ReadFtsString(expression, i, nullptr);
  }
  return phrases;
}

}  // namespace pressmine::index
