// The JSON API behind `pressmine serve`, free of HTTP: each endpoint is a function from the
// request's parameters and a read-only connection's stores (Reader) to a status code and a JSON
// body, so it is tested without a socket and the HTTP layer stays a thin adapter.
//
// Bodies are the command line's JSON (tools/json_views.h), so a script can switch between
// `pressmine search --json` and /api/search freely. Every failure is {"error", "status"}:
//   400  a bad parameter (unknown name, repeated, not a number, out of range) or a malformed
//        query, with the message the command line would print
//   404  no such document
//   503  the request ran past its time budget (QueryDeadline) and was cut off
//   500  the database failed
//
// Thread-safety: the functions keep no state; the Reader belongs to the calling thread.
#ifndef PRESSMINE_TOOLS_SERVE_API_H_
#define PRESSMINE_TOOLS_SERVE_API_H_

#include <chrono>
#include <map>
#include <string>
#include <string_view>

#include "base/sqlite.h"
#include "base/status.h"
#include "extract/facts.h"
#include "index/search.h"
#include "tools/serve/connection_pool.h"

namespace pressmine::tools::serve {

// Query-string parameters in arrival order per name (the type cpp-httplib uses).
using Params = std::multimap<std::string, std::string>;

struct ApiResponse {
  int status = 200;
  std::string body;  // JSON
  // Time spent inside index::Searcher::Search (search requests only), so the server can report
  // how much of a request is search and how much is everything around it (Server-Timing).
  std::chrono::microseconds search_time{0};
};

// /api/search?q=QUERY[&lang=ru|en|other][&source=NAME]...[&from=DATE][&to=DATE][&limit=N]
//   [&offset=N][&sort=relevance|date][&mono=1][&explain=1]
// The command line's `search` options, one parameter each; `source` may repeat.
// kInvalidArgument naming the parameter for anything else.
Result<index::SearchRequest> ParseSearchParams(const Params& params, bool* explain);

// `searcher` reads `reader.db` (the connection the deadline is set on). Each hit's
// "translations" carry the id, lang and title of every other-language version.
ApiResponse SearchEndpoint(const Reader& reader, index::Searcher& searcher, const Params& params,
                           std::chrono::milliseconds budget);

// /api/doc/ID: the document, its versions and its facts. `id` is the path segment as received.
// "facts" holds the stored facts of the current version with "span_begin"/"span_end", the byte offsets of
// their evidence in "text" (only facts whose offsets still point at their evidence);
// "translations" holds the same story in the other language (story links), as in search hits.
ApiResponse DocumentEndpoint(const Reader& reader, std::string_view id, const Params& params,
                             std::chrono::milliseconds budget);

// /api/stats: the command line's `stats --json`.
ApiResponse StatsEndpoint(const Reader& reader, const Params& params,
                          std::chrono::milliseconds budget);

// /api/facts?[type=][&query=][&official=][&indicator=][&lang=][&from=][&to=][&doc=][&limit=]:
// the command line's `facts --format json`, one parameter per flag, except that `limit` is
// 100 when not given and at most 1000 (the command line's 0, "all", is refused). `extractor`
// turns names and indicators into keys, as the command line does.
ApiResponse FactsEndpoint(const Reader& reader, extract::FactExtractor& extractor,
                          const Params& params, std::chrono::milliseconds budget);

// /api/officials: the command line's `officials --json`.
ApiResponse OfficialsEndpoint(const Reader& reader, const Params& params,
                              std::chrono::milliseconds budget);

// /api/timeline?indicator=TEXT: the command line's `timeline TEXT --json`.
ApiResponse TimelineEndpoint(const Reader& reader, extract::FactExtractor& extractor,
                             const Params& params, std::chrono::milliseconds budget);

// {"error", "status"} with `status`.
ApiResponse ErrorResponse(int status, std::string_view message);

}  // namespace pressmine::tools::serve

#endif  // PRESSMINE_TOOLS_SERVE_API_H_
