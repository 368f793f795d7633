// RunCrawl: one crawl run over the configured sources, persisting into the database.
//
// A run fetches, per source: its seeds, sitemaps and feeds (every run, with conditional
// requests, so an unchanged hub costs one 304), everything they reveal that is new, and the
// known URLs whose re-check is due. New and edited pages become versions readable through
// crawler/changes.h; 404/410 pages are flagged removed (never deleted). State is committed in
// batches of a few hundred pages or one second, whichever comes first, so a killed run loses at
// most its in-flight pages and the open batch, which the next run fetches again. An error in
// one page's handling ends the run and undoes that page alone; the rest of the batch is
// committed. When SQLite itself rolled the transaction back (disk full, I/O error), the open
// batch is lost as in a kill, and nothing partial is stored.
//
// Politeness: one request at a time per host, at least the source's delay_ms (or robots.txt
// Crawl-delay, whichever is larger) between the end of one request and the start of the next;
// robots.txt is fetched first on every host, once per run; 429/503 back the host off,
// honouring Retry-After. Only a host with no delay at all gets more than one connection, up to
// its source's `connections`.
//
// Thread-safety: RunCrawl blocks its thread; the observer is called on that thread. Two runs
// on one database exclude each other through RunLock (the second gets kBusy).
//
// Typical use (what `pressmine crawl` does):
//   PM_ASSIGN_OR_RETURN(SourcesFile sources, LoadSourcesFile(path));
//   PM_ASSIGN_OR_RETURN(Database db, Database::Open(db_path));
//   CurlFetcherOptions fo;
//   fo.user_agent = sources.user_agent;
//   PM_ASSIGN_OR_RETURN(std::unique_ptr<CurlFetcher> fetcher, CurlFetcher::Create(fo));
//   static std::atomic<bool> stop{false};  // set from a SIGINT/SIGTERM handler
//   PM_ASSIGN_OR_RETURN(CrawlSummary s, RunCrawl(db, sources, {}, *fetcher, &observer, &stop));
// and then, to process what changed (`pressmine update`), read crawler/changes.h from a cursor.
#ifndef PRESSMINE_CRAWLER_CRAWL_H_
#define PRESSMINE_CRAWLER_CRAWL_H_

#include <atomic>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "base/sqlite.h"
#include "base/status.h"
#include "crawler/fetcher.h"
#include "crawler/sources.h"

