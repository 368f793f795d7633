// Figure facts: scales, units, rates, changes, indicators and periods in both languages.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/extract/facts_test_util.h"

namespace pressmine::extract {
namespace {

using testing::OfType;
using testing::Sentence;

struct FigureCase {
  const char* text;
  double value;
  const char* unit;
  const char* indicator;  // "" when none
};

class FigureFormsTest : public ::testing::TestWithParam<FigureCase> {};

TEST_P(FigureFormsTest, ValueUnitIndicator) {
  const FigureCase& c = GetParam();
  const auto figures = OfType(Sentence(c.text), FactType::kFigure);
  ASSERT_EQ(figures.size(), 1u) << c.text;
  ASSERT_TRUE(figures[0].figure.value.has_value()) << c.text;
  EXPECT_DOUBLE_EQ(*figures[0].figure.value, c.value) << c.text;
  EXPECT_EQ(figures[0].figure.unit, c.unit) << c.text;
  EXPECT_EQ(figures[0].figure.indicator, c.indicator) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Russian, FigureFormsTest,
    ::testing::Values(FigureCase{"Бюджетный кредит на жильё увеличен до 9,2 млн тенге.", 9200000,
                                 "KZT", "housing_loan"},
                      FigureCase{"Врачи получают единовременную выплату в размере 8,5 млн тенге.",
                                 8500000, "KZT", "one_time_payment"},
                      FigureCase{"Мерами поддержки охвачено 2 643 медицинских работника.", 2643,
                                 "people", "specialists_supported"},
                      FigureCase{"На лекарства выделено 1,2 млрд сомов.", 1200000000, "KGS", ""},
                      FigureCase{"На ремонт направлено 850 млн рублей.", 850000000, "RUB", ""},
                      FigureCase{"Прививки получили более 250 тыс. детей.", 250000, "people", ""},
                      FigureCase{"Младенческая смертность составила 13,5 на 1000 живорожденных.",
                                 13.5, "per_1000_live_births", "infant_mortality"},
                      FigureCase{"Материнская смертность составила 41,2 на 100 тыс. живорожденных.",
                                 41.2, "per_100000_live_births", "maternal_mortality"},
                      FigureCase{"Охват вакцинацией составил 96,1%.", 96.1, "percent",
                                 "vaccination_coverage"},
                      FigureCase{"Обучение прошли 86 медицинских сестёр.", 86, "people", ""},
                      FigureCase{"Стоимость курса составляет 2 400 долларов.", 2400, "USD", ""}));

INSTANTIATE_TEST_SUITE_P(
    English, FigureFormsTest,
    ::testing::Values(
        FigureCase{"The housing loan was raised to 9.2 million tenge.", 9200000, "KZT",
                   "housing_loan"},
        FigureCase{"Perinatal diseases affected 1,224 children.", 1224, "people",
                   "perinatal_diseases"},
        FigureCase{"The government allocated $12 million for equipment.", 12000000, "USD", ""},
        FigureCase{"The average pension is 14,500 soms.", 14500, "KGS", ""},
        FigureCase{"Infant mortality was 11.2 per 1,000 live births.", 11.2, "per_1000_live_births",
                   "infant_mortality"},
        FigureCase{"Maternal mortality dropped to 18.6 per 100,000 live births.", 18.6,
                   "per_100000_live_births", "maternal_mortality"},
        FigureCase{"The ministry registered 320 new cases of tuberculosis.", 320, "cases", ""},
        FigureCase{"Life expectancy increased to 72.3 years.", 72.3, "years", "life_expectancy"}));

TEST(FigureFacts, NumbersWithoutUnitsAreNotFigures) {
  EXPECT_TRUE(
      OfType(Sentence("The 23rd meeting of the Commission was held in Moscow."), FactType::kFigure)
          .empty());
  EXPECT_TRUE(OfType(Sentence("Число центров увеличилось с 9 до 21."), FactType::kFigure).empty());
}

TEST(FigureFacts, CommaReadsByLanguage) {
  // "2,643" is a thousands group in English and a decimal comma in Russian.
  const auto en =
      OfType(Sentence("Support reached 2,643 doctors.", "", Language::kEnglish), FactType::kFigure);
  ASSERT_EQ(en.size(), 1u);
  EXPECT_EQ(en[0].figure.value, 2643);
  const auto ru = OfType(Sentence("Выплаты выросли до 2,643 млн тенге.", "", Language::kRussian),
                         FactType::kFigure);
  ASSERT_EQ(ru.size(), 1u);
  EXPECT_EQ(ru[0].figure.value, 2643000);
}

TEST(FigureFacts, ChangeAttachesToThePrecedingFigure) {
  const auto figures = OfType(Sentence("In 2025, infant mortality amounted to 13.5 per 1,000 live "
                                       "births, a reduction of 4.2% compared "
                                       "to the previous year."),
                              FactType::kFigure);
  ASSERT_EQ(figures.size(), 1u);
  const FigureValue& f = figures[0].figure;
  EXPECT_EQ(f.value, 13.5);
  EXPECT_EQ(f.period, "2025");
  ASSERT_TRUE(f.change.has_value());
  EXPECT_DOUBLE_EQ(f.change->value, 4.2);
  EXPECT_EQ(f.change->unit, "percent");
  EXPECT_EQ(f.change->direction, "decrease");
}

TEST(FigureFacts, ChangeAfterThePercentKeepsItsBase) {
  const auto figures = OfType(Sentence("Материнская смертность в 2025 году составила 34,8 на 100 "
                                       "000 живорожденных, что на 35,4% выше, "
                                       "чем в 2024 году."),
                              FactType::kFigure);
  ASSERT_EQ(figures.size(), 1u);
  const FigureValue& f = figures[0].figure;
  EXPECT_EQ(f.indicator, "maternal_mortality");
  EXPECT_EQ(f.period, "2025");
  ASSERT_TRUE(f.change.has_value());
  EXPECT_DOUBLE_EQ(f.change->value, 35.4);
  EXPECT_EQ(f.change->direction, "increase");
  EXPECT_EQ(f.change->base, "2024");
}

// "a 28.1% increase in infectious diseases" states a change and what changed, not a level: one
// figure with the change, no value, measuring what changed.
TEST(FigureFacts, StandaloneChangeIsAFigureWithOnlyAChange) {
  const struct {
    const char* text;
    double change;
    const char* direction;
    const char* indicator;
  } kCases[] = {
      {"There was a 28.1% increase in infectious diseases.", 28.1, "increase",
       "infectious_diseases"},
      {"Infant mortality fell, while there was a 27.4% increase in infectious diseases.", 27.4,
       "increase", "infectious_diseases"},
      {"Вместе с тем отмечен рост инфекционных и паразитарных болезней на 27,4%.", 27.4, "increase",
       "infectious_diseases"},
      {"Заболеваемость туберкулёзом снизилась на 7,8%.", 7.8, "decrease", "incidence"},
      {"Tuberculosis incidence decreased by 9%.", 9, "decrease", "incidence"},
  };
  for (const auto& c : kCases) {
    const auto figures = OfType(Sentence(c.text), FactType::kFigure);
    ASSERT_EQ(figures.size(), 1u) << c.text;
    const FigureValue& f = figures[0].figure;
    EXPECT_FALSE(f.value.has_value()) << c.text;
    EXPECT_EQ(f.unit, "") << c.text;
    EXPECT_EQ(f.indicator, c.indicator) << c.text;
    ASSERT_TRUE(f.change.has_value()) << c.text;
    EXPECT_DOUBLE_EQ(f.change->value, c.change) << c.text;
    EXPECT_EQ(f.change->unit, "percent") << c.text;
    EXPECT_EQ(f.change->direction, c.direction) << c.text;
  }
}

TEST(FigureFacts, NumbersWrittenAsWordsAreNumbers) {
  const struct {
    const char* text;
    std::vector<double> values;
  } kCases[] = {
      {"Fourteen cases have been confirmed in the region.", {14}},
      {"Twenty-three doctors and one hundred and five nurses completed the course.", {23, 105}},
      {"Ninety nine patients were discharged.", {99}},
      {"Two hundred thousand doses were delivered.", {200000}},
      {"The clinic received two million tenge.", {2000000}},
      {"В области подтверждено четырнадцать случаев кори.", {14}},
      {"Курс прошли двадцать три врача и сто пять медицинских сестёр.", {23, 105}},
      {"Вакцину получили двести сорок один ребёнок.", {241}},
      // Over 999: the scale joins the parts ("two thousand three hundred" is 2300, not 300).
      {"Two thousand three hundred doses were delivered.", {2300}},
      {"Вакцину получили две тысячи триста детей.", {2300}},
      {"Обучение прошли более тысячи двухсот специалистов.", {1200}},
      {"One thousand five hundred nurses completed the course.", {1500}},
      {"Twelve hundred doctors completed the course.", {1200}},
      {"A thousand doctors completed the course.", {1000}},
      {"Курс прошла тысяча врачей.", {1000}},
      {"Обследовано сто двадцать тысяч пятьсот человек.", {120500}},
      // English scales alone are no number; "a" and "half" count only before a scale or
      // "hundred".
      {"A hundred thousand people were screened.", {100000}},
      {"Half a million doses arrived.", {500000}},
      {"A hundred doctors completed the course.", {100}},
      {"Several thousand doctors were trained.", {}},
      {"In a few thousand clinics nurses were trained.", {}},
      {"A few thousand nurses were trained.", {}},
      {"One in a thousand children is born with the condition.", {}},
      // A lone «тысячи» is "thousands"; «на тысячу живорожденных» is still a rate.
      {"Тысячи детей прошли осмотр.", {}},
      {"Младенческая смертность составила 13,5 на тысячу живорожденных.", {13.5}},
      // Units other than durations after a spelled number.
      {"Ninety-five percent of children were vaccinated.", {95}},
      {"The clinic received five hundred dollars.", {500}},
      // A time or place word between a spelled number and a count unit: the number counts the
      // days or districts, not the people.
      {"За три дня врачи осмотрели более 500 детей.", {500}},
      {"Over three days doctors examined more than 500 children.", {500}},
      {"В течение двух недель специалисты осмотрели 300 детей.", {300}},
      // Other words between a spelled number and its count unit describe what it counts.
      {"Twelve district hospitals were renovated.", {12}},
      {"Fourteen measles cases were confirmed.", {14}},
      {"Обучение прошли пятнадцать участковых врачей.", {15}},
      {"Отремонтировано десять детских поликлиник.", {10}},
      {"Отремонтировано 12 детских поликлиник.", {12}},
      {"В село направлены двадцать семейных врачей.", {20}},
      {"Отремонтированы пять районных больниц.", {5}},
      // A cardinal before an ordinal that is not part of it; a dash that is no hyphen.
      {"Зарегистрированы два первых случая кори.", {2}},
      {"In Naryn—five new cases were registered.", {5}},
  };
  for (const auto& c : kCases) {
    std::vector<double> values;
    for (const Fact& f : OfType(Sentence(c.text), FactType::kFigure))
      values.push_back(f.figure.value.value_or(-1));
    EXPECT_EQ(values, c.values) << c.text;
  }
  // «детских» is a modifier, not the children counted.
  const auto clinics =
      OfType(Sentence("Отремонтировано десять детских поликлиник."), FactType::kFigure);
  ASSERT_EQ(clinics.size(), 1u);
  EXPECT_EQ(clinics[0].figure.unit, "facilities");
  // The evidence is the words as written.
  const auto fourteen = OfType(Sentence("Fourteen cases were registered."), FactType::kFigure);
  ASSERT_EQ(fourteen.size(), 1u);
  EXPECT_EQ(fourteen[0].text, "Fourteen cases");
  EXPECT_EQ(fourteen[0].figure.unit, "cases");
}

TEST(FigureFacts, ALoneOneStrayNumberWordsAndDurationsAreNotFigures) {
  for (const char* text :
       {"One of the district hospitals was closed for repairs.",
        "Nurses who work in villages for five years get a bonus.",
        "Число коек сократилось за последние три года.", "Doctors received a one-time payment.",
        "Одна из больниц закрыта.", "The hundred days of the campaign ended.",
        "В трех районах медики провели скрининг.", "In three districts doctors held a screening.",
        "За три дня врачи осмотрели детей.", "В течение двух недель специалисты осмотрели детей.",
        "Over three days doctors examined the children.", "В двух областях врачи провели скрининг.",
        // Ordinals: "twenty-first" is not 20 of anything.
        "Зарегистрирован двадцать первый случай кори.", "Открылась сто первая больница.",
        "The twenty-first case of measles was registered.",
        // A ratio, not a count.
        "One in ten children is not vaccinated.",
        // A spelled number right before a number in digits is not a figure by itself.
        "Зарегистрировано три 500-коечных больницы."}) {
    EXPECT_TRUE(OfType(Sentence(text), FactType::kFigure).empty()) << text;
  }
  // Not a year or a day either: "twenty" before a month is no date.
  EXPECT_TRUE(OfType(Sentence("Twenty January visitors came."), FactType::kDate).empty());
}

// A share of a cause within an indicator is not the indicator's value: "perinatal diseases
// account for 64.3%" of the causes of infant mortality is not the infant mortality rate.
TEST(FigureFacts, SharesOfCausesMeasureTheCauseNotTheWhole) {
  const struct {
    const char* text;
    std::vector<std::string> indicators;  // of the figures, in order
  } kCases[] = {
      {"The structure of the causes of infant mortality has not changed: perinatal diseases "
       "account for 64.3% (1,187 children), congenital anomalies — 16.1%.",
       {"perinatal_diseases", "perinatal_diseases", "congenital_anomalies"}},
      {"В структуре причин младенческой смертности перинатальные болезни составляют 64,3%, "
       "врождённые аномалии — 16,1%.",
       {"perinatal_diseases", "congenital_anomalies"}},
      // A cause with no lexicon entry: not filed under the whole either.
      {"Among the causes of infant mortality, injuries account for 7.9%.", {""}},
      {"Injuries account for 7.9% of the causes of child mortality.", {""}},
      {"Среди причин детской смертности на травмы приходится 7,9%.", {""}},
      {"Injuries account for 7.9% of infant mortality.", {""}},
      {"На травмы приходится 7,9% младенческой смертности.", {""}},
      // Without a structure word the indicator before the figure is still what it measures.
      {"Infant mortality was 11.2 per 1,000 live births.", {"infant_mortality"}},
      // "mortality from infectious diseases" is mortality.
      {"Mortality from infectious diseases decreased by 3.2%.", {"mortality"}},
      {"Смертность от инфекционных болезней снизилась на 3,2%.", {"mortality"}},
      // "five" inside "under-five" is part of the indicator's name, not a number.
      {"Under-five mortality fell to 9.1 per 1,000 live births.", {"child_mortality"}},
  };
  for (const auto& c : kCases) {
    std::vector<std::string> indicators;
    for (const Fact& f : OfType(Sentence(c.text), FactType::kFigure))
      indicators.push_back(f.figure.indicator);
    EXPECT_EQ(indicators, c.indicators) << c.text;
  }
}

// The indicator a user types (timeline --indicator) and the one the grammar files a figure under
// are read the same way, number words included.
TEST(FigureFacts, IndicatorIdAgreesWithTheExtractor) {
  EXPECT_EQ(testing::Extractor().IndicatorId("under-five mortality"), "child_mortality");
  EXPECT_EQ(testing::Extractor().IndicatorId("infant mortality"), "infant_mortality");
}

TEST(FigureFacts, PeriodIsTheNearestYearOrPeriod) {
  const auto figures = OfType(
      Sentence("В 2024 году поддержку получили 254 человека, а в 2025-м — уже 106 специалистов."),
      FactType::kFigure);
  ASSERT_EQ(figures.size(), 2u);
  EXPECT_EQ(figures[0].figure.period, "2024");
  EXPECT_EQ(figures[1].figure.period, "2025");
  const auto period = OfType(Sentence("From 2022 to 2024, 2,643 medical workers received support."),
                             FactType::kFigure);
  ASSERT_EQ(period.size(), 1u);
  EXPECT_EQ(period[0].figure.period, "2022/2024");
}

}  // namespace
}  // namespace pressmine::extract
