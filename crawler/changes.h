// The crawler's output for the next stage: page versions and removals, in the order they were
// stored, addressed by a monotonically increasing sequence number (the cursor).
//
// `pressmine update` keeps the last sequence it processed and asks only for what came after:
// the cost of extraction and indexing then follows what changed, not the size of the sites.
// Every row is a complete UTF-8 document (not a diff), so a consumer may skip versions.
//
// Thread-safety: as for Database (one thread at a time per connection).
#ifndef PRESSMINE_CRAWLER_CHANGES_H_
#define PRESSMINE_CRAWLER_CHANGES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "base/sqlite.h"
#include "base/status.h"

namespace pressmine::crawler {

struct PageChange {
  enum class Kind {
    kContent,  // a new page or a new version of a known page; html is set
    kRemoved,  // the page now answers 404/410; html is empty
  };
  int64_t seq = 0;  // cursor value; strictly increasing
  Kind kind = Kind::kContent;
  std::string url;         // canonical URL the page is known by
  std::string final_url;   // the URL that answered (after redirects)
  std::string source;      // source name from the sources file
  bool is_article = true;  // matched the source's article pattern
  int64_t fetched_at = 0;  // Unix seconds, UTC
  int http_status = 0;
  std::string content_type;
  std::string charset;  // what the bytes were decoded from ("windows-1251"); html is UTF-8
  std::string html;
};

// Applies the crawler's schema migrations (component "crawler"); idempotent. RunCrawl and
// ReadChanges call it themselves.
Status EnsureCrawlerSchema(Database& db);

// Up to `limit` changes with seq > `after_seq`, oldest first. An empty result means the
// consumer has caught up. Use 0 to start from the beginning.
Result<std::vector<PageChange>> ReadChanges(Database& db, int64_t after_seq, size_t limit);

// The newest seq stored (0 when none).
Result<int64_t> LatestChangeSeq(Database& db);

}  // namespace pressmine::crawler

#endif  // PRESSMINE_CRAWLER_CHANGES_H_
