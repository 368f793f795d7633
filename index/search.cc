#include "index/search.h"

#include "index/query.h"

namespace pressmine::index {
namespace {

// bm25 column weights: a word in the title says more about a release than one in the body.
constexpr double kTitleWeight = 5.0;
constexpr double kTextWeight = 1.0;
// Snippet length in tokens, as FTS5's snippet() counts them.
constexpr int kSnippetTokens = 24;
// Filter-only queries show the opening of the text instead of a snippet.
constexpr size_t kLeadBytes = 200;

struct Filters {
  std::optional<Language> lang;
  std::vector<std::string> sources;
  std::string from;      // inclusive lower bound
  std::string to_excl;   // exclusive upper bound
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
      return Status::InvalidArgument("\"" + *d + "\" is not a date: use YYYY, YYYY-MM or YYYY-MM-DD");
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

// Appends " AND ..." conditions on documents `d`; returns the parameters to bind in order.
std::vector<std::string> FilterSql(const Filters& f, std::string& sql, int first_param) {
  std::vector<std::string> params;
  auto param = [&](std::string value) {
    params.push_back(std::move(value));
    return "?" + std::to_string(first_param + static_cast<int>(params.size()) - 1);
  };
  if (f.lang) sql += " AND d.lang = " + param(std::string(LanguageCode(*f.lang)));
  if (!f.sources.empty()) {
    sql += " AND d.source IN (";
    for (size_t i = 0; i < f.sources.size(); ++i) {
      if (i > 0) sql += ", ";
      sql += param(f.sources[i]);
    }
    sql += ")";
  }
  if (!f.from.empty()) sql += " AND d.published >= " + param(f.from);
  if (!f.to_excl.empty()) sql += " AND d.published < " + param(f.to_excl);
  return params;
}

std::string Lead(const std::string& text) {
  if (text.size() <= kLeadBytes) return text;
  size_t cut = kLeadBytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary
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

Result<SearchResults> Search(Database& db, const SearchRequest& req) {
  if (req.limit < 0 || req.limit > kMaxSearchLimit) {
    return Status::InvalidArgument("the limit must be between 0 and " +
                                   std::to_string(kMaxSearchLimit));
  }
  if (req.offset < 0) return Status::InvalidArgument("the offset must not be negative");
  PM_ASSIGN_OR_RETURN(Query query, ParseQuery(req.query));
  PM_ASSIGN_OR_RETURN(Filters filters, CombineFilters(req, query));

  SearchResults results;
  const bool full_text = query.root.has_value();
  if (full_text) results.fts_expression = ToFts5(*query.root);

  std::string from_where;
  if (full_text) {
    from_where = " FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid "
                 "WHERE documents_fts MATCH ?1";
  } else {
    from_where = " FROM documents d WHERE ?1 IS NULL";
  }
  const std::vector<std::string> params = FilterSql(filters, from_where, 2);
  auto bind_all = [&](Statement& s) {
    if (full_text) {
      s.Bind(1, results.fts_expression);
    } else {
      s.BindNull(1);
    }
    for (size_t i = 0; i < params.size(); ++i) s.Bind(static_cast<int>(i) + 2, params[i]);
  };

  PM_ASSIGN_OR_RETURN(Statement count, db.Prepare("SELECT count(*)" + from_where));
  bind_all(count);
  Result<bool> counted = count.Step();
  if (!counted.ok()) return MatchError(counted.status(), req.query);
  results.total = count.ColumnInt(0);
  if (req.limit == 0 || results.total == 0) return results;

  std::string select =
      "SELECT d.id, d.url, d.source, d.lang, d.title, d.published, ";
  if (full_text) {
    const int p = static_cast<int>(params.size()) + 2;
    select += "-bm25(documents_fts, " + std::to_string(kTitleWeight) + ", " +
              std::to_string(kTextWeight) + ") AS score, snippet(documents_fts, 1, ?" +
              std::to_string(p) + ", ?" + std::to_string(p + 1) + ", '…', " +
              std::to_string(kSnippetTokens) + ")";
  } else {
    select += "0.0 AS score, d.text";
  }
  select += from_where;
  select += req.sort == SortOrder::kNewestFirst || !full_text
                ? " ORDER BY d.published IS NULL, d.published DESC, score DESC"
                : " ORDER BY score DESC, d.published IS NULL, d.published DESC";
  select += " LIMIT " + std::to_string(req.limit) + " OFFSET " + std::to_string(req.offset);

  PM_ASSIGN_OR_RETURN(Statement rows, db.Prepare(select));
  bind_all(rows);
  if (full_text) {
    const int p = static_cast<int>(params.size()) + 2;
    rows.Bind(p, req.highlight_open).Bind(p + 1, req.highlight_close);
  }
  for (;;) {
    Result<bool> row = rows.Step();
    if (!row.ok()) return MatchError(row.status(), req.query);
    if (!*row) break;
    SearchHit hit;
    hit.id = rows.ColumnInt(0);
    hit.url = rows.ColumnText(1);
    hit.source = rows.ColumnText(2);
    hit.lang = ParseLanguageCode(rows.ColumnText(3)).value_or(Language::kUnknown);
    hit.title = rows.ColumnText(4);
    hit.published = rows.ColumnText(5);
    hit.score = rows.ColumnDouble(6);
    hit.snippet = OneLine(full_text ? rows.ColumnText(7) : Lead(rows.ColumnText(7)));
    results.hits.push_back(std::move(hit));
  }
  return results;
}

}  // namespace pressmine::index
