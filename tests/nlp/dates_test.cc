#include "nlp/dates.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace pressmine::nlp {
namespace {

// One row: a text and the ISO form of every date FindDates must report in it, in order.
struct FindCase {
  std::string text;
  std::vector<std::string> dates;
};

TEST(FindDatesTest, WrittenForms) {
  const std::vector<FindCase> cases = {
      {"Опубликовано 26 января 2026 г. в 17:11", {"2026-01-26T17:11"}},
      {"26 января 2026 года состоялось заседание", {"2026-01-26"}},
      {"ЯНВАРЯ нет, но есть 3 Марта 2025", {"2025-03-03"}},
      {"14:35, 28 января 2026", {"2026-01-28T14:35"}},
      {"28.01.2026 14:35", {"2026-01-28T14:35"}},
      {"28.01.26", {"2026-01-28"}},
      {"Дата: 2026-01-28T09:05:00+06:00", {"2026-01-28T09:05"}},
      {"2025.09.22 | Астана", {"2025-09-22"}},
      {"January 28, 2026 at 9:05", {"2026-01-28T09:05"}},
      {"Posted Jan. 5th, 2026", {"2026-01-05"}},
      {"Sept 30 2025 and 1 October 2025", {"2025-09-30", "2025-10-01"}},
      {"28-Jan-2026", {"2026-01-28"}},
      {"11/22/2019 and 22/11/2019", {"2019-11-22", "2019-11-22"}},
      {"Мемлекеттік бағдарлама 15 қаңтар 2026 ж. бекітілді", {"2026-01-15"}},
      {"в январе 2026 года", {}},                  // a period, not a date
      {"28 января", {}},                           // no year
      {"31.02.2026 и 29.02.2025", {}},             // not calendar days
      {"29.02.2024", {"2024-02-29"}},              // leap day
      {"тел. 12.34.5678, версия 1.2.2026.5", {}},  // not dates
      {"сумма 9,2 млн тенге в 2024 году", {}},
      {"126.01.2026", {}},
      {"28.01.1850", {}},  // outside the year range
  };
  for (const FindCase& c : cases) {
    std::vector<std::string> got;
    for (const DateMention& m : FindDates(c.text)) got.push_back(m.date.ToIso());
    EXPECT_EQ(got, c.dates) << c.text;
  }
}

TEST(FindDatesTest, ByteRangesCoverTheWholeMention) {
  const std::string text = "Бишкек, 26 января 2026 г., 17:11 — новость";
  auto found = FindDates(text);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(text.substr(found[0].begin, found[0].end - found[0].begin), "26 января 2026 г., 17:11");
  EXPECT_EQ(found[0].form, DateForm::kDayMonth);
}

TEST(FindDatesTest, YearRangeIsAnOption) {
  DateFinderOptions options;
  options.min_year = 1800;
  ASSERT_EQ(FindDates("28.01.1850", options).size(), 1u);
}

TEST(ParseDateValueTest, MarkupValues) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"2026-01-26", "2026-01-26"},
      {" 2026-01-26T17:11:00+06:00 ", "2026-01-26T17:11"},
      {"2026-01-26T17:11:00.000Z", "2026-01-26T17:11"},
      {"2026-01-26 17:11", "2026-01-26T17:11"},
      {"20260126", "2026-01-26"},
      {"20260126T1711", "2026-01-26T17:11"},
      {"Mon, 26 Jan 2026 17:11:00 +0600", "2026-01-26T17:11"},
      {"26.01.2026", "2026-01-26"},
  };
  for (const auto& [text, iso] : cases) {
    auto d = ParseDateValue(text);
    ASSERT_TRUE(d.has_value()) << text;
    EXPECT_EQ(d->ToIso(), iso) << text;
  }
  EXPECT_FALSE(ParseDateValue("").has_value());
  EXPECT_FALSE(ParseDateValue("2026-13-01").has_value());
  EXPECT_FALSE(ParseDateValue("вчера").has_value());
}

TEST(MonthFromNameTest, FormsAndCase) {
  EXPECT_EQ(MonthFromName("января"), 1);
  EXPECT_EQ(MonthFromName("Январь"), 1);
  EXPECT_EQ(MonthFromName("ДЕКАБРЕ"), 12);
  EXPECT_EQ(MonthFromName("Sept"), 9);
  EXPECT_EQ(MonthFromName("may"), 5);
  EXPECT_EQ(MonthFromName("желтоқсан"), 12);
  EXPECT_EQ(MonthFromName("министерство"), 0);
  EXPECT_EQ(MonthFromName("jan feb"), 0);
}

TEST(CalendarDateTest, IsoAndValidity) {
  EXPECT_EQ((CalendarDate{2026, 1, 5, 9, 3}).ToIso(), "2026-01-05T09:03");
  EXPECT_EQ((CalendarDate{2026, 1, 5}).ToIso(), "2026-01-05");
  EXPECT_TRUE(IsValidDate(2000, 2, 29));
  EXPECT_FALSE(IsValidDate(1900, 2, 29));
  EXPECT_FALSE(IsValidDate(2026, 4, 31));
}

}  // namespace
}  // namespace pressmine::nlp
