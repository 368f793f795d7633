// Language identification for whole documents, by script.
//
// Press releases here are Russian, English, or (rarely) Kazakh or Kyrgyz. Counting letters by
// script separates Russian from English reliably on anything longer than a headline; the letters
// Kazakh and Kyrgyz add to Cyrillic (ә ғ қ ң ө ұ ү һ і) mark those languages when they are a
// noticeable share of the Cyrillic letters (a Russian release quoting one Kazakh title stays
// Russian). A page's declared lang attribute is only a hint, used when the text cannot decide.
#ifndef PRESSMINE_NLP_LANGUAGE_DETECT_H_
#define PRESSMINE_NLP_LANGUAGE_DETECT_H_

#include <string_view>

#include "base/language.h"

namespace pressmine::nlp {

struct ScriptCounts {
  int latin = 0;
  int cyrillic = 0;
  int turkic_cyrillic = 0;  // ә ғ қ ң ө ұ ү һ і and their capitals (a subset of cyrillic)
};

// Counts letters by script in UTF-8 text; invalid bytes are skipped.
ScriptCounts CountScripts(std::string_view utf8);

// Detects the language of `utf8`. Returns `hint` when the text has too few letters to decide
// (kUnknown if no hint).
Language DetectLanguage(std::string_view utf8, Language hint = Language::kUnknown);

}  // namespace pressmine::nlp

#endif  // PRESSMINE_NLP_LANGUAGE_DETECT_H_
