// Date finding works on a small token stream rather than regular expressions: numbers, words
// (lower-cased with ICU, so Cyrillic matches case-insensitively) and single punctuation marks,
// each with its byte range and whether whitespace preceded it. The date forms are short token
// patterns tried at each position; numeric forms require their parts to touch ("26.01.2026"),
// word forms allow spaces. A time right after the date (or right before it, as news sites print
// "17:11, 26 января 2026") joins the mention. One pass, linear in the input.
#include "nlp/dates.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdio>
#include <unordered_map>
#include <unordered_set>

#include "pressmine_nlp_data.h"

namespace pressmine::nlp {
namespace {

constexpr std::string_view kMonthsFile = "lexicon/months.tsv";
constexpr std::string_view kMarkersFile = "lexicon/months_markers.tsv";

// The tables from corpora/lexicon: month words and the small words around dates.
struct DateLexicon {
  std::unordered_map<std::string, int> months;
  std::unordered_set<std::string> year_suffixes;
  std::unordered_set<std::string> time_prefixes;
  std::unordered_set<std::string> ordinal_suffixes;
};

// Splits a TSV line into fields.
std::vector<std::string_view> Fields(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return fields;
}

// Calls fn(fields) for each data line (not empty, not a '#' comment) of an embedded TSV file.
template <typename Fn>
void ForEachRow(std::string_view file, Fn fn) {
  size_t start = 0;
  while (start < file.size()) {
    size_t end = file.find('\n', start);
    if (end == std::string_view::npos) end = file.size();
    std::string_view line = file.substr(start, end - start);
    start = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    fn(Fields(line));
  }
}

const DateLexicon& Lexicon() {
  static const DateLexicon* lexicon = [] {
    auto* lex = new DateLexicon;
    ForEachRow(data::EmbeddedFile(kMonthsFile), [&](const std::vector<std::string_view>& f) {
      if (f.size() < 4) return;
      const int month = std::atoi(std::string(f[0]).c_str());
      if (month >= 1 && month <= 12) lex->months.emplace(std::string(f[3]), month);
    });
    ForEachRow(data::EmbeddedFile(kMarkersFile), [&](const std::vector<std::string_view>& f) {
      if (f.size() < 2) return;
      std::string word(f[1]);
      if (f[0] == "year_suffix") lex->year_suffixes.insert(word);
      if (f[0] == "time_prefix") lex->time_prefixes.insert(word);
      if (f[0] == "ordinal_suffix") lex->ordinal_suffixes.insert(word);
    });
    return lex;
  }();
  return *lexicon;
}

enum class TokenKind { kNumber, kWord, kPunct };

struct Token {
  TokenKind kind;
  size_t begin;
  size_t end;
  bool space_before;  // whitespace (or the start of text) separates it from the previous token
  std::string text;   // digits, the lower-cased word, or the punctuation character
};

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  bool space = true;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0 || u_isUWhiteSpace(c) || c == 0xA0) {
      space = true;
      continue;
    }
    TokenKind kind = (c >= '0' && c <= '9') ? TokenKind::kNumber
                     : u_isalpha(c)         ? TokenKind::kWord
                                            : TokenKind::kPunct;
    const bool extend = !tokens.empty() && !space && kind != TokenKind::kPunct &&
                        tokens.back().kind == kind &&
                        tokens.back().end == static_cast<size_t>(start);
    if (!extend) tokens.push_back({kind, static_cast<size_t>(start), 0, space, {}});
    Token& t = tokens.back();
    t.end = static_cast<size_t>(i);
    if (kind == TokenKind::kWord) {
      UChar32 lower = u_tolower(c);
      char buf[U8_MAX_LENGTH];
      int32_t n = 0;
      U8_APPEND_UNSAFE(buf, n, lower);
      t.text.append(buf, static_cast<size_t>(n));
    } else {
      t.text.append(text.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
    }
    space = false;
  }
  return tokens;
}

// The token stream plus pattern helpers; positions past the end read as "no match".
class Matcher {
 public:
  Matcher(const std::vector<Token>& tokens, const DateFinderOptions& options)
      : t_(tokens), options_(options), lex_(Lexicon()) {}

