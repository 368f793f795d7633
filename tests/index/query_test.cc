#include "index/query.h"

#include <gtest/gtest.h>

namespace pressmine::index {
namespace {

struct CompileCase {
  const char* query;
  const char* fts;
};

void PrintTo(const CompileCase& c, std::ostream* os) { *os << "query: " << c.query; }

class QueryCompileTest : public ::testing::TestWithParam<CompileCase> {};

TEST_P(QueryCompileTest, CompilesToQuotedFts5) {
  auto q = ParseQuery(GetParam().query);
  ASSERT_TRUE(q.ok()) << GetParam().query << ": " << q.status().ToString();
  ASSERT_TRUE(q->root.has_value());
  EXPECT_EQ(ToFts5(*q->root), GetParam().fts);
}

INSTANTIATE_TEST_SUITE_P(
    Syntax, QueryCompileTest,
    ::testing::Values(
        CompileCase{"vaccination", "\"vaccination\""},
        CompileCase{"maternal mortality", "(\"maternal\" AND \"mortality\")"},
        CompileCase{"maternal AND mortality", "(\"maternal\" AND \"mortality\")"},
        CompileCase{"\"материнская смертность\"", "\"материнская смертность\""},
        CompileCase{"hemodialysis OR гемодиализ", "(\"hemodialysis\" OR \"гемодиализ\")"},
        CompileCase{"вакцин* -covid", "(\"вакцин\"*) NOT \"covid\""},
        CompileCase{"(a OR b) c", "((\"a\" OR \"b\") AND \"c\")"},
        CompileCase{"title:министр", "title : \"министр\""},
        CompileCase{"title:\"deputy minister\"", "title : \"deputy minister\""},
        // FTS5 syntax in the input is only text.
        CompileCase{"NEAR(a b)", "(\"NEAR\" AND (\"a\" AND \"b\"))"},
        CompileCase{"text:x", "\"text:x\""},
        CompileCase{"COVID-19", "\"COVID-19\""},
        CompileCase{"it's", "\"it's\""},
        CompileCase{"or and", "(\"or\" AND \"and\")"}));

TEST(QueryTest, FiltersAreLiftedOutOfTheTree) {
  auto q = ParseQuery("lang:ru source:kg-health date:2025-01..2026-03 минздрав");
  ASSERT_TRUE(q.ok()) << q.status().ToString();
  EXPECT_EQ(q->lang, Language::kRussian);
  ASSERT_EQ(q->sources.size(), 1u);
  EXPECT_EQ(q->sources[0], "kg-health");
  ASSERT_TRUE(q->dates.has_value());
  EXPECT_EQ(q->dates->from, "2025-01");
  EXPECT_EQ(q->dates->to, "2026-03");
  EXPECT_EQ(ToFts5(*q->root), "\"минздрав\"");
}

TEST(QueryTest, FilterOnlyQueryHasNoTree) {
  auto q = ParseQuery("lang:en date:2026");
  ASSERT_TRUE(q.ok());
  EXPECT_FALSE(q->root.has_value());
  EXPECT_EQ(q->dates->from, "2026");
  EXPECT_EQ(q->dates->to, "2026");
}

TEST(QueryTest, OpenDateRanges) {
  auto q = ParseQuery("x date:..2025-06-30");
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->dates->from, "");
  EXPECT_EQ(q->dates->to, "2025-06-30");
}

struct ErrorCase {
  const char* query;
  const char* message_part;
};

void PrintTo(const ErrorCase& c, std::ostream* os) { *os << "query: " << c.query; }

class QueryErrorTest : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(QueryErrorTest, MalformedQueriesGetAPointedMessage) {
  auto q = ParseQuery(GetParam().query);
  ASSERT_FALSE(q.ok()) << GetParam().query;
  EXPECT_EQ(q.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(q.status().message().find(GetParam().message_part), std::string::npos)
      << GetParam().query << " -> " << q.status().message();
}

INSTANTIATE_TEST_SUITE_P(
    Errors, QueryErrorTest,
    ::testing::Values(ErrorCase{"", "empty"}, ErrorCase{"   ", "empty"},
                      ErrorCase{"\"maternal mortality", "quote at column 1 is never closed"},
                      ErrorCase{"(a OR b", "\"(\" at column 1 is never closed"},
                      ErrorCase{"a OR b)", "unbalanced \")\" at column 7"},
                      ErrorCase{"()", "empty parentheses"},
                      ErrorCase{"a OR", "OR at column 3 needs a word after it"},
                      ErrorCase{"OR a", "needs a word before it"},
                      ErrorCase{"-covid", "only excludes"},
                      ErrorCase{"-a -b", "besides the excluded"},
                      ErrorCase{"*", "must follow the start of a word"},
                      ErrorCase{"a**", "must follow the start of a word"},
                      ErrorCase{"\"a b\"*", "phrase cannot be a prefix"},
                      ErrorCase{"lang:de", "must be ru, en or other"},
                      ErrorCase{"lang:ru lang:en", "two different lang"},
                      ErrorCase{"a OR lang:ru", "needs words on both sides"},
                      ErrorCase{"(a lang:ru) OR b", "applies to the whole query"},
                      ErrorCase{"-source:x a", "cannot be negated"},
                      ErrorCase{"date:2025-13", "YYYY, YYYY-MM or YYYY-MM-DD"},
                      ErrorCase{"date:2025-02-30", "YYYY, YYYY-MM or YYYY-MM-DD"},
                      ErrorCase{"date:2026..2025", "ends before it starts"},
                      ErrorCase{"date: x", "needs a value"},
                      ErrorCase{"— –", "no letters or digits"},
                      ErrorCase{"((((((((((((((((((((((((((((((((((a))))))))))))))))))))))))))))))))))",
                                "nested more than"}));

TEST(QueryTest, DateHelpers) {
  EXPECT_TRUE(IsIsoDatePrefix("2024-02-29"));
  EXPECT_FALSE(IsIsoDatePrefix("2025-02-29"));
  EXPECT_FALSE(IsIsoDatePrefix("25-01-01"));
  EXPECT_EQ(ExclusiveUpperBound("2025"), "2026");
  EXPECT_EQ(ExclusiveUpperBound("2025-12"), "2026-01");
  EXPECT_EQ(ExclusiveUpperBound("2025-02-28"), "2025-03-01");
  EXPECT_EQ(ExclusiveUpperBound("2025-12-31"), "2026-01-01");
  EXPECT_EQ(ExclusiveUpperBound("2025-06-14"), "2025-06-15");
}

}  // namespace
}  // namespace pressmine::index
