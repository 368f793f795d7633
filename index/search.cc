#include "index/search.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <span>

#include "index/document_lengths.h"
#include "index/fts_rank.h"
#include "index/fts_tokenizer.h"
#include "index/lexicon_cache.h"
#include "index/query.h"
#include "index/query_compiler.h"
#include "index/snippet.h"

namespace pressmine::index {
namespace {

// bm25 column weights: a word in the title says more about a release than one in the body
// (pm_bm25 never counts the meta column, which holds only filter tokens).
constexpr double kTitleWeight = 5.0;
constexpr double kTextWeight = 1.0;
// Date ranges longer than this are not enumerated as month tokens; the SQL bound alone applies.
constexpr int kMaxMonthTokens = 240;
// Snippet length in tokens, as FTS5's snippet() counts them.
constexpr int kSnippetTokens = 24;
// Filter-only queries show the opening of the text instead of a snippet.
constexpr size_t kLeadBytes = 200;

struct Filters {
  std::optional<Language> lang;
  std::vector<std::string> sources;
  std::string from;     // inclusive lower bound
  std::string to_excl;  // exclusive upper bound
};

Result<Filters> CombineFilters(const SearchRequest& req, const Query& q) {
  Filters f;
  if (req.lang && q.lang && *req.lang != *q.lang) {
    return Status::InvalidArgument("--lang " + std::string(LanguageCode(*req.lang)) +
                                   " contradicts lang:" + std::string(LanguageCode(*q.lang)) +
                                   " in the query");
  }
  f.lang = req.lang ? req.lang : q.lang;
  // Sources from the flag and from the query both restrict: with both, only their intersection.
  if (!req.sources.empty() && !q.sources.empty()) {
    for (const std::string& s : q.sources) {
      for (const std::string& r : req.sources) {
        if (s == r) f.sources.push_back(s);
      }
    }
    if (f.sources.empty()) f.sources.push_back("\x01no source matches both\x01");
  } else {
    f.sources = req.sources.empty() ? q.sources : req.sources;
  }
  for (const std::string* d : {&req.from, &req.to}) {
    if (!d->empty() && !IsIsoDatePrefix(*d)) {
      return Status::InvalidArgument("\"" + *d +
                                     "\" is not a date: use YYYY, YYYY-MM or YYYY-MM-DD");
    }
  }
  std::string from = req.from;
  std::string to = req.to;
  if (q.dates) {  // the tighter bound of each side wins
    if (!q.dates->from.empty() && q.dates->from > from) from = q.dates->from;
    if (!q.dates->to.empty() && (to.empty() || q.dates->to < to)) to = q.dates->to;
  }
  f.from = from;
  if (!to.empty()) f.to_excl = ExclusiveUpperBound(to);
  return f;
}

// The reserved-token part of the MATCH expression: language, sources and the months or years a
// date range covers. Returns "" when nothing is filtered by token. `dates_exact` tells whether the
// tokens alone decide the date filter (month or year bounds); otherwise (day bounds, open
// ranges) the rows need the exact check on documents.published.
std::string FilterMatch(const Filters& f, bool* dates_exact) {
  *dates_exact = f.from.empty() && f.to_excl.empty();
  std::vector<std::string> parts;
  if (f.lang) parts.push_back("meta : " + VerbatimFtsString({LanguageToken(*f.lang)}));
  if (!f.sources.empty()) {
    std::string any = "meta : (";
    for (size_t i = 0; i < f.sources.size(); ++i) {
      if (i > 0) any += " OR ";
      any += VerbatimFtsString({SourceToken(f.sources[i])});
    }
    parts.push_back(any + ")");
  }
  if (!f.from.empty() && !f.to_excl.empty()) {
    // Months from the first covered to the last covered; whole years collapse to a year token.
    auto parse = [](std::string_view d, int& y, int& m) {
      std::from_chars(d.data(), d.data() + 4, y);
      m = d.size() >= 7 ? (d[5] - '0') * 10 + (d[6] - '0') : 1;
    };
    int y0 = 0, m0 = 0, y1 = 0, m1 = 0;
    parse(f.from, y0, m0);
    parse(f.to_excl, y1, m1);
    // to_excl is exclusive: step back to the last covered month unless it is mid-month.
    if (f.to_excl.size() <= 7 || f.to_excl.substr(8, 2) == "01") {
      if (--m1 == 0) {
        m1 = 12;
        --y1;
      }
    }
    const int months = (y1 - y0) * 12 + (m1 - m0) + 1;
    if (months > 0 && months <= kMaxMonthTokens) {
      std::string any = "meta : (";
      bool first = true;
      auto add = [&](const std::string& token) {
        if (!first) any += " OR ";
        first = false;
        any += VerbatimFtsString({token});
      };
      for (int y = y0, m = m0; y < y1 || (y == y1 && m <= m1);) {
        char ym[32];
        std::snprintf(ym, sizeof ym, "%04d-%02d", y, m);
        if (m == 1 && (y < y1 || m1 == 12)) {
          add(YearToken(std::string_view(ym, 4)));
          ++y;
          continue;
        }
        add(MonthToken(ym));
        if (++m == 13) {
          m = 1;
          ++y;
        }
      }
      parts.push_back(any + ")");
      *dates_exact = f.from.size() <= 7 && f.to_excl.size() <= 7;
    }
  }
  std::string out;
  for (const std::string& p : parts) {
    if (!out.empty()) out += " AND ";
    out += p;
  }
  return out;
}

std::string Lead(const std::string& text) {
  if (text.size() <= kLeadBytes) return text;
  size_t cut = kLeadBytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
    --cut;  // UTF-8 boundary
  return text.substr(0, cut) + "…";
}

// Snippets are one line: paragraph breaks inside them become spaces.
std::string OneLine(std::string s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

Status MatchError(const Status& st, const std::string& query) {
  // SQLite's text ("fts5: syntax error near ...") means nothing to a journalist.
  if (st.code() == Status::Code::kBusy || st.code() == Status::Code::kIoError ||
      st.code() == Status::Code::kCorruption) {
    return st;
  }
  return Status::InvalidArgument("the query \"" + query + "\" cannot be searched");
}

}  // namespace

SearchHit ReadHit(const Statement& row) {
  SearchHit hit;
  hit.id = row.ColumnInt(0);
  hit.url = row.ColumnText(1);
  hit.source = row.ColumnText(2);
  hit.lang = ParseLanguageCode(row.ColumnText(3)).value_or(Language::kUnknown);
  hit.title = row.ColumnText(4);
  hit.published = row.ColumnText(5);
  hit.score = row.ColumnDouble(6);
  return hit;
}

// The newest matches of one MATCH expression, newest first, at most kMaxRanked of them, with
// their bm25 scores when `scored`. One evaluation of the expression gives both the ranked window
// and the count: FTS5 reads the doclists newest first and stops after the window, so a broad query
// costs no more than a narrow one. `capped` says that more matches exist beyond the window.
struct Window {
  std::vector<std::pair<int64_t, double>> rows;  // (rowid, score)
  bool capped = false;
};

// The relevance order's statements, prepared once per Searcher: their SQL depends only on
// whether dates need the exact check, so a server's connection keeps a handful. Each use starts
// from a reset statement, and ends by resetting it so no read stays open between searches.
class StatementCache {
 public:
  explicit StatementCache(Database& db) : db_(&db) {}

