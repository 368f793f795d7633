#include "nlp/language_detect.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

namespace pressmine::nlp {
namespace {

// Fewer letters than this cannot outvote a declared hint (a title, a caption).
constexpr int kMinLettersToDecide = 20;
// Share of Cyrillic letters that must be Kazakh/Kyrgyz-specific before the text counts as such
// (running Kazakh text has 10-15%); a Russian text quoting a Kazakh title stays below it.
constexpr double kTurkicShare = 0.08;

bool IsTurkicCyrillic(UChar32 c) {
  switch (u_tolower(c)) {
    case 0x04D9:  // ә
    case 0x0493:  // ғ
    case 0x049B:  // қ
    case 0x04A3:  // ң
    case 0x04E9:  // ө
    case 0x04B1:  // ұ
    case 0x04AF:  // ү
    case 0x04BB:  // һ
    case 0x0456:  // і
      return true;
    default:
      return false;
  }
}

}  // namespace

ScriptCounts CountScripts(std::string_view utf8) {
  ScriptCounts counts;
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t length = static_cast<int32_t>(utf8.size());
  int32_t i = 0;
  while (i < length) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0 || !u_isalpha(c)) continue;
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(c, &status);
    if (U_FAILURE(status)) continue;
    if (script == USCRIPT_LATIN) {
      ++counts.latin;
    } else if (script == USCRIPT_CYRILLIC) {
      ++counts.cyrillic;
      if (IsTurkicCyrillic(c)) ++counts.turkic_cyrillic;
    }
  }
  return counts;
}

Language DetectLanguage(std::string_view utf8, Language hint) {
  const ScriptCounts counts = CountScripts(utf8);
  if (counts.latin + counts.cyrillic < kMinLettersToDecide) {
    if (hint != Language::kUnknown) return hint;
    if (counts.cyrillic == 0 && counts.latin == 0) return Language::kUnknown;
  }
  if (counts.cyrillic > counts.latin) {
    if (counts.turkic_cyrillic > kTurkicShare * counts.cyrillic) return Language::kOther;
    return Language::kRussian;
  }
  return Language::kEnglish;
}

}  // namespace pressmine::nlp
