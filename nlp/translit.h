// Language-independent keys for personal names, so that the Russian and the English spelling of
// one person meet in the index: Кадыралиев / Kadyraliev / Kadyraliyev, Жапаров / Zhaparov /
// Japarov, Канайбек / Kanaybek / Kanaibek, Тоқаев / Tokayev.
//
// Approach, for one word:
//   1. Normalize as the tokenizer does (NFKC + case folding, ё -> е).
//   2. Cyrillic words are reduced to a base form: the masculine nominative of the declined name
//      types of press releases (surnames in -ов/-ев/-ин/-ын and -ский/-цкий, consonant-final first
//      names), and for names in -а/-я or -ий/-ия the stem without its ending. The endings are data
//      (corpora/lexicon/name_endings_ru.tsv, longest match first, with words that must not be
//      touched in names_indeclinable_ru.txt): Snowball is no help here, since it stems surnames
//      inconsistently (кадыралиев -> кадырал, but токаева -> токаев).
//   3. Cyrillic is romanized with ICU's Kazakh-Latin/BGN transform, which also covers the Kazakh
//      and Kyrgyz letters ә ғ қ ң ө ұ ү һ і (Russian-Latin/BGN does not), then Latin-ASCII drops
//      diacritics; Latin input only goes through Latin-ASCII, after dropping an English
//      possessive 's.
//   4. Folding rules (corpora/lexicon/name_key_fold.txt, ICU rule syntax) merge spelling
//      variants: dzh/dj/zh -> j, kh -> h, gh -> g, q -> k, ye/yo -> e, y -> i, ...
//   5. Only a-z are kept, doubled letters are collapsed, and a final -a is dropped when at least
//      three letters remain (feminine surnames and -а names: Kadyralieva, Gulnara).
// Keys are for matching, not display, and are lossy by design: different names may share a key.
// Known misses: Cyrillic names that end in -у/-е/-ы in the nominative and are missing from the
// indeclinable list lose that vowel on the Cyrillic side only.
#ifndef PRESSMINE_NLP_TRANSLIT_H_
#define PRESSMINE_NLP_TRANSLIT_H_

#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"

namespace pressmine::nlp {

// Computes name keys. Owns ICU transliterators, which are expensive to create (tens of
// milliseconds): create one per thread and reuse it. Keeps a bounded cache of recent keys.
// Not thread-safe; movable, not copyable.
class NameKeyer {
 public:
  // Entries in the key cache before it is cleared (names repeat within and across documents).
  static constexpr size_t kCacheEntries = 1 << 14;

  // With the compiled-in data files. kInternal if ICU lacks a transform or a rule file does not
  // parse (a build problem, not a user error).
  static Result<NameKeyer> Create();

  NameKeyer(NameKeyer&&) noexcept;
  NameKeyer& operator=(NameKeyer&&) noexcept;
  ~NameKeyer();

  // The key of one word (raw or already normalized), e.g. "kadiraliev" for Кадыралиевым,
  // Kadyraliev and Kadyraliyev. "" when the word has no Latin or Cyrillic letters.
  std::string NameKey(std::string_view word);

  // The base form of step 2 for a Cyrillic word, keeping the word's capitalization:
  // "Досмамбетовым" -> "Досмамбетов", "Кадыралиева" -> "Кадыралиев", "Бакытбека" -> "Бакытбек",
  // "Токаеву" -> "Токаев". Other words are returned unchanged.
  std::string BaseForm(std::string_view word);

 private:
  struct Impl;
  explicit NameKeyer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace pressmine::nlp

#endif  // PRESSMINE_NLP_TRANSLIT_H_
