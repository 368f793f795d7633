#include "nlp/sentences.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <unordered_map>
#include <utility>

#include "nlp/internal/tsv.h"
#include "pressmine_nlp_data.h"

namespace pressmine::nlp {
namespace {

using Rule = SentenceSplitter::AbbreviationRule;

constexpr std::string_view kAbbreviationFiles[] = {"lexicon/abbreviations_ru.tsv",
                                                   "lexicon/abbreviations_en.tsv"};

UChar32 CodePointAt(std::string_view s, size_t i) {
  UChar32 c;
  int32_t j = static_cast<int32_t>(i);
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), j, static_cast<int32_t>(s.size()), c);
  return c;
}

// Index of the code point before position i (i > 0), and that code point in *c.
size_t PrevCodePoint(std::string_view s, size_t i, UChar32* c) {
  int32_t j = static_cast<int32_t>(i);
  U8_PREV(reinterpret_cast<const uint8_t*>(s.data()), 0, j, *c);
  return static_cast<size_t>(j);
}

bool IsSpace(UChar32 c) { return c >= 0 && (u_isUWhiteSpace(c) || c == 0xFEFF); }

bool IsLineBreak(UChar32 c) {
  return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029 || c == 0x0B || c == 0x0C ||
         c == 0x85;
}

// Opening quotes and brackets that may precede a word or a sentence.
bool IsOpening(UChar32 c) {
  switch (c) {
    case '(':
    case '[':
    case '{':
    case '"':
    case '\'':
    case 0x00AB:  // «
    case 0x201C:
    case 0x201E:
    case 0x2018:
    case 0x201A:  // “ „ ‘ ‚
      return true;
    default:
      return false;
  }
}

bool IsUpper(UChar32 c) { return c >= 0 && (u_isupper(c) || u_istitle(c)); }

// "А." / "U.S." / "т.е.": each dot-separated part is a single letter. Sets *upper when the first
// letter is uppercase.
bool IsDottedLetters(std::string_view word, bool* upper) {
  if (word.empty() || word.back() != '.') return false;
  size_t i = 0;
  bool first = true;
  while (i < word.size()) {
    const UChar32 c = CodePointAt(word, i);
    if (c < 0 || !u_isalpha(c)) return false;
    if (first) *upper = IsUpper(c);
    first = false;
    i += static_cast<size_t>(U8_LENGTH(c));
    if (i >= word.size() || word[i] != '.') return false;
    ++i;
  }
  return true;
}

std::string FoldKey(std::string_view word) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  u.foldCase();
  u.findAndReplace(icu::UnicodeString(static_cast<UChar>(0x0451)),
                   icu::UnicodeString(static_cast<UChar>(0x0435)));
  std::string out;
  u.toUTF8String(out);
  return out;
}

Result<Rule> ParseRule(std::string_view s) {
  if (s == "name") return Rule::kName;
  if (s == "inside") return Rule::kInside;
  if (s == "number") return Rule::kNumber;
  return Status::InvalidArgument("unknown abbreviation rule \"" + std::string(s) +
                                 "\" (expected name, inside or number)");
}

}  // namespace

struct SentenceSplitter::Impl {
  icu::LocalPointer<icu::BreakIterator> sentences;
  UText* utext = nullptr;
  std::unordered_map<std::string, Rule> abbreviations;
  std::vector<int32_t> boundaries;

  ~Impl() {
    if (utext != nullptr) utext_close(utext);
  }

  bool KeepBreak(std::string_view text, size_t boundary) const;
};

SentenceSplitter::SentenceSplitter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SentenceSplitter::SentenceSplitter(SentenceSplitter&&) noexcept = default;
SentenceSplitter& SentenceSplitter::operator=(SentenceSplitter&&) noexcept = default;
SentenceSplitter::~SentenceSplitter() = default;

Result<SentenceSplitter> SentenceSplitter::Create() {
  std::vector<std::string_view> tsvs;
  for (std::string_view name : kAbbreviationFiles) {
    const std::string_view data = data::EmbeddedFile(name);
    if (data.empty()) return Status::Internal(std::string(name) + ": not compiled in");
    tsvs.push_back(data);
  }
  return CreateWithAbbreviations(tsvs);
}

