#include "nlp/translit.h"

#include <unicode/normalizer2.h>
#include <unicode/parseerr.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "nlp/internal/text_util.h"
#include "nlp/internal/tsv.h"
#include "pressmine_nlp_data.h"

namespace pressmine::nlp {
namespace {

constexpr std::string_view kEndingsFile = "lexicon/name_endings_ru.tsv";
constexpr std::string_view kIndeclinableFile = "lexicon/names_indeclinable_ru.txt";
constexpr std::string_view kFoldFile = "lexicon/name_key_fold.txt";

// Romanization of Cyrillic (Russian, Kazakh, Kyrgyz letters) and removal of Latin diacritics.
constexpr char16_t kRomanizeId[] = u"Kazakh-Latin/BGN; Latin-ASCII; Any-Lower";

// Letters that must remain before an ending (and before a dropped final -a of a key).
constexpr int32_t kMinStemLetters = 3;

struct EndingRule {
  icu::UnicodeString replacement;
  bool after_consonant = false;
};

icu::UnicodeString FromUtf8(std::string_view s) {
  return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

bool IsCyrillicVowel(UChar c) {
  static constexpr char16_t kVowels[] = u"аеиоуыэюяәөүұі";
  for (const char16_t* v = kVowels; *v != 0; ++v) {
    if (*v == c) return true;
  }
  return false;
}

enum class Letters { kNone, kLatin, kCyrillic, kMixed };

Letters ClassifyLetters(const icu::UnicodeString& s) {
  bool latin = false, cyrillic = false;
  for (int32_t i = 0; i < s.length();) {
    const UChar32 c = s.char32At(i);
    i += U16_LENGTH(c);
    if (!u_isalpha(c)) continue;
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(c, &status);
    if (script == USCRIPT_LATIN) {
      latin = true;
    } else if (script == USCRIPT_CYRILLIC) {
      cyrillic = true;
    } else {
      return Letters::kMixed;
    }
  }
  if (latin && cyrillic) return Letters::kMixed;
  return latin ? Letters::kLatin : cyrillic ? Letters::kCyrillic : Letters::kNone;
}

}  // namespace

struct NameKeyer::Impl {
  const icu::Normalizer2* nfkc_cf = nullptr;
  icu::LocalPointer<icu::Transliterator> romanize;
  icu::LocalPointer<icu::Transliterator> fold;
  std::unordered_map<std::u16string, EndingRule> endings;
  int32_t max_ending = 0;
  std::unordered_set<std::u16string> indeclinable;
  std::unordered_map<std::string, std::string> cache;

  icu::UnicodeString Normalize(std::string_view word) const {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString out = nfkc_cf->normalize(FromUtf8(word), status);
    if (U_FAILURE(status)) out = FromUtf8(word);
    internal::FoldAfterCasefold(&out);
    return out;
  }

  // For a lowercase Cyrillic word: how many trailing units to cut and what to append.
  bool FindEnding(const icu::UnicodeString& w, int32_t* cut,
                  icu::UnicodeString* replacement) const {
    const std::u16string_view all(reinterpret_cast<const char16_t*>(w.getBuffer()),
                                  static_cast<size_t>(w.length()));
    if (indeclinable.count(std::u16string(all)) > 0) return false;
    for (int32_t len = std::min(max_ending, w.length() - kMinStemLetters); len >= 1; --len) {
      const auto it =
          endings.find(std::u16string(all.substr(all.size() - static_cast<size_t>(len))));
      if (it == endings.end()) continue;
      if (it->second.after_consonant && IsCyrillicVowel(w.charAt(w.length() - len - 1))) continue;
      *cut = len;
      *replacement = it->second.replacement;
      return true;
    }
    return false;
  }
};

NameKeyer::NameKeyer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
NameKeyer::NameKeyer(NameKeyer&&) noexcept = default;
NameKeyer& NameKeyer::operator=(NameKeyer&&) noexcept = default;
NameKeyer::~NameKeyer() = default;

Result<NameKeyer> NameKeyer::Create() {
  auto impl = std::make_unique<Impl>();
  UErrorCode status = U_ZERO_ERROR;
  impl->nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) {
    return Status::Internal(std::string("ICU NFKC_Casefold normalizer: ") + u_errorName(status));
  }
  impl->romanize.adoptInstead(
      icu::Transliterator::createInstance(icu::UnicodeString(kRomanizeId), UTRANS_FORWARD, status));
  if (U_FAILURE(status) || impl->romanize.isNull()) {
    return Status::Internal(std::string("ICU transform Kazakh-Latin/BGN; Latin-ASCII: ") +
                            u_errorName(status));
  }