  Result<Statement*> Get(const std::string& sql) {
    auto it = cache_.find(sql);
    if (it == cache_.end()) {
      PM_ASSIGN_OR_RETURN(Statement s, db_->Prepare(sql));
      it = cache_.emplace(sql, std::move(s)).first;
    }
    it->second.Reset();
    return &it->second;
  }

 private:
  Database* db_;
  std::map<std::string, Statement> cache_;
};

// Resets a cached statement when a use of it ends, however it ends.
struct ResetOnExit {
  Statement* s;
  ~ResetOnExit() { s->Reset(); }
};

// What a window's scores need besides the expression: how many of its phrases are the query's
// (they come first; 0 = do not score), the table's rowid range and the document lengths, when
// held (fts_rank.h).
struct Scoring {
  int phrases = 0;
  int64_t first_rowid = 0;
  int64_t last_rowid = 0;
  const DocumentLengths* lengths = nullptr;
};

Result<Window> NewestMatches(StatementCache& statements, const SearchRequest& req,
                             const std::string& match, const Scoring& scoring,
                             const Filters& filters, bool dates_exact) {
  const bool scored = scoring.phrases > 0;
  const std::string bm25 = std::string(kRankFunctionName) + "(documents_fts, ?4, " +
                           std::to_string(kTitleWeight) + ", " + std::to_string(kTextWeight) +
                           ", ?5, ?6, ?7)";
  std::string sql =
      "SELECT documents_fts.rowid, " + (scored ? bm25 : std::string("0.0")) + " FROM documents_fts";
  if (!dates_exact) sql += " JOIN documents d ON d.id = documents_fts.rowid";
  sql += " WHERE documents_fts MATCH ?1";
  if (!dates_exact) sql += " AND (?2 = '' OR d.published >= ?2) AND (?3 = '' OR d.published < ?3)";
  sql += " ORDER BY documents_fts.rowid DESC LIMIT " + std::to_string(kMaxRanked + 1);
  PM_ASSIGN_OR_RETURN(Statement * statement, statements.Get(sql));
  ResetOnExit reset{statement};
  Statement& s = *statement;
  s.Bind(1, match);
  if (!dates_exact) s.Bind(2, filters.from).Bind(3, filters.to_excl);
  if (scored) {
    s.Bind(4, scoring.phrases).Bind(5, scoring.first_rowid).Bind(6, scoring.last_rowid);
    if (scoring.lengths != nullptr) {
      s.BindPointer(7, scoring.lengths, kDocumentLengthsPointerType);
    } else {
      s.BindNull(7);
    }
  }
  Window w;
  for (;;) {
    Result<bool> row = s.Step();
    if (!row.ok()) return MatchError(row.status(), req.query);
    if (!*row) break;
    w.rows.emplace_back(s.ColumnInt(0), s.ColumnDouble(1));
  }
  if (static_cast<int64_t>(w.rows.size()) > kMaxRanked) {
    w.rows.pop_back();
    w.capped = true;
  }
  return w;
}

void SortByScore(std::vector<std::pair<int64_t, double>>& rows) {
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first > b.first;  // newer first on ties
  });
}

