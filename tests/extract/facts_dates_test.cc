// Date facts: every form of the issue in both languages, relative dates against a pinned
// publication date, and the evidence span.
#include <gtest/gtest.h>

#include "tests/extract/facts_test_util.h"

namespace pressmine::extract {
namespace {

using testing::DateValues;
using testing::Sentence;

struct DateCase {
  const char* text;
  const char* published;
  std::vector<std::string> expected;
};

class DateFormsTest : public ::testing::TestWithParam<DateCase> {};

TEST_P(DateFormsTest, Normalizes) {
  const DateCase& c = GetParam();
  EXPECT_EQ(DateValues(Sentence(c.text, c.published)), c.expected) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Russian, DateFormsTest,
    ::testing::Values(
        DateCase{"Встреча состоялась 26 января 2026 года в Бишкеке.", "2026-01-27", {"2026-01-26"}},
        DateCase{"Отчёт опубликован 26.01.2026 на сайте ведомства.", "2026-01-27", {"2026-01-26"}},
        DateCase{"Совещание прошло 26 января в Министерстве.", "2026-01-27", {"2026-01-26"}},
        DateCase{"В январе в стационары поступили пациенты.", "2026-02-10", {"2026-01"}},
        DateCase{"В декабре 2025 года выявлены новые случаи.", "2026-02-10", {"2025-12"}},
        DateCase{"С 1 января 2024 года кредиты увеличены.", "2025-09-22", {"2024-01-01"}},
        DateCase{"В 2024 году поддержку получили врачи, а в 2025-м — медсёстры.",
                 "2025-09-22",
                 {"2024", "2025"}},
        DateCase{"За период с 2022 по 2024 годы охвачены работники.", "2025-09-22", {"2022/2024"}},
        DateCase{"Программа рассчитана на 2019–2030 годы.", "2025-09-22", {"2019/2030"}},
        DateCase{"В прошлом году показатель снизился.", "2026-01-28", {"2025"}},
        DateCase{"В текущем году откроются центры.", "2026-01-28", {"2026"}},
        DateCase{"В следующем году откроются центры.", "2026-01-28", {"2027"}},
        DateCase{"Проверки завершатся в этом месяце.", "2026-01-28", {"2026-01"}},
        DateCase{"Работа продлится до конца декабря.", "2025-11-17", {"2025-12"}},
        DateCase{"В 2 643 случаях помощь оказана на дому.", "2026-01-28", {}}));

INSTANTIATE_TEST_SUITE_P(
    English, DateFormsTest,
    ::testing::Values(
        DateCase{"On January 28, 2026, a final meeting was held.", "2026-01-29", {"2026-01-28"}},
        DateCase{"On January 28, a final meeting was held.", "2026-01-29", {"2026-01-28"}},
        DateCase{"The report was published on 15 January 2026.", "2026-01-29", {"2026-01-15"}},
        DateCase{"Vaccination coverage reached 95% in January 2026.", "2026-02-10", {"2026-01"}},
        DateCase{"The campaign will start in February.", "2026-01-10", {"2026-02"}},
        DateCase{"From 2022 to 2024, doctors received support.", "2025-09-22", {"2022/2024"}},
        DateCase{"Between 2020 and 2023, the number grew.", "2025-09-22", {"2020/2023"}},
        DateCase{"The 2019-2030 program continues.", "2025-09-22", {"2019/2030"}},
        DateCase{"Last year, the country registered new cases.", "2026-01-28", {"2025"}},
        DateCase{"This year the government allocated funds.", "2026-01-28", {"2026"}},
        DateCase{"Payments will be made this month.", "2026-01-28", {"2026-01"}},
        DateCase{
            "The consultations took place during the first half of 2022.", "2026-01-28", {"2022"}},
        DateCase{"It may rain in the capital.", "2026-01-28", {}}));

TEST(DateFacts, RelativeDatesNeedAPublicationDate) {
  EXPECT_TRUE(DateValues(Sentence("В прошлом году показатель снизился.", "")).empty());
  const auto facts = Sentence("Last year the rate fell.", "2026-01-28");
  ASSERT_EQ(facts.size(), 1u);
  EXPECT_TRUE(facts[0].date.relative);
}

TEST(DateFacts, EvidenceSpanCoversTheWrittenForm) {
  const std::string text = "За период с 2022 по 2024 годы охвачено 2 643 медицинских работника.";
  const auto dates = testing::OfType(Sentence(text), FactType::kDate);
  ASSERT_EQ(dates.size(), 1u);
  EXPECT_EQ(dates[0].text, "с 2022 по 2024 годы");
  EXPECT_EQ(text.substr(dates[0].begin, dates[0].end - dates[0].begin), dates[0].text);
  EXPECT_EQ(dates[0].date.value, "2022");
  EXPECT_EQ(dates[0].date.end, "2024");
}

}  // namespace
}  // namespace pressmine::extract

namespace pressmine::extract {
namespace {

TEST(DateFacts, MonthRanges) {
  EXPECT_EQ(testing::DateValues(
                testing::Sentence("В январе–феврале выявлено 412 случаев.", "2026-03-05")),
            std::vector<std::string>{"2026-01/2026-02"});
  EXPECT_EQ(testing::DateValues(testing::Sentence(
                "Cases were detected in January and February 2025.", "2026-03-05")),
            std::vector<std::string>{"2025-01/2025-02"});
  // Not a range: the second month comes first in the year.
  EXPECT_EQ(
      testing::DateValues(testing::Sentence("В марте и январе прошли проверки.", "2026-03-05")),
      (std::vector<std::string>{"2026-03", "2026-01"}));
}

}  // namespace
}  // namespace pressmine::extract
