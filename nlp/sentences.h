// Sentence splitting that knows Russian and English abbreviations.
//
// Approach. ICU's sentence break iterator (UAX #29) proposes boundaries over the UTF-8 text
// (through a UText, so they are byte offsets). It breaks after any period followed by a space and
// an uppercase letter or a digit, which is wrong after the abbreviations of press releases:
// "в г. Бишкек", "им. Ахунбаева", "А. С. Петров", "U.S. Department", "Dr. Japarov", "No. 5".
// Each proposed boundary after a period is therefore checked against the word that ends in that
// period:
//   - an uppercase single letter (an initial) or a dotted run of single uppercase letters ("U.S.",
//     "Т.А.") never ends a sentence;
//   - a lowercase dotted run ("т.е.", "e.g.") or single letter ends one only before an uppercase
//     word;
//   - a listed abbreviation follows its rule from corpora/lexicon/abbreviations_{ru,en}.tsv:
//     "name" never ends a sentence, "inside" only before an uppercase word, "number" behaves as
//     "inside" right after a number ("в 2024 г. Министр ...") and as "name" otherwise
//     ("в г. Бишкек").
// A boundary with a line break between the period and the next sentence is always kept: a
// paragraph ends a sentence whatever precedes it. Known limits: "in the U.S. The ministry ..."
// stays one sentence, and an abbreviation of the "inside" kind before a proper name
// ("15 тыс. Бишкекчан") splits.
#ifndef PRESSMINE_NLP_SENTENCES_H_
#define PRESSMINE_NLP_SENTENCES_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace pressmine::nlp {

// A sentence as byte offsets [begin, end) into the original text, without leading or trailing
// whitespace. Never empty.
struct SentenceSpan {
  size_t begin = 0;
  size_t end = 0;
};

// Splits text into sentences. Owns an ICU sentence break iterator and the abbreviation table;
// reuse one per thread. Not thread-safe; movable, not copyable.
class SentenceSplitter {
 public:
  enum class AbbreviationRule { kName, kInside, kNumber };

  // With the compiled-in abbreviation lists (corpora/lexicon/abbreviations_*.tsv).
  static Result<SentenceSplitter> Create();

  // With abbreviation lists given as TSV text in the format of those files (for tests and
  // experiments). kInvalidArgument names the offending line.
  static Result<SentenceSplitter> CreateWithAbbreviations(
      const std::vector<std::string_view>& tsvs);

  SentenceSplitter(SentenceSplitter&&) noexcept;
  SentenceSplitter& operator=(SentenceSplitter&&) noexcept;
  ~SentenceSplitter();

  // Sentences of `utf8` in order. kInvalidArgument for texts of 2 GiB or more, kInternal on an
  // ICU failure.
  Result<std::vector<SentenceSpan>> Split(std::string_view utf8);

 private:
  struct Impl;
  explicit SentenceSplitter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace pressmine::nlp

#endif  // PRESSMINE_NLP_SENTENCES_H_