// Reads the page's rows, one lookup by id each, in the order given, with their snippets
// (snippet.h), or the opening of the text when `phrases` is null (a filter-only query; then
// `tokenizer` may be null too).
Status ReadPage(StatementCache& statements, const SearchRequest& req,
                std::span<const std::pair<int64_t, double>> page, IndexTokenizer* tokenizer,
                const std::vector<SnippetPhrase>* phrases, SearchResults& results) {
  PM_ASSIGN_OR_RETURN(Statement * read_statement,
                      statements.Get("SELECT d.id, d.url, d.source, d.lang, d.title, d.published, "
                                     "0.0, d.text FROM documents d WHERE d.id = ?1"));
  ResetOnExit reset{read_statement};
  Statement& read = *read_statement;
  SnippetOptions snippet;
  snippet.tokens = kSnippetTokens;
  snippet.open = req.highlight_open;
  snippet.close = req.highlight_close;
  for (const auto& [id, score] : page) {
    read.Reset();
    read.Bind(1, id);
    Result<bool> row = read.Step();
    if (!row.ok()) return MatchError(row.status(), req.query);
    if (!*row) continue;
    SearchHit hit = ReadHit(read);
    hit.score = score;
    hit.snippet = OneLine(phrases ? MakeSnippet(read.ColumnText(7), *phrases, *tokenizer, snippet)
                                  : Lead(read.ColumnText(7)));
    results.hits.push_back(std::move(hit));
  }
  return Status::Ok();
}

