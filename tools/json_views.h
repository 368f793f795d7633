// The JSON shapes pressmine prints, in one place, so the command line and the web API
// (`pressmine serve`) give scripts the same objects.
#ifndef PRESSMINE_TOOLS_JSON_VIEWS_H_
#define PRESSMINE_TOOLS_JSON_VIEWS_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "index/document_store.h"
#include "index/fact_store.h"
#include "index/search.h"
#include "tools/json_writer.h"

namespace pressmine::tools {

// The other-language versions of each hit that has any (doc id -> ids), from the story links;
// none when `facts` is null (a database without facts at this build's schema, see
// FactStore::OpenIfCurrent). Read-only.
using TranslationMap = std::map<int64_t, std::vector<int64_t>>;
Result<TranslationMap> FindTranslations(index::FactStore* facts,
                                        const std::vector<index::SearchHit>& hits);

// {"query", ["fts",] "total", "hits": [{"id", "url", "source", "lang", "title", "published",
//   "score", "snippet", "translations": [ids]}]}
void WriteSearchResults(JsonOut& out, const std::string& query, const index::SearchResults& results,
                        bool with_fts, const TranslationMap& translations = {});

// {"documents", "by_lang", "by_source", "by_month", "undated"}
void WriteStats(JsonOut& out, const index::CorpusStats& stats);

// {"id", "url", "source", "lang", "title", "published", "date_evidence", "author", "site",
//  "text", "version", "first_seen", "last_seen", "removed_at"}
void WriteDocument(JsonOut& out, const index::DocumentRecord& doc);

// WriteDocument's object plus "history": every version, oldest first, ending with the current
// one, each as WriteDocument writes it; when `facts` is given, "facts": the document's facts as
// tools/facts_json.h writes them, with the byte offsets of their evidence in "text"; when
// `translations` is given, "translations": the ids of the same story in the other language.
void WriteDocumentWithHistory(JsonOut& out, const index::DocumentRecord& doc,
                              const std::vector<index::DocumentRecord>& history,
                              const std::vector<index::StoredFact>* facts = nullptr,
                              const std::vector<int64_t>* translations = nullptr);

// {"error": message, "status": http_status}: what the web API answers for a request it
// cannot serve.
void WriteError(JsonOut& out, int http_status, std::string_view message);

// The verbatim marker (a control character) shown as "^" in --explain output.
std::string ReadableFts(std::string fts);

}  // namespace pressmine::tools

#endif  // PRESSMINE_TOOLS_JSON_VIEWS_H_
