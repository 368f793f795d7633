// Facts from press releases: dates, officials, figures, programs and commitments.
//
// A FactExtractor reads one document's text (Russian or English) and returns typed facts, each
// with the sentence it came from and the byte span of its evidence, so every fact can be shown
// next to the words that support it. Extraction is rule-based: gazetteers and trigger lists are
// data in corpora/facts/ (compiled in), grammars are small hand-written matchers over a token
// stream in extract/facts/. Nothing is learned, so every fact is explainable by a rule.
//
// Field conventions (also the JSON field names the CLI prints; tools/facts_json.h writes them):
//   date        value  ISO, partial allowed: "2026-01-26", "2026-01", "2025"; end for periods
//                      ("2022" .. "2024" prints as "2022/2024").
//   official    name (nominative), position (canonical English label), org (canonical English
//               label, may be empty), key (language-independent: Кадыралиев == Kadyraliev).
//   figure      value (number, scale applied; absent when only a change is stated), unit ("KZT",
//               "percent", "people", "cases", "per_1000_live_births", ...), indicator (canonical
//               id, may be empty), period (ISO year or "Y1/Y2", may be empty), change (value,
//               unit, direction) when stated.
//   program     name (as written), kind ("state_program", "certificate", ...), period, budget
//               (a figure's value and unit as text), key (canonical id shared across languages).
//   commitment  actor, action (as written), target (ISO year or date, may be empty), modality
//               ("plan", "instruction", "promise", "goal").
#ifndef PRESSMINE_EXTRACT_FACTS_H_
#define PRESSMINE_EXTRACT_FACTS_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/language.h"
#include "base/status.h"

namespace pressmine::extract {

enum class FactType { kDate, kOfficial, kFigure, kProgram, kCommitment };

// "date", "official", "figure", "program", "commitment".
std::string_view FactTypeName(FactType type);
// The inverse of FactTypeName; nullopt for anything else.
std::optional<FactType> ParseFactType(std::string_view name);

struct DateValue {
  std::string value;      // ISO, partial allowed
  std::string end;        // ISO end of a period, empty otherwise
  bool relative = false;  // resolved against the publication date ("last year")
  // "2022/2024" for a period, value otherwise.
  std::string Iso() const { return end.empty() ? value : value + "/" + end; }
};

struct OfficialValue {
  std::string name;  // nominative, as written otherwise: "Бакытбек Кадыралиев"
  std::string position;       // canonical English label: "deputy minister"
  std::string position_text;  // the position as written in the sentence
  std::string org;            // canonical English label: "Ministry of Health"; may be empty
  std::string key;            // surname key (nlp::NameKeyer): "kadiraliev"
};

struct ChangeValue {
  double value = 0;
  std::string unit;       // "percent" or the figure's unit
  std::string direction;  // "increase" or "decrease"
  std::string base;       // what it is compared with: a year ("2024") when stated; may be empty
};

struct FigureValue {
  // Absent for a figure that is only a change ("a 28.1% increase in infectious diseases": what
  // rose is stated, its level is not); the change then carries the number and its unit.
  std::optional<double> value;
  std::string unit;       // the value's unit; empty when there is no value
  std::string indicator;  // canonical id: "maternal_mortality"; may be empty
  std::string period;     // "2025", "2022/2024"; may be empty
  std::optional<ChangeValue> change;
};

struct ProgramValue {
  std::string name;         // as written
  std::string kind;         // canonical kind
  std::string period;       // "2019/2030"; may be empty
  std::string budget;       // "9200000 KZT"; may be empty
  std::string responsible;  // canonical org label; may be empty
  std::string key;          // canonical id of the program, the same in both languages
};

struct CommitmentValue {
  std::string actor;      // official name or organization label; may be empty
  std::string actor_key;  // the official's name key when the actor is an official, else empty
  std::string action;     // the clause that states what is to be done, as written
  std::string target;     // ISO year or date; may be empty
  std::string modality;   // "plan", "instruction", "promise", "goal"
};

// One fact. Exactly the member matching `type` is meaningful; the others stay default.
struct Fact {
  FactType type = FactType::kDate;
  Language lang = Language::kUnknown;
  int sentence = 0;           // 0-based index of the sentence in the document
  std::string sentence_text;  // the whole sentence
  size_t begin = 0;           // evidence span: byte offsets into the document text
  size_t end = 0;
  std::string text;  // the evidence span's text

  DateValue date;
  OfficialValue official;
  FigureValue figure;
  ProgramValue program;
  CommitmentValue commitment;
};

struct FactOptions {
  // Publication date of the document ("2026-01-26", a longer ISO string is cut to the date);
  // relative and year-less dates are resolved against it. Empty: such dates keep what was
  // written ("--01-28" for «28 января») or are dropped (relative ones).
  std::string published;
  // Language of the text. kUnknown: decided per sentence from its letters.
  Language lang = Language::kUnknown;
};

// Extracts facts. Owns the compiled gazetteers, a sentence splitter, a name keyer, a stemmer and
// the glossary lexicon (nlp/lexicon, compiled-in glossary only), which take tens of milliseconds
// to build: create one per thread and reuse it. Not thread-safe; movable.
class FactExtractor {
 public:
  // With the compiled-in corpora/facts/ data. kInternal when a data file does not parse (a build
  // problem) or an ICU service is missing; the nlp components' own errors pass through.
  static Result<FactExtractor> Create();

  FactExtractor(FactExtractor&&) noexcept;
  FactExtractor& operator=(FactExtractor&&) noexcept;
  ~FactExtractor();

  // All facts of a document, in sentence order. kInvalidArgument for texts of 2 GiB or more.
  Result<std::vector<Fact>> Extract(std::string_view utf8_text, const FactOptions& options = {});

  // Facts of one sentence, which is treated as the whole document (sentence index 0, offsets
  // into `utf8_sentence`). For evaluation and benchmarks.
  std::vector<Fact> ExtractSentence(std::string_view utf8_sentence,
                                    const FactOptions& options = {});

  // The language-independent key of a personal name ("Kadyraliev", «Кадыралиевым»): the key of
  // its last word. "" for no letters.
  std::string OfficialKey(std::string_view name);

  // The canonical indicator id named in `text` ("maternal mortality", «материнская смертность»
  // -> "maternal_mortality"), the longest one when several are; `text` itself when it is a
  // known id; "" when none is named. For `pressmine timeline` and `facts --indicator`.
  std::string IndicatorId(std::string_view text);

 private:
  struct Impl;
  explicit FactExtractor(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// How strongly two documents' facts say they are one story told twice (a Russian and an English
// release): 0 (unrelated) to 1. Shared official keys, shared figure values with units, shared
// program keys and dates count; the publication dates, when both are given, must be within
// `max_days` of each other or the score is 0. Pure function, thread-safe.
double SameStoryScore(const std::vector<Fact>& a, std::string_view a_published,
                      const std::vector<Fact>& b, std::string_view b_published, int max_days = 3);

}  // namespace pressmine::extract

#endif  // PRESSMINE_EXTRACT_FACTS_H_
