#include "nlp/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace pressmine::nlp {
namespace {

class TokenizerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto t = Tokenizer::Create();
    ASSERT_TRUE(t.ok()) << t.status().ToString();
    tokenizer_ = std::make_unique<Tokenizer>(std::move(t).value());
  }

  std::vector<Token> Tok(std::string_view text) {
    auto r = tokenizer_->Tokenize(text);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? std::move(r).value() : std::vector<Token>{};
  }

  std::vector<std::string> Norms(std::string_view text) {
    std::vector<std::string> out;
    for (const Token& t : Tok(text)) out.push_back(t.norm);
    return out;
  }

  std::unique_ptr<Tokenizer> tokenizer_;
};

using Strings = std::vector<std::string>;

TEST_F(TokenizerTest, WordsAreCaseFoldedAndYoIsFolded) {
  EXPECT_EQ(Norms("Министр ЗДРАВООХРАНЕНИЯ отчитался о Ёлке и её учёте"),
            (Strings{"министр", "здравоохранения", "отчитался", "о", "елке", "и", "ее", "учете"}));
  EXPECT_EQ(Norms("The Ministry of HEALTH"), (Strings{"the", "ministry", "of", "health"}));
  // ё written as е + combining diaeresis, and Ё, fold the same way.
  EXPECT_EQ(Norms("Е\u0308лка ЁЛКА"), (Strings{"елка", "елка"}));
}

TEST_F(TokenizerTest, NumbersStayWholeAndNormalize) {
  EXPECT_EQ(Norms("всего 2 643 врача"), (Strings{"всего", "2643", "врача"}));
  EXPECT_EQ(Norms("2\u00A0643 и 2\u202F643 и 1 234 567,5"),
            (Strings{"2643", "и", "2643", "и", "1234567.5"}));
  EXPECT_EQ(Norms("снизилась до 9,2 на 1000"), (Strings{"снизилась", "до", "9.2", "на", "1000"}));
  EXPECT_EQ(Norms("rose by 13.5 percent"), (Strings{"rose", "by", "13.5", "percent"}));
  EXPECT_EQ(Norms("1,234,567 and 1,234.5 and 1.234,5"),
            (Strings{"1234567", "and", "1234.5", "and", "1234.5"}));
  EXPECT_EQ(Norms("12.05.2025"), (Strings{"12.05.2025"}));
  // English thousands meet Russian grouping; a decimal comma does not look like thousands.
  EXPECT_EQ(Norms("2,643 doctors, 0,125 and 1234,5"),
            (Strings{"2643", "doctors", "0.125", "and", "1234.5"}));
  // A four-digit year is not the first group of a grouped number.
  EXPECT_EQ(Norms("в 2024 100 человек"), (Strings{"в", "2024", "100", "человек"}));
  // Two spaces do not join groups.
  EXPECT_EQ(Norms("2  643"), (Strings{"2", "643"}));

  const auto tokens = Tok("всего 2 643 врача");
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[1].kind, TokenKind::kNumber);
  EXPECT_EQ(tokens[1].script, Script::kNone);
  EXPECT_EQ(tokens[0].kind, TokenKind::kWord);
}

TEST_F(TokenizerTest, OffsetsPointIntoTheOriginalText) {
  const std::string text = "«Ёлка» — 2 643, NGS-диагностики.";
  const auto tokens = Tok(text);
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(text.substr(tokens[0].begin, tokens[0].end - tokens[0].begin), "Ёлка");
  EXPECT_EQ(text.substr(tokens[1].begin, tokens[1].end - tokens[1].begin), "2 643");
  EXPECT_EQ(text.substr(tokens[2].begin, tokens[2].end - tokens[2].begin), "NGS");
  EXPECT_EQ(text.substr(tokens[3].begin, tokens[3].end - tokens[3].begin), "диагностики");
  EXPECT_EQ(tokens[0].norm, "елка");
}

TEST_F(TokenizerTest, HyphenatedWordsSplitAndAreFlagged) {
  const auto tokens = Tok("внедрение NGS-диагностики в Кызыл-Кия, 2020-2025 гг.");
  Strings norms;
  for (const auto& t : tokens) norms.push_back(t.norm);
  EXPECT_EQ(norms, (Strings{"внедрение", "ngs", "диагностики", "в", "кызыл", "кия", "2020", "2025",
                            "гг"}));
  EXPECT_FALSE(tokens[1].hyphen_joined);
  EXPECT_TRUE(tokens[2].hyphen_joined);
  EXPECT_TRUE(tokens[5].hyphen_joined);
  EXPECT_TRUE(tokens[7].hyphen_joined);
  EXPECT_FALSE(tokens[8].hyphen_joined);
}