  // A date (with an optional time on either side) starting at token i; sets *next past it.
  std::optional<DateMention> MatchAt(size_t i, size_t* next) const {
    // A time before the date: "17:11, 26 января 2026".
    size_t after_time = 0;
    if (auto time = Time(i, &after_time)) {
      size_t k = after_time;
      if (IsPunct(k, ",") || IsPunct(k, "|") || IsPunct(k, "/") || IsDash(k)) ++k;
      size_t date_end = 0;
      if (auto date = DateOnly(k, &date_end)) {
        if (!date->date.has_time()) {
          date->date.hour = time->first;
          date->date.minute = time->second;
        }
        date->begin = t_[i].begin;
        *next = date_end;
        return date;
      }
      return std::nullopt;
    }
    size_t date_end = 0;
    auto date = DateOnly(i, &date_end);
    if (!date) return std::nullopt;
    // A time after it: "26.01.2026 17:11", "26 января 2026 г., 17:11", "January 26, 2026 at 5:11".
    size_t k = date_end;
    if (IsPunct(k, ",") || IsDash(k) || IsPunct(k, "|") || IsWordIn(k, lex_.time_prefixes)) ++k;
    size_t time_end = 0;
    if (!date->date.has_time()) {
      if (auto time = Time(k, &time_end)) {
        date->date.hour = time->first;
        date->date.minute = time->second;
        date->end = t_[time_end - 1].end;
        date_end = time_end;
      }
    }
    *next = date_end;
    return date;
  }

 private:
  bool Has(size_t i) const { return i < t_.size(); }
  bool IsNumber(size_t i, size_t min_digits, size_t max_digits) const {
    return Has(i) && t_[i].kind == TokenKind::kNumber && t_[i].text.size() >= min_digits &&
           t_[i].text.size() <= max_digits;
  }
  bool IsPunct(size_t i, std::string_view p) const {
    return Has(i) && t_[i].kind == TokenKind::kPunct && t_[i].text == p;
  }
  bool IsDash(size_t i) const {
    return IsPunct(i, "-") || IsPunct(i, "\xE2\x80\x93") || IsPunct(i, "\xE2\x80\x94");  // – —
  }
  bool IsWordIn(size_t i, const std::unordered_set<std::string>& set) const {
    return Has(i) && t_[i].kind == TokenKind::kWord && set.count(t_[i].text) > 0;
  }
  // Token i follows token i-1 with no space between.
  bool Touches(size_t i) const { return Has(i) && !t_[i].space_before; }
  int Value(size_t i) const { return std::atoi(t_[i].text.c_str()); }
  int Month(size_t i) const {
    if (!Has(i) || t_[i].kind != TokenKind::kWord) return 0;
    auto it = lex_.months.find(t_[i].text);
    return it == lex_.months.end() ? 0 : it->second;
  }
  bool YearOk(int y) const { return y >= options_.min_year && y <= options_.max_year; }

  // HH:MM[:SS] with touching parts; returns (hour, minute) and sets *next.
  std::optional<std::pair<int, int>> Time(size_t i, size_t* next) const {
    if (!IsNumber(i, 1, 2) || !IsPunct(i + 1, ":") || !Touches(i + 1) || !IsNumber(i + 2, 2, 2) ||
        !Touches(i + 2)) {
      return std::nullopt;
    }
    const int h = Value(i), m = Value(i + 2);
    if (h > 23 || m > 59) return std::nullopt;
    size_t k = i + 3;
    if (IsPunct(k, ":") && Touches(k) && IsNumber(k + 1, 2, 2) && Touches(k + 1)) k += 2;
    *next = k;
    return std::make_pair(h, m);
  }

  std::optional<DateMention> Make(int y, int m, int d, DateForm form, size_t first,
                                  size_t last) const {
    if (!YearOk(y) || !IsValidDate(y, m, d)) return std::nullopt;
    DateMention mention;
    mention.date = {y, m, d, -1, -1};
    mention.form = form;
    mention.begin = t_[first].begin;
    mention.end = t_[last].end;
    return mention;
  }

  std::optional<DateMention> DateOnly(size_t i, size_t* next) const {
    if (!Has(i)) return std::nullopt;
    if (auto d = YearFirst(i, next)) return d;
    if (auto d = DayFirstNumeric(i, next)) return d;
    if (auto d = DayMonthName(i, next)) return d;
    if (auto d = MonthNameDay(i, next)) return d;
    return std::nullopt;
  }

