// Ingest of local files: the `pressmine ingest` pipeline (read -> charset -> extract -> store).
//
// Directories are walked recursively; .html/.htm go through the HTML extractor and .txt through
// the plain-text reader. A file that cannot be used (binary, unreadable, undeclared non-UTF-8,
// no text) is rejected with its reason and the others go on; a database failure stops the run.
// Files are committed in batches, so a killed run keeps every batch before the kill.
#ifndef PRESSMINE_TOOLS_INGEST_FILES_H_
#define PRESSMINE_TOOLS_INGEST_FILES_H_

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/language.h"
#include "base/sqlite.h"
#include "base/status.h"

namespace pressmine::tools {

struct IngestOptions {
  std::optional<Language> lang;  // overrides detection
  std::string source = "local";
  std::string url;               // only with exactly one file
};

enum class FileOutcome { kAdded, kUpdated, kUnchanged, kDuplicate, kRejected };

struct IngestReport {
  int added = 0;
  int updated = 0;
  int unchanged = 0;
  int duplicates = 0;  // same content as a document stored under another URL
  int rejected = 0;
  int ignored = 0;     // files in walked directories that are not .html/.htm/.txt
  struct Rejection {
    std::string path;
    std::string reason;
  };
  std::vector<Rejection> rejections;
};

// Called after each file, for progress display.
using IngestProgress = std::function<void(const std::string& path, FileOutcome outcome)>;

// kInvalidArgument when the paths themselves are unusable (a missing path, --url with several
// files); other errors come from the database.
Result<IngestReport> IngestPaths(Database& db, const std::vector<std::string>& paths,
                                 const IngestOptions& options, const Clock& clock,
                                 const IngestProgress& progress = nullptr);

}  // namespace pressmine::tools

#endif  // PRESSMINE_TOOLS_INGEST_FILES_H_
