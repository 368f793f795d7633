// The generator's vocabulary: sources, regions, officials, positions, concepts, templates and
// month names of the search benchmark, loaded from the data files in corpora/bench/ (compiled
// in). See corpora/bench/README.md for what each file holds.
//
// Thread-safety: a loaded Vocabulary is immutable and may be shared.
#ifndef PRESSMINE_TOOLS_BENCH_SEARCH_VOCABULARY_H_
#define PRESSMINE_TOOLS_BENCH_SEARCH_VOCABULARY_H_

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace pressmine::bench {

// Russian grammatical cases in the order the data files list them.
enum Case { kNom = 0, kGen, kDat, kAcc, kIns, kPre, kCaseCount };

// "nom" -> kNom ...; kCaseCount when unknown.
Case ParseCase(std::string_view name);

using RuForms = std::array<std::string, kCaseCount>;

struct Source {
  std::string id;
  int weight = 0;
  std::string group;  // selects regions and officials
  RuForms ministry_ru;
  std::string short_ru;
  std::string ministry_en;
  std::string short_en;
  std::string currency_ru;
  std::string currency_en;
  int en_percent = 0;  // share of its stories also published in English
};

struct Region {
  std::string id;
  std::string group;
  RuForms ru;
  std::string en;
};

struct Position {
  std::string id;
  RuForms ru;
  std::string en;
};

struct Person {
  std::string id;
  std::string group;  // "any": appears in every source
  bool female = false;
  std::string position;
  RuForms first_ru;
  RuForms surname_ru;
  std::string first_en;
  std::vector<std::string> surnames_en;  // spelling variants; one is chosen per release
};

struct Concept {
  std::string id;
  std::string kind;
  int weight = 0;
  RuForms ru;
  std::vector<std::string> en;  // spelling variants
};

struct Template {
  std::string part;  // title, lead, body, quote, close
  std::string kind;  // a concept kind or "any"
  std::string ru;
  std::string en;
};

struct Vocabulary {
  std::vector<Source> sources;
  std::vector<Region> regions;
  std::vector<Position> positions;
  std::vector<Person> persons;
  std::vector<Concept> concepts;
  std::vector<Template> templates;
  std::array<std::string, 12> months_ru;  // genitive: "марта"
  std::array<std::string, 12> months_en;

  // The compiled-in corpora/bench files. kInternal when one does not parse (a build problem),
  // with the file and line in the message.
  static Result<Vocabulary> Load();

  const Position* FindPosition(std::string_view id) const;
};

// The compiled-in text of corpora/bench/<name> ("queries.tsv"); "" when not embedded.
std::string_view BenchDataFile(std::string_view name);

// Splits `s` at every `sep`, keeping empty pieces.
std::vector<std::string> Split(std::string_view s, char sep);

}  // namespace pressmine::bench

#endif  // PRESSMINE_TOOLS_BENCH_SEARCH_VOCABULARY_H_
