// Shared helpers for the facts tests: one extractor per test binary (building one loads the
// gazetteers and ICU transliterators) and small finders over a fact list.
#ifndef PRESSMINE_TESTS_EXTRACT_FACTS_TEST_UTIL_H_
#define PRESSMINE_TESTS_EXTRACT_FACTS_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "extract/facts.h"

namespace pressmine::extract::testing {

inline FactExtractor& Extractor() {
  static FactExtractor* extractor = [] {
    auto made = FactExtractor::Create();
    EXPECT_TRUE(made.ok()) << made.status().ToString();
    return new FactExtractor(std::move(made).value());
  }();
  return *extractor;
}

inline std::vector<Fact> OfType(const std::vector<Fact>& facts, FactType type) {
  std::vector<Fact> out;
  for (const Fact& f : facts)
    if (f.type == type) out.push_back(f);
  return out;
}

inline std::vector<Fact> Sentence(std::string_view text, std::string_view published = "2026-02-10",
                                  Language lang = Language::kUnknown) {
  FactOptions options;
  options.published = std::string(published);
  options.lang = lang;
  return Extractor().ExtractSentence(text, options);
}

// All date facts as "value" or "value/end", in order.
inline std::vector<std::string> DateValues(const std::vector<Fact>& facts) {
  std::vector<std::string> out;
  for (const Fact& f : OfType(facts, FactType::kDate)) out.push_back(f.date.Iso());
  return out;
}

}  // namespace pressmine::extract::testing

#endif  // PRESSMINE_TESTS_EXTRACT_FACTS_TEST_UTIL_H_