// Relevance order:
//   1. the newest kMaxRanked matches in the query's own language (its =l: token narrows the
//      match), ranked by bm25 and listed first; then the other matches among the newest
//      kMaxRanked of the whole match, ranked after them. Each window is found (and scored, when
//      the page needs its scores) in one pass (NewestMatches), which also counts it. The whole
//      window holds every own-language match it reaches (they are at most kMaxRanked, and the
//      own window has the newest kMaxRanked of them), so the other language's matches are the
//      whole window less the own window. A language filter decides the split by itself.
//   2. the page's rows, one lookup by id each, and their snippets (snippet.h).
Status RankedSearch(StatementCache& statements, const SearchRequest& req, const std::string& match,
                    int query_phrases, Language query_language, const Filters& filters,
                    bool dates_exact, const DocumentLengths* lengths, IndexTokenizer& tokenizer,
                    const std::vector<SnippetPhrase>& phrases, SearchResults& results) {
  Scoring scored;
  if (req.limit > 0) {
    PM_ASSIGN_OR_RETURN(Statement * range, statements.Get("SELECT (SELECT min(id) FROM documents), "
                                                          "(SELECT max(id) FROM documents)"));
    ResetOnExit reset{range};
    PM_RETURN_IF_ERROR(range->Step().status());
    scored = Scoring{std::max(query_phrases, 1), range->ColumnInt(0), range->ColumnInt(1), lengths};
  }
  const size_t page_end = static_cast<size_t>(req.offset) + static_cast<size_t>(req.limit);
  std::vector<std::pair<int64_t, double>> ranked;
  bool capped = false;
  if (query_language != Language::kUnknown && !filters.lang) {
    const std::string lang_token = "meta : " + VerbatimFtsString({LanguageToken(query_language)});
    PM_ASSIGN_OR_RETURN(Window own,
                        NewestMatches(statements, req, "(" + match + ") AND " + lang_token, scored,
                                      filters, dates_exact));
    SortByScore(own.rows);
    const bool other_on_page = req.limit > 0 && own.rows.size() < page_end;
    PM_ASSIGN_OR_RETURN(Window all,
                        NewestMatches(statements, req, match, other_on_page ? scored : Scoring{},
                                      filters, dates_exact));
    std::vector<int64_t> own_ids;
    own_ids.reserve(own.rows.size());
    for (const auto& row : own.rows) own_ids.push_back(row.first);
    std::sort(own_ids.begin(), own_ids.end());
    ranked = std::move(own.rows);
    const size_t own_count = ranked.size();
    for (const auto& row : all.rows) {
      if (!std::binary_search(own_ids.begin(), own_ids.end(), row.first)) ranked.push_back(row);
    }
    if (other_on_page) {
      std::vector<std::pair<int64_t, double>> other(ranked.begin() + own_count, ranked.end());
      SortByScore(other);
      std::copy(other.begin(), other.end(), ranked.begin() + own_count);
    }
    capped = own.capped || all.capped;
  } else {
    // One language, or a query without one: a single window. (With a language filter, every
    // match is in the query's own language or none is.)
    PM_ASSIGN_OR_RETURN(Window all,
                        NewestMatches(statements, req, match, scored, filters, dates_exact));
    SortByScore(all.rows);
    ranked = std::move(all.rows);
    capped = all.capped;
  }
  results.total = static_cast<int64_t>(ranked.size());
  results.total_exact = !capped;
  if (req.limit == 0 || static_cast<size_t>(req.offset) >= ranked.size()) return Status::Ok();
  const auto first = ranked.begin() + req.offset;
  const auto last = ranked.size() > page_end
                        ? ranked.begin() + static_cast<std::ptrdiff_t>(page_end)
                        : ranked.end();
  return ReadPage(statements, req, {first, last}, &tokenizer, &phrases, results);
}

