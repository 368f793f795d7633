// The token stream the fact grammars run over (internal to extract/facts).
//
// Why not nlp::Tokenizer: the fact grammars need punctuation as tokens (%, «, -, parentheses),
// language-dependent number reading ("2,643" is 2643 in English and 2.643 in Russian) and a
// speed of tens of thousands of sentences per second on one core. Press releases are Russian and
// English, so a byte-level scanner that knows ASCII, Latin-1 and Cyrillic letters is enough: words
// are runs of letters and digits, numbers are digit runs with their separators, every other
// non-space code point is a one-character punctuation token. Folding is ASCII and Russian lower
// case plus ё -> е, the same as nlp::Tokenizer gives for these letters.
//
// Numbers: "2 643" and "1 234 567" (groups of three after a space, also no-break and thin spaces)
// are one token; "9,2" is 9.2 in both languages; "1,224" and "1,000" are thousands only in
// English text (a comma before exactly three digits); with both marks the last is the decimal
// one. Dotted runs like "12.05.2025" stay one token that is not a quantity.
#ifndef PRESSMINE_EXTRACT_FACTS_TOKENS_H_
#define PRESSMINE_EXTRACT_FACTS_TOKENS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/language.h"

namespace pressmine::extract::facts {

enum class TokKind : unsigned char { kWord, kNumber, kPunct };

struct Tok {
  std::string norm;  // folded word, canonical number ("2643", "9.2"), or the punctuation char
  size_t begin = 0;  // byte offsets into the text given to Tokenize
  size_t end = 0;
  TokKind kind = TokKind::kWord;
  bool capitalized = false;  // words: first letter uppercase
  bool cyrillic = false;     // words: first letter Cyrillic
  bool all_caps = false;     // words: two or more letters, all uppercase ("NGS", "МЗ")
  bool quantity = false;     // numbers: `value` is meaningful
  bool plain_int = false;    // numbers: digits only, no separators ("2025", not "2 025")
  bool spelled = false;      // numbers: written as words ("fourteen"); see number_words.h
  bool hyphen = false;       // punctuation: a hyphen (-, U+2010, U+2011), not a dash folded to '-'
  double value = 0;
};

// Tokens of `text`. `lang` decides how a comma before three digits reads (see above).
void Tokenize(std::string_view text, Language lang, std::vector<Tok>* out);

// Lowercase fold of one word as Tokenize would fold it.
std::string FoldWord(std::string_view word);

// Russian when the text has more Cyrillic than Latin letters, English otherwise (kUnknown
// without letters).
Language GuessLanguage(std::string_view text);

}  // namespace pressmine::extract::facts

#endif  // PRESSMINE_EXTRACT_FACTS_TOKENS_H_
