// The facts views that `pressmine facts / officials / timeline` print with --json and that
// `pressmine serve` answers at /api/facts, /api/officials and /api/timeline: the filters both
// take, and the JSON both write, in one place so the two cannot drift apart.
#ifndef PRESSMINE_TOOLS_FACTS_JSON_H_
#define PRESSMINE_TOOLS_FACTS_JSON_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "extract/facts.h"
#include "index/fact_store.h"
#include "tools/json_writer.h"

namespace pressmine::tools {

// The filters of `pressmine facts` (flags) and /api/facts (parameters of the same names):
// empty strings and zeros do not filter.
struct FactsFilter {
  std::string type;      // date, official, figure, program, commitment
  std::string query;     // text in the evidence or sentence
  std::string official;  // any spelling, either script
  std::string indicator;  // "maternal mortality", «материнская смертность», maternal_mortality
  std::string lang;      // ru, en, other
  std::string from, to;  // YYYY, YYYY-MM or YYYY-MM-DD
  int64_t doc = 0;
  int64_t limit = 0;
};

// The store query for `filter`. kInvalidArgument naming the filter ("indicator", "from", ...)
// and the value when a value is unusable.
Result<index::FactQuery> MakeFactQuery(const FactsFilter& filter,
                                       extract::FactExtractor& extractor);

// The canonical indicator id for what the user typed; kInvalidArgument naming it when it names
// no known indicator.
Result<std::string> ResolveIndicator(extract::FactExtractor& extractor, std::string_view typed);

// One fact: {"type", "doc", "lang", "text", "sentence", ["span_begin", "span_end",] ...the fields of its
// type} (extract/facts.h); empty optional fields are left out. `doc` is a string so that
// evaluation files can name documents by path. `with_offsets` adds the evidence's byte offsets
// into the document text.
void WriteFact(JsonOut& out, const extract::Fact& fact, std::string_view doc,
               bool with_offsets = false);
// WriteFact as a string (evaluation output).
std::string FactToJson(const extract::Fact& fact, std::string_view doc);

// {"facts": [fact, ...]}
void WriteFacts(JsonOut& out, const std::vector<index::StoredFact>& facts);

// {"officials": [{"key", "names": {name: mentions}, "positions": [{"position", "first",
//   "last"}], "org", "docs_by_lang": {lang: documents}}]}
void WriteOfficials(JsonOut& out, const std::vector<index::OfficialSummary>& officials);

// A commitment with a target date, stated in a release that reported the indicator.
struct TimelineCommitment {
  int64_t doc_id = 0;
  std::string published;
  extract::Fact fact;
};

struct Timeline {
  std::string indicator;
  std::vector<index::TimelinePoint> points;
  std::vector<TimelineCommitment> commitments;  // ordered by target
};

// The reported values of `indicator` (a canonical id) and the dated commitments of the same
// releases, so a chart can put promises on the same time axis as the figures.
Result<Timeline> LoadTimeline(index::FactStore& store, const std::string& indicator);

// {"indicator", "points": [{"period", "value", "unit", ["change": {"value", "unit",
//   "direction"},] "doc", "lang", "published", "text"}], "commitments": [{"target", "modality",
//   "actor", "action", "doc", "lang", "published", "text"}]}. A point that states only a change
//   has "value": null and "unit": "" (WriteFacts leaves "unit" out for such a figure).
void WriteTimeline(JsonOut& out, const Timeline& timeline);

}  // namespace pressmine::tools

#endif  // PRESSMINE_TOOLS_FACTS_JSON_H_
