// Small text helpers shared by the nlp units; not part of the public interface.
#ifndef PRESSMINE_NLP_INTERNAL_TEXT_UTIL_H_
#define PRESSMINE_NLP_INTERNAL_TEXT_UTIL_H_

#include <unicode/unistr.h>

#include <string>
#include <string_view>

#include "nlp/tokenizer.h"

namespace pressmine::nlp::internal {

// After NFKC_Casefold: ё -> е, typographic apostrophes (’ ʼ ‘) -> '.
void FoldAfterCasefold(icu::UnicodeString* s);

// Determines the script of the letters in lowercase `s`. When Latin and Cyrillic letters mix and
// every minority letter has a look-alike in the majority script (a/а, e/е, o/о, p/р, c/с, x/х,
// y/у, k/к, m/м, t/т, h/н, b/в, i/і), rewrites those letters in the majority script.
Script UnifyScripts(icu::UnicodeString* s);

// A single space character that may separate digit groups: U+0020, U+00A0, U+2007, U+2009, U+202F.
bool IsGroupSpace(std::string_view s);

// Removes the characters IsGroupSpace accepts.
void RemoveGroupSpaces(std::string* s);

// True for U+0400..U+052F (Cyrillic and Cyrillic Supplement).
inline bool IsCyrillicCodePoint(UChar32 c) { return c >= 0x0400 && c <= 0x052F; }

}  // namespace pressmine::nlp::internal

#endif  // PRESSMINE_NLP_INTERNAL_TEXT_UTIL_H_