struct Searcher::Impl {
  Database* db;
  SearcherOptions options;
  StatementCache statements;
  // Loaded on the first query that expands across languages: a malformed, filter-only or
  // --mono query never pays for the lexicon.
  std::shared_ptr<const nlp::Lexicon> lexicon;
  std::optional<QueryCompiler> compiler;
  std::optional<IndexTokenizer> tokenizer;  // for snippets
  std::optional<DocumentLengths> lengths;   // when options.keep_document_lengths

  // The document lengths for ranking, refreshed when the database changed; null when not kept.
  Result<const DocumentLengths*> Lengths() {
    if (!options.keep_document_lengths) return nullptr;
    if (!lengths) lengths.emplace();
    PM_RETURN_IF_ERROR(lengths->Refresh(*db));
    return &*lengths;
  }

  Result<IndexTokenizer*> Tokenizer() {
    if (!tokenizer) {
      PM_ASSIGN_OR_RETURN(IndexTokenizer t, IndexTokenizer::Create());
      tokenizer.emplace(std::move(t));
    }
    return &*tokenizer;
  }

  Result<QueryCompiler*> Compiler() {
    if (!compiler) {
      PM_ASSIGN_OR_RETURN(lexicon, LoadLexicon(*db, options.lexicon));
      PM_ASSIGN_OR_RETURN(QueryCompiler c, QueryCompiler::Create(lexicon));
      compiler.emplace(std::move(c));
    }
    return &*compiler;
  }
};

Result<Searcher> Searcher::Open(Database& db, const SearcherOptions& options) {
  return Searcher(std::make_unique<Impl>(
      Impl{&db, options, StatementCache(db), nullptr, std::nullopt, std::nullopt, std::nullopt}));
}

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;
Searcher::~Searcher() = default;

std::string Searcher::LexiconDescription() const {
  return impl_->lexicon ? std::string(impl_->lexicon->description()) : std::string();
}

Result<SearchResults> Search(Database& db, const SearchRequest& request,
                             const SearcherOptions& options) {
  PM_ASSIGN_OR_RETURN(Searcher searcher, Searcher::Open(db, options));
  return searcher.Search(request);
}

