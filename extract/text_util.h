// Whitespace and paragraph helpers shared by the extractors (internal to extract/).
#ifndef PRESSMINE_EXTRACT_TEXT_UTIL_H_
#define PRESSMINE_EXTRACT_TEXT_UTIL_H_

#include <string>
#include <string_view>
#include <vector>

namespace pressmine::extract {

// Collapses runs of Unicode whitespace (including NBSP) to one ASCII space and trims the ends.
std::string CollapseWhitespace(std::string_view utf8);

// Splits on blank lines; each paragraph's lines are joined with spaces and collapsed. Bullet
// lines ("• item", "  • item") stay separate paragraphs.
std::vector<std::string> SplitParagraphs(std::string_view utf8);

// Whitespace-separated words.
size_t CountWords(std::string_view utf8);

// Lower case by ICU's per-code-point mapping (Cyrillic included); invalid bytes are dropped.
std::string LowerCase(std::string_view utf8);

// Lower-cased letters and digits only (ICU case mapping per code point): a key for comparing a
// headline with the texts that may repeat it ("Итоги года" == "ИТОГИ ГОДА!").
std::string FoldForCompare(std::string_view utf8);

}  // namespace pressmine::extract

#endif  // PRESSMINE_EXTRACT_TEXT_UTIL_H_
