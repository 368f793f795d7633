// Reading the Mueller English-Russian dictionary (Debian's mueller7-dict) in dictd format.
//
// The package installs mueller7.index (one line per headword: headword<TAB>offset<TAB>length,
// the numbers in dictd's base64 digits) and mueller7.dict.dz (dictzip: a gzip stream with random
// access chunks, readable as plain gzip). Entries are free text in a fixed layout:
//
//   doctor
//      [↗dɘktɜ]
//      1. _n.                                    part-of-speech block
//         1) врач, доктор                        sense: synonyms separated by commas
//         2) доктор (учёная степень)             parenthesized notes
//         4) _мор. _жарг. судовой повар          labels: _xxx.
//      2. _v.
//         1) заниматься врачебной практикой; лечить; to doctor oneself лечиться
//                                                ';' separates synonyms and examples
//
// with homonyms marked _I, _II, sub-senses а) б), and cross references "= program". Parsing keeps
// what a search expansion can use: clean Cyrillic translations of 1-3 words from senses whose
// labels are not archaic, slang, jocular or the like, best first (the first sense of the entry,
// then the first sense of each further block, then later senses), and, optionally, two- to
// four-word English phrases from the examples with their translation ("public health
// здравоохранение", "Ministry of H. министерство здравоохранения" with H. expanded).
#ifndef PRESSMINE_NLP_INTERNAL_MUELLER_H_
#define PRESSMINE_NLP_INTERNAL_MUELLER_H_

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"

namespace pressmine::nlp::internal {

struct MuellerOptions {
  // Translations kept per headword: the first few are the common senses; later ones are rare,
  // technical or figurative and would flood a query expansion.
  size_t max_translations = 4;
  // Items of the entry's first sense kept before other senses get a turn.
  size_t max_first_sense_items = 3;
  // Harvest English phrases with their translations from the examples.
  bool harvest_phrases = true;
};

struct MuellerEntry {
  std::string headword;
  std::vector<std::string> translations;                     // best first
  std::vector<std::pair<std::string, std::string>> phrases;  // (English phrase, Russian)
  std::string see_also;   // "= program": the headword whose translations apply, if none of its own
  size_t text_bytes = 0;  // size of the entry: common words have long entries with many senses
};

// Parses the text of one entry (its headword line included).
MuellerEntry ParseMuellerEntry(std::string_view text, const MuellerOptions& options);

// Decodes a dictd base64 number ("BoU" -> offset). Returns false on a bad digit or overflow.
bool DecodeDictdNumber(std::string_view digits, uint64_t* value);

// Inflates a gzip (or dictzip) stream. kCorruption on malformed data.
Result<std::string> InflateGzip(std::string_view compressed, size_t size_limit);

// Reads <dir>/mueller7.index and <dir>/mueller7.dict.dz and calls fn for each real entry (the
// 00-database-* and _label entries are skipped). kNotFound names the missing file and the
// package that provides it.
Status ReadMueller(const std::filesystem::path& dir, const MuellerOptions& options,
                   const std::function<void(MuellerEntry&&)>& fn);

}  // namespace pressmine::nlp::internal

#endif  // PRESSMINE_NLP_INTERNAL_MUELLER_H_
