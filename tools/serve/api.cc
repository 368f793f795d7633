#include "tools/serve/api.h"

#include <charconv>
#include <initializer_list>
#include <optional>

#include "tools/facts_json.h"
#include "tools/json_views.h"
#include "tools/json_writer.h"
#include "tools/serve/query_deadline.h"

namespace pressmine::tools::serve {
namespace {

// A query longer than this is not something a person typed; refusing it early keeps the
// parser's and FTS5's work bounded.
constexpr size_t kMaxQueryBytes = 2000;
// Searching inside more than this many sources at once is not a filter any more.
constexpr size_t kMaxSources = 50;
// /api/facts answers this many facts unless `limit` asks for another number, and never more
// than the maximum: the command line's "all" is unbounded work for one request. Past the
// maximum is a 400, as for /api/search's limit.
constexpr int64_t kDefaultFactsLimit = 100;
constexpr int64_t kMaxFactsLimit = index::kMaxSearchLimit;

Status CheckKnown(const Params& params, std::initializer_list<std::string_view> known,
                  std::initializer_list<std::string_view> repeatable = {}) {
  for (auto it = params.begin(); it != params.end(); it = params.upper_bound(it->first)) {
    const std::string& name = it->first;
    bool ok = false;
    for (std::string_view k : known) ok = ok || k == name;
    if (!ok) {
      std::string list;
      for (std::string_view k : known) list += (list.empty() ? "" : ", ") + std::string(k);
      return Status::InvalidArgument("unknown parameter \"" + name + "\" (known: " + list + ")");
    }
    bool many = false;
    for (std::string_view r : repeatable) many = many || r == name;
    if (!many && params.count(name) > 1) {
      return Status::InvalidArgument("parameter \"" + name + "\" is given more than once");
    }
  }
  return Status::Ok();
}

const std::string* Find(const Params& params, const std::string& name) {
  auto it = params.find(name);
  return it == params.end() ? nullptr : &it->second;
}

// `what` names the value in the error ("parameter \"limit\""). No `max`: any up to int64's.
Result<int64_t> ParseInt(std::string_view what, std::string_view value, int64_t min,
                         std::optional<int64_t> max = std::nullopt) {
  int64_t n = 0;
  const char* end = value.data() + value.size();
  auto [ptr, ec] = std::from_chars(value.data(), end, n);
  if (value.empty() || ec != std::errc() || ptr != end || n < min || (max && n > *max)) {
    const std::string range = max ? "from " + std::to_string(min) + " to " + std::to_string(*max)
                                  : "of at least " + std::to_string(min);
    return Status::InvalidArgument(std::string(what) + " must be a whole number " + range +
                                   ", not \"" + std::string(value) + "\"");
  }
  return n;
}

Result<bool> ParseFlag(const std::string& name, const std::string& value) {
  if (value.empty() || value == "1" || value == "true") return true;
  if (value == "0" || value == "false") return false;
  return Status::InvalidArgument("parameter \"" + name + "\" must be 1, true, 0 or false, not \"" +
                                 value + "\"");
}

int HttpStatusFor(const Status& status, const QueryDeadline& deadline) {
  if (deadline.expired()) return 503;
  switch (status.code()) {
    case Status::Code::kInvalidArgument:
      return 400;
    case Status::Code::kNotFound:
      return 404;
    case Status::Code::kBusy:
      return 503;
    default:
      return 500;
  }
}

ApiResponse Failure(const Status& status, const QueryDeadline& deadline,
                    std::chrono::milliseconds budget) {
  const int code = HttpStatusFor(status, deadline);
  if (deadline.expired()) {
    return ErrorResponse(code, "the request took longer than " + std::to_string(budget.count()) +
                                   " ms and was stopped; narrow the query or add filters");
  }
  return ErrorResponse(code, status.message());
}

ApiResponse Ok(const JsonOut& out) { return ApiResponse{200, std::string(out.str())}; }

// What the fact store knows about one document: its facts whose offsets still point at their
// evidence in its text, and its story's other-language versions.
struct DocumentFacts {
  std::vector<index::StoredFact> facts;
  std::vector<index::DocumentHeading> translations;
};

Result<DocumentFacts> FactsOf(const Reader& reader, const index::DocumentRecord& doc) {
  DocumentFacts out;
  if (reader.facts == nullptr) return out;
  index::FactQuery q;
  q.doc_id = doc.id;
  PM_ASSIGN_OR_RETURN(std::vector<index::StoredFact> facts, reader.facts->Query(q));
  for (index::StoredFact& f : facts) {
    const size_t b = f.fact.begin, e = f.fact.end;
    if (b < e && e <= doc.text.size() && doc.text.compare(b, e - b, f.fact.text) == 0) {
      out.facts.push_back(std::move(f));
    }
  }
  PM_ASSIGN_OR_RETURN(out.translations, TranslationsOf(reader.facts, reader.documents, doc.id));
  return out;
}

}  // namespace

ApiResponse ErrorResponse(int status, std::string_view message) {
  JsonOut out;
  WriteError(out, status, message);
  return ApiResponse{status, std::string(out.str())};
}

Result<index::SearchRequest> ParseSearchParams(const Params& params, bool* explain) {
  PM_RETURN_IF_ERROR(CheckKnown(
      params, {"q", "lang", "source", "from", "to", "limit", "offset", "sort", "mono", "explain"},
      {"source"}));
  index::SearchRequest req;
  const std::string* q = Find(params, "q");
  if (q == nullptr || q->find_first_not_of(" \t\r\n") == std::string::npos) {
    return Status::InvalidArgument("parameter \"q\" (the query) is required");
  }
  if (q->size() > kMaxQueryBytes) {
    return Status::InvalidArgument("the query is longer than " + std::to_string(kMaxQueryBytes) +
                                   " bytes");
  }
  req.query = *q;
  if (const std::string* lang = Find(params, "lang"); lang != nullptr && !lang->empty()) {
    req.lang = ParseLanguageCode(*lang);
    if (!req.lang || *req.lang == Language::kUnknown) {
      return Status::InvalidArgument("parameter \"lang\" must be ru, en or other, not \"" + *lang +
                                     "\"");
    }
  }
  auto [first, last] = params.equal_range("source");
  for (auto it = first; it != last; ++it) {
    if (!it->second.empty()) req.sources.push_back(it->second);
  }
  if (req.sources.size() > kMaxSources) {
    return Status::InvalidArgument("at most " + std::to_string(kMaxSources) + " sources at once");
  }
  if (const std::string* v = Find(params, "from")) req.from = *v;
  if (const std::string* v = Find(params, "to")) req.to = *v;
  if (const std::string* v = Find(params, "limit")) {
    PM_ASSIGN_OR_RETURN(int64_t limit,
                        ParseInt("parameter \"limit\"", *v, 0, index::kMaxSearchLimit));
    req.limit = static_cast<int>(limit);
  }
  if (const std::string* v = Find(params, "offset")) {
    PM_ASSIGN_OR_RETURN(int64_t offset, ParseInt("parameter \"offset\"", *v, 0, index::kMaxRanked));
    req.offset = static_cast<int>(offset);
  }
  if (const std::string* v = Find(params, "sort")) {
    if (*v == "date") {
      req.sort = index::SortOrder::kNewestFirst;
    } else if (*v != "relevance" && !v->empty()) {
      return Status::InvalidArgument("parameter \"sort\" must be relevance or date, not \"" + *v +
                                     "\"");
    }
  }
  if (const std::string* v = Find(params, "mono")) {
    PM_ASSIGN_OR_RETURN(bool mono, ParseFlag("mono", *v));
    req.cross_language = !mono;
  }
  bool with_fts = false;
  if (const std::string* v = Find(params, "explain")) {
    PM_ASSIGN_OR_RETURN(with_fts, ParseFlag("explain", *v));
  }
  if (explain != nullptr) *explain = with_fts;
  return req;
}

ApiResponse SearchEndpoint(const Reader& reader, index::Searcher& searcher, const Params& params,
                           std::chrono::milliseconds budget) {
  bool explain = false;
  Result<index::SearchRequest> req = ParseSearchParams(params, &explain);
  if (!req.ok()) return ErrorResponse(400, req.status().message());
  QueryDeadline deadline(reader.db, budget);
  const auto start = std::chrono::steady_clock::now();
  Result<index::SearchResults> results = searcher.Search(*req);
  const auto searched = std::chrono::duration_cast<std::chrono::microseconds>(
      std::chrono::steady_clock::now() - start);
  if (!results.ok()) return Failure(results.status(), deadline, budget);
  Result<TranslationMap> translations =
      FindTranslations(reader.facts, reader.documents, results->hits);
  if (!translations.ok()) return Failure(translations.status(), deadline, budget);
  JsonOut out;
  WriteSearchResults(out, req->query, *results, explain, *translations);
  ApiResponse response = Ok(out);
  response.search_time = searched;
  return response;
}

ApiResponse DocumentEndpoint(const Reader& reader, std::string_view id_text, const Params& params,
                             std::chrono::milliseconds budget) {
  if (Status st = CheckKnown(params, {}); !st.ok()) return ErrorResponse(400, st.message());
  Result<int64_t> parsed_id = ParseInt("a document id", id_text, 1);
  if (!parsed_id.ok()) return ErrorResponse(400, parsed_id.status().message());
  const int64_t id = *parsed_id;
  QueryDeadline deadline(reader.db, budget);
  Result<std::optional<index::DocumentRecord>> doc = reader.documents.Get(id);
  if (!doc.ok()) return Failure(doc.status(), deadline, budget);
  if (!doc->has_value()) return ErrorResponse(404, "no document with id " + std::to_string(id));
  Result<std::vector<index::DocumentRecord>> history = reader.documents.History(id);
  if (!history.ok()) return Failure(history.status(), deadline, budget);
  Result<DocumentFacts> facts = FactsOf(reader, **doc);
  if (!facts.ok()) return Failure(facts.status(), deadline, budget);
  JsonOut out;
  WriteDocumentWithHistory(out, **doc, *history, &facts->facts, &facts->translations);
  return Ok(out);
}

ApiResponse StatsEndpoint(const Reader& reader, const Params& params,
                          std::chrono::milliseconds budget) {
  if (Status st = CheckKnown(params, {}); !st.ok()) return ErrorResponse(400, st.message());
  QueryDeadline deadline(reader.db, budget);
  Result<index::CorpusStats> stats = reader.documents.Stats();
  if (!stats.ok()) return Failure(stats.status(), deadline, budget);
  JsonOut out;
  WriteStats(out, *stats);
  return Ok(out);
}

ApiResponse FactsEndpoint(const Reader& reader, extract::FactExtractor& extractor,
                          const Params& params, std::chrono::milliseconds budget) {
  FactsFilter filter;
  Status parsed = [&]() -> Status {
    PM_RETURN_IF_ERROR(CheckKnown(
        params, {"type", "query", "official", "indicator", "lang", "from", "to", "doc", "limit"}));
    for (auto [name, field] : {std::pair<const char*, std::string*>{"type", &filter.type},
                               {"query", &filter.query},
                               {"official", &filter.official},
                               {"indicator", &filter.indicator},
                               {"lang", &filter.lang},
                               {"from", &filter.from},
                               {"to", &filter.to}}) {
      if (const std::string* v = Find(params, name)) *field = *v;
    }
    if (filter.query.size() > kMaxQueryBytes) {
      return Status::InvalidArgument("parameter \"query\" is longer than " +
                                     std::to_string(kMaxQueryBytes) + " bytes");
    }
    if (const std::string* v = Find(params, "doc")) {
      PM_ASSIGN_OR_RETURN(filter.doc, ParseInt("parameter \"doc\"", *v, 1));
    }
    filter.limit = kDefaultFactsLimit;
    if (const std::string* v = Find(params, "limit")) {
      PM_ASSIGN_OR_RETURN(filter.limit, ParseInt("parameter \"limit\"", *v, 1, kMaxFactsLimit));
    }
    return Status::Ok();
  }();
  if (!parsed.ok()) return ErrorResponse(400, parsed.message());
  Result<index::FactQuery> query = MakeFactQuery(filter, extractor);
  if (!query.ok()) return ErrorResponse(400, "parameter " + query.status().message());
  QueryDeadline deadline(reader.db, budget);
  std::vector<index::StoredFact> facts;
  if (reader.facts != nullptr) {
    Result<std::vector<index::StoredFact>> found = reader.facts->Query(*query);
    if (!found.ok()) return Failure(found.status(), deadline, budget);
    facts = std::move(*found);
  }
  JsonOut out;
  WriteFacts(out, facts);
  return Ok(out);
}

ApiResponse OfficialsEndpoint(const Reader& reader, const Params& params,
                              std::chrono::milliseconds budget) {
  if (Status st = CheckKnown(params, {}); !st.ok()) return ErrorResponse(400, st.message());
  QueryDeadline deadline(reader.db, budget);
  std::vector<index::OfficialSummary> officials;
  if (reader.facts != nullptr) {
    Result<std::vector<index::OfficialSummary>> found = reader.facts->Officials();
    if (!found.ok()) return Failure(found.status(), deadline, budget);
    officials = std::move(*found);
  }
  JsonOut out;
  WriteOfficials(out, officials);
  return Ok(out);
}

ApiResponse TimelineEndpoint(const Reader& reader, extract::FactExtractor& extractor,
                             const Params& params, std::chrono::milliseconds budget) {
  if (Status st = CheckKnown(params, {"indicator"}); !st.ok()) {
    return ErrorResponse(400, st.message());
  }
  const std::string* typed = Find(params, "indicator");
  if (typed == nullptr || typed->find_first_not_of(" \t\r\n") == std::string::npos) {
    return ErrorResponse(400, "parameter \"indicator\" is required (e.g. maternal_mortality)");
  }
  Result<std::string> indicator = ResolveIndicator(extractor, *typed);
  if (!indicator.ok()) return ErrorResponse(400, "parameter " + indicator.status().message());
  QueryDeadline deadline(reader.db, budget);
  Timeline timeline;
  timeline.indicator = *indicator;
  if (reader.facts != nullptr) {
    Result<Timeline> found = LoadTimeline(*reader.facts, *indicator);
    if (!found.ok()) return Failure(found.status(), deadline, budget);
    timeline = std::move(*found);
  }
  JsonOut out;
  WriteTimeline(out, timeline);
  return Ok(out);
}

}  // namespace pressmine::tools::serve