Result<SearchResults> Searcher::Search(const SearchRequest& req) {
  if (req.limit < 0 || req.limit > kMaxSearchLimit) {
    return Status::InvalidArgument("the limit must be between 0 and " +
                                   std::to_string(kMaxSearchLimit));
  }
  if (req.offset < 0) return Status::InvalidArgument("the offset must not be negative");
  PM_ASSIGN_OR_RETURN(Query query, ParseQuery(req.query));
  PM_ASSIGN_OR_RETURN(Filters filters, CombineFilters(req, query));

  SearchResults results;
  const bool full_text = query.root.has_value();
  std::string match;
  Language query_language = Language::kUnknown;
  if (full_text && req.cross_language) {
    PM_ASSIGN_OR_RETURN(QueryCompiler * compiler, impl_->Compiler());
    CompiledQuery compiled = compiler->Compile(*query.root, CompileOptions{});
    match = "{title text} : (" + compiled.fts + ")";
    query_language = compiled.language;
  } else if (full_text) {
    match = "{title text} : (" + ToFts5(*query.root) + ")";
  }
  const int query_phrases = CountFtsPhrases(match);  // before the filter phrases are added
  const size_t query_end = match.size();
  bool dates_exact = true;
  if (const std::string filter = FilterMatch(filters, &dates_exact); !filter.empty()) {
    match = match.empty() ? filter : match + " AND " + filter;
  }
  results.fts_expression = match;
  if (full_text && req.sort == SortOrder::kRelevance) {
    PM_ASSIGN_OR_RETURN(IndexTokenizer * tokenizer, impl_->Tokenizer());
    const std::vector<SnippetPhrase> phrases =
        req.limit > 0 ? SnippetPhrases(match.substr(0, query_end), *tokenizer)
                      : std::vector<SnippetPhrase>();
    const DocumentLengths* lengths = nullptr;
    if (req.limit > 0) {
      PM_ASSIGN_OR_RETURN(lengths, impl_->Lengths());
    }
    PM_RETURN_IF_ERROR(RankedSearch(impl_->statements, req, match, query_phrases, query_language,
                                    filters, dates_exact, lengths, *tokenizer, phrases, results));
    return results;
  }

  // Date order and filter-only queries read the publication date of every match: order by it,
  // with exact date bounds (day precision, open ranges) checked on the rows. Only the page's rows
  // are read whole: a snippet or a text column in the sorted query would be made for every match.
  std::string from_where =
      " FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid"
      " WHERE documents_fts MATCH ?1 AND (?2 = '' OR d.published >= ?2)"
      " AND (?3 = '' OR d.published < ?3)";
  // With no day bounds the index tokens decide the filters: count inside FTS5 alone.
  bool count_in_fts = dates_exact;
  std::string count_sql = count_in_fts ? "SELECT count(*) FROM documents_fts WHERE documents_fts "
                                         "MATCH ?1"
                                       : "SELECT count(*)" + from_where;
  if (match.empty()) {
    // Only open-ended date bounds: nothing to match on; scan the dated documents by index.
    from_where =
        " FROM documents d WHERE ?1 = '' AND (?2 = '' OR d.published >= ?2)"
        " AND (?3 = '' OR d.published < ?3) AND d.published IS NOT NULL";
    count_sql = "SELECT count(*)" + from_where;
    count_in_fts = false;
  }
  auto bind_common = [&](Statement& s) {
    s.Bind(1, match).Bind(2, filters.from).Bind(3, filters.to_excl);
  };
  PM_ASSIGN_OR_RETURN(Statement * count, impl_->statements.Get(count_sql));
  ResetOnExit reset_count{count};
  if (count_in_fts) {
    count->Bind(1, match);
  } else {
    bind_common(*count);
  }
  Result<bool> counted = count->Step();
  if (!counted.ok()) return MatchError(counted.status(), req.query);
  results.total = count->ColumnInt(0);
  if (req.limit == 0 || results.total == 0) return results;

  PM_ASSIGN_OR_RETURN(
      Statement * rows,
      impl_->statements.Get("SELECT d.id" + from_where +
                            " ORDER BY d.published IS NULL, d.published DESC, d.id DESC"
                            " LIMIT ?4 OFFSET ?5"));
  ResetOnExit reset_rows{rows};
  bind_common(*rows);
  rows->Bind(4, req.limit).Bind(5, req.offset);
  std::vector<std::pair<int64_t, double>> page;
  for (;;) {
    Result<bool> row = rows->Step();
    if (!row.ok()) return MatchError(row.status(), req.query);
    if (!*row) break;
    page.emplace_back(rows->ColumnInt(0), 0.0);
  }
  // A filter-only query shows the texts' openings and never needs the tokenizer.
  IndexTokenizer* tokenizer = nullptr;
  std::vector<SnippetPhrase> phrases;
  if (full_text) {
    PM_ASSIGN_OR_RETURN(tokenizer, impl_->Tokenizer());
    phrases = SnippetPhrases(match.substr(0, query_end), *tokenizer);
  }
  PM_RETURN_IF_ERROR(
      ReadPage(impl_->statements, req, page, tokenizer, full_text ? &phrases : nullptr, results));
  return results;
}

}  // namespace pressmine::index