TEST_F(TokenizerTest, ScriptsAndCaseFlags) {
  const auto tokens = Tok("Минздрав and WHO обсудили Қасым-Жомарт Ελλάδα 42 iPhone");
  ASSERT_EQ(tokens.size(), 9u);
  EXPECT_EQ(tokens[0].script, Script::kCyrillic);
  EXPECT_TRUE(tokens[0].capitalized);
  EXPECT_FALSE(tokens[0].all_caps);
  EXPECT_EQ(tokens[1].script, Script::kLatin);
  EXPECT_FALSE(tokens[1].capitalized);
  EXPECT_TRUE(tokens[2].all_caps);
  EXPECT_TRUE(tokens[2].capitalized);
  EXPECT_EQ(tokens[4].script, Script::kCyrillic);  // Kazakh letters are Cyrillic
  EXPECT_EQ(tokens[4].norm, "қасым");
  EXPECT_TRUE(tokens[4].capitalized);
  EXPECT_EQ(tokens[6].script, Script::kOther);
  EXPECT_EQ(tokens[6].norm, "ελλάδα");  // case folding keeps accents
  EXPECT_EQ(tokens[7].kind, TokenKind::kNumber);
  EXPECT_EQ(tokens[8].script, Script::kLatin);
  EXPECT_FALSE(tokens[8].capitalized);
}

TEST_F(TokenizerTest, LookAlikeLettersAreUnifiedIntoTheMajorityScript) {
  // "Гepмaния" with Latin e, p, a; "Covid" with a Cyrillic С.
  const auto tokens = Tok("Гepмaния \u0421ovid");
  ASSERT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens[0].norm, "германия");
  EXPECT_EQ(tokens[0].script, Script::kCyrillic);
  EXPECT_EQ(tokens[1].norm, "covid");
  EXPECT_EQ(tokens[1].script, Script::kLatin);
  // Genuinely mixed words stay mixed.
  const auto mixed = Tok("Wордс");
  ASSERT_EQ(mixed.size(), 1u);
  EXPECT_EQ(mixed[0].script, Script::kMixed);
}

TEST_F(TokenizerTest, ApostrophesAndAbbreviations) {
  EXPECT_EQ(Norms("Tokayev’s visit, don't"), (Strings{"tokayev's", "visit", "don't"}));
  EXPECT_EQ(Norms("т.е. U.S. policy"), (Strings{"т.е", "u.s", "policy"}));
}

TEST_F(TokenizerTest, NfkcFoldsCompatibilityForms) {
  // Fullwidth letters and digits, the ﬁ ligature, a soft hyphen inside a word.
  EXPECT_EQ(Norms("ＷＨＯ １２３ ﬁnance здраво\u00ADохранение"),
            (Strings{"who", "123", "finance", "здравоохранение"}));
}

TEST_F(TokenizerTest, InvalidUtf8AndEdgeCases) {
  EXPECT_TRUE(Tok("").empty());
  EXPECT_TRUE(Tok("  ,.;— «»").empty());
  const std::string bad = "врач\xFF\xFE доктор";
  const auto tokens = Tok(bad);
  ASSERT_GE(tokens.size(), 2u);
  EXPECT_EQ(tokens.front().norm, "врач");
  EXPECT_EQ(tokens.back().norm, "доктор");
  for (const auto& t : tokens) {
    EXPECT_LE(t.end, bad.size());
    EXPECT_LT(t.begin, t.end);
  }
}

TEST_F(TokenizerTest, SinkCanStopEarly) {
  int seen = 0;
  Status st = tokenizer_->ForEachToken("один два три четыре", [&](const TokenView&) {
    ++seen;
    return seen < 2;
  });
  EXPECT_TRUE(st.ok());
  EXPECT_EQ(seen, 2);
}

TEST_F(TokenizerTest, TokenizerIsReusable) {
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(Norms("Первый текст"), (Strings{"первый", "текст"}));
    EXPECT_EQ(Norms("second text"), (Strings{"second", "text"}));
  }
  EXPECT_EQ(tokenizer_->NormalizeWord("Кадыралиевым"), "кадыралиевым");
}

}  // namespace
}  // namespace pressmine::nlp
