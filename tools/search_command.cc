// pressmine search QUERY : ranked full-text search.
#include <algorithm>
#include <iostream>

#include <set>

#include "index/document_store.h"
#include "index/fact_store.h"
#include "index/search.h"
#include "tools/command.h"
#include "tools/json_views.h"

namespace pressmine::tools {
namespace {

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

// A command opens its stores for one search; the server keeps them per connection.
Result<TranslationMap> FindStoryTranslations(Database& db,
                                             const std::vector<index::SearchHit>& hits) {
  PM_ASSIGN_OR_RETURN(std::optional<index::FactStore> facts, index::FactStore::OpenIfCurrent(db));
  PM_ASSIGN_OR_RETURN(index::DocumentStore documents, index::DocumentStore::Open(db));
  return FindTranslations(facts ? &*facts : nullptr, documents, hits);
}

class SearchCommand final : public Command {
 public:
  explicit SearchCommand(CLI::App& app) {
    cmd_ = app.add_subcommand("search", "Search releases (ranked, with highlighted snippets)");
    cmd_->add_option("query", query_words_, "Query (several words are joined)")->required();
    cmd_->add_option("--lang", lang_, "Only releases in this language")
        ->check(CLI::IsMember({"ru", "en", "other"}));
    cmd_->add_option("--from", from_, "Published on or after: YYYY, YYYY-MM or YYYY-MM-DD");
    cmd_->add_option("--to", to_, "Published on or before: YYYY, YYYY-MM or YYYY-MM-DD");
    cmd_->add_option("--source", sources_, "Only this source (repeatable)");
    cmd_->add_option("--limit", limit_, "How many results")->capture_default_str()
        ->check(CLI::Range(0, index::kMaxSearchLimit));
    cmd_->add_option("--offset", offset_, "Skip this many results (paging)")->capture_default_str()
        ->check(CLI::NonNegativeNumber);
    cmd_->add_option("--sort", sort_, "relevance or date (newest first)")->capture_default_str()
        ->check(CLI::IsMember({"relevance", "date"}));
    cmd_->add_flag("--explain", explain_, "Print the full-text expression the query compiles to");
    cmd_->add_flag("--mono", mono_, "No cross-language expansion: search the words as typed");
    cmd_->add_flag("--json", json_, "Print one JSON object for scripts");
    cmd_->footer(
        "Query language:\n"
        "  words                all must match        \"a phrase\"      words in order\n"
        "  a OR b               either                -word           must not match\n"
        "  immun*               prefix                (a OR b) c      grouping\n"
        "  title:word           in the title          lang:ru|en      language filter\n"
        "  source:NAME          source filter         date:2025-01..2026-03  date range\n");
  }

  CLI::App* subcommand() const override { return cmd_; }

  int Run(const GlobalOptions& global) override {
    Result<Database> db = OpenDatabase(global, /*must_exist=*/true);
    if (!db.ok()) {
      PrintError("search", db.status().message());
      return kExitRuntimeError;
    }
    index::SearchRequest req;
    req.query = Join(query_words_);
    if (!lang_.empty()) req.lang = ParseLanguageCode(lang_);
    req.sources = sources_;
    req.from = from_;
    req.to = to_;
    req.limit = limit_;
    req.offset = offset_;
    req.sort = sort_ == "date" ? index::SortOrder::kNewestFirst : index::SortOrder::kRelevance;
    req.cross_language = !mono_;
    const bool color = !json_ && StdoutIsTerminal();
    if (color) {
      req.highlight_open = "\x1b[1m";
      req.highlight_close = "\x1b[0m";
    }
    Result<index::SearchResults> results = index::Search(*db, req);
    if (!results.ok()) {
      PrintError("search", results.status().message());
      return ExitCodeFor(results.status());
    }
    Result<TranslationMap> translations = FindStoryTranslations(*db, results->hits);
    if (!translations.ok()) {
      PrintError("search", translations.status().message());
      return ExitCodeFor(translations.status());
    }
    if (json_) {
      PrintJson(req, *results, *translations);
    } else {
      PrintText(req, *results, *translations);
    }
    return kExitOk;
  }