  // 2026-01-26 (also 2026.01.26, 2026/01/26), optionally with "T17:11".
  std::optional<DateMention> YearFirst(size_t i, size_t* next) const {
    if (!IsNumber(i, 4, 4)) return std::nullopt;
    const Token* sep = Has(i + 1) ? &t_[i + 1] : nullptr;
    if (!sep || sep->kind != TokenKind::kPunct ||
        (sep->text != "-" && sep->text != "." && sep->text != "/") || !Touches(i + 1) ||
        !IsNumber(i + 2, 1, 2) || !Touches(i + 2) || !IsPunct(i + 3, sep->text) ||
        !Touches(i + 3) || !IsNumber(i + 4, 1, 2) || !Touches(i + 4)) {
      return std::nullopt;
    }
    auto d = Make(Value(i), Value(i + 2), Value(i + 4), DateForm::kIso, i, i + 4);
    if (!d) return std::nullopt;
    size_t k = i + 5;
    // "T17:11" glued to the date.
    if (Has(k) && t_[k].kind == TokenKind::kWord && t_[k].text == "t" && Touches(k)) {
      size_t time_end = 0;
      if (auto time = Time(k + 1, &time_end); time && Touches(k + 1)) {
        d->date.hour = time->first;
        d->date.minute = time->second;
        d->end = t_[time_end - 1].end;
        k = time_end;
      }
    }
    *next = k;
    return d;
  }

  // 26.01.2026, 26/01/2026, 26-01-2026, 26.01.26.
  std::optional<DateMention> DayFirstNumeric(size_t i, size_t* next) const {
    if (!IsNumber(i, 1, 2)) return std::nullopt;
    const Token* sep = Has(i + 1) ? &t_[i + 1] : nullptr;
    if (!sep || sep->kind != TokenKind::kPunct ||
        (sep->text != "." && sep->text != "/" && sep->text != "-") || !Touches(i + 1) ||
        !IsNumber(i + 2, 1, 2) || !Touches(i + 2) || !IsPunct(i + 3, sep->text) ||
        !Touches(i + 3) || !Touches(i + 4)) {
      return std::nullopt;
    }
    int year = 0;
    if (IsNumber(i + 4, 4, 4)) {
      year = Value(i + 4);
    } else if (IsNumber(i + 4, 2, 2) && sep->text == "." && t_[i].text.size() == 2 &&
               t_[i + 2].text.size() == 2) {
      year = 2000 + Value(i + 4);
    } else {
      return std::nullopt;
    }
    // A fourth part ("1.2.2026.5", an address or a version) is not a date.
    if (IsPunct(i + 5, sep->text) && Touches(i + 5) && Touches(i + 6) && Has(i + 6) &&
        t_[i + 6].kind == TokenKind::kNumber) {
      return std::nullopt;
    }
    int day = Value(i), month = Value(i + 2);
    // Slashes: day first as in Russian use, unless only month-first can be valid (11/22/2019).
    if (sep->text == "/" && month > 12 && day <= 12) std::swap(day, month);
    auto d = Make(year, month, day, DateForm::kNumeric, i, i + 4);
    if (d) *next = i + 5;
    return d;
  }

  // After the year: an optional "г." / "года" / "ж.".
  size_t SkipYearSuffix(size_t k, size_t* last) const {
    if (IsWordIn(k, lex_.year_suffixes)) {
      *last = k;
      ++k;
      if (IsPunct(k, ".") && Touches(k)) *last = k++;
    }
    return k;
  }

  // 26 января 2026 г., 26 January 2026, 26-Jan-2026, 26th of January 2026.
  std::optional<DateMention> DayMonthName(size_t i, size_t* next) const {
    if (!IsNumber(i, 1, 2)) return std::nullopt;
    size_t k = i + 1;
    if (IsWordIn(k, lex_.ordinal_suffixes) && Touches(k)) ++k;
    if (Has(k) && t_[k].kind == TokenKind::kWord && t_[k].text == "of") ++k;
    const bool dashed = IsDash(k) && Touches(k);
    if (dashed) ++k;
    const int month = Month(k);
    if (month == 0) return std::nullopt;
    ++k;
    if (IsPunct(k, ".") && Touches(k)) ++k;
    if (IsDash(k) || IsPunct(k, ",")) ++k;
    if (!IsNumber(k, 4, 4)) return std::nullopt;
    size_t last = k;
    auto d = Make(Value(k), month, Value(i), DateForm::kDayMonth, i, last);
    if (!d) return std::nullopt;
    k = SkipYearSuffix(k + 1, &last);
    d->end = t_[last].end;
    *next = k;
    return d;
  }