namespace pressmine::crawler {

struct CrawlOptions {
  // Re-check every known URL now, ignoring the adaptive schedule (`pressmine crawl --full`).
  bool full = false;
  // Crawl only these sources (by name); empty: all.
  std::vector<std::string> only_sources;
  // When > 0, lowers every source's max_pages for this run (`--max-pages` for trial runs).
  int max_pages = 0;
  // Requests in flight across all hosts. Per host: one, or the source's `connections` when
  // the host's delay is 0.
  int max_in_flight = 16;
  // Page updates are committed together once this many pages are handled or the open batch
  // is this old. Bigger batches are faster; what a SIGKILL loses (and the next run re-fetches)
  // is at most one batch.
  int batch_pages = 256;
  int batch_ms = 1000;
  // Further attempts within this run after 429, 503, other 5xx or a network error. After the
  // last one the URL is recorded as failed and stays due for the next run: never dropped.
  int max_retries = 2;
  // Redirect hops followed from one URL; each hop is checked for scope and robots.txt.
  int max_redirects = 5;
  // First back-off after 429/503 without Retry-After; doubles per consecutive throttle.
  int throttle_backoff_ms = 2'000;
  // A Retry-After longer than this is capped (and the URL retried next run if still refused):
  // one slow host must not hold the whole run hostage.
  int max_retry_after_ms = 120'000;
  // Adaptive re-check of articles: next check after half the time since the page last
  // changed, clamped to [min, max]. Young or recently edited pages are checked often, old
  // unchanged ones rarely.
  int64_t recheck_min_seconds = 6 * 3600;
  int64_t recheck_max_seconds = 60 * 86400;
  // Listing pages other than seeds: new articles are found from seeds, sitemaps and feeds, so
  // older listing pages are looked at weekly.
  int64_t listing_recheck_seconds = 7 * 86400;
  // 404/410 pages are looked at again after this long, in case they come back.
  int64_t removed_recheck_seconds = 30 * 86400;
  // Failed URLs are retried after base * 2^(failures-1), capped at a week.
  int64_t failure_backoff_seconds = 3600;
  // Store versions of non-article pages (listings) as well; off: only articles are stored.
  bool store_listing_pages = false;
  // Wall clock for stored times and schedules; null means Clock::System().
  const Clock* clock = nullptr;
  // Take RunLock for the run. Set false only when the caller already holds
  // RunLock::Acquire(db.path()) around a larger unit of work (`pressmine update`: crawl, then
  // extract and index what changed), so that no other run can start in between.
  bool take_lock = true;
};

struct HostSummary {
  int requests = 0;  // robots.txt included
  int failed = 0;
  int throttled = 0;  // 429/503 answers
};

// Page outcomes; the run's totals and each source's.
struct SourceSummary {
  int new_pages = 0;        // first version stored
  int changed_pages = 0;    // a new version of a known page
  int unchanged_pages = 0;  // 304 or identical content
  int removed_pages = 0;    // newly 404/410
  int failed = 0;           // gave up after retries this run (stays due)
  int skipped_robots = 0;   // not fetched: robots.txt forbids it
  int deferred = 0;         // not fetched: the source's max_pages budget was spent
  int redirects = 0;
};

struct CrawlSummary : SourceSummary {
  int requests = 0;  // HTTP requests made, robots.txt and retries included
  std::map<std::string, HostSummary> per_host;      // by "scheme://host[:port]"
  std::map<std::string, SourceSummary> per_source;  // by source name; sources with events only
};

// What happened to one URL; for progress display.
struct FetchEvent {
  std::string url;
  std::string source;
  int http_status = 0;  // 0: no response
  // "new", "changed", "unchanged", "removed", "redirect", "failed", "retry", "robots-denied",
  // "sitemap", "feed", "robots.txt", "listing" (a changed listing page, not stored), "skipped"
  // (non-HTML or out-of-scope redirect).
  std::string outcome;
  std::string detail;  // error text, redirect target, entries found
  int64_t elapsed_ms = 0;
  std::string host;     // "scheme://host[:port]"
  int host_queued = 0;  // URLs waiting for this host in this run, after this event
  int queued = 0;       // URLs waiting for all hosts
};

// Progress reports, implemented by the CLI. Default implementations ignore everything.
class CrawlObserver {
 public:
  virtual ~CrawlObserver() = default;
  virtual void OnFetch(const FetchEvent& /*event*/) {}
  // Run-level notices: robots.txt unreachable, a source's budget spent, ...
  virtual void OnNotice(std::string_view /*message*/) {}
};

// Runs one crawl. `db` is the pressmine database (the crawler's tables are created or migrated
// on first use); its path + ".lock" is locked for the whole run. `stop`, when given, is polled:
// once true, no new request starts, the current page's transaction is finished and the result
// is kInterrupted. Errors: kBusy (another run), kInvalidArgument (unknown name in
// only_sources), database errors naming the file; per-URL network failures are not errors but
// counted in the summary.
Result<CrawlSummary> RunCrawl(Database& db, const SourcesFile& sources, const CrawlOptions& options,
                              Fetcher& fetcher, CrawlObserver* observer = nullptr,
                              const std::atomic<bool>* stop = nullptr);

// The summary as a JSON object (what crawl_runs stores and the CLI can print with --json).
std::string SummaryToJson(const CrawlSummary& summary);

}  // namespace pressmine::crawler

#endif  // PRESSMINE_CRAWLER_CRAWL_H_
