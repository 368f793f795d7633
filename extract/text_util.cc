#include "extract/text_util.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace pressmine::extract {
namespace {

bool IsSpace(UChar32 c) { return c == 0xA0 || c == 0x202F || u_isUWhiteSpace(c); }

std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

bool StartsWithBullet(std::string_view line) {
  std::string collapsed = CollapseWhitespace(line);
  return collapsed.rfind("\xE2\x80\xA2", 0) == 0 || collapsed.rfind("- ", 0) == 0;  // "•"
}

}  // namespace

std::string CollapseWhitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  bool pending_space = false;
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) continue;  // drop invalid bytes
    if (IsSpace(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.append(text.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
  }
  return out;
}

std::vector<std::string> SplitParagraphs(std::string_view text) {
  std::vector<std::string> paragraphs;
  std::string current;
  auto flush = [&] {
    std::string p = CollapseWhitespace(current);
    if (!p.empty()) paragraphs.push_back(std::move(p));
    current.clear();
  };
  for (std::string_view line : Lines(text)) {
    if (CollapseWhitespace(line).empty()) {
      flush();
      continue;
    }
    if (StartsWithBullet(line)) flush();
    current.append(line);
    current.push_back(' ');
  }
  flush();
  return paragraphs;
}

std::string LowerCase(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < length) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) continue;
    char buf[U8_MAX_LENGTH];
    int32_t n = 0;
    U8_APPEND_UNSAFE(buf, n, u_tolower(c));
    out.append(buf, static_cast<size_t>(n));
  }
  return out;
}

std::string FoldForCompare(std::string_view text) {
  std::string out;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < length) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0 || !u_isalnum(c)) continue;
    char buf[U8_MAX_LENGTH];
    int32_t n = 0;
    U8_APPEND_UNSAFE(buf, n, u_tolower(c));
    out.append(buf, static_cast<size_t>(n));
  }
  return out;
}

size_t CountWords(std::string_view text) {
  size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

}  // namespace pressmine::extract
