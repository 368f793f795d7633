// The crawler's tables (component "crawler"): one row per known URL with its fetch state and
// schedule, one row per stored page version or removal, one row per run.
//
// Callers group calls in transactions (a batch of handled pages) so that a SIGKILL loses at
// most one batch, whose URLs are still due in the database.
#ifndef PRESSMINE_CRAWLER_INTERNAL_STORE_H_
#define PRESSMINE_CRAWLER_INTERNAL_STORE_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "base/sqlite.h"
#include "base/status.h"

namespace pressmine::crawler::internal {

// What a URL is to the crawl, which decides how its body is parsed.
enum class UrlKind { kPage = 0, kArticle = 1, kSitemap = 2, kFeed = 3 };

struct UrlRecord {
  int64_t id = 0;
  std::string url;
  std::string source;
  UrlKind kind = UrlKind::kPage;
  int depth = 0;
  int64_t first_seen = 0;
  int64_t last_fetch = 0;   // 0: never fetched
  int64_t last_change = 0;  // when the content last changed (0: never stored)
  int64_t next_due = 0;
  int http_status = 0;
  std::string etag, last_modified, content_hash;
  int64_t lastmod = 0;  // newest sitemap/feed date seen for it
  int failures = 0;
  bool removed = false;
  int64_t listed_in = 0;  // the sitemap (crawl_urls id) that last listed it; 0: none
};

// The state after one fetch, written over the URL's row.
struct FetchUpdate {
  int64_t fetched_at = 0;
  int http_status = 0;
  int64_t next_due = 0;
  std::optional<std::string> etag, last_modified, content_hash;  // unset: keep
  std::optional<int64_t> last_change;
  int failures = 0;
  std::string error;
  bool removed = false;
  std::string redirect_to;
};

struct VersionRow {
  int64_t url_id = 0;
  bool removed = false;
  int64_t fetched_at = 0;
  std::string final_url;
  int http_status = 0;
  std::string content_type, charset, content_hash, html;
};

class Store {
 public:
  // Applies migrations. The Database must outlive the Store.
  static Result<Store> Open(Database& db);

  Database& db() { return *db_; }

  Result<std::optional<UrlRecord>> Find(const std::string& url);
  // Inserts a URL first seen now (due immediately); returns the row, new or existing. An
  // existing row is not modified except that a sitemap/feed `lastmod` newer than its last
  // fetch makes it due now (the site says it changed).
  // `listed_in`, when not 0, records the sitemap that lists the URL.
  Result<UrlRecord> Discover(const std::string& url, const std::string& source, UrlKind kind,
                             int depth, int64_t lastmod, int64_t now, bool* inserted,
                             int64_t listed_in = 0);
  // URLs not marked removed that sitemap `sitemap_id` listed when last read.
  Result<std::vector<std::string>> ListedIn(int64_t sitemap_id);
  // A URL its sitemap no longer lists: no sitemap recorded, and due now (it may be gone).
  Status MarkUnlisted(int64_t url_id);
  // URLs of `source` due at `now` (all of them when `full`), fewest hops first.
  Result<std::vector<UrlRecord>> Due(const std::string& source, int64_t now, bool full);
  Status RecordFetch(int64_t url_id, const FetchUpdate& update);
  Status AddVersion(const VersionRow& row);

  Result<int64_t> BeginRun(int64_t now);
  Status FinishRun(int64_t run_id, int64_t now, const std::string& outcome,
                   const std::string& summary_json);

 private:
  explicit Store(Database* db)
      : db_(db), cache_(std::make_unique<std::map<std::string, std::unique_ptr<Statement>>>()) {}
  // A prepared statement for `sql`, reset and ready to bind; prepared once per Store.
  Result<Statement*> Cached(const std::string& sql);

  Database* db_;
  std::unique_ptr<std::map<std::string, std::unique_ptr<Statement>>> cache_;
};

// The crawler's schema migrations, oldest first (for tests that build an older database).
std::span<const Migration> CrawlerMigrations();

// A stable 64-bit content fingerprint (FNV-1a), as 16 hex digits.
std::string ContentHash(std::string_view bytes);

}  // namespace pressmine::crawler::internal

#endif  // PRESSMINE_CRAWLER_INTERNAL_STORE_H_
