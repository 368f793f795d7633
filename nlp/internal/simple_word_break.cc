#include "nlp/internal/simple_word_break.h"

#include <array>

namespace pressmine::nlp::internal {
namespace {

// UAX #29 Word_Break values of the simple set.
enum class Wb : uint8_t {
  kOther,
  kALetter,
  kNumeric,
  kMidLetter,     // none in the set: ICU's root rules leave ':' out (UAX #29 allows it)
  kMidNumLetQ,    // . ' ’ ‘ (MidNumLet and Single_Quote)
  kMidNum,        // , ;
  kExtendNumLet,  // _ and U+202F
  kCr,
  kLf,
  kWSegSpace,  // space, U+2009
};

struct Cp {
  int32_t offset;
  Wb wb;
};

// Word_Break classes of ASCII; kNone marks the controls outside the set.
constexpr Wb kNone = static_cast<Wb>(0xFF);

constexpr std::array<Wb, 128> AsciiClasses() {
  std::array<Wb, 128> t{};
  for (int c = 0; c < 128; ++c) {
    Wb w = Wb::kOther;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      w = Wb::kALetter;
    } else if (c >= '0' && c <= '9') {
      w = Wb::kNumeric;
    } else if (c == '.' || c == '\'') {
      w = Wb::kMidNumLetQ;
    } else if (c == ',' || c == ';') {
      w = Wb::kMidNum;
    } else if (c == '_') {
      w = Wb::kExtendNumLet;
    } else if (c == '\r') {
      w = Wb::kCr;
    } else if (c == '\n') {
      w = Wb::kLf;
    } else if (c == ' ') {
      w = Wb::kWSegSpace;
    } else if ((c < 0x20 && c != '\t') || c == 0x7f) {
      w = kNone;  // other controls (vertical tab and form feed are Newline)
    } else if (c == '@') {
      w = kNone;  // ICU keeps "@" with the letters after it ("@graph"), beyond UAX #29's rules
    }
    t[static_cast<size_t>(c)] = w;
  }
  return t;
}
constexpr std::array<Wb, 128> kAscii = AsciiClasses();

// The class of the code point at s[i] and its length, or false outside the simple set.
bool Classify(std::string_view s, size_t i, Wb* wb, size_t* len) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    *len = 1;
    *wb = kAscii[c];
    return *wb != kNone;
  }
  if (c >= 0xD0 && c <= 0xD3 && i + 1 < s.size()) {
    const auto d = static_cast<unsigned char>(s[i + 1]);
    // U+0400..U+045F (Russian and the other basic Cyrillic letters) and the Kazakh and Kyrgyz
    // letters ғ қ ң ү ұ һ ә ө in both cases. (U+0460.. holds combining marks: not here.)
    const bool letter =
        ((c == 0xD0 || c == 0xD1) && d >= 0x80 && d <= 0xBF && (c == 0xD0 || d <= 0x9F)) ||
        (c == 0xD2 &&
         (d == 0x92 || d == 0x93 || d == 0x9A || d == 0x9B || d == 0xA2 || d == 0xA3 || d == 0xAE ||
          d == 0xAF || d == 0xB0 || d == 0xB1 || d == 0xBA || d == 0xBB)) ||
        (c == 0xD3 && (d == 0x98 || d == 0x99 || d == 0xA8 || d == 0xA9));
    if (!letter) return false;
    *wb = Wb::kALetter;
    *len = 2;
    return true;
  }
  if (c == 0xC2 && i + 1 < s.size()) {
    const auto d = static_cast<unsigned char>(s[i + 1]);
    if (d == 0xA0 || d == 0xAB || d == 0xBB || d == 0xB0) {  // no-break space « » °
      *wb = Wb::kOther;
      *len = 2;
      return true;
    }
    return false;
  }
  if (c == 0xC3 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x97) {  // ×
    *wb = Wb::kOther;
    *len = 2;
    return true;
  }
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x84 &&
      static_cast<unsigned char>(s[i + 2]) == 0x96) {  // №
    *wb = Wb::kOther;
    *len = 3;
    return true;
  }
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
    const auto d = static_cast<unsigned char>(s[i + 2]);
    *len = 3;
    switch (d) {
      case 0x93:  // – en dash
      case 0x94:  // — em dash
      case 0x9C:  // “
      case 0x9D:  // ”
      case 0x9E:  // „
      case 0xA6:  // …
        *wb = Wb::kOther;
        return true;
      case 0x98:  // ‘
      case 0x99:  // ’
        *wb = Wb::kMidNumLetQ;
        return true;
      case 0x89:  // thin space
        *wb = Wb::kWSegSpace;
        return true;
      case 0xAF:  // narrow no-break space
        *wb = Wb::kExtendNumLet;
        return true;
      default:
        return false;
    }
  }
  return false;
}

