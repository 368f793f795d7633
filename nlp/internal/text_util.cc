#include "nlp/internal/text_util.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <array>
#include <utility>

namespace pressmine::nlp::internal {
namespace {

// Lowercase Latin / Cyrillic letters that look alike in common fonts.
constexpr std::array<std::pair<UChar, UChar>, 13> kLookAlikes = {{
    {u'a', u'\u0430'},
    {u'b', u'\u0432'},
    {u'c', u'\u0441'},
    {u'e', u'\u0435'},
    {u'h', u'\u043D'},
    {u'i', u'\u0456'},
    {u'k', u'\u043A'},
    {u'm', u'\u043C'},
    {u'o', u'\u043E'},
    {u'p', u'\u0440'},
    {u't', u'\u0442'},
    {u'x', u'\u0445'},
    {u'y', u'\u0443'},
}};

UChar LatinToCyrillic(UChar c) {
  for (const auto& [lat, cyr] : kLookAlikes) {
    if (lat == c) return cyr;
  }
  return 0;
}

UChar CyrillicToLatin(UChar c) {
  for (const auto& [lat, cyr] : kLookAlikes) {
    if (cyr == c) return lat;
  }
  return 0;
}

}  // namespace

void FoldAfterCasefold(icu::UnicodeString* s) {
  const int32_t n = s->length();
  for (int32_t i = 0; i < n; ++i) {
    const UChar c = s->charAt(i);
    if (c == 0x0451) {
      s->setCharAt(i, 0x0435);  // ё -> е
    } else if (c == 0x2019 || c == 0x02BC || c == 0x2018) {
      s->setCharAt(i, u'\'');
    }
  }
}

Script UnifyScripts(icu::UnicodeString* s) {
  int latin = 0, cyrillic = 0, other = 0;
  bool latin_all_alike = true, cyrillic_all_alike = true;
  for (int32_t i = 0; i < s->length();) {
    const UChar32 c = s->char32At(i);
    i += U16_LENGTH(c);
    if (!u_isalpha(c)) continue;
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(c, &status);
    if (script == USCRIPT_LATIN) {
      ++latin;
      if (c > 0xFFFF || LatinToCyrillic(static_cast<UChar>(c)) == 0) latin_all_alike = false;
    } else if (script == USCRIPT_CYRILLIC) {
      ++cyrillic;
      if (c > 0xFFFF || CyrillicToLatin(static_cast<UChar>(c)) == 0) cyrillic_all_alike = false;
    } else {
      ++other;
    }
  }
  if (latin == 0 && cyrillic == 0) return other > 0 ? Script::kOther : Script::kNone;
  if (cyrillic == 0) return Script::kLatin;
  if (latin == 0) return Script::kCyrillic;
  if (cyrillic >= latin && latin_all_alike) {
    for (int32_t i = 0; i < s->length(); ++i) {
      const UChar to = LatinToCyrillic(s->charAt(i));
      if (to != 0) s->setCharAt(i, to);
    }
    return Script::kCyrillic;
  }
  if (latin > cyrillic && cyrillic_all_alike) {
    for (int32_t i = 0; i < s->length(); ++i) {
      const UChar to = CyrillicToLatin(s->charAt(i));
      if (to != 0) s->setCharAt(i, to);
    }
    return Script::kLatin;
  }
  return Script::kMixed;
}

bool IsGroupSpace(std::string_view s) {
  return s == " " || s == "\u00A0" || s == "\u2007" || s == "\u2009" || s == "\u202F";
}

void RemoveGroupSpaces(std::string* s) {
  if (s->find_first_of(" \xC2\xE2") == std::string::npos) return;
  std::string out;
  out.reserve(s->size());
  for (size_t i = 0; i < s->size();) {
    const std::string_view rest(s->data() + i, s->size() - i);
    if (rest[0] == ' ') {
      i += 1;
    } else if (rest.substr(0, 2) == "\u00A0") {
      i += 2;
    } else if (rest.substr(0, 3) == "\u2007" || rest.substr(0, 3) == "\u2009" ||
               rest.substr(0, 3) == "\u202F") {
      i += 3;
    } else {
      out.push_back(rest[0]);
      i += 1;
    }
  }
  *s = std::move(out);
}

}  // namespace pressmine::nlp::internal
