// The extract -> index half of `pressmine update`: takes the page versions the crawler stored
// since the last run (crawler/changes.h), extracts each article and stores it in the index.
//
// Exactly once: the position in the crawler's change log (the cursor) is kept in the database
// and advanced in the same transaction as the documents of each batch, so a run killed at any
// moment resumes after the last committed batch and never stores a page twice or skips one.
// The cursor is read inside the batch's write transaction, so two concurrent runs serialize
// rather than process a batch twice.
#ifndef PRESSMINE_TOOLS_APPLY_CHANGES_H_
#define PRESSMINE_TOOLS_APPLY_CHANGES_H_

#include <atomic>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/sqlite.h"
#include "base/status.h"
#include "extract/article.h"

namespace pressmine::tools {

// What the extract stage needs to know of each source: its declared language ("ru", "en";
// absent or "auto": detect) and its selector rules.
struct SourceHints {
  std::string lang;
  extract::SiteRules rules;
};

struct ApplyReport {
  int added = 0;
  int updated = 0;
  int unchanged = 0;
  int duplicates = 0;
  int removed = 0;        // documents marked removed (their page answers 404/410)
  int not_articles = 0;   // listing pages and other non-article versions, skipped
  int rejected = 0;       // pages with no extractable article
  struct Rejection {
    std::string url;
    std::string reason;
  };
  std::vector<Rejection> rejections;  // the first kMaxRejectionsKept
  int64_t cursor = 0;                 // the change log position after this run
};

inline constexpr size_t kMaxRejectionsKept = 100;

// Processes every change after the stored cursor. `sources` maps a source name to its hints: the
// language is used when the text alone cannot decide, the rules override generic extraction.
// Stops between batches once `stop` is true (kInterrupted, with everything before committed).
Result<ApplyReport> ApplyCrawledChanges(Database& db, const Clock& clock,
                                        const std::map<std::string, SourceHints>& sources,
                                        const std::atomic<bool>* stop = nullptr);

}  // namespace pressmine::tools

#endif  // PRESSMINE_TOOLS_APPLY_CHANGES_H_
