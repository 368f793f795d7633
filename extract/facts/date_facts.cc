// Date facts: the forms nlp/dates does not report, on top of the ones it does.
//
// Complete dates («26 января 2026 г.», "January 28, 2026", «26.01.2026», ISO) come from
// nlp::FindDates, the one date grammar of the project. This file adds, over the token stream:
//   day and month without a year   «26 января», "January 28"        -> publication year
//   month and year                 «январь 2026», "January 2026"    -> "2026-01"
//   month alone after a preposition «в январе», "in January"         -> publication year
//   a Russian month name alone      «до конца декабря»               -> publication year
//   month periods                  «в январе–феврале», "January and February 2026" -> "2026-01" ..
//   "2026-02" year periods                   «с 2022 по 2024 годы», «2019–2030 годы», "from 2022 to
//   2024",
//                                  "between 2022 and 2024"           -> "2022" .. "2024"
//   years                          «в 2025 году», «2025-м», "in 2025", "2025 was"
//   relative dates                 «в прошлом году», "last year", "this month" -> resolved
//                                  against the publication date, flagged relative
// A year is a four-digit integer without separators in [kMinYear, kMaxYear] that is not
// followed by a unit or scale word (then it is a quantity: «2025 человек»). Periods need evidence
// that two years form a range: a dash between them, a "from"/«с» before, or a year word after;
// "to" and "and" alone are too common. Month names come from nlp::MonthFromName (its table is
// data); English month names count only when capitalized, so the verb "may" is not May.
#include <algorithm>
#include <cstdio>
#include <string>

#include "extract/facts/grammar.h"
#include "nlp/dates.h"

