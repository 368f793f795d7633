// pressmine crawl / pressmine update : fetch the configured sites; update also extracts and
// indexes what changed. update is the nightly job: safe under cron (a lock, quiet unless
// something failed, one summary line, resumable after a kill).
#include <signal.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "crawler/crawl.h"
#include "crawler/curl_fetcher.h"
#include "crawler/sources.h"
#include "tools/apply_changes.h"
#include "tools/command.h"
#include "tools/json_writer.h"

namespace pressmine::tools {
namespace {

// Set by SIGINT/SIGTERM; the crawl finishes the page it is storing and returns.
std::atomic<bool> g_stop{false};

extern "C" void OnStopSignal(int) { g_stop.store(true); }

void InstallStopHandlers() {
  struct sigaction sa {};
  sa.sa_handler = OnStopSignal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
}

// Progress on a terminal: one status line, redrawn at most every kRedrawMs, with the run's
// totals (fetched, queued, errors) and the busiest hosts'; --verbose: a line per fetched URL.
class ProgressPrinter final : public crawler::CrawlObserver {
 public:
  static constexpr int kRedrawMs = 250;
  static constexpr size_t kHostsShown = 3;

  ProgressPrinter(bool status_line, bool verbose) : status_line_(status_line), verbose_(verbose) {}

  void OnFetch(const crawler::FetchEvent& e) override {
    ++counts_[e.outcome];
    HostProgress& h = hosts_[e.host];
    queued_ = e.queued;
    h.queued = e.host_queued;
    const bool error = e.outcome == "failed";
    if (e.http_status != 0 || !e.detail.empty() || error) ++h.fetched;
    h.errors += error;
    if (e.http_status != 0 || !e.detail.empty() || error) ++fetched_;
    errors_ += error;
    if (verbose_) {
      std::cerr << e.outcome << " " << (e.http_status ? std::to_string(e.http_status) : "-") << " "
                << e.url << (e.detail.empty() ? "" : "  (" + e.detail + ")") << "\n";
      return;
    }
    if (!status_line_) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_draw_ < std::chrono::milliseconds(kRedrawMs)) return;
    last_draw_ = now;
    std::cerr << "\r\x1b[K" << StatusLine() << std::flush;
  }

  void OnNotice(std::string_view message) override { notices_.emplace_back(message); }

  // "1234 fetched, 56 queued, 2 errors (1200 new, 3 changed) | http://a.kg 800, 30 queued, 1
  // error | ..." with the hosts that have the most left to do first.
  std::string StatusLine() const {
    std::string line = "crawl: " + std::to_string(fetched_) + " fetched, " +
                       std::to_string(queued_) + " queued, " + std::to_string(errors_) +
                       (errors_ == 1 ? " error" : " errors");
    std::string outcomes;
    for (const char* k : {"new", "changed", "unchanged", "removed", "retry"}) {
      if (auto it = counts_.find(k); it != counts_.end())
        outcomes += (outcomes.empty() ? "" : ", ") + std::to_string(it->second) + " " + k;
    }
    if (!outcomes.empty()) line += " (" + outcomes + ")";
    std::vector<std::pair<std::string, HostProgress>> hosts(hosts_.begin(), hosts_.end());
    std::stable_sort(hosts.begin(), hosts.end(), [](const auto& a, const auto& b) {
      return a.second.queued > b.second.queued;
    });
    for (size_t i = 0; i < hosts.size() && i < kHostsShown; ++i) {
      const HostProgress& h = hosts[i].second;
      line += " | " + hosts[i].first + " " + std::to_string(h.fetched) + ", " +
              std::to_string(h.queued) + " queued";
      if (h.errors > 0)
        line += ", " + std::to_string(h.errors) + (h.errors == 1 ? " error" : " errors");
    }
    if (hosts.size() > kHostsShown)
      line += " | +" + std::to_string(hosts.size() - kHostsShown) + " hosts";
    return line;
  }

  void Finish() {
    if (status_line_ && !verbose_ && fetched_ > 0) std::cerr << "\r\x1b[K" << std::flush;
  }
  const std::vector<std::string>& notices() const { return notices_; }

