// DocumentLengths: the ranked length (title and text tokens) of every indexed document, held
// in memory for pm_bm25 (fts_rank.h).
//
// FTS5 gives a row's length through xColumnSize, a lookup in the documents_fts_docsize table
// for every scored row: about half of the scoring time of a query at 100k releases. A
// long-lived Searcher (one per server connection) keeps the lengths here instead, 4 bytes a
// document, and reloads them when the database has changed.
//
// Not thread-safe; one per connection.
#ifndef PRESSMINE_INDEX_DOCUMENT_LENGTHS_H_
#define PRESSMINE_INDEX_DOCUMENT_LENGTHS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/sqlite.h"
#include "base/status.h"

namespace pressmine::index {

class DocumentLengths {
 public:
  // Loads the lengths when nothing is loaded or when the full-text index changed since the last
  // load (a commit by another connection, or writes by this one). A row changed after this call
  // ranks with its previous length, and a row added after it is looked up by FTS5 (Get returns
  // -1): the lengths are a ranking signal, never a filter. Writes this connection rolls back
  // after a Refresh leave their lengths held until the index changes again (serve's connections
  // are read-only).
  // Always pass the same connection: a statement of it is kept.
  Status Refresh(Database& db);

  // The ranked length of the document with this rowid, or -1 when it is not held.
  int64_t Get(int64_t rowid) const {
    const uint64_t i = static_cast<uint64_t>(rowid - first_rowid_);
    if (i >= lengths_.size() || lengths_[i] == kNotHeld) return -1;
    return lengths_[i];
  }

  size_t size() const { return lengths_.size(); }

  // Decodes the title and text lengths from a documents_fts_docsize blob (FTS5's format: one
  // SQLite varint per column). Returns -1 for a malformed blob.
  static int64_t RankedLength(std::string_view docsize);

 private:
  static constexpr uint32_t kNotHeld = UINT32_MAX;
  int64_t first_rowid_ = 0;
  std::vector<uint32_t> lengths_;
  int64_t data_version_ = -1;
  int64_t total_changes_ = -1;
  std::string structure_;  // FTS5's structure record when the lengths were read
  std::optional<Statement> data_version_statement_;
};

}  // namespace pressmine::index

#endif  // PRESSMINE_INDEX_DOCUMENT_LENGTHS_H_
