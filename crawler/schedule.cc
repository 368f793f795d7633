#include "crawler/internal/schedule.h"

#include <algorithm>
#include <string>

#include "crawler/discovery.h"

namespace pressmine::crawler::internal {

int64_t NextCheck(UrlKind kind, bool seed, int64_t now, int64_t stable_since,
                  const CrawlOptions& o) {
  if (kind == UrlKind::kSitemap || kind == UrlKind::kFeed || seed) return now;  // every run
  if (kind == UrlKind::kPage && !o.store_listing_pages) return now + o.listing_recheck_seconds;
  if (stable_since <= 0 || stable_since > now) stable_since = now;
  const int64_t interval =
      std::clamp<int64_t>((now - stable_since) / 2, o.recheck_min_seconds,
                          std::max(o.recheck_min_seconds, o.recheck_max_seconds));
  return now + interval;
}

int64_t NextAttemptAfterFailure(int failures, int64_t now, const CrawlOptions& o) {
  int64_t backoff = std::max<int64_t>(1, o.failure_backoff_seconds);
  for (int i = 1; i < failures && backoff < kMaxFailureBackoffSeconds; ++i) backoff *= 2;
  return now + std::min(backoff, kMaxFailureBackoffSeconds);
}

int64_t ThrottleDelayMs(std::string_view retry_after, int streak, int64_t now,
                        const CrawlOptions& o) {
  int64_t delay = int64_t{std::max(0, o.throttle_backoff_ms)} << std::clamp(streak - 1, 0, 20);
  while (!retry_after.empty() && retry_after.front() == ' ') retry_after.remove_prefix(1);
  while (!retry_after.empty() && retry_after.back() == ' ') retry_after.remove_suffix(1);
  if (!retry_after.empty()) {
    const bool digits = std::all_of(retry_after.begin(), retry_after.end(),
                                    [](char c) { return c >= '0' && c <= '9'; });
    if (digits && retry_after.size() < 10) {
      delay = std::stoll(std::string(retry_after)) * 1000;
    } else if (const int64_t when = ParseFeedDate(retry_after); when > 0) {
      delay = std::max<int64_t>(0, (when - now) * 1000);
    }
  }
  return std::min<int64_t>(delay, o.max_retry_after_ms);
}

}  // namespace pressmine::crawler::internal
