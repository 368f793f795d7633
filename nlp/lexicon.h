// A bilingual English <-> Russian lexicon over stems, for expanding search queries across
// languages.
//
// Sources. (1) The Mueller English-Russian dictionary as Debian's mueller7-dict package installs
// it (/usr/share/dictd/mueller7.{index,dict.dz}; read at build time, never copied into the
// repository): for each headword the first few clean translations (see internal/mueller.h), plus
// two- to four-word phrases harvested from its examples ("public health" -> здравоохранение); the
// Russian -> English direction is the same pairs inverted, ranked by how early the Russian word
// came in the headword's list. (2) A hand-written health-and-policy glossary
// (corpora/lexicon/glossary_health.tsv, compiled in) whose terms override the dictionary: when a
// term is in the glossary, its glossary translations are its only translations, in that direction.
//
// Keys and translations are phrases of stems as Analyzer produces them ("материнск смертност",
// "matern mortal"), so inflected forms meet: a query's "материнской смертности" stems to the same
// key. Stop words stay in phrases ("ministri of health") because phrase queries need every token.
//
// Storage. A Lexicon is an immutable, compact blob (Serialize()) that the index stage can keep in
// its database and Load() in a few milliseconds: a sorted phrase table and translation lists
// addressed by offsets; Load() validates the checksum and every offset, then lookups read the
// blob in place. Building from the dictionary takes about a second and is done once.
#ifndef PRESSMINE_NLP_LEXICON_H_
#define PRESSMINE_NLP_LEXICON_H_

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace pressmine::nlp {

class Analyzer;

struct Translation {
  enum class Source : uint8_t {
    kGlossary = 0,    // the hand-written glossary
    kDictionary = 1,  // a Mueller headword's translation (either direction)
    kPhrase = 2,      // a phrase harvested from Mueller's examples
  };
  std::vector<std::string_view> stems;  // views into the Lexicon; valid while it lives
  Source source = Source::kDictionary;
};

// A run of query stems that is a lexicon key: stems [begin, begin + length).
struct TermMatch {
  size_t begin = 0;
  size_t length = 0;
  std::string_view key;  // the stems joined by spaces; a view into the Lexicon
};

// Immutable after construction; const methods are safe to call from several threads.
// Movable, not copyable.
class Lexicon {
 public:
  // Validates a blob made by Serialize() and takes it over. kCorruption if the magic, version,
  // checksum or any offset is wrong; kUnsupported for a blob from a newer format version.
  static Result<Lexicon> Load(std::string blob);

  Lexicon(Lexicon&&) noexcept;
  Lexicon& operator=(Lexicon&&) noexcept;
  ~Lexicon();

  // The bytes to store; Load(Serialize()) gives an equal lexicon.
  std::string_view Serialize() const;

  // Translations of a key: stems joined by single spaces ("matern mortal", "гемодиализ"), best
  // first (glossary entries, then dictionary headwords by rank, then harvested phrases). Empty if
  // the key is unknown.
  std::vector<Translation> Lookup(std::string_view key) const;
  std::vector<Translation> Lookup(std::span<const std::string> stems) const;

  // Greedy longest-first segmentation of a query's stems into lexicon keys, left to right: at each
  // position the longest key (up to max_key_words()) that has translations is taken; positions
  // with no key are skipped. For building one OR group per term.
  std::vector<TermMatch> FindTerms(std::span<const std::string> stems) const;

  size_t key_count() const;              // keys that have translations
  size_t max_key_words() const;          // the longest key, in stems
  std::string_view description() const;  // the sources it was built from, for diagnostics

 private:
  struct Impl;
  explicit Lexicon(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

struct LexiconBuildOptions {
  // Where mueller7.index and mueller7.dict.dz are; empty to build from the glossary only.
  std::filesystem::path mueller_dir = "/usr/share/dictd";
  // Translations kept per Mueller headword (its first, most common senses).
  size_t max_translations_per_headword = 4;
  // Translations kept per key after merging headwords that share a stem and inverting.
  size_t max_translations_per_key = 8;
  // Harvest English phrases with translations from Mueller's examples.
  bool harvest_phrases = true;
  // Include the compiled-in health-and-policy glossary.
  bool builtin_glossary = true;
  // Further glossaries in the same TSV format, as text (name, content), applied after it.
  std::vector<std::pair<std::string, std::string>> extra_glossaries;
};

// Statistics of a build, for tools and benchmarks.
struct LexiconBuildStats {
  size_t mueller_headwords = 0;  // headwords with at least one usable translation or phrase
  size_t glossary_pairs = 0;
  size_t keys = 0;
  size_t translations = 0;
  size_t blob_bytes = 0;
};

// Builds a lexicon from the sources in `options`. kNotFound (naming the file and the package) if
// mueller_dir is set but the dictionary is not there; kInvalidArgument for a malformed glossary
// line. `stats` may be null.
Result<Lexicon> BuildLexicon(const LexiconBuildOptions& options,
                             LexiconBuildStats* stats = nullptr);

// The compiled-in glossary's TSV text.
std::string_view BuiltinGlossary();

}  // namespace pressmine::nlp

#endif  // PRESSMINE_NLP_LEXICON_H_
