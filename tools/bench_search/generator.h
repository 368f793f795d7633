// A deterministic generator of bilingual ministry press releases with ground truth.
//
// Approach: a release is a "story" — a source, a date, a main concept C1 and up to two side
// concepts, two officials of the source's country and a region — rendered through paired
// Russian/English templates (corpora/bench/templates.tsv). Russian slots take a grammatical case,
// so one concept appears as «материнская смертность», «материнской смертности», «материнскую
// смертность»; names are declined too, and English releases pick one of several Latin
// spellings of a surname (Zholdoshbekov / Joldoshbekov). Half the Russian releases write ё as е,
// as many sites do. Some stories are published in both languages (same templates and figures:
// a translation), a few in English only.
//
// Ground truth: every slot that is rendered records a tag — c:<concept>, p:<person>, r:<region> —
// so a document carries exactly the concepts and people whose words it contains (the data
// keeps concept words out of templates and other concepts). The query set (query_set.h) turns
// tags into relevance.
//
// Determinism: each story draws from its own SplitMix64 stream seeded by (seed, story index),
// so document i is the same for any --docs and on any platform (no std distributions).
//
// Thread-safety: a CorpusGenerator is immutable after Create; Generate may run concurrently.
#ifndef PRESSMINE_TOOLS_BENCH_SEARCH_GENERATOR_H_
#define PRESSMINE_TOOLS_BENCH_SEARCH_GENERATOR_H_

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "tools/bench_search/vocabulary.h"

namespace pressmine::bench {

struct GeneratedDoc {
  int64_t id = 0;     // 1-based, in generation order (which is date order, within a few days)
  int64_t story = 0;  // releases of one story share it (a translation pair)
  std::string lang;   // "ru" or "en"
  std::string source;
  std::string published;  // YYYY-MM-DD
  std::string title;
  std::string text;                // paragraphs separated by blank lines
  std::vector<std::string> tags;   // sorted, unique: c:vaccination p:tashmatov r:osh
};

struct GeneratorOptions {
  uint64_t seed = 20260101;
  // Documents the dates are spread for: releases 1..expected_docs fall between first_day and
  // last_day (chronologically); later ones continue past last_day at the same pace, as a
  // nightly batch would.
  int64_t expected_docs = 100000;
  std::string first_day = "2020-01-01";
  std::string last_day = "2026-06-30";
};

class CorpusGenerator {
 public:
  // kInvalidArgument for a malformed date or a non-positive expected_docs.
  static Result<CorpusGenerator> Create(const Vocabulary& vocabulary, GeneratorOptions options);

  // The first `count` documents, ids 1..count.
  std::vector<GeneratedDoc> Generate(int64_t count) const;

  // The releases of one story (one or two documents; ids left 0).
  std::vector<GeneratedDoc> Story(int64_t index) const;

 private:
  CorpusGenerator(const Vocabulary* vocabulary, GeneratorOptions options, int64_t first_day,
                  int64_t last_day)
      : v_(vocabulary), options_(std::move(options)), first_day_(first_day), last_day_(last_day) {}

  const Vocabulary* v_;
  GeneratorOptions options_;
  int64_t first_day_;  // days since 1970-01-01
  int64_t last_day_;
};

// Days since 1970-01-01 for an ISO date, and back (proleptic Gregorian).
int64_t DaysFromCivil(int y, int m, int d);
std::string CivilFromDays(int64_t days);

}  // namespace pressmine::bench

#endif  // PRESSMINE_TOOLS_BENCH_SEARCH_GENERATOR_H_
