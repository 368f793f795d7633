// Byte-level scanner for the fact grammars; see tokens.h for the rules and why.
#include "extract/facts/tokens.h"

#include <cstdint>
#include <cstdlib>

namespace pressmine::extract::facts {
namespace {

// Decodes one UTF-8 code point at text[i]; sets *len. Invalid bytes decode as U+FFFD, length 1.
char32_t Decode(std::string_view text, size_t i, size_t* len) {
  const auto b0 = static_cast<unsigned char>(text[i]);
  if (b0 < 0x80) {
    *len = 1;
    return b0;
  }
  size_t n = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 0;
  if (n == 0 || i + n > text.size()) {
    *len = 1;
    return 0xFFFD;
  }
  char32_t c = b0 & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) {
    const auto b = static_cast<unsigned char>(text[i + k]);
    if ((b & 0xC0) != 0x80) {
      *len = 1;
      return 0xFFFD;
    }
    c = (c << 6) | (b & 0x3F);
  }
  *len = n;
  return c;
}

void Encode(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

bool IsCyr(char32_t c) { return c >= 0x400 && c <= 0x52F; }
bool IsLatinLetter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}
bool IsLetter(char32_t c) { return IsLatinLetter(c) || IsCyr(c); }
bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }
bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
         c == 0x2007 || c == 0x2009 || c == 0x202F || c == 0x200B || c == 0xFEFF || c == 0xAD;
}
// One space that may separate digit groups.
bool IsGroupSpace(char32_t c) {
  return c == ' ' || c == 0xA0 || c == 0x2009 || c == 0x202F || c == 0x2007;
}

bool IsUpper(char32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 0x410 && c <= 0x42F) || c == 0x401 ||
         (c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x400 && c <= 0x40F) ||
         (c >= 0x460 && c <= 0x52F && c % 2 == 0);
}

char32_t Lower(char32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c >= 0x410 && c <= 0x42F) return c + 32;
  if (c == 0x401 || c == 0x451) return 0x435;  // Ё ё -> е
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  if (c >= 0x460 && c <= 0x52F && c % 2 == 0) return c + 1;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  return c;
}

// Reads the digits and separators of a number in `raw` (no spaces) as a value. Returns false for
// dotted runs and other non-quantities.
bool ReadNumber(const std::string& raw, Language lang, double* value, std::string* norm) {
  size_t commas = 0, dots = 0, last_comma = std::string::npos, last_dot = std::string::npos;
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == ',') ++commas, last_comma = i;
    if (raw[i] == '.') ++dots, last_dot = i;
  }
  std::string digits;
  auto keep = [&](size_t decimal_at) {
    for (size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] >= '0' && raw[i] <= '9')
        digits.push_back(raw[i]);
      else if (i == decimal_at)
        digits.push_back('.');
    }
  };
  auto groups_of_three = [&](char sep) {
    size_t prev = std::string::npos;
    for (size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] != sep) continue;
      if (prev == std::string::npos ? (i == 0 || i > 3) : i - prev != 4) return false;
      prev = i;
    }
    return prev != std::string::npos && raw.size() - prev == 4;
  };
  if (commas > 0 && dots > 0) {
    keep(last_comma > last_dot ? last_comma : last_dot);
  } else if (commas + dots == 0) {
    keep(std::string::npos);
  } else if (dots > 1) {
    if (!groups_of_three('.')) return false;  // 12.05.2025
    keep(std::string::npos);
  } else if (commas > 1) {
    if (!groups_of_three(',')) return false;
    keep(std::string::npos);
  } else if (commas == 1 && lang == Language::kEnglish && groups_of_three(',')) {
    keep(std::string::npos);  // "1,224"
  } else {
    keep(commas == 1 ? last_comma : last_dot);
  }
  *value = std::strtod(digits.c_str(), nullptr);
  // Canonical text: integers without ".0", decimals as written with '.'.
  if (digits.find('.') != std::string::npos) {
    while (!digits.empty() && digits.back() == '0') digits.pop_back();
    if (!digits.empty() && digits.back() == '.') digits.pop_back();
  }
  size_t lead = 0;
  while (lead + 1 < digits.size() && digits[lead] == '0' && digits[lead + 1] != '.') ++lead;
  *norm = digits.substr(lead);
  return true;
}

}  // namespace

