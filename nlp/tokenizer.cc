#include "nlp/tokenizer.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <utility>

#include "nlp/internal/simple_word_break.h"
#include "nlp/internal/text_util.h"

namespace pressmine::nlp {
namespace {

// Rule status ranges of ICU's word break iterator (ubrk.h, UWordBreak).
constexpr int32_t kWordNoneLimit = 100;
constexpr int32_t kWordNumberLimit = 200;

// A thousands group after the first one has exactly this many digits.
constexpr size_t kGroupDigits = 3;

using Segment = internal::WordSegment;

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

bool AllAsciiDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!IsAsciiDigit(c)) return false;
  }
  return true;
}

// "643" or "643,5" / "643.5": a group that may continue a thousands-grouped number. Sets
// *has_fraction when a decimal part follows the group (which then ends the number).
bool IsFollowingGroup(std::string_view s, bool* has_fraction) {
  if (s.size() < kGroupDigits || !AllAsciiDigits(s.substr(0, kGroupDigits))) return false;
  if (s.size() == kGroupDigits) {
    *has_fraction = false;
    return true;
  }
  if (s[kGroupDigits] != ',' && s[kGroupDigits] != '.') return false;
  if (!AllAsciiDigits(s.substr(kGroupDigits + 1))) return false;
  *has_fraction = true;
  return true;
}

bool IsHyphen(std::string_view s) { return s == "-" || s == "\u2010" || s == "\u2011"; }

// Applies the number rules of the file comment to digits with ',' and '.' separators (spaces
// already removed). Returns false if `s` has anything else.
bool NormalizeNumber(std::string_view s, std::string* out) {
  int commas = 0, periods = 0;
  size_t last_sep = std::string_view::npos;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ',') {
      ++commas;
      last_sep = i;
    } else if (c == '.') {
      ++periods;
      last_sep = i;
    } else if (!IsAsciiDigit(c)) {
      return false;
    }
  }
  out->clear();
  if (commas == 0 && periods == 0) {
    out->append(s);
    return true;
  }
  if (commas > 0 && periods > 0) {
    // The last separator is the decimal mark, the other kind groups thousands.
    for (size_t i = 0; i < s.size(); ++i) {
      if (i == last_sep) {
        out->push_back('.');
      } else if (IsAsciiDigit(s[i])) {
        out->push_back(s[i]);
      }
    }
    return true;
  }
  const char sep = commas > 0 ? ',' : '.';
  if (commas + periods == 1) {
    // "2,643": English thousands (1-3 digits, a comma, exactly 3 digits); else a decimal mark.
    const bool thousands = sep == ',' && s[0] != '0' && last_sep >= 1 && last_sep <= kGroupDigits &&
                           s.size() - last_sep - 1 == kGroupDigits;
    for (char c : s) {
      if (c != sep) {
        out->push_back(c);
      } else if (!thousands) {
        out->push_back('.');
      }
    }
    return true;
  }
  // Several separators of one kind: thousands grouping if the groups say so, else as written.
  size_t group_start = 0;
  bool grouping = true;
  bool first = true;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      const size_t len = i - group_start;
      if (first ? (len < 1 || len > kGroupDigits) : len != kGroupDigits) grouping = false;
      first = false;
      group_start = i + 1;
    }
  }
  for (char c : s) {
    if (!grouping || c != sep) out->push_back(c);
  }
  return true;
}

}  // namespace

struct Tokenizer::Impl {
  icu::LocalPointer<icu::BreakIterator> words;
  const icu::Normalizer2* nfkc_cf = nullptr;  // ICU-owned singleton
  UText* utext = nullptr;
  std::vector<Segment> segments;
  std::string norm;     // the current token's normalized form
  std::string scratch;  // number text being assembled
  icu::UnicodeString u_in, u_out;

  ~Impl() {
    if (utext != nullptr) utext_close(utext);
  }

  // Normalizes a word token into `norm`, setting script and case flags on `t`.
  void NormalizeWordInto(std::string_view src, TokenView* t);
  bool FastPath(std::string_view src, TokenView* t);
  void SlowPath(std::string_view src, TokenView* t);
};

Tokenizer::Tokenizer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Tokenizer::Tokenizer(Tokenizer&&) noexcept = default;
Tokenizer& Tokenizer::operator=(Tokenizer&&) noexcept = default;
Tokenizer::~Tokenizer() = default;

