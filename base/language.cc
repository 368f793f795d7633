#include "base/language.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace pressmine {

std::string_view LanguageCode(Language lang) {
  switch (lang) {
    case Language::kRussian: return "ru";
    case Language::kEnglish: return "en";
    case Language::kOther: return "other";
    case Language::kUnknown: return "unknown";
  }
  return "unknown";
}

std::optional<Language> ParseLanguageCode(std::string_view code) {
  std::string lower(code);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower == "ru") return Language::kRussian;
  if (lower == "en") return Language::kEnglish;
  if (lower == "other") return Language::kOther;
  if (lower == "unknown") return Language::kUnknown;
  return std::nullopt;
}

}  // namespace pressmine