bool AHLetter(Wb w) { return w == Wb::kALetter; }
bool MidLetterOrQ(Wb w) { return w == Wb::kMidLetter || w == Wb::kMidNumLetQ; }
bool MidNumOrQ(Wb w) { return w == Wb::kMidNum || w == Wb::kMidNumLetQ; }
bool Newline(Wb w) { return w == Wb::kCr || w == Wb::kLf; }

// Whether there is a boundary between cps[i - 1] and cps[i] (UAX #29 rules WB3..WB999 that can
// apply to the simple set).
bool Breaks(const std::vector<Cp>& cps, size_t i) {
  const Wb prev = cps[i - 1].wb;
  const Wb cur = cps[i].wb;
  // The common case first (WB5, WB8-10: letters and digits run on); no earlier rule applies to it.
  if ((prev == Wb::kALetter || prev == Wb::kNumeric) &&
      (cur == Wb::kALetter || cur == Wb::kNumeric)) {
    return false;
  }
  const Wb prev2 = i >= 2 ? cps[i - 2].wb : Wb::kOther;
  const Wb next = i + 1 < cps.size() ? cps[i + 1].wb : Wb::kOther;
  if (prev == Wb::kCr && cur == Wb::kLf) return false;                                // WB3
  if (Newline(prev) || Newline(cur)) return true;                                     // WB3a, WB3b
  if (prev == Wb::kWSegSpace && cur == Wb::kWSegSpace) return false;                  // WB3d
  if (AHLetter(prev) && AHLetter(cur)) return false;                                  // WB5
  if (AHLetter(prev) && MidLetterOrQ(cur) && AHLetter(next)) return false;            // WB6
  if (AHLetter(prev2) && MidLetterOrQ(prev) && AHLetter(cur)) return false;           // WB7
  if (prev == Wb::kNumeric && cur == Wb::kNumeric) return false;                      // WB8
  if (AHLetter(prev) && cur == Wb::kNumeric) return false;                            // WB9
  if (prev == Wb::kNumeric && AHLetter(cur)) return false;                            // WB10
  if (prev2 == Wb::kNumeric && MidNumOrQ(prev) && cur == Wb::kNumeric) return false;  // WB11
  if (prev == Wb::kNumeric && MidNumOrQ(cur) && next == Wb::kNumeric) return false;   // WB12
  if ((AHLetter(prev) || prev == Wb::kNumeric || prev == Wb::kExtendNumLet) &&
      cur == Wb::kExtendNumLet) {
    return false;  // WB13a
  }
  if (prev == Wb::kExtendNumLet && (AHLetter(cur) || cur == Wb::kNumeric)) return false;  // WB13b
  return true;                                                                            // WB999
}

}  // namespace

bool SimpleWordBreak(std::string_view text, std::vector<WordSegment>* out) {
  // Reused across calls on a thread: a document's code points, not worth an allocation each time.
  thread_local std::vector<Cp> cps;
  cps.clear();
  cps.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    Wb wb;
    size_t len = 1;
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      wb = kAscii[c];
      if (wb == kNone) return false;
    } else if (!Classify(text, i, &wb, &len)) {
      return false;
    }
    cps.push_back({static_cast<int32_t>(i), wb});
    i += len;
  }
  auto word_char = [](Wb w) { return w == Wb::kALetter || w == Wb::kNumeric; };
  size_t start = 0;
  for (size_t i = 1; i <= cps.size(); ++i) {
    if (i < cps.size() && word_char(cps[i - 1].wb) && word_char(cps[i].wb)) continue;  // WB5, 8-10
    if (i < cps.size() && !Breaks(cps, i)) continue;
    // ICU tags a word by the rule of its last step: a last digit makes a number ("a1", "H1N1"),
    // a last letter a word ("1a"); a last '_' after '_' or a letter a word, after a digit a number.
    int32_t status = 0;
    const Wb last = cps[i - 1].wb;
    const Wb before = i - start >= 2 ? cps[i - 2].wb : Wb::kOther;
    if (last == Wb::kNumeric) {
      status = 100;
    } else if (last == Wb::kALetter) {
      status = 200;
    } else if (last == Wb::kExtendNumLet && i - start >= 2) {
      status = before == Wb::kNumeric ? 100 : 200;
    }
    const int32_t end = i < cps.size() ? cps[i].offset : static_cast<int32_t>(text.size());
    out->push_back({cps[start].offset, end, status});
    start = i;
  }
  return true;
}

}  // namespace pressmine::nlp::internal
