// Shared state of the fact grammars for one sentence (internal to extract/facts).
//
// The grammars run in a fixed order over one Sentence: dates first (they claim years so that
// "2025" is not read as a quantity), then figures (which take indicators, periods and changes
// from what is around them), officials, programs and commitments (which take actors and target
// years from the facts found before them). Each stage appends Facts and records token ranges for
// the later ones.
#ifndef PRESSMINE_EXTRACT_FACTS_GRAMMAR_H_
#define PRESSMINE_EXTRACT_FACTS_GRAMMAR_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/facts.h"
#include "extract/facts/gazetteer.h"
#include "extract/facts/tokens.h"
#include "nlp/analyzer.h"
#include "nlp/lexicon.h"
#include "nlp/translit.h"

namespace pressmine::extract::facts {

// Roles of marker words (corpora/facts/markers.tsv), as bits.
enum Role : uint32_t {
  kYearWord = 1u << 0,
  kYearPrep = 1u << 1,
  kPeriodFrom = 1u << 2,
  kPeriodTo = 1u << 3,
  kRelYear = 1u << 4,
  kRelMonth = 1u << 5,
  kCompare = 1u << 6,
  kAnd = 1u << 7,
  kOf = 1u << 8,
  kNameStop = 1u << 9,
  kQuote = 1u << 10,
  kPronoun = 1u << 11,
};
// The role bit of a markers.tsv id; 0 for an unknown id.
uint32_t RoleFromId(std::string_view id);

// What the grammars share across sentences: compiled data and helpers. Built once per extractor.
struct Resources {
  Gazetteer gazetteer;
  Gazetteer number_words;  // number_words.tsv, read into number tokens before the grammars
  std::unordered_set<std::string> oblique_endings;   // markers.tsv role oblique_ending
  std::unordered_set<std::string> genitive_endings;  // markers.tsv role genitive_ending
  std::unordered_set<std::string> verb_endings;      // markers.tsv role verb_ending
  nlp::NameKeyer keyer;
  // Stems and the glossary lexicon (nlp/lexicon, compiled-in glossary only) give generic program
  // names a key shared by both languages.
  nlp::Analyzer analyzer;
  nlp::Lexicon lexicon;
  // nlp::MonthFromName per folded word, memoized: it folds with ICU, and every word of every
  // sentence is asked. Cleared when it reaches kMonthCacheEntries.
  std::unordered_map<std::string, int> month_cache;
  static constexpr size_t kMonthCacheEntries = 1 << 16;
  int MonthOfWord(const std::string& folded);
};

// A publication date split into parts; year 0 when unknown.
struct PubDate {
  int year = 0;
  int month = 0;
  int day = 0;
};

// A fact and the tokens it covers in its sentence.
struct Span {
  size_t begin = 0;  // token range [begin, end)
  size_t end = 0;
  size_t fact = 0;  // index into the output vector
};

struct Sentence {
  std::string_view text;  // the sentence
  size_t base = 0;        // its offset in the document
  int index = 0;
  Language lang = Language::kUnknown;
  std::vector<Tok> toks;
  std::vector<Match> matches;   // gazetteer matches other than markers, in token order
  std::vector<Match> markers;   // marker matches, in token order
  std::vector<uint32_t> roles;  // per token: roles of one-token markers there
  std::vector<char> used;       // per token: claimed by a date or a figure
  std::vector<Span> dates, figures, officials, programs;

  // The first match of `cat` that starts at token i, or nullptr.
  const Match* MatchAt(Cat cat, size_t i) const;
  // The longest multi-token marker with role id `role` starting at token i, or nullptr.
  const Match* MarkerAt(std::string_view role, size_t i) const;
  bool Has(size_t i, uint32_t role) const { return i < roles.size() && (roles[i] & role) != 0; }
  bool IsPunct(size_t i, std::string_view p) const {
    return i < toks.size() && toks[i].kind == TokKind::kPunct && toks[i].norm == p;
  }
  // A fact with the common fields filled from token range [b, e).
  Fact MakeFact(FactType type, size_t b, size_t e) const;
};

// Stages, in the order they run. Each appends to *out and records its spans in `s`.
void FindDateFacts(Sentence& s, Resources& res, const PubDate& pub, std::vector<Fact>* out);
void FindFigureFacts(Sentence& s, std::vector<Fact>* out);
void FindOfficialFacts(Sentence& s, Resources& res, std::vector<Fact>* out);
void FindProgramFacts(Sentence& s, Resources& res, std::vector<Fact>* out);
// What the document has said so far about people: name keys of the officials seen (so
// "Dosmambetov instructed ..." gets its actor) and the last official named (so "He instructed
// ..." does).
struct DocumentPeople {
  std::unordered_map<std::string, std::string> by_key;  // key -> name
  std::string last_name, last_key;
  void Clear() { by_key.clear(), last_name.clear(), last_key.clear(); }
};
void FindCommitmentFacts(Sentence& s, Resources& res, const DocumentPeople& people,
                         std::vector<Fact>* out);

// True when the folded word ends in one of `endings` and keeps at least two letters before it.
bool EndsWithAny(const std::string& word, const std::unordered_set<std::string>& endings);

// The value of an ISO year or period date fact ("2025", "2022/2024"); "" for other dates.
std::string YearOrPeriod(const Fact& date_fact);

}  // namespace pressmine::extract::facts

#endif  // PRESSMINE_EXTRACT_FACTS_GRAMMAR_H_
