// Gazetteers: phrase lists from corpora/facts/ matched over the token stream (internal).
//
// Every data file is TSV: `id <TAB> lang <TAB> pattern [<TAB> extra]`, '#' comments. A pattern is
// a phrase tokenized like the text; a word ending in '*' matches any token that starts with it
// (the Russian endings vary by case: "заместител* министра" matches «заместителей министра»), and
// "a|b" offers a choice of words where a stem would overreach (министр* would take министерство).
// This is the Tomita/yargy gazetteer idea reduced to what press releases need: no morphology
// engine, stems written by hand in the data.
//
// Lookup: entries are bucketed by their first token (exact words by the whole word, stems by
// their first two code points), so a sentence costs one or two hash lookups per token.
#ifndef PRESSMINE_EXTRACT_FACTS_GAZETTEER_H_
#define PRESSMINE_EXTRACT_FACTS_GAZETTEER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "extract/facts/tokens.h"

namespace pressmine::extract::facts {

// The kind of knowledge a gazetteer entry carries (one data file each).
enum class Cat : unsigned char {
  kPosition,    // id: canonical English label; extra: implied organization label
  kOrg,         // id: canonical English label
  kUnit,        // id: unit code ("KZT", "percent", "people"); extra: "prefix" for "$ 5"
  kScale,       // id: multiplier ("1000000")
  kIndicator,   // id: canonical indicator
  kChange,      // id: "increase" / "decrease"
  kModality,    // id: "plan" / "instruction" / "promise" / "goal"
  kProgram,     // id: program key or "*" (generic head); extra: kind
  kMarker,      // id: grammar role ("year_word", "period_from", ...); extra: a number argument
  kNumberWord,  // id: value ("14"); extra: how it combines (number_words.tsv)
  kCount
};

struct Entry {
  Cat cat = Cat::kMarker;
  std::string id;
  std::string extra;
  // The entry's number, read at load time: a scale's multiplier (id), a number word's value (id),
  // a relative date's offset (extra of markers rel_year / rel_month). 0 for other entries.
  double number = 0;
  std::vector<std::string> words;  // folded pattern tokens
  std::vector<bool> stem;          // words[i] is a prefix
};

// A match of entry `entry` over tokens [begin, end).
struct Match {
  const Entry* entry = nullptr;
  size_t begin = 0;
  size_t end = 0;
};

class Gazetteer {
 public:
  // Adds every row of one TSV data file. kInvalidArgument names the file and line.
  Status Load(Cat cat, std::string_view file_name, std::string_view tsv);

  // For each token position, the longest match of each category starting there, appended to
  // *out in token order. A longer match of one category hides shorter ones inside it. Markers
  // are the exception: every marker match is reported, since one word can play several roles.
  void MatchAll(const std::vector<Tok>& toks, std::vector<Match>* out) const;

  // True when some entry of category `cat` has id `id`.
  bool HasId(Cat cat, std::string_view id) const;

 private:
  bool Matches(const Entry& e, const std::vector<Tok>& toks, size_t at) const;
  std::vector<Entry> entries_;
  // Looked up with string_views of token text, without building strings.
  struct ViewHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using Buckets = std::unordered_map<std::string, std::vector<size_t>, ViewHash, std::equal_to<>>;
  Buckets by_word_;
  Buckets by_stem_;
};

// The first `n` code points of a folded word.
std::string_view Head(std::string_view word, size_t n);

}  // namespace pressmine::extract::facts

#endif  // PRESSMINE_EXTRACT_FACTS_GAZETTEER_H_