  // January 26, 2026; Jan. 26th 2026.
  std::optional<DateMention> MonthNameDay(size_t i, size_t* next) const {
    const int month = Month(i);
    if (month == 0) return std::nullopt;
    size_t k = i + 1;
    if (IsPunct(k, ".") && Touches(k)) ++k;
    if (!IsNumber(k, 1, 2)) return std::nullopt;
    const int day = Value(k);
    ++k;
    if (IsWordIn(k, lex_.ordinal_suffixes) && Touches(k)) ++k;
    if (IsPunct(k, ",")) ++k;
    if (!IsNumber(k, 4, 4)) return std::nullopt;
    size_t last = k;
    auto d = Make(Value(k), month, day, DateForm::kMonthDay, i, last);
    if (!d) return std::nullopt;
    k = SkipYearSuffix(k + 1, &last);
    d->end = t_[last].end;
    *next = k;
    return d;
  }

  const std::vector<Token>& t_;
  const DateFinderOptions& options_;
  const DateLexicon& lex_;
};

// Strict ISO 8601 / RFC 3339, and the compact 20260126[T1711[00]] form.
std::optional<CalendarDate> ParseIso(std::string_view s, const DateFinderOptions& options) {
  auto digits = [&](size_t pos, size_t n, int* out) {
    if (pos + n > s.size()) return false;
    int v = 0;
    for (size_t k = pos; k < pos + n; ++k) {
      if (s[k] < '0' || s[k] > '9') return false;
      v = v * 10 + (s[k] - '0');
    }
    *out = v;
    return true;
  };
  CalendarDate d;
  size_t pos = 0;
  if (digits(0, 4, &d.year) && s.size() >= 10 && s[4] == '-' && digits(5, 2, &d.month) &&
      s[7] == '-' && digits(8, 2, &d.day)) {
    pos = 10;
  } else if (digits(0, 4, &d.year) && digits(4, 2, &d.month) && digits(6, 2, &d.day) &&
             (s.size() == 8 || s[8] == 'T')) {
    pos = 8;
  } else {
    return std::nullopt;
  }
  if (d.year < options.min_year || d.year > options.max_year ||
      !IsValidDate(d.year, d.month, d.day)) {
    return std::nullopt;
  }
  if (pos < s.size() && (s[pos] == 'T' || s[pos] == ' ')) {
    int h = 0, m = 0;
    const size_t t = pos + 1;
    if (digits(t, 2, &h) && t + 2 < s.size() && s[t + 2] == ':' && digits(t + 3, 2, &m) &&
        h <= 23 && m <= 59) {
      d.hour = h;
      d.minute = m;
    } else if (digits(t, 2, &h) && digits(t + 2, 2, &m) && h <= 23 && m <= 59) {
      d.hour = h;
      d.minute = m;
    }
  }
  return d;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && static_cast<unsigned char>(s.front()) <= ' ') s.remove_prefix(1);
  while (!s.empty() && static_cast<unsigned char>(s.back()) <= ' ') s.remove_suffix(1);
  return s;
}

}  // namespace

std::string CalendarDate::ToIso() const {
  char buf[32];
  if (has_time()) {
    std::snprintf(buf, sizeof(buf), "%04d-%02d-%02dT%02d:%02d", year, month, day, hour, minute);
  } else {
    std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", year, month, day);
  }
  return buf;
}

bool IsValidDate(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int max_day = month == 2 && leap ? 29 : kDays[month - 1];
  return day <= max_day;
}

int MonthFromName(std::string_view word) {
  std::vector<Token> tokens = Tokenize(word);
  if (tokens.size() != 1 || tokens[0].kind != TokenKind::kWord) return 0;
  const auto& months = Lexicon().months;
  auto it = months.find(tokens[0].text);
  return it == months.end() ? 0 : it->second;
}

std::vector<DateMention> FindDates(std::string_view utf8, const DateFinderOptions& options) {
  std::vector<Token> tokens = Tokenize(utf8);
  Matcher matcher(tokens, options);
  std::vector<DateMention> out;
  size_t i = 0;
  while (i < tokens.size()) {
    size_t next = i + 1;
    // A date cannot start inside a longer number or word run ("126.01.2026" has no date in it).
    const bool glued = i > 0 && !tokens[i].space_before && tokens[i - 1].kind != TokenKind::kPunct;
    if (!glued) {
      if (auto m = matcher.MatchAt(i, &next)) {
        out.push_back(*m);
        i = next;
        continue;
      }
    }
    i = i + 1;
  }
  return out;
}

std::optional<CalendarDate> ParseDateValue(std::string_view text,
                                           const DateFinderOptions& options) {
  text = Trim(text);
  if (text.empty()) return std::nullopt;
  if (auto iso = ParseIso(text, options)) return iso;
  std::vector<DateMention> found = FindDates(text, options);
  if (found.empty()) return std::nullopt;
  return found.front().date;
}

}  // namespace pressmine::nlp