Result<Tokenizer> Tokenizer::Create() {
  auto impl = std::make_unique<Impl>();
  UErrorCode status = U_ZERO_ERROR;
  impl->words.adoptInstead(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status) || impl->words.isNull()) {
    return Status::Internal(std::string("ICU word break iterator: ") + u_errorName(status));
  }
  impl->nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) {
    return Status::Internal(std::string("ICU NFKC_Casefold normalizer: ") + u_errorName(status));
  }
  return Tokenizer(std::move(impl));
}

bool Tokenizer::Impl::FastPath(std::string_view src, TokenView* t) {
  int latin = 0, cyrillic = 0, letters = 0, upper = 0;
  bool first_upper = false;
  const auto* s = reinterpret_cast<const unsigned char*>(src.data());
  const size_t n = src.size();
  // Every letter this path handles keeps its byte length when lower-cased, so the form is
  // written in place: a push_back per byte was a third of this function's time.
  norm.resize(n);
  char* out = norm.data();
  size_t i = 0;
  while (i < n) {
    const unsigned char c = s[i];
    const bool at_start = i == 0;
    bool is_upper = false;
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') {
        out[i] = static_cast<char>(c + 32);
        ++latin, ++letters, is_upper = true;
      } else {
        if (c >= 'a' && c <= 'z') ++latin, ++letters;
        out[i] = static_cast<char>(c);
      }
      ++i;
    } else if ((c == 0xD0 || c == 0xD1) && i + 1 < n) {
      const unsigned char d = s[i + 1];
      if (c == 0xD0 && d >= 0x90 && d <= 0x9F) {  // А-П
        out[i] = static_cast<char>(0xD0);
        out[i + 1] = static_cast<char>(d + 0x20);
        is_upper = true;
      } else if (c == 0xD0 && d >= 0xA0 && d <= 0xAF) {  // Р-Я
        out[i] = static_cast<char>(0xD1);
        out[i + 1] = static_cast<char>(d - 0x20);
        is_upper = true;
      } else if ((c == 0xD0 && d >= 0xB0 && d <= 0xBF) || (c == 0xD1 && d >= 0x80 && d <= 0x8F)) {
        out[i] = static_cast<char>(c);
        out[i + 1] = static_cast<char>(d);
      } else if ((c == 0xD0 && d == 0x81) || (c == 0xD1 && d == 0x91)) {  // Ё ё -> е
        out[i] = static_cast<char>(0xD0);
        out[i + 1] = static_cast<char>(0xB5);
        is_upper = c == 0xD0;
      } else {
        return false;
      }
      ++cyrillic, ++letters;
      i += 2;
    } else {
      return false;
    }
    if (is_upper) {
      ++upper;
      if (at_start) first_upper = true;
    }
  }
  if (latin > 0 && cyrillic > 0) return false;  // let the slow path try to unify scripts
  t->script = latin > 0 ? Script::kLatin : cyrillic > 0 ? Script::kCyrillic : Script::kNone;
  t->capitalized = first_upper;
  t->all_caps = letters >= 2 && upper == letters;
  return true;
}

void Tokenizer::Impl::SlowPath(std::string_view src, TokenView* t) {
  // Case flags come from the original text.
  const auto* s = reinterpret_cast<const uint8_t*>(src.data());
  const int32_t n = static_cast<int32_t>(src.size());
  int letters = 0, upper = 0;
  bool first = true;
  t->capitalized = false;
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) continue;
    const bool is_upper = u_isupper(c) || u_istitle(c);
    if (first) t->capitalized = is_upper;
    first = false;
    if (u_isalpha(c)) {
      ++letters;
      if (is_upper) ++upper;
    }
  }
  t->all_caps = letters >= 2 && upper == letters;

  u_in =
      icu::UnicodeString::fromUTF8(icu::StringPiece(src.data(), static_cast<int32_t>(src.size())));
  UErrorCode status = U_ZERO_ERROR;
  u_out.remove();
  nfkc_cf->normalize(u_in, u_out, status);
  if (U_FAILURE(status)) u_out = u_in;
  internal::FoldAfterCasefold(&u_out);
  t->script = internal::UnifyScripts(&u_out);
  norm.clear();
  u_out.toUTF8String(norm);
}

void Tokenizer::Impl::NormalizeWordInto(std::string_view src, TokenView* t) {
  if (!FastPath(src, t)) SlowPath(src, t);
}

