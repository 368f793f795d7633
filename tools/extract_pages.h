// Shared by the extraction eval and benchmark programs: reading a directory of HTML pages
// (plain or gzip-compressed) and scoring text the way the public benchmark's score.py does.
#ifndef PRESSMINE_TOOLS_EXTRACT_PAGES_H_
#define PRESSMINE_TOOLS_EXTRACT_PAGES_H_

#include <filesystem>
#include <string>
#include <vector>

#include "base/status.h"

namespace pressmine::tools {

struct PageFile {
  std::string id;    // file name without .html / .html.gz / .htm
  std::string html;  // the file's bytes, decompressed
};

// Every *.html, *.htm and *.html.gz file in `dir`, sorted by name.
Result<std::vector<PageFile>> ReadPages(const std::filesystem::path& dir);

// Shingle overlap of two texts as score.py computes it: 4-token shingles of \w+ tokens, case
// kept. tp, fp and fn are normalised to sum to 1 (all 0 when both texts are empty).
struct ShingleScore {
  double tp = 0, fp = 0, fn = 0;
  double Precision() const;
  double Recall() const;
};
ShingleScore ScoreText(const std::string& truth, const std::string& predicted);

}  // namespace pressmine::tools

#endif  // PRESSMINE_TOOLS_EXTRACT_PAGES_H_