 private:
  void PrintJson(const index::SearchRequest& req, const index::SearchResults& r,
                 const TranslationMap& translations) {
    JsonOut out;
    WriteSearchResults(out, req.query, r, explain_, translations);
    out.Print();
  }

  // One story, both versions: a hit whose other-language version is on the same page is shown
  // under it rather than on its own. Entries are numbered by their rank, so the numbers, the
  // "showing" range and the next page's offset all count results, not entries.
  void PrintText(const index::SearchRequest& req, const index::SearchResults& r,
                 const TranslationMap& translations) {
    if (explain_) std::cout << "fts: " << ReadableFts(r.fts_expression) << "\n";
    if (r.total == 0) {
      std::cout << "No results for \"" << req.query << "\".\n";
      return;
    }
    struct Entry {
      size_t hit;
      std::vector<size_t> others;  // other-language versions on this page
    };
    std::vector<Entry> entries;
    std::set<int64_t> shown;
    for (size_t i = 0; i < r.hits.size(); ++i) {
      if (!shown.insert(r.hits[i].id).second) continue;
      Entry e{i, {}};
      if (auto it = translations.find(r.hits[i].id); it != translations.end()) {
        for (const index::DocumentHeading& other : it->second) {
          for (size_t j = i + 1; j < r.hits.size(); ++j) {
            if (r.hits[j].id == other.id && shown.insert(other.id).second) e.others.push_back(j);
          }
        }
      }
      entries.push_back(std::move(e));
    }
    std::cout << (r.total_exact ? "" : "more than ") << r.total
              << (r.total == 1 && r.total_exact ? " result" : " results") << " for \"" << req.query
              << "\"";
    if (!r.hits.empty()) {
      std::cout << " (showing " << req.offset + 1 << "-" << req.offset + static_cast<int>(r.hits.size());
      if (entries.size() < r.hits.size()) {
        std::cout << ", in " << entries.size() << (entries.size() == 1 ? " entry" : " entries")
                  << ": a story's two languages share one";
      }
      std::cout << ")";
    }
    std::cout << "\n\n";
    auto title = [](const index::SearchHit& h) { return h.title.empty() ? "(untitled)" : h.title; };
    for (const Entry& e : entries) {
      const index::SearchHit& h = r.hits[e.hit];
      std::cout << req.offset + static_cast<int>(e.hit) + 1 << ". " << title(h) << "\n   "
                << (h.published.empty() ? "undated" : h.published) << " | " << LanguageCode(h.lang)
                << " | " << h.source << " | " << h.url << "\n   " << h.snippet << "\n";
      for (size_t j : e.others) {
        const index::SearchHit& o = r.hits[j];
        std::cout << "   also in " << LanguageCode(o.lang) << ": " << title(o) << " | " << o.url
                  << " (result " << req.offset + static_cast<int>(j) + 1 << ")\n";
      }
      if (auto it = translations.find(h.id); it != translations.end()) {
        for (const index::DocumentHeading& other : it->second) {
          const bool on_page =
              std::any_of(r.hits.begin(), r.hits.end(),
                          [&](const index::SearchHit& x) { return x.id == other.id; });
          if (!on_page) {
            std::cout << "   also in " << LanguageCode(other.lang) << ": "
                      << (other.title.empty() ? "(untitled)" : other.title) << " (document #"
                      << other.id << ")\n";
          }
        }
      }
      std::cout << "\n";
    }
  }

  CLI::App* cmd_;
  std::vector<std::string> query_words_;
  std::string lang_;
  std::string from_;
  std::string to_;
  std::vector<std::string> sources_;
  int limit_ = 10;
  int offset_ = 0;
  std::string sort_ = "relevance";
  bool explain_ = false;
  bool mono_ = false;
  bool json_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeSearchCommand(CLI::App& app) { return std::make_unique<SearchCommand>(app); }

}  // namespace pressmine::tools
