// Reading the TSV data files of corpora/: '#' comments, blank lines, TAB-separated fields.
#ifndef PRESSMINE_NLP_INTERNAL_TSV_H_
#define PRESSMINE_NLP_INTERNAL_TSV_H_

#include <string_view>
#include <vector>

#include "base/status.h"

namespace pressmine::nlp::internal {

struct TsvRow {
  int line = 0;                          // 1-based line number, for error messages
  std::vector<std::string_view> fields;  // trimmed of spaces; views into the text
};

// Calls fn(const TsvRow&) -> Status for every non-comment, non-blank line; stops at and returns
// the first error, prefixed with nothing (the caller adds the file name). A trailing '\r' is
// dropped, so CRLF files read the same.
template <typename Fn>
Status ForEachTsvRow(std::string_view text, Fn&& fn) {
  int line_no = 0;
  TsvRow row;
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos || line[first] == '#') continue;
    row.line = line_no;
    row.fields.clear();
    size_t pos = 0;
    while (true) {
      const size_t tab = line.find('\t', pos);
      std::string_view f = line.substr(pos, tab == std::string_view::npos ? line.npos : tab - pos);
      while (!f.empty() && f.front() == ' ') f.remove_prefix(1);
      while (!f.empty() && f.back() == ' ') f.remove_suffix(1);
      row.fields.push_back(f);
      if (tab == std::string_view::npos) break;
      pos = tab + 1;
    }
    Status st = fn(row);
    if (!st.ok()) return st;
  }
  return Status::Ok();
}

}  // namespace pressmine::nlp::internal

#endif  // PRESSMINE_NLP_INTERNAL_TSV_H_