namespace pressmine::extract::facts {
namespace {

constexpr int kMinYear = 1990;  // older "years" in releases are mostly other numbers
constexpr int kMaxYear = 2100;

bool IsYear(const Tok& t) {
  return t.kind == TokKind::kNumber && t.plain_int && t.norm.size() == 4 && t.value >= kMinYear &&
         t.value <= kMaxYear;
}

bool IsDay(const Tok& t) {
  return t.kind == TokKind::kNumber && t.plain_int && t.value >= 1 && t.value <= 31;
}

int MonthOf(const Sentence& s, Resources& res, size_t i) {
  if (i >= s.toks.size() || s.toks[i].kind != TokKind::kWord) return 0;
  const Tok& t = s.toks[i];
  if (!t.cyrillic && !t.capitalized) return 0;
  return res.MonthOfWord(t.norm);
}

// Whether nlp::FindDates can find anything: a complete date has a year and a month name or a
// numeric form (26.01.2026, 2026-01-26, 26/01/2026). Most sentences have neither, and the check
// is much cheaper than the scan.
bool MayHoldCompleteDate(const Sentence& s, Resources& res) {
  bool year = false, form = false;
  for (size_t i = 0; i < s.toks.size(); ++i) {
    const Tok& t = s.toks[i];
    if (t.kind == TokKind::kNumber) {
      if (!t.quantity) return true;  // 26.01.2026 holds both
      if (t.plain_int && (t.norm.size() == 4 || t.norm.size() == 2)) year = true;
      if (t.plain_int && (s.IsPunct(i + 1, "-") || s.IsPunct(i + 1, "/") || s.IsPunct(i + 1, ".")))
        form = true;
    } else if (t.kind == TokKind::kWord && MonthOf(s, res, i) > 0) {
      form = true;
    }
    if (year && form) return true;
  }
  return false;
}

std::string Two(int v) {
  char buf[4];
  std::snprintf(buf, sizeof buf, "%02d", v);
  return buf;
}

std::string YearMonth(int y, int m) { return std::to_string(y) + "-" + Two(m); }

std::string MonthDay(const PubDate& pub, int m, int d) {
  return (pub.year > 0 ? std::to_string(pub.year) : std::string("-")) + "-" + Two(m) + "-" + Two(d);
}

struct Emitter {
  Sentence& s;
  std::vector<Fact>* out;
  void Emit(size_t b, size_t e, std::string value, std::string end = {}, bool relative = false) {
    Fact f = s.MakeFact(FactType::kDate, b, e);
    f.date.value = std::move(value);
    f.date.end = std::move(end);
    f.date.relative = relative;
    s.dates.push_back({b, e, out->size()});
    out->push_back(std::move(f));
    for (size_t k = b; k < e; ++k) s.used[k] = 1;
  }
};

// Token range covering bytes [from, to) of the sentence.
bool TokenRange(const Sentence& s, size_t from, size_t to, size_t* b, size_t* e) {
  *b = s.toks.size();
  *e = 0;
  for (size_t k = 0; k < s.toks.size(); ++k) {
    if (s.toks[k].end <= from || s.toks[k].begin >= to) continue;
    if (k < *b) *b = k;
    *e = k + 1;
  }
  return *b < *e;
}

// Ends a year mention: a year word («году», "year") or a case suffix after a hyphen («2025-м»).
size_t YearTail(const Sentence& s, size_t after) {
  if (s.Has(after, kYearWord)) return after + 1;
  if (s.IsPunct(after, "-") && after + 1 < s.toks.size() &&
      s.toks[after + 1].kind == TokKind::kWord && s.toks[after + 1].cyrillic &&
      s.toks[after + 1].norm.size() <= 6 && s.toks[after + 1].begin == s.toks[after].end) {
    return after + 2;
  }
  return after;
}

}  // namespace

void FindDateFacts(Sentence& s, Resources& res, const PubDate& pub, std::vector<Fact>* out) {
  Emitter em{s, out};
  if (MayHoldCompleteDate(s, res)) {
    for (const nlp::DateMention& m : nlp::FindDates(s.text)) {
      size_t b, e;
      if (TokenRange(s, m.begin, m.end, &b, &e)) em.Emit(b, e, m.date.DateOnly().ToIso());
    }
  }
  const size_t n = s.toks.size();
  for (size_t i = 0; i < n; ++i) {
    if (s.used[i]) continue;
    const Tok& t = s.toks[i];
    if (const Match* rel = s.MarkerAt("rel_year", i); rel != nullptr) {
      if (pub.year > 0)
        em.Emit(i, rel->end, std::to_string(pub.year + static_cast<int>(rel->entry->number)), {},
                true);
      i = rel->end - 1;
      continue;
    }
    if (const Match* rel = s.MarkerAt("rel_month", i); rel != nullptr) {
      if (pub.year > 0) {
        int y = pub.year, m = pub.month + static_cast<int>(rel->entry->number);
        if (m < 1) m += 12, --y;
        if (m > 12) m -= 12, ++y;
        em.Emit(i, rel->end, YearMonth(y, m), {}, true);
      }
      i = rel->end - 1;
      continue;
    }
    // «26 января», "28 January"
    if (IsDay(t) && MonthOf(s, res, i + 1) > 0 && !(i + 2 < n && IsYear(s.toks[i + 2]))) {
      em.Emit(i, i + 2, MonthDay(pub, MonthOf(s, res, i + 1), static_cast<int>(t.value)));
      ++i;
      continue;
    }
    if (const int month = MonthOf(s, res, i); month > 0) {
      // Month ranges: «в январе–феврале», "in January and February", "January-March 2026".
      if (const int last = MonthOf(s, res, i + 2); last > month && s.Has(i + 1, kPeriodTo)) {
        const bool year_given = i + 3 < n && IsYear(s.toks[i + 3]);
        const int year = year_given ? static_cast<int>(s.toks[i + 3].value) : pub.year;
        const size_t e = year_given ? YearTail(s, i + 4) : i + 3;
        if (year > 0) {
          const size_t b =
              i > 0 && (s.Has(i - 1, kYearPrep) || s.Has(i - 1, kPeriodFrom)) ? i - 1 : i;
          em.Emit(b, e, YearMonth(year, month), YearMonth(year, last));
          i = e - 1;
          continue;
        }
      }
      if (i + 1 < n && IsYear(s.toks[i + 1])) {  // «январь 2026», "January 2026"
        const size_t e = YearTail(s, i + 2);
        em.Emit(i, e, YearMonth(static_cast<int>(s.toks[i + 1].value), month));
        i = e - 1;
        continue;
      }
      if (i + 1 < n && IsDay(s.toks[i + 1]) && !s.toks[i].cyrillic) {  // "January 28"
        em.Emit(i, i + 2, MonthDay(pub, month, static_cast<int>(s.toks[i + 1].value)));
        ++i;
        continue;
      }
      if (i > 0 && s.Has(i - 1, kYearPrep) && s.toks[i].norm.size() > 3 && pub.year > 0) {
        em.Emit(i - 1, i + 1, YearMonth(pub.year, month));  // «в январе», "in January"
        continue;
      }
      if (s.toks[i].cyrillic && s.toks[i].norm.size() > 6 && pub.year > 0) {
        em.Emit(
            i, i + 1,
            YearMonth(pub.year, month));  // «до конца декабря»: Russian month names are unambiguous
        continue;
      }
    }
    if (!IsYear(t)) continue;
    // Periods: Y1 (dash | to-word) Y2, with a dash, a from-word before or a year word after.
    if (i + 2 < n && s.Has(i + 1, kPeriodTo) && IsYear(s.toks[i + 2]) &&
        s.toks[i + 2].value > t.value) {
      const bool dash = s.IsPunct(i + 1, "-");
      const bool from = i > 0 && s.Has(i - 1, kPeriodFrom);
      const size_t tail = YearTail(s, i + 3);
      if (dash || from || tail > i + 3) {
        em.Emit(from ? i - 1 : i, tail, t.norm, s.toks[i + 2].norm);
        i = tail - 1;
        continue;
      }
    }
    if (!s.Has(i + 1, kYearWord) &&
        (s.MatchAt(Cat::kUnit, i + 1) != nullptr || s.MatchAt(Cat::kScale, i + 1) != nullptr)) {
      continue;
    }
    const size_t tail = YearTail(s, i + 1);
    em.Emit(i, tail, t.norm);
    i = tail - 1;
  }
  std::sort(s.dates.begin(), s.dates.end(),
            [](const Span& a, const Span& b) { return a.begin < b.begin; });
}

}  // namespace pressmine::extract::facts