 private:
  struct HostProgress {
    int fetched = 0;
    int queued = 0;
    int errors = 0;
  };
  bool status_line_;
  bool verbose_;
  int fetched_ = 0;
  int queued_ = 0;
  int errors_ = 0;
  std::map<std::string, int> counts_;
  std::map<std::string, HostProgress> hosts_;
  std::vector<std::string> notices_;
  std::chrono::steady_clock::time_point last_draw_{};
};

std::string SummaryLine(const crawler::CrawlSummary& s) {
  return std::to_string(s.new_pages) + " new, " + std::to_string(s.changed_pages) + " changed, " +
         std::to_string(s.unchanged_pages) + " unchanged, " + std::to_string(s.removed_pages) +
         " removed, " + std::to_string(s.failed) + " failed, " + std::to_string(s.skipped_robots) +
         " skipped by robots.txt, " + std::to_string(s.requests) + " requests";
}

// Shared by crawl and update: options, loading the sources, running the crawl.
class CrawlCommandBase : public Command {
 protected:
  CrawlCommandBase(CLI::App& app, const char* name, const char* description, bool is_update)
      : is_update_(is_update) {
    cmd_ = app.add_subcommand(name, description);
    cmd_->add_option("--sources", sources_path_, "Sources file (JSON)")->required();
    cmd_->add_option("--source", only_sources_, "Only this source (repeatable)");
    cmd_->add_option("--max-pages", max_pages_, "Fetch at most N pages per source this run")
        ->check(CLI::PositiveNumber);
    cmd_->add_option("--delay-ms", delay_ms_,
                     "Delay between requests to one host (robots.txt "
                     "Crawl-delay still applies when larger)")
        ->check(CLI::NonNegativeNumber);
    cmd_->add_flag("--full", full_, "Re-check every known page now, not only those due");
    cmd_->add_flag("--json", json_, "Print the summary as JSON");
    cmd_->add_flag("--quiet,-q", quiet_, "No progress; print only failures");
    cmd_->add_flag("--verbose,-v", verbose_, "Print every fetched URL");
  }

 public:
  CLI::App* subcommand() const override { return cmd_; }

  int Run(const GlobalOptions& global) override {
    const char* name = is_update_ ? "update" : "crawl";
    Result<crawler::SourcesFile> sources = crawler::LoadSourcesFile(sources_path_);
    if (!sources.ok()) {
      PrintError(name, sources.status().message());
      return kExitRuntimeError;
    }
    std::map<std::string, SourceHints> hints;
    for (crawler::Source& s : sources->sources) {
      if (max_pages_ > 0) s.max_pages = max_pages_;
      if (delay_ms_ >= 0) s.delay_ms = delay_ms_;
      SourceHints& h = hints[s.name];
      h.lang = s.lang;
      h.rules = {s.extract.content, s.extract.title, s.extract.published, s.extract.remove};
      if (Status st = extract::ValidateSiteRules(h.rules); !st.ok()) {
        PrintError(name, sources_path_ + ", source \"" + s.name + "\", field " + st.message());
        return kExitRuntimeError;
      }
    }
    Result<Database> db = OpenDatabase(global, /*must_exist=*/false);
    if (!db.ok()) {
      PrintError(name, db.status().message());
      return kExitRuntimeError;
    }
    crawler::CurlFetcherOptions fetch_options;
    fetch_options.user_agent = sources->user_agent;
    for (const crawler::Source& s : sources->sources)
      fetch_options.max_host_connections =
          std::max(fetch_options.max_host_connections, s.connections);
    Result<std::unique_ptr<crawler::CurlFetcher>> fetcher =
        crawler::CurlFetcher::Create(fetch_options);
    if (!fetcher.ok()) {
      PrintError(name, fetcher.status().message());
      return kExitRuntimeError;
    }
    InstallStopHandlers();
    // Quiet by default when not on a terminal (cron): only failures are printed.
    const bool interactive = StderrIsTerminal() && !quiet_ && !json_;
    ProgressPrinter progress(interactive, verbose_);
    crawler::CrawlOptions options;
    options.full = full_;
    options.only_sources = only_sources_;
    Result<crawler::CrawlSummary> summary =
        crawler::RunCrawl(*db, *sources, options, **fetcher, &progress, &g_stop);
    progress.Finish();
    if (!summary.ok()) {
      PrintError(name, summary.status().code() == Status::Code::kBusy
                           ? "another crawl or update is running on this database: " +
                                 summary.status().message()
                           : summary.status().message());
      return summary.status().code() == Status::Code::kInvalidArgument ? kExitUsage
                                                                       : kExitRuntimeError;
    }
    for (const std::string& notice : progress.notices()) {
      if (verbose_ || interactive) PrintError(name, notice);
    }

    std::optional<ApplyReport> applied;
    if (is_update_) {
      Result<ApplyReport> report = ApplyCrawledChanges(*db, Clock::System(), hints, &g_stop);
      if (!report.ok()) {
        PrintError(name, report.status().message());
        return kExitRuntimeError;
      }
      applied = std::move(*report);
      for (const auto& r : applied->rejections) {
        if (!quiet_ || verbose_) PrintError(name, r.url + ": " + r.reason);
      }
    }
    const bool failures = summary->failed > 0 || (applied && applied->rejected > 0);
    if (json_) {
      PrintJson(*summary, applied);
    } else if (interactive || verbose_ || failures) {
      std::string line = std::string(name) + ": " + SummaryLine(*summary);
      if (applied) {
        line += "; indexed " + std::to_string(applied->added) + " added, " +
                std::to_string(applied->updated) + " updated, " + std::to_string(applied->removed) +
                " removed, " + std::to_string(applied->rejected) + " without article text";
      }
      (failures && !interactive ? std::cerr : std::cout) << line << "\n";
    }
    return kExitOk;
  }

