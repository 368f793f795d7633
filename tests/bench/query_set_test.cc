#include "tools/bench_search/query_set.h"

#include <gtest/gtest.h>

namespace pressmine::bench {
namespace {

constexpr const char* kHeader = "# comment\n";

BenchQuery One(const std::string& line) {
  auto qs = ParseQuerySet(kHeader + line + "\n");
  EXPECT_TRUE(qs.ok()) << qs.status().ToString();
  return qs.ok() && !qs->empty() ? qs->front() : BenchQuery{};
}

TEST(QuerySetTest, RelevanceIsAndOfOrsUnderFilters) {
  const DocTruth ru{1, "ru", "kg-health", "2024-12-31", {"c:a", "c:b", "p:x"}};
  const DocTruth en{2, "en", "kz-health", "2025-01-01", {"c:b"}};
  struct Case {
    std::string line;
    bool ru, en;
  };
  const Case cases[] = {
      {"q\tword\tru\tw\t-\t-\t-\t-\tc:a", true, false},
      {"q\tword\tru\tw\t-\t-\t-\t-\tc:a|c:b", true, true},
      {"q\tword\tru\tw\t-\t-\t-\t-\tc:b&p:x", true, false},
      {"q\tword\tru\tw\ten\t-\t-\t-\tc:b", false, true},
      {"q\tword\tru\tw\t-\tkg-health\t-\t-\tc:b", true, false},
      {"q\tword\tru\tw\t-\t-\t2024\t2024\tc:b", true, false},
      {"q\tword\tru\tw\t-\t-\t2024-12\t-\tc:b", true, true},
      {"q\tword\tru\tw\t-\t-\t-\t2024-12-31\tc:b", true, false},
      {"q\tword\tru\tw\t-\t-\t2025-01-01\t2025-01\tc:b", false, true},
  };
  for (const Case& c : cases) {
    const BenchQuery q = One(c.line);
    EXPECT_EQ(q.Relevant(ru), c.ru) << c.line;
    EXPECT_EQ(q.Relevant(en), c.en) << c.line;
  }
}

TEST(QuerySetTest, PartsSplitWordsAndPhrases) {
  const BenchQuery q = One("q\tmulti\tru\tтуберкулез \"сельских врачей\" Ташматов\t-\t-\t-\t-\tc:a");
  const auto parts = q.Parts();
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_EQ(parts[0].text, "туберкулез");
  EXPECT_FALSE(parts[0].phrase);
  EXPECT_EQ(parts[1].text, "сельских врачей");
  EXPECT_TRUE(parts[1].phrase);
  EXPECT_EQ(parts[2].text, "Ташматов");
}

TEST(QuerySetTest, RejectsMalformedLines) {
  const char* bad[] = {
      "q\tword\tru\tw\t-\t-\t-\tc:a",             // 8 columns
      "q\tnoclass\tru\tw\t-\t-\t-\t-\tc:a",       // unknown class
      "q\tword\tde\tw\t-\t-\t-\t-\tc:a",          // query language
      "q\tword\tru\tw\tkk\t-\t-\t-\tc:a",         // lang filter
      "q\tword\tru\tw\t-\t-\t-\t-\tconcept",      // tag without kind
  };
  for (const char* line : bad) {
    EXPECT_FALSE(ParseQuerySet(std::string(kHeader) + line + "\n").ok()) << line;
  }
  EXPECT_FALSE(ParseQuerySet("a\tword\tru\tw\t-\t-\t-\t-\tc:a\na\tword\tru\tw\t-\t-\t-\t-\tc:a\n").ok())
      << "duplicate id";
}

}  // namespace
}  // namespace pressmine::bench
