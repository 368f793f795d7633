// Word tokenization for indexing and queries.
//
// Approach. ICU's word break iterator (UAX #29 rules) runs directly over the UTF-8 text through a
// UText, so every boundary it reports is already a byte offset into the caller's original text
// (texts of only ASCII, Russian letters and common typography take an ICU-free path that gives
// the same segments: internal/simple_word_break.h):
// FTS5 needs those offsets for highlighting and snippets, and no UTF-16 copy or offset table is
// made. Segments whose rule status is "none" (spaces, punctuation, symbols) are dropped; the rest
// become tokens of kind word (letters, possibly with digits: "H1N1", "т.е", "don't") or number.
//
// Numbers. UAX #29 already keeps "9,2", "13.5", "2,643" and "12.05.2025" whole. Russian texts
// group thousands with a (non-breaking, thin or narrow) space, "2 643" or "1 234 567,5", which
// the iterator splits; such groups are merged back into one token when the first group has 1-3
// digits and each following group exactly 3, separated by exactly one space character. Number
// tokens are normalized so the same quantity is one term whatever the typography:
//   - grouping separators go: "2 643" -> "2643", "1,234,567" -> "1234567", "1.234.567" ->
//   "1234567";
//   - with both ',' and '.', the last one is the decimal mark: "1,234.5" / "1.234,5" -> "1234.5";
//   - a single comma after 1-3 digits and before exactly 3 is English thousands grouping:
//     "2,643" -> "2643", so it meets the Russian "2 643" (a Russian decimal with three
//     fractional digits, "1,234", is rare in press releases and read the same way);
//   - any other single ',' or '.' is a decimal mark written as '.': "9,2" -> "9.2",
//     "13.5" -> "13.5", "0.125" -> "0.125";
//   - anything else ("12.05.2025", "1.2.3") is kept as written.
//
// Words. The normalized form is NFKC + Unicode case folding (ICU's NFKC_Casefold, which also drops
// default-ignorable characters such as the soft hyphen), then ё -> е and typographic apostrophes
// (’ ʼ ‘) -> '. Words made of basic Latin and Russian letters, by far the common case, take a
// byte-level fast path that gives the same result without ICU. A token mixing Cyrillic and Latin
// letters whose minority letters all look alike in both scripts ("Гepмaния" typed with Latin e, p,
// a) is written wholly in the majority script, a common defect of copy-pasted press releases.
//
// Hyphenated words ("NGS-диагностики", "Кызыл-Кия") are split at the hyphen, so each part is
// searchable on its own; the second part is flagged hyphen_joined and a phrase query over the
// parts still matches the compound.
#ifndef PRESSMINE_NLP_TOKENIZER_H_
#define PRESSMINE_NLP_TOKENIZER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "base/status.h"

namespace pressmine::nlp {

enum class TokenKind : uint8_t {
  kWord,    // contains at least one letter
  kNumber,  // digits with optional separators
};

// The script of a token's letters. Numbers are kNone.
enum class Script : uint8_t {
  kNone,
  kLatin,
  kCyrillic,  // includes the Kazakh and Kyrgyz letters (ә ғ қ ң ө ұ ү һ і)
  kMixed,     // both Latin and Cyrillic letters that could not be unified
  kOther,     // any other script (Greek, Arabic, CJK, ...)
};

// A token as passed to a ForEachToken callback. `norm` points into the tokenizer's buffer and is
// valid only until the callback returns.
struct TokenView {
  std::string_view norm;  // normalized form (see the file comment)
  size_t begin = 0;       // byte offsets of the token in the ORIGINAL text: [begin, end)
  size_t end = 0;
  TokenKind kind = TokenKind::kWord;
  Script script = Script::kNone;
  bool capitalized = false;    // the first character is an uppercase or titlecase letter
  bool all_caps = false;       // two or more letters, all uppercase ("NGS", "МЗ")
  bool hyphen_joined = false;  // follows the previous token with only a hyphen between them
};

// An owned copy of a TokenView.
struct Token {
  std::string norm;
  size_t begin = 0;
  size_t end = 0;
  TokenKind kind = TokenKind::kWord;
  Script script = Script::kNone;
  bool capitalized = false;
  bool all_caps = false;
  bool hyphen_joined = false;
};

// Splits UTF-8 text into normalized word and number tokens.
//
// Owns an ICU word break iterator, a UText and scratch buffers that are reused across calls, so
// creating one per document would waste most of the work: create one per thread and keep it.
// Not thread-safe; movable, not copyable.
class Tokenizer {
 public:
  // Texts must be shorter than this: ICU break iterators report int32 offsets.
  static constexpr size_t kMaxTextBytes = (size_t{1} << 31) - 1;

  // Fails (kInternal) only if ICU's break rules cannot be loaded.
  static Result<Tokenizer> Create();

  Tokenizer(Tokenizer&&) noexcept;
  Tokenizer& operator=(Tokenizer&&) noexcept;
  ~Tokenizer();

  // Calls `sink(const TokenView&)` for each token in text order. `sink` returns true to go on or
  // false to stop early (ForEachToken then returns OK). Invalid UTF-8 bytes are never part of a
  // token. Errors: kInvalidArgument if the text is kMaxTextBytes or longer, kInternal on an ICU
  // failure.
  template <typename Sink>
  Status ForEachToken(std::string_view utf8, Sink&& sink) {
    using S = std::remove_reference_t<Sink>;
    return ForEachTokenImpl(
        utf8,
        [](void* ctx, const TokenView& t) { return static_cast<bool>((*static_cast<S*>(ctx))(t)); },
        const_cast<void*>(static_cast<const void*>(&sink)));
  }

  // All tokens, copied.
  Result<std::vector<Token>> Tokenize(std::string_view utf8);

  // The normalized form a word would get as a token (NFKC + case fold + ё -> е), for callers
  // that have a single word rather than running text. Digits and separators are left as they are.
  std::string NormalizeWord(std::string_view utf8);

 private:
  struct Impl;
  explicit Tokenizer(std::unique_ptr<Impl> impl);
  Status ForEachTokenImpl(std::string_view utf8, bool (*call)(void*, const TokenView&), void* ctx);

  std::unique_ptr<Impl> impl_;
};

}  // namespace pressmine::nlp

#endif  // PRESSMINE_NLP_TOKENIZER_H_