 private:
  void PrintJson(const crawler::CrawlSummary& summary, const std::optional<ApplyReport>& applied) {
    JsonOut out;
    auto& w = out.w();
    w.StartObject();
    out.Key("crawl");
    const std::string crawl_json = crawler::SummaryToJson(summary);
    w.RawValue(crawl_json.data(), crawl_json.size(), rapidjson::kObjectType);
    if (applied) {
      out.Key("index");
      w.StartObject();
      for (auto [k, v] : {std::pair{"added", applied->added},
                          {"updated", applied->updated},
                          {"unchanged", applied->unchanged},
                          {"duplicates", applied->duplicates},
                          {"removed", applied->removed},
                          {"not_articles", applied->not_articles},
                          {"rejected", applied->rejected}}) {
        out.Key(k);
        w.Int(v);
      }
      out.Key("cursor");
      w.Int64(applied->cursor);
      w.EndObject();
    }
    w.EndObject();
    out.Print();
  }

  bool is_update_;
  CLI::App* cmd_;
  std::string sources_path_;
  std::vector<std::string> only_sources_;
  int max_pages_ = 0;
  int delay_ms_ = -1;
  bool full_ = false;
  bool json_ = false;
  bool quiet_ = false;
  bool verbose_ = false;
};

class CrawlCommand final : public CrawlCommandBase {
 public:
  explicit CrawlCommand(CLI::App& app)
      : CrawlCommandBase(app, "crawl",
                         "Fetch the sources' new and changed pages (politely, incrementally)",
                         /*is_update=*/false) {}
};

class UpdateCommand final : public CrawlCommandBase {
 public:
  explicit UpdateCommand(CLI::App& app)
      : CrawlCommandBase(app, "update",
                         "The nightly job: crawl, then extract and index what changed",
                         /*is_update=*/true) {
    subcommand()->footer(
        "Safe under cron: a second run while one is active exits with an error; quiet unless\n"
        "something failed when not on a terminal; a killed run resumes where it stopped.");
  }
};

}  // namespace

std::unique_ptr<Command> MakeCrawlCommand(CLI::App& app) {
  return std::make_unique<CrawlCommand>(app);
}
std::unique_ptr<Command> MakeUpdateCommand(CLI::App& app) {
  return std::make_unique<UpdateCommand>(app);
}

}  // namespace pressmine::tools