Result<SentenceSplitter> SentenceSplitter::CreateWithAbbreviations(
    const std::vector<std::string_view>& tsvs) {
  auto impl = std::make_unique<Impl>();
  for (std::string_view tsv : tsvs) {
    Status st = internal::ForEachTsvRow(tsv, [&](const internal::TsvRow& row) -> Status {
      if (row.fields.size() != 2) {
        return Status::InvalidArgument("line " + std::to_string(row.line) +
                                       ": expected abbreviation<TAB>rule");
      }
      auto rule = ParseRule(row.fields[1]);
      if (!rule.ok()) return rule.status().WithContext("line " + std::to_string(row.line));
      impl->abbreviations[FoldKey(row.fields[0])] = *rule;
      return Status::Ok();
    });
    PM_RETURN_IF_ERROR(st.WithContext("abbreviations"));
  }
  UErrorCode status = U_ZERO_ERROR;
  impl->sentences.adoptInstead(
      icu::BreakIterator::createSentenceInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status) || impl->sentences.isNull()) {
    return Status::Internal(std::string("ICU sentence break iterator: ") + u_errorName(status));
  }
  return SentenceSplitter(std::move(impl));
}

bool SentenceSplitter::Impl::KeepBreak(std::string_view text, size_t boundary) const {
  // The last visible character before the boundary must be a period.
  size_t dot = boundary;
  UChar32 c = 0;
  while (dot > 0) {
    const size_t prev = PrevCodePoint(text, dot, &c);
    if (!IsSpace(c)) break;
    dot = prev;
  }
  if (dot == 0 || c != '.') return true;
  dot -= 1;  // text[dot] == '.'

  // A line break between the period and the next sentence ends the sentence.
  size_t next = dot + 1;
  UChar32 next_char = -1;
  while (next < text.size()) {
    next_char = CodePointAt(text, next);
    if (IsLineBreak(next_char)) return true;
    if (!IsSpace(next_char) && !IsOpening(next_char)) break;
    next += static_cast<size_t>(U8_LENGTH(next_char < 0 ? 0xFFFD : next_char));
    next_char = -1;
  }
  const bool next_upper = IsUpper(next_char);

  // The word that ends in the period.
  size_t word_begin = dot;
  while (word_begin > 0) {
    const size_t prev = PrevCodePoint(text, word_begin, &c);
    if (IsSpace(c) || IsOpening(c)) break;
    word_begin = prev;
  }
  const std::string_view word = text.substr(word_begin, dot + 1 - word_begin);
  if (word.size() < 2) return true;

  bool upper = false;
  const bool dotted = IsDottedLetters(word, &upper);
  if (dotted && upper) return false;  // initials, "U.S."

  Rule rule;
  const auto it = abbreviations.find(FoldKey(word));
  if (it != abbreviations.end()) {
    rule = it->second;
  } else if (dotted) {
    rule = Rule::kInside;
  } else {
    return true;
  }
  if (rule == Rule::kNumber) {
    // A number right before the abbreviation ("2024 г.", "2020-2021 гг.") makes it a unit.
    size_t p = word_begin;
    while (p > 0) {
      const size_t prev = PrevCodePoint(text, p, &c);
      if (!IsSpace(c)) break;
      p = prev;
    }
    const bool after_number = p > 0 && c >= 0 && u_isdigit(c);
    rule = after_number ? Rule::kInside : Rule::kName;
  }
  if (rule == Rule::kName) return false;
  return next_upper;  // kInside
}

Result<std::vector<SentenceSpan>> SentenceSplitter::Split(std::string_view utf8) {
  if (utf8.size() >= (size_t{1} << 31) - 1) {
    return Status::InvalidArgument("text of " + std::to_string(utf8.size()) +
                                   " bytes is too long to split into sentences");
  }
  Impl& m = *impl_;
  UErrorCode status = U_ZERO_ERROR;
  m.utext = utext_openUTF8(m.utext, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
  if (U_FAILURE(status)) {
    return Status::Internal(std::string("utext_openUTF8: ") + u_errorName(status));
  }
  m.sentences->setText(m.utext, status);
  if (U_FAILURE(status)) {
    return Status::Internal(std::string("BreakIterator::setText: ") + u_errorName(status));
  }
  m.boundaries.clear();
  for (int32_t b = m.sentences->first(); b != icu::BreakIterator::DONE; b = m.sentences->next()) {
    m.boundaries.push_back(b);
  }
  m.sentences->setText(icu::UnicodeString());

  std::vector<SentenceSpan> out;
  auto emit = [&](size_t begin, size_t end) {
    UChar32 c;
    while (begin < end) {
      c = CodePointAt(utf8, begin);
      if (!IsSpace(c)) break;
      begin += static_cast<size_t>(U8_LENGTH(c));
    }
    while (end > begin) {
      const size_t prev = PrevCodePoint(utf8, end, &c);
      if (!IsSpace(c)) break;
      end = prev;
    }
    if (begin < end) out.push_back({begin, end});
  };
  size_t start = 0;
  for (size_t i = 1; i + 1 < m.boundaries.size(); ++i) {
    const size_t b = static_cast<size_t>(m.boundaries[i]);
    if (m.KeepBreak(utf8, b)) {
      emit(start, b);
      start = b;
    }
  }
  emit(start, utf8.size());
  return out;
}

}  // namespace pressmine::nlp
