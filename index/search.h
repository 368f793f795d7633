// Full-text search over the documents of a DocumentStore.
//
// The query text is parsed by ParseQuery (query.h) and compiled to an FTS5 expression; filters
// from the query (lang:, source:, date:) and from the request's own fields are combined (both
// must hold). Ranking is bm25 with the title weighted above the body, newer first among equal
// scores.
//
// Thread-safety: as for Database; a search only reads.
#ifndef PRESSMINE_INDEX_SEARCH_H_
#define PRESSMINE_INDEX_SEARCH_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/language.h"
#include "base/sqlite.h"
#include "base/status.h"
#include "index/lexicon_cache.h"

namespace pressmine::index {

enum class SortOrder { kRelevance, kNewestFirst };

struct SearchRequest {
  std::string query;
  std::optional<Language> lang;
  std::vector<std::string> sources;  // any of these; empty = all
  std::string from;                  // inclusive ISO date prefix ("2025", "2025-06", "2025-06-01")
  std::string to;                    // inclusive ISO date prefix
  int limit = 10;
  int offset = 0;
  SortOrder sort = SortOrder::kRelevance;
  // Expand terms across languages (translations, name keys); false searches the words as typed.
  bool cross_language = true;
  // Markers around matched terms in snippets.
  std::string highlight_open = "**";
  std::string highlight_close = "**";
};

struct SearchHit {
  int64_t id = 0;
  std::string url;
  std::string source;
  Language lang = Language::kUnknown;
  std::string title;
  std::string published;
  double score = 0;  // higher is better
  std::string snippet;
};

struct SearchResults {
  // All matches, not only those returned; when !total_exact, a lower bound: the relevance order
  // stops counting at kMaxRanked matches per language (see kMaxRanked).
  int64_t total = 0;
  bool total_exact = true;
  std::vector<SearchHit> hits;
  std::string fts_expression;    // what was sent to FTS5 (for --explain); may hold \x01 markers
};

// Limits on what a caller may ask for; larger values are a usage error, not a slow query.
inline constexpr int kMaxSearchLimit = 1000;
// In relevance order, a broad query ranks only the newest this many matches (by ingestion order)
// in its own language, then the other language's matches among the newest this many of all; its
// total is then "more than" the ranked count (total_exact false). Keeps the work of a broad query
// bounded: matches are read newest first and scored in one pass that stops here (search.cc).
// Date order counts exactly.
inline constexpr int64_t kMaxRanked = 1000;

// Runs searches on one database, keeping what a search needs loaded: the query compiler's nlp
// state and the lexicon (built and cached in the database on first use). Create one per
// connection and reuse it; a long-running server must not pay the set-up per request.
// Not thread-safe.
struct SearcherOptions {
  // Where the lexicon comes from; an empty mueller_dir builds it from the glossary alone
  // (milliseconds instead of a second: what tests that are not about the dictionary use).
  LexiconSources lexicon;
  // Keep every document's length in memory for ranking (document_lengths.h): 4 bytes a document
  // and one read of the lengths table per change of the database, against one lookup per scored
  // row. For Searchers that serve many queries (a server connection, a benchmark).
  bool keep_document_lengths = false;
};

class Searcher {
 public:
  // `db` must outlive the Searcher.
  static Result<Searcher> Open(Database& db, const SearcherOptions& options = {});

  Searcher(Searcher&&) noexcept;
  Searcher& operator=(Searcher&&) noexcept;
  ~Searcher();

  // kInvalidArgument for a malformed query or bad filter values, with a message for the user.
  Result<SearchResults> Search(const SearchRequest& request);

  // What the lexicon was built from, for --explain.
  std::string LexiconDescription() const;

 private:
  struct Impl;
  explicit Searcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// One search with a Searcher made for it (convenient for single queries and tests).
Result<SearchResults> Search(Database& db, const SearchRequest& request,
                             const SearcherOptions& options = {});

}  // namespace pressmine::index

#endif  // PRESSMINE_INDEX_SEARCH_H_
