// Dates in sitemaps (W3C datetime, a profile of ISO 8601) and RSS (RFC 822 with four-digit
// years, as RSS 2.0 uses it). Both are small fixed grammars, parsed by hand: strptime is
// locale-dependent and does not handle zone offsets portably.
#include <cctype>
#include <cstdlib>
#include <string>

#include "crawler/discovery.h"
#include "crawler/internal/ascii.h"

namespace pressmine::crawler {
namespace {

// Days from 1970-01-01 to y-m-d (proleptic Gregorian), Howard Hinnant's algorithm.
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

bool Digits(std::string_view s, size_t pos, size_t n, int* out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

bool Valid(int y, int mo, int d, int h, int mi, int s) {
  return y >= 1970 && y < 3000 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h >= 0 && h <= 24 &&
         mi >= 0 && mi < 60 && s >= 0 && s <= 60;
}

// Parses "+06:00", "+0600", "Z", "GMT", "UTC", "MSK"-free; returns offset seconds.
bool ParseZone(std::string_view z, int* offset) {
  while (!z.empty() && z.front() == ' ') z.remove_prefix(1);
  if (z.empty() || z == "Z" || z == "GMT" || z == "UT" || z == "UTC") {
    *offset = 0;
    return true;
  }
  if (z[0] != '+' && z[0] != '-') return false;
  int h = 0, m = 0;
  if (!Digits(z, 1, 2, &h)) return false;
  size_t p = 3;
  if (p < z.size() && z[p] == ':') ++p;
  if (p < z.size() && !Digits(z, p, 2, &m)) return false;
  *offset = (z[0] == '-' ? -1 : 1) * (h * 3600 + m * 60);
  return true;
}

int64_t ParseW3c(std::string_view s) {
  int y = 0, mo = 1, d = 1, h = 0, mi = 0, sec = 0, off = 0;
  if (!Digits(s, 0, 4, &y)) return 0;
  if (s.size() >= 7 && (s[4] != '-' || !Digits(s, 5, 2, &mo))) return 0;
  if (s.size() >= 10 && (s[7] != '-' || !Digits(s, 8, 2, &d))) return 0;
  size_t p = std::min<size_t>(s.size(), 10);
  if (p < s.size() && (s[p] == 'T' || s[p] == ' ')) {
    if (!Digits(s, p + 1, 2, &h) || s.size() < p + 6 || s[p + 3] != ':' ||
        !Digits(s, p + 4, 2, &mi))
      return 0;
    p += 6;
    if (p < s.size() && s[p] == ':') {
      if (!Digits(s, p + 1, 2, &sec)) return 0;
      p += 3;
      if (p < s.size() && s[p] == '.') {
        ++p;
        while (p < s.size() && std::isdigit(static_cast<unsigned char>(s[p]))) ++p;
      }
    }
    if (!ParseZone(s.substr(p), &off)) return 0;
  } else if (p != s.size()) {
    return 0;
  }
  if (!Valid(y, mo, d, h, mi, sec)) return 0;
  return DaysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 + h * 3600 +
         mi * 60 + sec - off;
}

int64_t ParseRfc822(std::string_view s) {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  if (const size_t comma = s.find(','); comma != std::string_view::npos) s.remove_prefix(comma + 1);
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  // d[d] Mon yyyy hh:mm[:ss] zone
  size_t p = 0;
  int d = 0;
  while (p < s.size() && std::isdigit(static_cast<unsigned char>(s[p])))
    d = d * 10 + (s[p++] - '0');
  if (p == 0 || p + 5 > s.size() || s[p] != ' ') return 0;
  const std::string mon = internal::LowerAscii(s.substr(p + 1, 3));
  int mo = 0;
  for (int i = 0; i < 12; ++i) {
    if (mon == kMonths[i]) mo = i + 1;
  }
  if (mo == 0) return 0;
  p += 5;
  if (p < s.size() && s[p] == ' ') ++p;
  int y = 0, h = 0, mi = 0, sec = 0, off = 0;
  if (!Digits(s, p, 4, &y)) return 0;
  p += 4;
  if (p + 6 <= s.size() && s[p] == ' ' && Digits(s, p + 1, 2, &h) && s[p + 3] == ':' &&
      Digits(s, p + 4, 2, &mi)) {
    p += 6;
    if (p < s.size() && s[p] == ':') {
      if (!Digits(s, p + 1, 2, &sec)) return 0;
      p += 3;
    }
    if (!ParseZone(s.substr(p), &off)) off = 0;  // named zones other than GMT: treat as UTC
  }
  if (!Valid(y, mo, d, h, mi, sec)) return 0;
  return DaysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 + h * 3600 +
         mi * 60 + sec - off;
}

}  // namespace

int64_t ParseFeedDate(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  if (text.empty()) return 0;
  if (std::isdigit(static_cast<unsigned char>(text[0])) && text.size() >= 4 &&
      std::isdigit(static_cast<unsigned char>(text[3]))) {
    return ParseW3c(text);
  }
  return ParseRfc822(text);
}

}  // namespace pressmine::crawler
