// Absolute calendar dates in Russian, English (and Kazakh month names) text and markup.
//
// FindDates scans running text for the written forms press releases and news pages use:
//   ISO            2026-01-26, 2026-01-26T17:11, 2026-01-26 17:11
//   numeric        26.01.2026, 26.01.26, 26/01/2026 (day first unless that is impossible)
//   day-month      26 января 2026 г., 26 January 2026, 26-Jan-2026, 26 қаңтар 2026 ж.
//   month-day      January 26, 2026; Jan. 26th, 2026
// each optionally followed by a time ("в 17:11", ", 17:11", "at 5:11") or preceded by one
// ("17:11, 26 января 2026", "17:11 | 26.01.2026"). Month names and the small words around dates
// are data (corpora/lexicon/months.tsv, months_markers.tsv), compiled in.
//
// Only complete dates (day, month and year) are reported; periods ("январь 2026", "Q1"),
// partial dates ("26 января") and relative ones ("вчера") are for a later, reference-time aware
// layer built on the same month table (MonthFromName).
//
// Everything here is a pure function: thread-safe, no I/O. The month table is built once, on
// first use, from the embedded data.
#ifndef PRESSMINE_NLP_DATES_H_
#define PRESSMINE_NLP_DATES_H_

#include <compare>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pressmine::nlp {

// A wall-clock date (and optionally time) as written; no time zone is implied.
struct CalendarDate {
  int year = 0;
  int month = 0;  // 1-12
  int day = 0;    // 1-31
  int hour = -1;  // 0-23, or -1 when no time was given
  int minute = -1;

  bool has_time() const { return hour >= 0; }
  // "2026-01-26", or "2026-01-26T17:11" when a time is known.
  std::string ToIso() const;
  // The date without its time.
  CalendarDate DateOnly() const { return {year, month, day, -1, -1}; }

  auto operator<=>(const CalendarDate&) const = default;
};

enum class DateForm {
  kIso,       // 2026-01-26
  kNumeric,   // 26.01.2026, 26/01/2026
  kDayMonth,  // 26 января 2026
  kMonthDay,  // January 26, 2026
};

// One date found in text.
struct DateMention {
  CalendarDate date;
  DateForm form = DateForm::kIso;
  // Byte range of the whole mention in the input, time included.
  size_t begin = 0;
  size_t end = 0;
};

struct DateFinderOptions {
  // Years outside this range are not dates (phone numbers, sums, document numbers).
  int min_year = 1990;
  int max_year = 2100;
};

// All complete dates in `utf8`, in order of appearance, not overlapping. Invalid bytes are
// skipped; invalid dates (31.02.2026) are not reported.
std::vector<DateMention> FindDates(std::string_view utf8, const DateFinderOptions& options = {});

// A date-time value from markup: ISO 8601 / RFC 3339 ("2026-01-26", "2026-01-26T17:11:00+06:00",
// "2026-01-26 17:11", "20260126"), or failing that the first date FindDates sees in it
// ("Mon, 26 Jan 2026 17:11:00 +0600", "26.01.2026"). The time is kept as written: a zone offset
// is dropped, not applied, because the publisher's local date is the one a release carries.
// nullopt when no valid date is there.
std::optional<CalendarDate> ParseDateValue(std::string_view text,
                                           const DateFinderOptions& options = {});

// The month number (1-12) of a month name or abbreviation in any listed language and form
// ("января", "Jan", "SEPT", "қаңтар"), case-insensitive, without a trailing period; 0 otherwise.
int MonthFromName(std::string_view utf8_word);

// True for a real Gregorian calendar day.
bool IsValidDate(int year, int month, int day);

}  // namespace pressmine::nlp

#endif  // PRESSMINE_NLP_DATES_H_
