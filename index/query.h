// pressmine's query language, parsed by our own parser into a safe FTS5 expression.
//
//   words            all must match (AND is implied; AND may also be written)
//   "a phrase"       the words in this order
//   a OR b           either (OR in capitals; lower-case "or" is a word)
//   -word, -"a b"    must not match
//   immun*           prefix
//   ( ... )          grouping
//   title:word       the word (or "phrase") in the title
//   lang:ru|en  source:NAME  date:2025  date:2025-01..2026-03  date:..2025-06-30
//                    filters on the whole query (not inside OR or negation)
//
// User text never reaches FTS5's MATCH syntax directly: every term is emitted as a quoted FTS5
// string, so punctuation and FTS5 keywords in the input are only ever text. Parse errors are
// kInvalidArgument with a message pointing at the offending part (column counted in characters).
#ifndef PRESSMINE_INDEX_QUERY_H_
#define PRESSMINE_INDEX_QUERY_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/language.h"
#include "base/status.h"

namespace pressmine::index {

struct QueryNode {
  enum class Kind { kTerm, kPhrase, kAnd, kOr, kNot };
  Kind kind = Kind::kTerm;
  std::string text;          // kTerm: the word; kPhrase: the words as typed
  bool prefix = false;       // kTerm only: text*
  bool title_only = false;   // kTerm/kPhrase: title:...
  std::vector<QueryNode> children;  // kAnd/kOr: operands; kNot: exactly one
  // kAnd only, set by the query compiler: these consecutive words form one lexicon term
  // ("maternal mortality") and are translated as a unit.
  bool lexicon_term = false;
};

// Inclusive date bounds as ISO prefixes ("2025", "2025-01", "2025-01-15"); empty = open.
struct DateRange {
  std::string from;
  std::string to;
};

struct Query {
  std::optional<QueryNode> root;  // empty when the query has filters only
  std::optional<Language> lang;
  std::vector<std::string> sources;  // any of these
  std::optional<DateRange> dates;
};

Result<Query> ParseQuery(std::string_view text);

// Lets a caller write a node its own way (the query compiler adds translations); nullopt means
// "the default". Not called for excluded terms: excluding a translation the user did not type
// would surprise.
using NodeWriter = std::function<std::optional<std::string>(const QueryNode& node)>;

// The FTS5 MATCH expression for `node`; columns are named `title` and `text`. Terms and phrases
// are QuotedTerm unless `writer` writes them.
std::string ToFts5(const QueryNode& node, const NodeWriter& writer = nullptr);

// A term or phrase as one quoted FTS5 string ("word"*, title : "a b").
std::string QuotedTerm(const QueryNode& term);

// Validates an ISO date or partial date: YYYY, YYYY-MM or YYYY-MM-DD (with a real month/day).
bool IsIsoDatePrefix(std::string_view date);

// The smallest ISO string greater than every date that `to` covers, for exclusive upper bounds
// over stored "YYYY-MM-DD[THH:MM]" values: "2025" -> "2026", "2025-12" -> "2026-01",
// "2025-02-28" -> "2025-03-01". `to` must satisfy IsIsoDatePrefix.
std::string ExclusiveUpperBound(std::string_view to);

}  // namespace pressmine::index

#endif  // PRESSMINE_INDEX_QUERY_H_
