// Numbers written as words ("Fourteen cases", "twenty-three", «сто пять»), read as number tokens
// before the grammars run, so a figure written in words meets the same figure written in digits
// (a Russian release says «14 случаев» where its English version says "Fourteen cases").
// The words and how they combine are data: corpora/facts/number_words.tsv (internal).
#ifndef PRESSMINE_EXTRACT_FACTS_NUMBER_WORDS_H_
#define PRESSMINE_EXTRACT_FACTS_NUMBER_WORDS_H_

#include <vector>

#include "extract/facts/gazetteer.h"
#include "extract/facts/tokens.h"

namespace pressmine::extract::facts {

// Replaces each run of number words in *toks (matched by `words`, a gazetteer of kNumberWord
// entries) by one number token: a quantity, not a plain integer (so never a year or a day),
// spanning the words, marked `spelled`. Scale words join the parts ("two thousand three
// hundred" is 2300). Left as words: a number ending in a ten or a hundred followed by an ordinal
// ("twenty-first", «сто первая»), and a number word hyphenated to a word before it ("under-five").
void ReadNumberWords(const Gazetteer& words, std::vector<Tok>* toks);

}  // namespace pressmine::extract::facts

#endif  // PRESSMINE_EXTRACT_FACTS_NUMBER_WORDS_H_
