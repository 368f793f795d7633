// When to look at a URL again, and how long to leave a host alone: the crawler's time policy
// as pure functions of the options and the clock, so it can be tested without a crawl.
//
// Re-check (between runs): hubs (seeds, sitemaps, feeds) every run; listing pages weekly;
// articles after half the time their content has been stable, clamped to
// [recheck_min, recheck_max] — the older and steadier a page, the rarer the check, and one
// that just changed is looked at again soon. Failures back off exponentially from
// failure_backoff up to a week.
//
// Throttling (within a run): after 429/503 the host waits Retry-After (delta-seconds or an
// HTTP date) when given, else throttle_backoff doubled per consecutive throttle; both capped
// by max_retry_after.
#ifndef PRESSMINE_CRAWLER_INTERNAL_SCHEDULE_H_
#define PRESSMINE_CRAWLER_INTERNAL_SCHEDULE_H_

#include <cstdint>
#include <string_view>

#include "crawler/crawl.h"
#include "crawler/internal/store.h"

namespace pressmine::crawler::internal {

// A week: the ceiling of the failure back-off; a site down longer is checked weekly.
inline constexpr int64_t kMaxFailureBackoffSeconds = 7 * 86400;

// Unix time of the next check of a URL of `kind` (a seed when `seed`) whose content has been
// the same since `stable_since` (0 or a future value: since `now`).
int64_t NextCheck(UrlKind kind, bool seed, int64_t now, int64_t stable_since,
                  const CrawlOptions& options);

// Unix time of the next attempt after the `failures`-th consecutive failure (>= 1).
int64_t NextAttemptAfterFailure(int failures, int64_t now, const CrawlOptions& options);

// Milliseconds a host must rest after its `streak`-th consecutive 429/503 (>= 1), given the
// response's Retry-After header value (possibly empty) and the wall clock `now`.
int64_t ThrottleDelayMs(std::string_view retry_after, int streak, int64_t now,
                        const CrawlOptions& options);

}  // namespace pressmine::crawler::internal

#endif  // PRESSMINE_CRAWLER_INTERNAL_SCHEDULE_H_
