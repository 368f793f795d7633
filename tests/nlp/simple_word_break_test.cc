// The ICU-free word segmentation must agree with ICU's root word break iterator exactly, on
// every text it accepts: checked on hand-picked cases and on random texts over its whole
// character set, weighted towards the rules' contexts (letters and digits around . , : ; ' _).
#include "nlp/internal/simple_word_break.h"

#include <gtest/gtest.h>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <random>
#include <string>
#include <vector>

namespace pressmine::nlp::internal {
namespace {

// ICU's statuses folded to the three kinds the tokenizer uses.
int32_t Kind(int32_t status) { return status < 100 ? 0 : status < 200 ? 100 : 200; }

std::vector<WordSegment> Icu(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  it->setText(ut, status);
  std::vector<WordSegment> out;
  int32_t start = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; end = it->next()) {
    out.push_back({start, end, Kind(it->getRuleStatus())});
    start = end;
  }
  utext_close(ut);
  return out;
}

std::string Describe(const std::vector<WordSegment>& segs, const std::string& text) {
  std::string out;
  for (const WordSegment& s : segs) {
    out += "[" + text.substr(s.begin, s.end - s.begin) + "]" + std::to_string(Kind(s.status)) + " ";
  }
  return out;
}

void ExpectSameAsIcu(const std::string& text) {
  std::vector<WordSegment> simple;
  ASSERT_TRUE(SimpleWordBreak(text, &simple)) << text;
  for (WordSegment& s : simple) s.status = Kind(s.status);
  const std::vector<WordSegment> icu = Icu(text);
  ASSERT_EQ(Describe(simple, text), Describe(icu, text)) << "text: \"" << text << "\"";
}

TEST(SimpleWordBreakTest, AgreesWithIcuOnTheRulesCases) {
  // clang-format off
  for (const char* text :
       {"Минздрав провел встречу.", "don't O'Neil", "U.S. т.е. e.g", "a:b 1:2", "2 643 1,234.5 9,2",
        "12.05.2025", "H1N1 COVID-19 2024года", "a_b _ __ 1_ _1 a1.2 1.a", "x\r\ny\n\nz",
        "«Ташматов» — министр – 12…", "NGS-диагностики", "it’s ‘q’ „x“", "Қазақстан № 5, 20°",
        "2\xC2\xA0" "643 1\xE2\x80\xAF" "000",
        "a\xE2\x80\x89 b", "", " ", "...", "a.", ".a", "1.", ".1", "a'", "'a", "a''b", "1,,2"}) {
    // clang-format on
    ExpectSameAsIcu(text);
  }
}

TEST(SimpleWordBreakTest, AgreesWithIcuOnRandomTexts) {
  // clang-format off
  const std::vector<std::string> alphabet = {
      "a", "Z", "q", "д", "Ё", "ё", "Я", "0", "7", ".", ",", ":", ";", "'", "_", " ", " ", "\n",
      "\r", "\t", "-", "!", "(", "\"", "/", "«", "»", "—", "–", "“", "”", "„", "…", "’", "‘",
      "\xC2\xA0", "\xE2\x80\x89", "\xE2\x80\xAF", "Қ", "ө", "ү", "і", "Ђ", "ћ", "№", "°", "×",
      "#", "$", "%", "&", "*", "+", "<", "=", ">", "?", "[", "\\", "]", "^", "`", "{", "|", "}",
      "~", ")"};
  // clang-format on
  std::mt19937 rng(20261125);
  for (int n = 0; n < 20000; ++n) {
    std::string text;
    const int length = 1 + static_cast<int>(rng() % 12);
    for (int i = 0; i < length; ++i) text += alphabet[rng() % alphabet.size()];
    ExpectSameAsIcu(text);
    if (HasFatalFailure()) return;
  }
}

// "@" is declined: ICU joins it with the letters around it ("a@b", "@graph"), beyond UAX #29
// (found by tests/crawler/fast_paths_fuzz.cc).
TEST(SimpleWordBreakTest, DeclinesOtherCharacters) {
  std::vector<WordSegment> out;
  for (const char* text :
       {"café", "ü", "a\vb", "€", "日本", "Ω", "ѣ", "a\xD2\x83", "press@med.kg", "@graph"}) {
    EXPECT_FALSE(SimpleWordBreak(text, &out)) << text;
  }
  EXPECT_TRUE(out.empty());
}

}  // namespace
}  // namespace pressmine::nlp::internal
