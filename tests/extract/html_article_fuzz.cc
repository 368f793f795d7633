// libFuzzer target: any bytes as a page must give an Article or a Status, never a crash, a
// hang or a sanitizer report. Also runs the date finder on the same bytes as text. Built only
// with -DPRESSMINE_FUZZ=ON and clang. Seeds: the odd inputs in tests/extract/fuzz_corpus/ plus
// the real-template pages of the evaluation set, read in place (libFuzzer takes several corpus
// directories; the first one receives new inputs).
//
//   CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DPRESSMINE_FUZZ=ON
//   ninja -C build-fuzz html_article_fuzz
//   build-fuzz/tests/extract/html_article_fuzz -max_total_time=300 /tmp/corpus
//   tests/extract/fuzz_corpus corpora/extract-eval/pages
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extract/article.h"
#include "nlp/dates.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  pressmine::extract::HtmlOptions options;
  // The URL is fuzzed too: the first line, when the input has one.
  if (const size_t nl = input.find('\n'); nl != std::string_view::npos && nl < 200) {
    options.url = std::string(input.substr(0, nl));
  }
  auto article = pressmine::extract::ExtractFromHtml(input, options);
  if (article.ok()) {
    // Every reported date is a valid calendar date.
    for (const std::string* iso : {&article->published, &article->modified}) {
      if (iso->empty()) continue;
      auto d = pressmine::nlp::ParseDateValue(*iso);
      if (!d || d->ToIso() != *iso) __builtin_trap();
    }
  }
  for (const auto& m : pressmine::nlp::FindDates(input)) {
    if (m.begin >= m.end || m.end > input.size()) __builtin_trap();
  }
  auto plain = pressmine::extract::ExtractFromPlainText(input);
  (void)plain;
  return 0;
}
