// Word segmentation without ICU for texts made only of the characters press releases mostly
// use: ASCII, the basic Cyrillic letters with the Kazakh and Kyrgyz ones (ә ғ қ ң ө ұ ү һ) and a
// few typographic signs (« » — – “ ” „ … ’ ‘ № ° ×, no-break and thin spaces). For such a text it gives exactly the segments and rule statuses of ICU's root
// word break iterator (UAX #29), which tests/nlp/simple_word_break_test.cc checks against ICU on
// random texts; any other character makes it decline, and the tokenizer asks ICU. ICU's iterator
// was a sixth of bulk indexing time.
#ifndef PRESSMINE_NLP_INTERNAL_SIMPLE_WORD_BREAK_H_
#define PRESSMINE_NLP_INTERNAL_SIMPLE_WORD_BREAK_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace pressmine::nlp::internal {

// A segment between two word boundaries, as ICU reports it: byte offsets and the rule status
// (0: not a word, 100: number, 200: letters; ubrk.h's UWordBreak ranges).
struct WordSegment {
  int32_t begin;
  int32_t end;
  int32_t status;
};

// Appends the segments of `text` to *out and returns true, or returns false (leaving *out as it
// was) if the text has a character outside the simple set.
bool SimpleWordBreak(std::string_view text, std::vector<WordSegment>* out);

}  // namespace pressmine::nlp::internal

#endif  // PRESSMINE_NLP_INTERNAL_SIMPLE_WORD_BREAK_H_
