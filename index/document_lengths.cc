#include "index/document_lengths.h"

#include <algorithm>

#include "index/fts_rank.h"

namespace pressmine::index {
namespace {

// SQLite's varint, as FTS5 writes column sizes: big-endian groups of 7 bits, a set high bit
// meaning another byte follows; the ninth byte carries 8 bits.
bool ReadVarint(std::string_view& in, uint64_t* value) {
  uint64_t v = 0;
  for (int i = 0; i < 9; ++i) {
    if (in.empty()) return false;
    const auto byte = static_cast<unsigned char>(in.front());
    in.remove_prefix(1);
    if (i == 8) {
      *value = (v << 8) | byte;
      return true;
    }
    v = (v << 7) | (byte & 0x7f);
    if ((byte & 0x80) == 0) {
      *value = v;
      return true;
    }
  }
  return false;
}

}  // namespace

int64_t DocumentLengths::RankedLength(std::string_view docsize) {
  uint64_t total = 0;
  for (int col = 0; col < kRankedColumns; ++col) {
    uint64_t n = 0;
    if (!ReadVarint(docsize, &n)) return -1;
    total += n;
  }
  return static_cast<int64_t>(std::min<uint64_t>(total, kNotHeld - 1));
}

Status DocumentLengths::Refresh(Database& db) {
  // Runs before every search: prepared once.
  PM_ASSIGN_OR_RETURN(Statement * version, PrepareCached(db, data_version_statement_,
                                                         "PRAGMA data_version"));
  PM_ASSIGN_OR_RETURN(bool has_version, version->Step());
  const int64_t data_version = has_version ? version->ColumnInt(0) : -1;
  version->Reset();
  const int64_t total_changes = db.TotalChanges();
  if (data_version == data_version_ && total_changes == total_changes_ && data_version >= 0) {
    return Status::Ok();
  }
  // The file changed, but most commits during a nightly run are the crawler's and leave the
  // index alone. FTS5 rewrites its structure record (documents_fts_data row 10) whenever it
  // writes anything, so an unchanged record means unchanged lengths: no reload.
  PM_ASSIGN_OR_RETURN(Statement structure_stmt,
                      db.Prepare("SELECT block FROM documents_fts_data WHERE id = 10"));
  PM_ASSIGN_OR_RETURN(bool has_structure, structure_stmt.Step());
  std::string structure = has_structure ? structure_stmt.ColumnBlob(0) : std::string();
  if (data_version_ >= 0 && structure == structure_) {
    data_version_ = data_version;
    total_changes_ = total_changes;
    return Status::Ok();
  }
  // documents_fts_docsize is FTS5's table of column sizes, one row per indexed document; its
  // format is part of FTS5's file format. Reading it whole (about 12 bytes a document) is
  // cheaper than one xColumnSize per scored row across a few queries.
  PM_ASSIGN_OR_RETURN(Statement range,
                      db.Prepare("SELECT min(id), max(id) FROM documents_fts_docsize"));
  PM_ASSIGN_OR_RETURN(bool has_range, range.Step());
  std::vector<uint32_t> lengths;
  int64_t first = 0;
  if (has_range && !range.ColumnIsNull(0)) {
    first = range.ColumnInt(0);
    const int64_t last = range.ColumnInt(1);
    PM_ASSIGN_OR_RETURN(Statement rows, db.Prepare("SELECT id, sz FROM documents_fts_docsize"));
    lengths.assign(static_cast<size_t>(last - first + 1), kNotHeld);
    for (;;) {
      PM_ASSIGN_OR_RETURN(bool row, rows.Step());
      if (!row) break;
      const int64_t id = rows.ColumnInt(0);
      if (id < first || id > last) continue;  // written since min/max were read
      const int64_t length = RankedLength(rows.ColumnBlob(1));
      if (length >= 0) lengths[static_cast<size_t>(id - first)] = static_cast<uint32_t>(length);
    }
  }
  first_rowid_ = first;
  lengths_ = std::move(lengths);
  structure_ = std::move(structure);
  data_version_ = data_version;
  total_changes_ = total_changes;
  return Status::Ok();
}

}  // namespace pressmine::index
