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

// The other-language versions of one document (its story links), each with the language and
// title a link to it shows. `facts` null (a database without facts at this build's schema, see
// FactStore::OpenIfCurrent): none. Read-only.
Result<std::vector<index::DocumentHeading>> TranslationsOf(index::FactStore* facts,
                                                           index::DocumentStore& documents,
                                                           int64_t doc_id);

// The other-language versions of each hit that has any (doc id -> versions).
using TranslationMap = std::map<int64_t, std::vector<index::DocumentHeading>>;
Result<TranslationMap> FindTranslations(index::FactStore* facts, index::DocumentStore& documents,
                                        const std::vector<index::SearchHit>& hits);

// {"query", ["fts",] "total", "hits": [{"id", "url", "source", "lang", "title", "published",
//   "score", "snippet", "translations": [{"id", "lang", "title"}]}]}
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
// `translations` is given, "translations": the same story in the other language, as in search
// hits ({"id", "lang", "title"} each).
void WriteDocumentWithHistory(JsonOut& out, const index::DocumentRecord& doc,
                              const std::vector<index::DocumentRecord>& history,
                              const std::vector<index::StoredFact>* facts = nullptr,
                              const std::vector<index::DocumentHeading>* translations = nullptr);

// {"error": message, "status": http_status}: what the web API answers for a request it
// cannot serve.
void WriteError(JsonOut& out, int http_status, std::string_view message);

// The verbatim marker (a control character) shown as "^" in --explain output.
std::string ReadableFts(std::string fts);

}  // namespace pressmine::tools

#endif  // PRESSMINE_TOOLS_JSON_VIEWS_H_
