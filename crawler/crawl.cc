// The crawl loop.
//
// Work is kept per host: a queue of tasks, the host's robots.txt, its delay and the earliest
// time its next request may start. The loop starts at most one request per host (robots.txt
// first), waits on the Fetcher for responses or for the next host to become ready, and
// handles each response in its own savepoint of the open batch. A queue drains in order: seeds
// and hubs (sitemaps, feeds) first, then what they reveal, then known URLs whose re-check is due.
//
// Deciding what to fetch, so that a nightly run costs what changed rather than what exists:
//   - hubs (seeds, sitemaps, feeds) are fetched every run with If-None-Match/If-Modified-Since;
//   - a sitemap/feed entry is fetched when it is new or its lastmod is newer than our copy;
//   - a listing page's pagination (rel=next) is followed only while the page yields articles
//     we did not know: newest-first listings stop at the first page of known articles;
//   - known pages come back on an adaptive schedule: half the time since they last changed,
//     clamped to [recheck_min, recheck_max].
// Failures are never silent: retryable answers (429, 5xx, network) are retried within the
// run after a back-off and, when retries run out, counted as failed and left due.
#include "crawler/crawl.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <chrono>
#include <deque>
#include <optional>
#include <set>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "crawler/charset.h"
#include "crawler/discovery.h"
#include "crawler/internal/ascii.h"
#include "crawler/internal/schedule.h"
#include "crawler/internal/store.h"
#include "crawler/robots.h"
#include "crawler/run_lock.h"
#include "crawler/url.h"

namespace pressmine::crawler {
namespace {

using internal::FetchUpdate;
using internal::Store;
using internal::UrlKind;
using internal::UrlRecord;

// How long the loop sleeps at most before looking at the stop flag and host timers again.
constexpr int kMaxIdleWaitMs = 200;

int64_t SteadyMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// The earliest start `delay_ms` after now. Rounded up to the next whole millisecond, so that
// comparing against the truncated SteadyMs() never starts a request short of the delay.
int64_t StartAfter(int64_t delay_ms) {
  if (delay_ms <= 0) return SteadyMs();  // no delay: no reason to wait for the next tick
  const int64_t us = std::chrono::duration_cast<std::chrono::microseconds>(
                         std::chrono::steady_clock::now().time_since_epoch())
                         .count();
  return (us + 999) / 1000 + delay_ms;
}

struct Task {
  std::string url;
  size_t source = 0;
  int depth = 0;
  UrlKind kind = UrlKind::kPage;
  bool seed = false;
  bool robots = false;  // this task is the host's robots.txt
  int attempt = 0;
  int redirect_hops = 0;
  // The validators stored for the URL when it was queued (none for a removed page): sent as
  // If-None-Match and If-Modified-Since without reading its row again.
  std::string etag, last_modified;

