// The `pressmine` FTS5 tokenizer and the reserved tokens it understands.
//
// Documents are indexed as Snowball stems (Russian for Cyrillic tokens, English for Latin ones,
// per token), so inflected forms meet ("врачей", "врачи", "врач"). Capitalized words also get a
// transliteration key as a colocated token, so a name matches across scripts. Both come from
// nlp/; this file only adapts them to FTS5's v1 tokenizer contract (SQLite 3.40 has no v2).
//
// Reserved tokens start with '=', which the word tokenizer never produces, so no document word
// can collide with them:
//   =k:<key>       a name's transliteration key, colocated with the word's stem
//   =l:ru          language, =s:<source>, =y:2026, =m:2026-01  (the `meta` column)
// Text that starts with kVerbatimMarker is not tokenized but split on that marker and each piece
// emitted as one token. The index uses it for the meta column; the query compiler uses it for
// reserved tokens and for stems that must not be stemmed again (translations from the lexicon).
// Neither documents nor user queries can contain the marker (a control character): the store and
// the query parser drop control characters.
#ifndef PRESSMINE_INDEX_FTS_TOKENIZER_H_
#define PRESSMINE_INDEX_FTS_TOKENIZER_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/language.h"
#include "base/sqlite.h"
#include "base/status.h"

namespace pressmine::index {

inline constexpr std::string_view kTokenizerName = "pressmine";
inline constexpr char kVerbatimMarker = '\x01';

// Registers the tokenizer and the pm_bm25 rank function (fts_rank.h) on this connection. Every
// connection that reads or writes documents_fts needs them (DocumentStore::Open calls this).
// Idempotent.
Status RegisterPressmineTokenizer(Database& db);

std::string NameKeyToken(std::string_view key);
std::string LanguageToken(Language lang);
std::string SourceToken(std::string_view source);
std::string YearToken(std::string_view yyyy);
std::string MonthToken(std::string_view yyyy_mm);

// The FTS5 quoted string that makes the tokenizer emit exactly `tokens`, as a phrase.
std::string VerbatimFtsString(const std::vector<std::string>& tokens);

// Reads the FTS5 quoted string that opens at fts[open] ('"'), with "" for a quote inside:
// stores its content in `*content` when not null, and returns the position after the closing
// quote (fts.size() when it is missing).
size_t ReadFtsString(std::string_view fts, size_t open, std::string* content);

}  // namespace pressmine::index

#endif  // PRESSMINE_INDEX_FTS_TOKENIZER_H_
