// ASCII case folding for protocol text: HTTP header names and types, URL schemes and hosts,
// robots.txt keys and agents, HTML tag and attribute names, charset labels. Only A-Z change,
// whatever the process locale, and there is no std::tolower locale lookup per byte (some of
// these run over kilobytes of every page).
#ifndef PRESSMINE_CRAWLER_INTERNAL_ASCII_H_
#define PRESSMINE_CRAWLER_INTERNAL_ASCII_H_

#include <string>
#include <string_view>

namespace pressmine::crawler::internal {

constexpr char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

inline std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = LowerAscii(c);
  return out;
}

// Whether `text` equals `lower` (already lower case) but for the case of its letters.
constexpr bool EqualsLowerAscii(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (LowerAscii(text[i]) != lower[i]) return false;
  }
  return true;
}

}  // namespace pressmine::crawler::internal

#endif  // PRESSMINE_CRAWLER_INTERNAL_ASCII_H_
