// libFuzzer target for the three hand-written fast paths, each against the library it stands in
// for: any bytes must give the same word segments as ICU's word break (whenever the ICU-free
// splitter accepts the text), the same UTF-8 verdict as ICU's decoder, and a tag scan without a
// crash, a hang or a sanitizer report. A disagreement traps. Built only with -DPRESSMINE_FUZZ=ON
// and clang (see tests/extract/CMakeLists.txt):
//
//   CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DPRESSMINE_FUZZ=ON
//   ninja -C build-fuzz fast_paths_fuzz
//   build-fuzz/tests/crawler/fast_paths_fuzz -max_total_time=300 /tmp/corpus
//   corpora/extract-eval/pages
#include <unicode/brkiter.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "crawler/charset.h"
#include "crawler/internal/html_tags.h"
#include "nlp/internal/simple_word_break.h"

namespace {

using pressmine::nlp::internal::WordSegment;

// The tokenizer folds ICU's rule statuses to three kinds: none, number, letters.
int32_t Kind(int32_t status) { return status < 100 ? 0 : status < 200 ? 100 : 200; }

bool IcuValidUtf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const int32_t length = static_cast<int32_t>(bytes.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

std::vector<WordSegment> IcuSegments(std::string_view text) {
  static icu::BreakIterator* const words = [] {
    UErrorCode status = U_ZERO_ERROR;
    return icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status);
  }();
  std::vector<WordSegment> out;
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  words->setText(ut, status);
  int32_t start = words->first();
  for (int32_t end = words->next(); end != icu::BreakIterator::DONE; end = words->next()) {
    out.push_back({start, end, Kind(words->getRuleStatus())});
    start = end;
  }
  utext_close(ut);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1 << 16)) return 0;  // the rules are local; long inputs only slow the search
  const std::string_view input(reinterpret_cast<const char*>(data), size);

  const bool valid = pressmine::crawler::IsValidUtf8(input);
  if (valid != IcuValidUtf8(input)) __builtin_trap();

  std::vector<WordSegment> simple;
  if (pressmine::nlp::internal::SimpleWordBreak(input, &simple)) {
    if (!valid) __builtin_trap();  // it accepts only its own character set, all valid UTF-8
    const std::vector<WordSegment> icu = IcuSegments(input);
    if (icu.size() != simple.size()) __builtin_trap();
    for (size_t i = 0; i < icu.size(); ++i) {
      if (icu[i].begin != simple[i].begin || icu[i].end != simple[i].end ||
          icu[i].status != Kind(simple[i].status)) {
        __builtin_trap();
      }
    }
  }

  size_t tags = 0;
  pressmine::crawler::internal::ForEachStartTag(
      input, {"a", "area", "link", "base", "meta"},
      [&](const pressmine::crawler::internal::HtmlTag& tag) {
        if (tag.name.empty()) __builtin_trap();
        (void)tag.Attr("href");
        ++tags;
      });
  (void)pressmine::crawler::internal::DecodeAttributeValue(input);
  (void)tags;
  return 0;
}
