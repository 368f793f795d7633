// The internal layers under the grammars: the token scanner's number reading and the
// gazetteer's pattern language (stems, choices, longest match, data errors).
#include <gtest/gtest.h>

#include "extract/facts/gazetteer.h"
#include "extract/facts/tokens.h"

namespace pressmine::extract::facts {
namespace {

struct NumberCase {
  const char* text;
  Language lang;
  const char* norm;
  bool quantity;
};

class NumberReadingTest : public ::testing::TestWithParam<NumberCase> {};

TEST_P(NumberReadingTest, ReadsAsTheLanguageWritesIt) {
  const NumberCase& c = GetParam();
  std::vector<Tok> toks;
  Tokenize(c.text, c.lang, &toks);
  ASSERT_FALSE(toks.empty());
  EXPECT_EQ(toks[0].kind, TokKind::kNumber) << c.text;
  EXPECT_EQ(toks[0].norm, c.norm) << c.text;
  EXPECT_EQ(toks[0].quantity, c.quantity) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Forms, NumberReadingTest,
    ::testing::Values(NumberCase{"9,2 млн", Language::kRussian, "9.2", true},
                      NumberCase{"2 643 врача", Language::kRussian, "2643", true},
                      NumberCase{"1\xc2\xa0"
                                 "234\xc2\xa0"
                                 "567,5 тенге",
                                 Language::kRussian, "1234567.5", true},
                      NumberCase{"2,643 doctors", Language::kEnglish, "2643", true},
                      NumberCase{"2,643 врача", Language::kRussian, "2.643", true},
                      NumberCase{"1,234.5", Language::kEnglish, "1234.5", true},
                      NumberCase{"13.5 per", Language::kEnglish, "13.5", true},
                      NumberCase{"12.05.2025", Language::kRussian, "12.05.2025", false},
                      NumberCase{"2024 254 человека", Language::kRussian, "2024", true}));

TEST(FactTokens, WordsFoldAndFlag) {
  std::vector<Tok> toks;
  Tokenize("Минздрав NGS Ёлка «кредит»", Language::kRussian, &toks);
  ASSERT_EQ(toks.size(), 6u);
  EXPECT_EQ(toks[0].norm, "минздрав");
  EXPECT_TRUE(toks[0].capitalized);
  EXPECT_TRUE(toks[0].cyrillic);
  EXPECT_TRUE(toks[1].all_caps);
  EXPECT_EQ(toks[2].norm, "елка");
  EXPECT_EQ(toks[3].norm, "\"");  // « and » fold to one quote
  EXPECT_EQ(toks[5].norm, "\"");
}

std::vector<std::string> MatchedIds(const Gazetteer& g, std::string_view text) {
  std::vector<Tok> toks;
  Tokenize(text, Language::kRussian, &toks);
  std::vector<Match> matches;
  g.MatchAll(toks, &matches);
  std::vector<std::string> out;
  for (const Match& m : matches)
    out.push_back(m.entry->id + "@" + std::to_string(m.begin) + "-" + std::to_string(m.end));
  return out;
}

TEST(FactGazetteer, StemsChoicesAndLongestMatch) {
  Gazetteer g;
  ASSERT_TRUE(g.Load(Cat::kPosition, "test.tsv",
                     "# comment\n"
                     "minister\tru\tминистр|министра|министром\n"
                     "deputy\tru\tзаместител* министр|министра\n")
                  .ok());
  EXPECT_EQ(MatchedIds(g, "заместителей министра"), std::vector<std::string>{"deputy@0-2"});
  EXPECT_EQ(MatchedIds(g, "министром"), std::vector<std::string>{"minister@0-1"});
  EXPECT_TRUE(MatchedIds(g, "министерство").empty());  // a choice is not a stem
}

TEST(FactGazetteer, DataErrorsNameTheLine) {
  Gazetteer g;
  const Status missing = g.Load(Cat::kOrg, "orgs.tsv", "ok\tru\tминздрав*\nbroken line\n");
  EXPECT_FALSE(missing.ok());
  EXPECT_NE(missing.message().find("orgs.tsv:2"), std::string::npos) << missing.message();
  const Status scale = g.Load(Cat::kScale, "scales.tsv", "lots\tru\tмного\n");
  EXPECT_FALSE(scale.ok());
  EXPECT_NE(scale.message().find("scales.tsv:1"), std::string::npos) << scale.message();
}

}  // namespace
}  // namespace pressmine::extract::facts