std::string FoldWord(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  for (size_t i = 0; i < word.size();) {
    size_t len = 1;
    Encode(Lower(Decode(word, i, &len)), &out);
    i += len;
  }
  return out;
}

Language GuessLanguage(std::string_view text) {
  size_t cyr = 0, lat = 0;
  for (size_t i = 0; i < text.size();) {
    size_t len = 1;
    const char32_t c = Decode(text, i, &len);
    if (IsCyr(c))
      ++cyr;
    else if (IsLatinLetter(c))
      ++lat;
    i += len;
  }
  if (cyr == 0 && lat == 0) return Language::kUnknown;
  return cyr > lat ? Language::kRussian : Language::kEnglish;
}

void Tokenize(std::string_view text, Language lang, std::vector<Tok>* out) {
  out->clear();
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    size_t len = 1;
    const char32_t c = Decode(text, i, &len);
    if (IsSpace(c)) {
      i += len;
      continue;
    }
    Tok t;
    t.begin = i;
    if (IsLetter(c)) {
      t.kind = TokKind::kWord;
      t.capitalized = IsUpper(c);
      t.cyrillic = IsCyr(c);
      size_t j = i;
      size_t letters = 0, upper = 0;
      while (j < n) {
        size_t l = 1;
        const char32_t d = Decode(text, j, &l);
        if (!IsLetter(d) && !IsDigit(d)) break;
        if (IsLetter(d)) ++letters, upper += IsUpper(d) ? 1 : 0;
        Encode(Lower(d), &t.norm);
        j += l;
      }
      t.end = j;
      t.all_caps = letters >= 2 && upper == letters;
    } else if (IsDigit(c)) {
      t.kind = TokKind::kNumber;
      std::string raw;
      size_t j = i;
      size_t group = 0;  // digits in the current group, for space grouping
      bool separators = false;
      while (j < n) {
        const char d = text[j];
        if (d >= '0' && d <= '9') {
          raw.push_back(d);
          ++group;
          ++j;
          continue;
        }
        if ((d == ',' || d == '.') && j + 1 < n && text[j + 1] >= '0' && text[j + 1] <= '9') {
          raw.push_back(d);
          separators = true;
          group = 0;
          ++j;
          continue;
        }
        // "2 643": a group space, then exactly three digits, while the number has no decimal
        // mark and its groups so far are 1-3 digits then threes.
        size_t sl = 1;
        const char32_t s = Decode(text, j, &sl);
        if (IsGroupSpace(s) && group >= 1 && group <= 3 &&
            raw.find_first_of(",.") == std::string::npos && (raw.size() <= 3 || group == 3) &&
            j + sl + 3 <= n) {
          const std::string_view next = text.substr(j + sl, 3);
          const bool three = next[0] >= '0' && next[0] <= '9' && next[1] >= '0' && next[1] <= '9' &&
                             next[2] >= '0' && next[2] <= '9';
          const bool ends =
              j + sl + 3 == n || !(text[j + sl + 3] >= '0' && text[j + sl + 3] <= '9');
          if (three && ends) {
            raw.append(next);
            separators = true;
            group = 3;
            j += sl + 3;
            continue;
          }
        }
        break;
      }
      t.end = j;
      t.plain_int = !separators;
      std::string norm;
      if (ReadNumber(raw, lang, &t.value, &norm)) {
        t.quantity = true;
        t.norm = std::move(norm);
      } else {
        t.norm = raw;
      }
    } else {
      t.kind = TokKind::kPunct;
      t.end = i + len;
      // Dashes fold to '-' and quotes to '"', so patterns need one spelling.
      char32_t p = c;
      t.hyphen = p == '-' || p == 0x2010 || p == 0x2011;
      if (p == 0x2010 || p == 0x2011 || p == 0x2012 || p == 0x2013 || p == 0x2014 || p == 0x2212)
        p = '-';
      if (p == 0xAB || p == 0xBB || p == 0x201C || p == 0x201D || p == 0x201E || p == 0x201F)
        p = '"';
      if (p == 0x2018 || p == 0x2019 || p == 0x2BC) p = '\'';
      Encode(p, &t.norm);
    }
    i = t.end;
    out->push_back(std::move(t));
  }
}

}  // namespace pressmine::extract::facts