  const std::string_view fold_rules = data::EmbeddedFile(kFoldFile);
  if (fold_rules.empty()) return Status::Internal(std::string(kFoldFile) + ": not compiled in");
  UParseError parse_error{};
  impl->fold.adoptInstead(icu::Transliterator::createFromRules(
      u"pressmine-NameKeyFold", FromUtf8(fold_rules), UTRANS_FORWARD, parse_error, status));
  if (U_FAILURE(status) || impl->fold.isNull()) {
    return Status::Internal(std::string(kFoldFile) + ": line " + std::to_string(parse_error.line) +
                            ": " + u_errorName(status));
  }

  const std::string_view endings = data::EmbeddedFile(kEndingsFile);
  if (endings.empty()) return Status::Internal(std::string(kEndingsFile) + ": not compiled in");
  Status st = internal::ForEachTsvRow(endings, [&](const internal::TsvRow& row) -> Status {
    if (row.fields.size() != 3 || (row.fields[2] != "any" && row.fields[2] != "consonant")) {
      return Status::Internal("line " + std::to_string(row.line) +
                              ": expected ending<TAB>replacement<TAB>any|consonant");
    }
    const icu::UnicodeString ending = impl->Normalize(row.fields[0]);
    impl->endings[std::u16string(reinterpret_cast<const char16_t*>(ending.getBuffer()),
                                 static_cast<size_t>(ending.length()))] =
        EndingRule{impl->Normalize(row.fields[1]), row.fields[2] == "consonant"};
    impl->max_ending = std::max(impl->max_ending, ending.length());
    return Status::Ok();
  });
  PM_RETURN_IF_ERROR(st.WithContext(kEndingsFile));

  const std::string_view indeclinable = data::EmbeddedFile(kIndeclinableFile);
  if (indeclinable.empty()) {
    return Status::Internal(std::string(kIndeclinableFile) + ": not compiled in");
  }
  st = internal::ForEachTsvRow(indeclinable, [&](const internal::TsvRow& row) -> Status {
    const icu::UnicodeString w = impl->Normalize(row.fields[0]);
    impl->indeclinable.emplace(reinterpret_cast<const char16_t*>(w.getBuffer()),
                               static_cast<size_t>(w.length()));
    return Status::Ok();
  });
  PM_RETURN_IF_ERROR(st.WithContext(kIndeclinableFile));
  return NameKeyer(std::move(impl));
}

std::string NameKeyer::BaseForm(std::string_view word) {
  const icu::UnicodeString norm = impl_->Normalize(word);
  if (ClassifyLetters(norm) != Letters::kCyrillic) return std::string(word);
  int32_t cut = 0;
  icu::UnicodeString replacement;
  if (!impl_->FindEnding(norm, &cut, &replacement)) return std::string(word);

  icu::UnicodeString original = FromUtf8(word);
  icu::UnicodeString result;
  if (original.length() == norm.length()) {
    // Same letters, different case: cut the original so its capitalization survives.
    result = original.tempSubString(0, original.length() - cut);
    icu::UnicodeString upper_check = original;
    if (original.length() > 1 && upper_check.toUpper() == original) replacement.toUpper();
  } else {
    result = norm.tempSubString(0, norm.length() - cut);
  }
  result += replacement;
  std::string out;
  result.toUTF8String(out);
  return out;
}

std::string NameKeyer::NameKey(std::string_view word) {
  Impl& m = *impl_;
  const std::string cache_key(word);
  if (const auto it = m.cache.find(cache_key); it != m.cache.end()) return it->second;

  icu::UnicodeString u = m.Normalize(word);
  const Letters letters = ClassifyLetters(u);
  std::string key;
  if (letters != Letters::kNone) {
    if (letters == Letters::kCyrillic) {
      int32_t cut = 0;
      icu::UnicodeString replacement;
      if (m.FindEnding(u, &cut, &replacement)) {
        u.truncate(u.length() - cut);
        u += replacement;
      }
    } else if (u.endsWith(u"'s")) {
      u.truncate(u.length() - 2);  // English possessive: Tokayev's
    }
    m.romanize->transliterate(u);
    m.fold->transliterate(u);
    // Only a-z, doubled letters collapsed.
    for (int32_t i = 0; i < u.length(); ++i) {
      const UChar c = u.charAt(i);
      if (c < u'a' || c > u'z') continue;
      if (!key.empty() && key.back() == static_cast<char>(c)) continue;
      key.push_back(static_cast<char>(c));
    }
    if (key.size() > static_cast<size_t>(kMinStemLetters) && key.back() == 'a') key.pop_back();
  }
  if (m.cache.size() >= kCacheEntries) m.cache.clear();
  m.cache.emplace(cache_key, key);
  return key;
}

}  // namespace pressmine::nlp