  void SetValidators(const UrlRecord& rec) {
    if (rec.removed) return;
    etag = rec.etag;
    last_modified = rec.last_modified;
  }
};

enum class RobotsState { kUnknown, kFetching, kReady };

struct Host {
  std::string key;
  std::deque<Task> queue;
  RobotsState robots_state = RobotsState::kUnknown;
  Robots robots;
  int delay_ms = 0;
  int64_t next_start_ms = 0;  // steady clock
  int in_flight = 0;
  int connections = 1;  // the most any of its sources allows; used only while delay_ms is 0
  // Removal detection: URLs that a changed sitemap of this host no longer lists, and every URL
  // the changed sitemaps list this run. Once the host's sitemaps are all read, those unlisted
  // and not listed elsewhere (a URL may move between sitemap files) are re-checked now.
  std::unordered_set<std::string> unlisted;
  std::unordered_set<std::string> listed_now;
  bool allow_private = false;
  int throttle_streak = 0;
  std::set<size_t> sources;
};

std::string DeclaredCharset(const std::string& content_type) {
  const std::string lower = internal::LowerAscii(content_type);
  const size_t p = lower.find("charset=");
  if (p == std::string::npos) return std::string();
  std::string v = content_type.substr(p + 8);
  v = v.substr(0, v.find(';'));
  std::erase(v, '"');
  std::erase(v, '\'');
  std::erase(v, ' ');
  return v;
}

bool IsHtmlType(const std::string& content_type) {
  if (content_type.empty()) return true;  // sniffing is the charset decoder's job
  return internal::LowerAscii(content_type).find("html") != std::string::npos;
}

bool IsRedirect(int status) {
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

class Crawl {
 public:
  Crawl(Store& store, const SourcesFile& sources, const std::vector<size_t>& active,
        const CrawlOptions& options, Fetcher& fetcher, CrawlObserver* observer,
        const std::atomic<bool>* stop)
      : store_(store),
        sources_(sources),
        active_(active),
        options_(options),
        clock_(options.clock ? *options.clock : Clock::System()),
        fetcher_(fetcher),
        observer_(observer ? *observer : null_observer_),
        stop_(stop),
        token_(RobotsToken(sources.user_agent)),
        fetched_(sources.sources.size(), 0) {}

  Status Seed();
  // Returns kInterrupted when the stop flag was raised. Pages handled before it returns are
  // committed, also after an error; the page whose handling failed is not.
  Status Loop();
  const CrawlSummary& summary() const { return summary_; }

 private:
  int64_t Now() const { return clock_.NowUnixSeconds(); }
  const Source& Src(size_t i) const { return sources_.sources[i]; }

  Status RunLoop();
  // Opens the batch transaction that page updates join, unless one is open.
  Status JoinBatch();
  // Commits the open batch when it holds batch_pages pages or is batch_ms old; always when
  // `force`.
  Status CommitBatch(bool force);
  void Enqueue(Task task, bool front = false);
  void StartNext(Host& host);
  // Records that robots.txt forbids `url` and moves its next check a listing interval away.
  Status PostponeDenied(const std::string& url);
  // Handles one response inside its own savepoint of the open batch.
  Status Handle(FetchResponse response);
  Status HandleResponse(Host& host, Task& task, const FetchResponse& r);
  Status HandleRobots(Host& host, const FetchResponse& r);
  Status HandlePage(Host& host, Task& task, const FetchResponse& r);
  Status HandleSuccess(const Task& task, const UrlRecord& rec, const FetchResponse& r,
                       FetchUpdate& up);
  Status HandleHtml(const Task& task, const UrlRecord& rec, const FetchResponse& r,
                    FetchUpdate& up);
  Status HandleEntries(const Task& task, const std::vector<DiscoveredUrl>& entries, int* fresh,
                       int64_t listed_in);
  Status DiscoverAndQueue(const std::string& url, size_t source, UrlKind kind, int depth,
                          int64_t lastmod, bool force, bool* inserted, int64_t listed_in = 0);
  // Whether a sitemap of the host is queued or being fetched.
  bool HasSitemapWork(const Host& h) const;
  // Queues the host's unlisted URLs for a re-check now (see Host::unlisted); true if any.
  Result<bool> SweepUnlisted(Host& h);
  // The source a URL belongs to: `preferred` if in its scope, else another active source
  // sharing the host whose scope holds it; -1 when none.
  int ScopeOwner(const std::string& url, size_t preferred) const;
  UrlKind Classify(const std::string& url, size_t source, UrlKind hint) const;
  // When `task` is next due, given that its content has been the same since `stable_since`.
  int64_t NextDue(const Task& task, int64_t stable_since) const;
  int64_t FailureDue(int failures) const;
  void Report(const Task& t, const FetchResponse& r, std::string outcome, std::string detail = {});
  // Counts one event in the run's totals and in the source's.
  void Bump(int SourceSummary::*counter, size_t source) {
    ++(summary_.*counter);
    ++(summary_.per_source[Src(source).name].*counter);
  }

  Store& store_;
  const SourcesFile& sources_;
  std::vector<size_t> active_;
  const CrawlOptions& options_;
  const Clock& clock_;
  Fetcher& fetcher_;
  CrawlObserver null_observer_;
  CrawlObserver& observer_;
  const std::atomic<bool>* stop_;
  std::string token_;
  std::vector<int> fetched_;  // requests started per source (robots.txt excluded)

  std::map<std::string, Host> hosts_;
  std::unordered_map<std::string, UrlKind> queued_;  // URLs queued this run, with their kind
  std::unordered_set<std::string> fresh_;            // URLs first discovered this run
  std::unordered_map<uint64_t, std::pair<std::string, Task>> in_flight_;
  uint64_t next_id_ = 1;
  CrawlSummary summary_;
  // Page updates are committed in batches: one commit per page cost more than fetching it
  // from a fast server. A SIGKILL loses the open batch; its URLs are still due in the
  // database, so the next run fetches them again.
  std::optional<Transaction> batch_;
  int batch_pages_ = 0;
  int64_t batch_started_ms_ = 0;
};

Status Crawl::JoinBatch() {
  if (batch_) return Status::Ok();
  PM_ASSIGN_OR_RETURN(Transaction tx, Transaction::Begin(store_.db()));
  batch_.emplace(std::move(tx));
  batch_pages_ = 0;
  batch_started_ms_ = SteadyMs();
  return Status::Ok();
}

Status Crawl::CommitBatch(bool force) {
  if (!batch_) return Status::Ok();
  if (!force && batch_pages_ < options_.batch_pages &&
      SteadyMs() - batch_started_ms_ < options_.batch_ms) {
    return Status::Ok();
  }
  Status st = batch_->Commit();
  batch_.reset();
  return st;
}

void Crawl::Enqueue(Task task, bool front) {
  const std::string key = HostKey(task.url);
  if (key.empty()) return;
  Host& h = hosts_[key];
  if (h.key.empty()) h.key = key;
  const Source& s = Src(task.source);
  h.delay_ms = std::max(h.delay_ms, s.delay_ms);
  h.allow_private = h.allow_private || s.allow_private;
  h.connections = std::max(h.connections, s.connections);
  h.sources.insert(task.source);
  queued_.emplace(task.url, task.kind);
  // Hubs go first: their dates (lastmod, pubDate) must be known before the pages they list are
  // fetched, so that a page's first re-check is scheduled by its age, not by our first visit.
  if (front || task.kind == UrlKind::kSitemap || task.kind == UrlKind::kFeed) {
    h.queue.push_front(std::move(task));
  } else {
    h.queue.push_back(std::move(task));
  }
}

Status Crawl::DiscoverAndQueue(const std::string& url, size_t source, UrlKind kind, int depth,
                               int64_t lastmod, bool force, bool* inserted, int64_t listed_in) {
  bool is_new = false;
  PM_ASSIGN_OR_RETURN(UrlRecord rec, store_.Discover(url, Src(source).name, kind, depth, lastmod,
                                                     Now(), &is_new, listed_in));
  if (inserted) *inserted = is_new;
  if (is_new) fresh_.insert(url);
  if (queued_.count(url)) return Status::Ok();
  const bool due = is_new || rec.next_due <= Now() || options_.full;
  if (!(due || force)) return Status::Ok();
  // A URL known under another source keeps its owner.
  const SourcesFile& sf = sources_;
  size_t owner = source;
  for (size_t i = 0; i < sf.sources.size(); ++i) {
    if (sf.sources[i].name == rec.source) owner = i;
  }
  Task t;
  t.url = url;
  t.source = owner;
  t.depth = rec.depth;
  t.kind = rec.kind;
  t.SetValidators(rec);
  Enqueue(std::move(t));
  return Status::Ok();
}

int Crawl::ScopeOwner(const std::string& url, size_t preferred) const {
  if (Src(preferred).InScope(url)) return static_cast<int>(preferred);
  for (size_t i : active_) {
    if (i != preferred && Src(i).InScope(url)) return static_cast<int>(i);
  }
  return -1;
}

UrlKind Crawl::Classify(const std::string& url, size_t source, UrlKind hint) const {
  if (hint == UrlKind::kSitemap || hint == UrlKind::kFeed) return hint;
  return Src(source).IsArticle(url) ? UrlKind::kArticle : UrlKind::kPage;
}

Status Crawl::Seed() {
  const int64_t now = Now();
  PM_ASSIGN_OR_RETURN(Transaction tx, Transaction::Begin(store_.db()));
  for (size_t i : active_) {
    const Source& s = Src(i);
    auto add = [&](const std::string& url, UrlKind kind, bool seed) -> Status {
      bool inserted = false;
      PM_ASSIGN_OR_RETURN(UrlRecord rec, store_.Discover(url, s.name, kind, 0, 0, now, &inserted));
      if (queued_.count(url)) return Status::Ok();
      Task t;
      t.url = url;
      t.source = i;
      t.kind = rec.kind;
      t.seed = seed;
      t.SetValidators(rec);
      Enqueue(std::move(t));
      return Status::Ok();
    };
    for (const std::string& u : s.seeds)
      PM_RETURN_IF_ERROR(add(u, Classify(u, i, UrlKind::kPage), true));
    for (const std::string& u : s.sitemaps) PM_RETURN_IF_ERROR(add(u, UrlKind::kSitemap, false));
    for (const std::string& u : s.feeds) PM_RETURN_IF_ERROR(add(u, UrlKind::kFeed, false));
  }
  PM_RETURN_IF_ERROR(tx.Commit());
  // Then everything due: resumes an interrupted run and runs the re-check schedule.
  for (size_t i : active_) {
    PM_ASSIGN_OR_RETURN(std::vector<UrlRecord> due, store_.Due(Src(i).name, now, options_.full));
    for (UrlRecord& rec : due) {
      if (queued_.count(rec.url)) continue;
      Task t;
      t.url = std::move(rec.url);
      t.source = i;
      t.depth = rec.depth;
      t.kind = rec.kind;
      t.SetValidators(rec);
      Enqueue(std::move(t));
    }
  }
  return Status::Ok();
}

void Crawl::Report(const Task& t, const FetchResponse& r, std::string outcome, std::string detail) {
  FetchEvent e;
  e.url = t.url;
  e.source = Src(t.source).name;
  e.http_status = r.status;
  e.outcome = std::move(outcome);
  e.detail = detail.empty() ? r.error : std::move(detail);
  e.elapsed_ms = r.elapsed_ms;
  e.host = HostKey(t.url);
  for (const auto& [key, h] : hosts_) {
    e.queued += static_cast<int>(h.queue.size());
    if (key == e.host) e.host_queued = static_cast<int>(h.queue.size());
  }
  observer_.OnFetch(e);
}

Status Crawl::PostponeDenied(const std::string& url) {
  PM_ASSIGN_OR_RETURN(std::optional<UrlRecord> rec, store_.Find(url));
  if (!rec) return Status::Ok();
  PM_RETURN_IF_ERROR(JoinBatch());
  FetchUpdate up;
  up.fetched_at = rec->last_fetch;
  up.http_status = rec->http_status;
  up.next_due = Now() + options_.listing_recheck_seconds;
  up.failures = rec->failures;
  up.error = "disallowed by robots.txt";
  up.removed = rec->removed;
  return store_.RecordFetch(rec->id, up);
}

void Crawl::StartNext(Host& h) {
  if (h.robots_state == RobotsState::kUnknown) {
    Task t;
    t.url = h.key + "/robots.txt";
    t.source = h.queue.front().source;
    t.robots = true;
    FetchRequest req;
    req.id = next_id_++;
    req.url = t.url;
    req.allow_private = h.allow_private;
    if (fetcher_.Start(req).ok()) {
      ++h.in_flight;
      h.robots_state = RobotsState::kFetching;
      in_flight_.emplace(req.id, std::make_pair(h.key, std::move(t)));
    } else {
      h.robots_state = RobotsState::kReady;  // an unusable URL: nothing on this host can be fetched
      h.robots = Robots::DisallowAll();
    }
    return;
  }
  while (!h.queue.empty()) {
    Task t = std::move(h.queue.front());
    h.queue.pop_front();
    const Source& s = Src(t.source);
    FetchResponse none;
    none.url = t.url;
    if (!h.robots.Allowed(PathAndQuery(t.url))) {
      Bump(&SourceSummary::skipped_robots, t.source);
      Report(t, none, "robots-denied");
      // A rule (not an unreachable robots.txt) forbids it: ask again only when listings are
      // re-checked, rather than re-queueing it every run. A failure to record is harmless.
      if (!h.robots.disallow_all()) (void)PostponeDenied(t.url);
      continue;
    }
    const int budget =
        options_.max_pages > 0 ? std::min(options_.max_pages, s.max_pages) : s.max_pages;
    if (fetched_[t.source] >= budget) {
      Bump(&SourceSummary::deferred, t.source);
      if (fetched_[t.source] == budget) {
        observer_.OnNotice("source \"" + s.name + "\": max_pages (" + std::to_string(budget) +
                           ") reached; the rest waits for the next run");
        ++fetched_[t.source];  // so the notice is given once
      }
      continue;
    }
    FetchRequest req;
    req.id = next_id_++;
    req.url = t.url;
    req.allow_private = s.allow_private;
    req.etag = t.etag;
    req.last_modified = t.last_modified;
    if (!fetcher_.Start(req).ok()) {
      Bump(&SourceSummary::failed, t.source);
      Report(t, none, "failed", "cannot start a request");
      continue;
    }
    ++fetched_[t.source];
    ++h.in_flight;
    in_flight_.emplace(req.id, std::make_pair(h.key, std::move(t)));
    return;
  }
}

Status Crawl::Loop() {
  Status st = RunLoop();
  // After an error too: the failed page was rolled back to its savepoint, and what the batch
  // still holds is whole pages. The run's error stays the one reported.
  Status commit = CommitBatch(/*force=*/true);
  return st.ok() ? commit : st;
}

Status Crawl::RunLoop() {
  const size_t max_in_flight = static_cast<size_t>(std::max(1, options_.max_in_flight));
  for (;;) {
    if (stop_ != nullptr && stop_->load()) return Status::Interrupted("crawl stopped by a signal");
    PM_RETURN_IF_ERROR(CommitBatch(/*force=*/false));
    const int64_t now = SteadyMs();
    int64_t wake = now + kMaxIdleWaitMs;
    bool work = false;
    for (auto& [key, h] : hosts_) {
      if (h.in_flight > 0) work = true;
      if (h.queue.empty()) continue;
      work = true;
      // Nothing else goes to a host while its robots.txt is being fetched.
      if (h.robots_state == RobotsState::kFetching) continue;
      if (h.next_start_ms > now) {
        wake = std::min(wake, h.next_start_ms);
        continue;
      }
      // Politeness: one request at a time, unless the host has no delay and its source allows
      // more connections.
      const int cap = h.delay_ms == 0 ? h.connections : 1;
      while (h.in_flight < cap && !h.queue.empty() && fetcher_.InFlight() < max_in_flight &&
             h.robots_state != RobotsState::kFetching) {
        const int before = h.in_flight;
        StartNext(h);
        if (h.in_flight == before) break;  // the queue held nothing fetchable
      }
    }
    if (!work && fetcher_.InFlight() == 0) {
      // Sitemaps that never finished (robots.txt, budget): re-check what they dropped anyway.
      bool more = false;
      for (auto& [key, h] : hosts_) {
        if (h.unlisted.empty()) continue;
        PM_ASSIGN_OR_RETURN(bool queued, SweepUnlisted(h));
        more = more || queued;
      }
      if (!more) return Status::Ok();
      continue;
    }
    const int wait_ms = static_cast<int>(std::clamp<int64_t>(wake - SteadyMs(), 0, kMaxIdleWaitMs));
    if (fetcher_.InFlight() > 0) {
      PM_ASSIGN_OR_RETURN(std::vector<FetchResponse> done, fetcher_.Wait(wait_ms));
      for (FetchResponse& r : done) PM_RETURN_IF_ERROR(Handle(std::move(r)));
    } else if (wait_ms > 0) {
      std::this_thread::sleep_for(std::chrono::milliseconds(wait_ms));
    }
  }
}

Status Crawl::Handle(FetchResponse r) {
  auto it = in_flight_.find(r.id);
  if (it == in_flight_.end()) return Status::Internal("response for unknown request " + r.url);
  std::string key = std::move(it->second.first);
  Task task = std::move(it->second.second);
  in_flight_.erase(it);
  Host& h = hosts_[key];
  --h.in_flight;
  h.next_start_ms = StartAfter(h.delay_ms);
  ++summary_.requests;
  ++summary_.per_host[key].requests;
  // A savepoint per response inside the batch: when handling one fails, only its writes are
  // undone, and Loop still commits the pages handled before it.
  PM_RETURN_IF_ERROR(JoinBatch());
  PM_ASSIGN_OR_RETURN(Savepoint page, Savepoint::Begin(store_.db()));
  PM_RETURN_IF_ERROR(HandleResponse(h, task, r));
  return page.Release();
}

Status Crawl::HandleResponse(Host& h, Task& task, const FetchResponse& r) {
  if (task.robots) return HandleRobots(h, r);
  const bool sitemap = task.kind == UrlKind::kSitemap;
  PM_RETURN_IF_ERROR(HandlePage(h, task, r));
  if (sitemap && !HasSitemapWork(h)) return SweepUnlisted(h).status();
  return Status::Ok();
}

bool Crawl::HasSitemapWork(const Host& h) const {
  for (const Task& t : h.queue) {
    if (t.kind == UrlKind::kSitemap) return true;
  }
  for (const auto& [id, entry] : in_flight_) {
    if (entry.first == h.key && entry.second.kind == UrlKind::kSitemap) return true;
  }
  return false;
}

Result<bool> Crawl::SweepUnlisted(Host& h) {
  std::unordered_set<std::string> unlisted;
  unlisted.swap(h.unlisted);
  std::unordered_set<std::string> listed;
  listed.swap(h.listed_now);
  bool queued = false;
  for (const std::string& url : unlisted) {
    if (listed.count(url) || queued_.count(url)) continue;
    PM_ASSIGN_OR_RETURN(std::optional<UrlRecord> rec, store_.Find(url));
    if (!rec || rec->removed) continue;
    std::optional<size_t> owner;
    for (size_t i : active_) {
      if (Src(i).name == rec->source) owner = i;
    }
    if (!owner) continue;
    // Due now in the database too, so that a run killed before the re-check still makes it.
    PM_RETURN_IF_ERROR(JoinBatch());
    PM_RETURN_IF_ERROR(store_.MarkUnlisted(rec->id));
    Task t;
    t.url = url;
    t.source = *owner;
    t.depth = rec->depth;
    t.kind = rec->kind;
    t.SetValidators(*rec);
    Enqueue(std::move(t));
    queued = true;
  }
  return queued;
}

Status Crawl::HandleRobots(Host& h, const FetchResponse& r) {
  // 429 is treated like 5xx, as major crawlers do: the site says "not now".
  const int status = r.status == 429 ? 503 : r.status;
  h.robots = IsRedirect(status) ? Robots::AllowAll() : Robots::FromResponse(status, r.body, token_);
  h.robots_state = RobotsState::kReady;
  if (h.robots.crawl_delay_ms()) h.delay_ms = std::max(h.delay_ms, *h.robots.crawl_delay_ms());
  h.next_start_ms = StartAfter(h.delay_ms);
  Task t;
  t.url = r.url;
  t.source = *h.sources.begin();
  if (h.robots.disallow_all()) {
    observer_.OnNotice(h.key +
                       "/robots.txt: " + (r.status ? "HTTP " + std::to_string(r.status) : r.error) +
                       "; nothing on this host is fetched in this run (RFC 9309 2.3.1.4)");
  }
  Report(t, r, "robots.txt");
  if (h.robots.sitemaps().empty()) return Status::Ok();
  PM_RETURN_IF_ERROR(JoinBatch());
  for (const std::string& sm : h.robots.sitemaps()) {
    // RFC 9309 wants absolute URLs; a relative one is resolved rather than lost.
    Result<std::string> u = Resolve(h.key + "/robots.txt", sm);
    if (!u.ok() || HostKey(*u) != h.key) continue;  // another host's sitemap: not ours to trust
    PM_RETURN_IF_ERROR(
        DiscoverAndQueue(*u, *h.sources.begin(), UrlKind::kSitemap, 0, 0, true, nullptr));
  }
  return Status::Ok();
}

int64_t Crawl::FailureDue(int failures) const {
  return internal::NextAttemptAfterFailure(failures, Now(), options_);
}

int64_t Crawl::NextDue(const Task& task, int64_t stable_since) const {
  return internal::NextCheck(task.kind, task.seed, Now(), stable_since, options_);
}

Status Crawl::HandlePage(Host& h, Task& task, const FetchResponse& r) {
  const bool throttled = r.status == 429 || r.status == 503;
  const bool retryable = r.status == 0 || r.status == 429 || r.status >= 500;
  if (throttled) {
    ++summary_.per_host[h.key].throttled;
    ++h.throttle_streak;
    const int64_t backoff =
        internal::ThrottleDelayMs(r.Header("retry-after"), h.throttle_streak, Now(), options_);
    h.next_start_ms = StartAfter(std::max<int64_t>(backoff, h.delay_ms));
  } else if (r.status != 0) {
    h.throttle_streak = 0;
  }
  if (retryable && task.attempt < options_.max_retries) {
    ++task.attempt;
    Report(task, r, "retry", r.status ? "HTTP " + std::to_string(r.status) : r.error);
    if (!throttled && r.status == 0)
      h.next_start_ms = StartAfter(std::max(h.delay_ms, options_.throttle_backoff_ms));
    h.queue.push_front(std::move(task));
    return Status::Ok();
  }

  PM_RETURN_IF_ERROR(JoinBatch());
  PM_ASSIGN_OR_RETURN(std::optional<UrlRecord> found, store_.Find(task.url));
  if (!found) return Status::Internal("fetched URL vanished from crawl_urls: " + task.url);
  const UrlRecord& rec = *found;
  const int64_t now = Now();
  FetchUpdate up;
  up.fetched_at = now;
  up.http_status = r.status;
  up.removed = rec.removed;

  if (retryable || (r.status >= 400 && r.status != 404 && r.status != 410)) {
    up.failures = rec.failures + 1;
    up.next_due = FailureDue(up.failures);
    up.error = r.status ? "HTTP " + std::to_string(r.status) : r.error;
    Bump(&SourceSummary::failed, task.source);
    ++summary_.per_host[h.key].failed;
    Report(task, r, "failed", up.error);
  } else if (r.status == 404 || r.status == 410) {
    up.removed = true;
    up.next_due = now + options_.removed_recheck_seconds;
    if (!rec.removed) {
      Bump(&SourceSummary::removed_pages, task.source);
      if (!rec.content_hash.empty() &&
          (rec.kind == UrlKind::kArticle || options_.store_listing_pages)) {
        internal::VersionRow v;
        v.url_id = rec.id;
        v.removed = true;
        v.fetched_at = now;
        v.final_url = r.final_url;
        v.http_status = r.status;
        PM_RETURN_IF_ERROR(store_.AddVersion(v));
      }
    }
    Report(task, r, "removed");
  } else if (IsRedirect(r.status)) {
    const std::string location = r.Header("location");
    Result<std::string> target = Resolve(r.final_url, location);
    // A permanent move is looked at again rarely; a temporary one like the page itself.
    up.next_due = r.status == 301 || r.status == 308 ? now + options_.recheck_max_seconds
                                                     : NextDue(task, rec.last_change);
    Bump(&SourceSummary::redirects, task.source);
    if (!target.ok()) {
      up.error = "bad Location \"" + location + "\"";
      Report(task, r, "skipped", up.error);
    } else {
      up.redirect_to = *target;
      const int owner = ScopeOwner(*target, task.source);
      if (owner < 0 || task.redirect_hops >= options_.max_redirects) {
        up.error = owner < 0 ? "redirect out of scope" : "too many redirects";
        Report(task, r, "skipped", up.error + ": " + *target);
      } else if (*target != task.url) {
        bool inserted = false;
        PM_ASSIGN_OR_RETURN(
            UrlRecord trec,
            store_.Discover(*target, Src(static_cast<size_t>(owner)).name,
                            Classify(*target, static_cast<size_t>(owner), task.kind), task.depth, 0,
                            now, &inserted));
        const bool due = inserted || trec.next_due <= now || options_.full;
        if (due && !queued_.count(*target)) {
          Task t;
          t.url = *target;
          t.source = static_cast<size_t>(owner);
          t.depth = trec.depth;
          t.kind = trec.kind;
          t.SetValidators(trec);
          t.seed = task.seed;
          t.redirect_hops = task.redirect_hops + 1;
          Enqueue(std::move(t), /*front=*/true);
        }
        Report(task, r, "redirect", *target);
      }
    }
  } else if (r.status == 304) {
    up.removed = false;
    up.next_due = NextDue(task, rec.last_change);
    Bump(&SourceSummary::unchanged_pages, task.source);
    Report(task, r, "unchanged");
  } else if (r.status >= 200 && r.status < 300) {
    up.removed = false;
    PM_RETURN_IF_ERROR(HandleSuccess(task, rec, r, up));
  } else {
    up.failures = rec.failures + 1;
    up.next_due = FailureDue(up.failures);
    up.error = "unexpected HTTP " + std::to_string(r.status);
    Bump(&SourceSummary::failed, task.source);
    Report(task, r, "failed", up.error);
  }
  PM_RETURN_IF_ERROR(store_.RecordFetch(rec.id, up));
  ++batch_pages_;
  return Status::Ok();
}

Status Crawl::HandleSuccess(const Task& task, const UrlRecord& rec, const FetchResponse& r,
                            FetchUpdate& up) {
  up.etag = r.Header("etag");
  up.last_modified = r.Header("last-modified");
  up.failures = 0;
  if (task.kind == UrlKind::kSitemap || task.kind == UrlKind::kFeed) {
    up.next_due = NextDue(task, 0);
    const std::string hash = internal::ContentHash(r.body);
    if (hash == rec.content_hash && !options_.full) {
      Bump(&SourceSummary::unchanged_pages, task.source);
      Report(task, r, "unchanged");
      return Status::Ok();
    }
    up.content_hash = hash;
    int fresh = 0;
    if (task.kind == UrlKind::kSitemap) {
      Result<Sitemap> sm = ParseSitemap(r.body, task.url);
      if (!sm.ok()) {
        up.error = sm.status().message();
        up.content_hash.reset();
        Bump(&SourceSummary::failed, task.source);
        Report(task, r, "failed", up.error);
        return Status::Ok();
      }
      if (sm->is_index) {
        PM_ASSIGN_OR_RETURN(std::vector<std::string> before, store_.ListedIn(rec.id));
        std::unordered_set<std::string> children;
        for (const DiscoveredUrl& child : sm->entries) {
          if (HostKey(child.url) != HostKey(task.url)) continue;  // sitemaps.org: same host only
          PM_RETURN_IF_ERROR(DiscoverAndQueue(child.url, task.source, UrlKind::kSitemap, task.depth,
                                              child.lastmod, true, nullptr, rec.id));
          children.insert(child.url);
        }
        // A sitemap the index no longer lists (renamed, split, gzipped) no longer lists its
        // pages either: they are checked against this run's sitemaps like dropped entries.
        Host& h = hosts_[HostKey(task.url)];
        for (const std::string& dropped : before) {
          if (children.count(dropped)) continue;
          PM_ASSIGN_OR_RETURN(std::optional<UrlRecord> child, store_.Find(dropped));
          if (!child) continue;
          if (child->kind != UrlKind::kSitemap) {  // the file was a urlset before
            h.unlisted.insert(dropped);
            continue;
          }
          PM_ASSIGN_OR_RETURN(std::vector<std::string> pages, store_.ListedIn(child->id));
          for (std::string& u : pages) h.unlisted.insert(std::move(u));
        }
        Report(task, r, "sitemap", std::to_string(sm->entries.size()) + " sitemaps");
        return Status::Ok();
      }
      PM_ASSIGN_OR_RETURN(std::vector<std::string> before, store_.ListedIn(rec.id));
      PM_RETURN_IF_ERROR(HandleEntries(task, sm->entries, &fresh, rec.id));
      Host& h = hosts_[HostKey(task.url)];
      std::unordered_set<std::string> now_listed;
      for (const DiscoveredUrl& e : sm->entries) now_listed.insert(e.url);
      for (std::string& u : before) {
        if (!now_listed.count(u)) h.unlisted.insert(std::move(u));
      }
      h.listed_now.merge(now_listed);
      Report(task, r, "sitemap",
             std::to_string(sm->entries.size()) + " URLs, " + std::to_string(fresh) + " to fetch");
    } else {
      Result<std::vector<DiscoveredUrl>> items = ParseFeed(r.body, task.url);
      if (!items.ok()) {
        up.error = items.status().message();
        up.content_hash.reset();
        Bump(&SourceSummary::failed, task.source);
        Report(task, r, "failed", up.error);
        return Status::Ok();
      }
      PM_RETURN_IF_ERROR(HandleEntries(task, *items, &fresh, 0));
      Report(task, r, "feed",
             std::to_string(items->size()) + " items, " + std::to_string(fresh) + " to fetch");
    }
    return Status::Ok();
  }
  return HandleHtml(task, rec, r, up);
}

Status Crawl::HandleEntries(const Task& task, const std::vector<DiscoveredUrl>& entries, int* fresh,
                            int64_t listed_in) {
  for (const DiscoveredUrl& e : entries) {
    const int owner = ScopeOwner(e.url, task.source);
    if (owner < 0) continue;
    const size_t o = static_cast<size_t>(owner);
    const size_t before = queued_.size();
    PM_RETURN_IF_ERROR(DiscoverAndQueue(e.url, o, Classify(e.url, o, UrlKind::kPage), 1, e.lastmod,
                                        false, nullptr, listed_in));
    *fresh += queued_.size() > before;
  }
  return Status::Ok();
}

Status Crawl::HandleHtml(const Task& task, const UrlRecord& rec, const FetchResponse& r,
                         FetchUpdate& up) {
  const std::string content_type = r.Header("content-type");
  if (!IsHtmlType(content_type)) {
    up.next_due = Now() + options_.recheck_max_seconds;
    up.error = "not HTML: " + content_type;
    Report(task, r, "skipped", up.error);
    return Status::Ok();
  }
  DecodeOptions dopt;
  dopt.declared_charset = DeclaredCharset(content_type);
  dopt.detect_undeclared = true;
  Result<DecodedText> text = DecodeToUtf8(r.body, dopt);
  if (!text.ok() && !dopt.declared_charset.empty()) {
    dopt.declared_charset.clear();  // a wrong header is common; let the page speak for itself
    text = DecodeToUtf8(r.body, dopt);
  }
  if (!text.ok()) {
    up.failures = rec.failures + 1;
    up.next_due = FailureDue(up.failures);
    up.error = text.status().message();
    Bump(&SourceSummary::failed, task.source);
    Report(task, r, "failed", up.error);
    return Status::Ok();
  }
  const std::string hash = internal::ContentHash(text->utf8);
  const bool changed = hash != rec.content_hash;
  const bool first = rec.content_hash.empty();
  const bool store = task.kind == UrlKind::kArticle || options_.store_listing_pages;
  const int64_t now = Now();
  up.content_hash = hash;
  // On first sight, a sitemap/feed date tells how long the page has been as it is: an article
  // from 2019 is re-checked rarely from the start, not every 6 hours.
  const int64_t stable_since = !changed                   ? rec.last_change
                               : first && rec.lastmod > 0 ? rec.lastmod
                                                          : now;
  up.next_due = NextDue(task, stable_since);
  if (changed) {
    up.last_change = stable_since;
    if (store) {
      internal::VersionRow v;
      v.url_id = rec.id;
      v.fetched_at = now;
      v.final_url = r.final_url;
      v.http_status = r.status;
      v.content_type = content_type;
      v.charset = text->charset;
      v.content_hash = hash;
      v.html = text->utf8;
      PM_RETURN_IF_ERROR(store_.AddVersion(v));
      Bump(first ? &SourceSummary::new_pages : &SourceSummary::changed_pages, task.source);
    } else {
      Bump(&SourceSummary::unchanged_pages, task.source);  // a listing page: only its links matter
    }
  } else {
    Bump(&SourceSummary::unchanged_pages, task.source);
  }
  Report(task, r, !changed ? "unchanged" : !store ? "listing" : first ? "new" : "changed");

  const PageLinks links = ExtractLinks(text->utf8, r.final_url);
  const Source& src = Src(task.source);
  const int child_depth = task.depth + 1;
  if (links.nofollow || child_depth > src.max_depth) return Status::Ok();
  int new_articles = 0;
  std::vector<std::pair<std::string, size_t>> others;
  std::vector<std::string> candidates = links.links;
  for (const std::string& n : links.next) {
    if (std::find(candidates.begin(), candidates.end(), n) == candidates.end())
      candidates.push_back(n);
  }
  for (const std::string& l : candidates) {
    // Queued this run means already found in scope and classified: no regular expressions and
    // no database lookup again (most links on a site point at pages already queued).
    if (auto q = queued_.find(l); q != queued_.end()) {
      // New to us this run counts even when a sitemap or feed listed it first: the listing is
      // still showing news, so its next page may too.
      if (q->second == UrlKind::kArticle) new_articles += fresh_.count(l) > 0;
      continue;
    }
    const int owner = ScopeOwner(l, task.source);
    if (owner < 0) continue;
    const size_t o = static_cast<size_t>(owner);
    if (Src(o).IsArticle(l)) {
      bool inserted = false;
      PM_RETURN_IF_ERROR(
          DiscoverAndQueue(l, o, UrlKind::kArticle, child_depth, 0, false, &inserted));
      new_articles += inserted;
    } else if (task.kind == UrlKind::kPage) {
      others.emplace_back(l, o);
    }
  }
  // Listing pages: a page that was new or showed new articles leads on; one holding only known
  // articles does not (its pagination then only repeats what we have).
  if (task.kind == UrlKind::kPage && (first || new_articles > 0)) {
    const std::set<std::string> next(links.next.begin(), links.next.end());
    for (const auto& [l, o] : others) {
      bool inserted = false;
      PM_RETURN_IF_ERROR(
          DiscoverAndQueue(l, o, UrlKind::kPage, child_depth, 0, next.count(l) > 0, &inserted));
    }
  }
  for (const std::string& f : links.feeds) {
    if (HostKey(f) != HostKey(task.url) && ScopeOwner(f, task.source) < 0) continue;
    PM_RETURN_IF_ERROR(
        DiscoverAndQueue(f, task.source, UrlKind::kFeed, child_depth, 0, false, nullptr));
  }
  return Status::Ok();
}

}  // namespace

std::string SummaryToJson(const CrawlSummary& s) {
  rapidjson::StringBuffer buf;
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  w.StartObject();
  auto num = [&](const char* k, int v) {
    w.Key(k);
    w.Int(v);
  };
  auto counts = [&](const SourceSummary& c) {
    num("new", c.new_pages);
    num("changed", c.changed_pages);
    num("unchanged", c.unchanged_pages);
    num("removed", c.removed_pages);
    num("failed", c.failed);
    num("skipped_robots", c.skipped_robots);
    num("deferred", c.deferred);
    num("redirects", c.redirects);
  };
  counts(s);
  num("requests", s.requests);
  w.Key("sources");
  w.StartObject();
  for (const auto& [name, c] : s.per_source) {
    w.Key(name.c_str(), static_cast<rapidjson::SizeType>(name.size()));
    w.StartObject();
    counts(c);
    w.EndObject();
  }
  w.EndObject();
  w.Key("hosts");
  w.StartObject();
  for (const auto& [host, h] : s.per_host) {
    w.Key(host.c_str(), static_cast<rapidjson::SizeType>(host.size()));
    w.StartObject();
    num("requests", h.requests);
    num("failed", h.failed);
    num("throttled", h.throttled);
    w.EndObject();
  }
  w.EndObject();
  w.EndObject();
  return std::string(buf.GetString(), buf.GetSize());
}

Result<CrawlSummary> RunCrawl(Database& db, const SourcesFile& sources, const CrawlOptions& options,
                              Fetcher& fetcher, CrawlObserver* observer,
                              const std::atomic<bool>* stop) {
  std::vector<size_t> active;
  for (size_t i = 0; i < sources.sources.size(); ++i) {
    const auto& only = options.only_sources;
    if (only.empty() ||
        std::find(only.begin(), only.end(), sources.sources[i].name) != only.end()) {
      active.push_back(i);
    }
  }
  for (const std::string& name : options.only_sources) {
    if (!sources.Find(name))
      return Status::InvalidArgument("no source named \"" + name + "\" in the sources file");
  }
  std::optional<RunLock> lock;
  if (options.take_lock) {
    PM_ASSIGN_OR_RETURN(RunLock held, RunLock::Acquire(db.path()));
    lock.emplace(std::move(held));
  }
  PM_ASSIGN_OR_RETURN(Store store, Store::Open(db));
  const Clock& clock = options.clock ? *options.clock : Clock::System();
  PM_ASSIGN_OR_RETURN(int64_t run_id, store.BeginRun(clock.NowUnixSeconds()));
  Crawl crawl(store, sources, active, options, fetcher, observer, stop);
  Status st = crawl.Seed();
  if (st.ok()) st = crawl.Loop();
  const std::string outcome = st.ok()                                   ? "ok"
                              : st.code() == Status::Code::kInterrupted ? "interrupted"
                                                                        : "error";
  Status fin =
      store.FinishRun(run_id, clock.NowUnixSeconds(), outcome, SummaryToJson(crawl.summary()));
  if (!st.ok()) return st;
  PM_RETURN_IF_ERROR(fin);
  return crawl.summary();
}

}  // namespace pressmine::crawler