Status Tokenizer::ForEachTokenImpl(std::string_view utf8, bool (*call)(void*, const TokenView&),
                                   void* ctx) {
  if (utf8.size() >= kMaxTextBytes) {
    return Status::InvalidArgument("text of " + std::to_string(utf8.size()) +
                                   " bytes is too long to tokenize");
  }
  Impl& m = *impl_;
  // Pass 1: the word break segments, so that pass 2 can look ahead for digit groups. Texts of
  // ASCII, Russian letters and common typography are segmented without ICU, identically.
  m.segments.clear();
  if (!internal::SimpleWordBreak(utf8, &m.segments)) {
    UErrorCode status = U_ZERO_ERROR;
    m.utext = utext_openUTF8(m.utext, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
    if (U_FAILURE(status))
      return Status::Internal(std::string("utext_openUTF8: ") + u_errorName(status));
    m.words->setText(m.utext, status);
    if (U_FAILURE(status))
      return Status::Internal(std::string("BreakIterator::setText: ") + u_errorName(status));
    int32_t start = m.words->first();
    for (int32_t end = m.words->next(); end != icu::BreakIterator::DONE; end = m.words->next()) {
      m.segments.push_back({start, end, m.words->getRuleStatus()});
      start = end;
    }
    // Drop the text pointer: the caller's buffer may go away after we return.
    m.words->setText(icu::UnicodeString());
  }

  auto text_of = [&](const Segment& seg) {
    return utf8.substr(static_cast<size_t>(seg.begin), static_cast<size_t>(seg.end - seg.begin));
  };
  const size_t count = m.segments.size();
  for (size_t i = 0; i < count; ++i) {
    const Segment& seg = m.segments[i];
    if (seg.status < kWordNoneLimit) continue;
    TokenView t;
    t.begin = static_cast<size_t>(seg.begin);
    t.end = static_cast<size_t>(seg.end);
    t.hyphen_joined = i >= 2 && IsHyphen(text_of(m.segments[i - 1])) &&
                      m.segments[i - 2].status >= kWordNoneLimit;
    std::string_view text = text_of(seg);
    bool is_number = seg.status < kWordNumberLimit;
    if (is_number) {
      t.kind = TokenKind::kNumber;
      t.script = Script::kNone;
      m.scratch.assign(text);
      // Merge "2 643" / "1 234 567,5": a 1-3 digit group, then 3-digit groups after one space.
      if (AllAsciiDigits(text) && text.size() <= kGroupDigits) {
        while (i + 2 < count && m.segments[i + 2].status >= kWordNoneLimit &&
               m.segments[i + 2].status < kWordNumberLimit &&
               internal::IsGroupSpace(text_of(m.segments[i + 1]))) {
          bool has_fraction = false;
          const std::string_view next = text_of(m.segments[i + 2]);
          if (!IsFollowingGroup(next, &has_fraction)) break;
          m.scratch.append(next);
          i += 2;
          t.end = static_cast<size_t>(m.segments[i].end);
          if (has_fraction) break;
        }
      }
      internal::RemoveGroupSpaces(&m.scratch);
      if (!NormalizeNumber(m.scratch, &m.norm)) {
        // Non-ASCII digits (fullwidth and the like): NFKC first, then the number rules.
        m.NormalizeWordInto(m.scratch, &t);
        m.scratch = m.norm;
        if (!NormalizeNumber(m.scratch, &m.norm)) m.norm = m.scratch;
        t.capitalized = t.all_caps = false;
        t.script = Script::kNone;
      }
    } else {
      t.kind = TokenKind::kWord;
      m.NormalizeWordInto(text, &t);
    }
    if (m.norm.empty()) continue;  // e.g. only default-ignorable characters
    t.norm = m.norm;
    if (!call(ctx, t)) break;
  }
  return Status::Ok();
}

Result<std::vector<Token>> Tokenizer::Tokenize(std::string_view utf8) {
  std::vector<Token> out;
  Status st = ForEachToken(utf8, [&](const TokenView& t) {
    out.push_back(Token{std::string(t.norm), t.begin, t.end, t.kind, t.script, t.capitalized,
                        t.all_caps, t.hyphen_joined});
    return true;
  });
  if (!st.ok()) return st;
  return out;
}

std::string Tokenizer::NormalizeWord(std::string_view utf8) {
  TokenView t;
  impl_->NormalizeWordInto(utf8, &t);
  return impl_->norm;
}

}  // namespace pressmine::nlp
