#include "crawler/internal/schedule.h"

#include <gtest/gtest.h>

namespace pressmine::crawler::internal {
namespace {

constexpr int64_t kNow = 1770714000;
constexpr int64_t kHour = 3600, kDay = 86400;

TEST(ScheduleTest, ArticlesAreCheckedAfterHalfTheirStableAge) {
  const CrawlOptions o;  // defaults: min 6 h, max 60 days
  struct Case {
    int64_t stable_for;
    int64_t expect_in;
  } cases[] = {
      {0, 6 * kHour},                                   // just changed: the minimum
      {4 * kHour, 6 * kHour},                           // young: still the minimum
      {2 * kDay, 1 * kDay},                             // half its age
      {30 * kDay, 15 * kDay}, {365 * kDay, 60 * kDay},  // old: the maximum
  };
  for (const Case& c : cases) {
    EXPECT_EQ(NextCheck(UrlKind::kArticle, false, kNow, kNow - c.stable_for, o), kNow + c.expect_in)
        << "stable for " << c.stable_for;
  }
  EXPECT_EQ(NextCheck(UrlKind::kArticle, false, kNow, 0, o), kNow + 6 * kHour);
  EXPECT_EQ(NextCheck(UrlKind::kArticle, false, kNow, kNow + kDay, o),
            kNow + 6 * kHour);  // future: now
}

TEST(ScheduleTest, HubsEveryRunListingsWeekly) {
  const CrawlOptions o;
  EXPECT_EQ(NextCheck(UrlKind::kSitemap, false, kNow, 0, o), kNow);
  EXPECT_EQ(NextCheck(UrlKind::kFeed, false, kNow, 0, o), kNow);
  EXPECT_EQ(NextCheck(UrlKind::kPage, true, kNow, 0, o), kNow);
  EXPECT_EQ(NextCheck(UrlKind::kPage, false, kNow, 0, o), kNow + 7 * kDay);
  CrawlOptions stored = o;
  stored.store_listing_pages = true;  // stored listings follow the article rule
  EXPECT_EQ(NextCheck(UrlKind::kPage, false, kNow, kNow - 4 * kDay, stored), kNow + 2 * kDay);
}

TEST(ScheduleTest, FailuresBackOffExponentiallyUpToAWeek) {
  const CrawlOptions o;  // 1 h base
  EXPECT_EQ(NextAttemptAfterFailure(1, kNow, o), kNow + kHour);
  EXPECT_EQ(NextAttemptAfterFailure(2, kNow, o), kNow + 2 * kHour);
  EXPECT_EQ(NextAttemptAfterFailure(4, kNow, o), kNow + 8 * kHour);
  EXPECT_EQ(NextAttemptAfterFailure(100, kNow, o), kNow + kMaxFailureBackoffSeconds);
}

TEST(ScheduleTest, ThrottleHonoursRetryAfter) {
  CrawlOptions o;
  o.throttle_backoff_ms = 2000;
  o.max_retry_after_ms = 120000;
  EXPECT_EQ(ThrottleDelayMs("", 1, kNow, o), 2000);
  EXPECT_EQ(ThrottleDelayMs("", 3, kNow, o), 8000);
  EXPECT_EQ(ThrottleDelayMs("", 40, kNow, o), 120000);  // capped
  EXPECT_EQ(ThrottleDelayMs("5", 1, kNow, o), 5000);
  EXPECT_EQ(ThrottleDelayMs(" 0 ", 3, kNow, o), 0);
  EXPECT_EQ(ThrottleDelayMs("86400", 1, kNow, o), 120000);  // capped: retried next run instead
  // HTTP date, 30 s after now (2026-02-10T09:00:30Z).
  EXPECT_EQ(ThrottleDelayMs("Tue, 10 Feb 2026 09:00:30 GMT", 1, kNow, o), 30000);
  EXPECT_EQ(ThrottleDelayMs("Tue, 10 Feb 2026 08:00:00 GMT", 1, kNow, o), 0);  // in the past
  EXPECT_EQ(ThrottleDelayMs("soon", 2, kNow, o), 4000);  // unparseable: back-off
}

}  // namespace
}  // namespace pressmine::crawler::internal
