// Language of a document or a token, as pressmine distinguishes them.
#ifndef PRESSMINE_BASE_LANGUAGE_H_
#define PRESSMINE_BASE_LANGUAGE_H_

#include <optional>
#include <string_view>

namespace pressmine {

enum class Language {
  kUnknown,  // not enough letters to tell
  kRussian,
  kEnglish,
  kOther,    // e.g. Kazakh or Kyrgyz, when their own letters dominate
};

// "ru", "en", "other", "unknown": the codes stored in the database and printed in JSON.
std::string_view LanguageCode(Language lang);

// Parses "ru" / "en" / "other" / "unknown" (case-insensitive ASCII); nullopt otherwise.
std::optional<Language> ParseLanguageCode(std::string_view code);

}  // namespace pressmine

#endif  // PRESSMINE_BASE_LANGUAGE_H_
