#include "nlp/stemmer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "nlp/tokenizer.h"

namespace pressmine::nlp {
namespace {

class StemmerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = ScriptStemmer::Create();
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    stemmer_ = std::make_unique<ScriptStemmer>(std::move(s).value());
    auto t = Tokenizer::Create();
    ASSERT_TRUE(t.ok());
    tokenizer_ = std::make_unique<Tokenizer>(std::move(t).value());
  }

  // Stems of every token of `text`.
  std::vector<std::string> Stems(std::string_view text) {
    std::vector<std::string> out;
    std::string stem;
    EXPECT_TRUE(tokenizer_
                    ->ForEachToken(text,
                                   [&](const TokenView& t) {
                                     stemmer_->Stem(t, &stem);
                                     out.push_back(stem);
                                     return true;
                                   })
                    .ok());
    return out;
  }

  std::string StemWord(std::string_view word) {
    auto stems = Stems(word);
    EXPECT_EQ(stems.size(), 1u) << word;
    return stems.empty() ? "" : stems[0];
  }

  std::unique_ptr<ScriptStemmer> stemmer_;
  std::unique_ptr<Tokenizer> tokenizer_;
};

// Each group of inflected forms must meet at one stem.
TEST_F(StemmerTest, ReferenceListsMeet) {
  const std::vector<std::vector<std::string>> groups = {
      {"врач", "врача", "врачи", "врачей", "врачам", "врачами", "врачах"},
      {"больница", "больницы", "больнице", "больницу", "больниц", "больницах"},
      {"министерство", "министерства", "министерству", "министерством"},
      {"смертность", "смертности"},
      {"вакцинация", "вакцинации", "вакцинацию"},
      {"здравоохранение", "здравоохранения", "здравоохранению"},
      {"Ёлка", "елки", "ёлке"},
      // Nouns in -ит, whose nominative Snowball alone would cut to "дефиц", "гепат".
      {"дефицит", "дефицита", "дефициту", "дефицитом", "дефиците", "дефициты", "дефицитов"},
      {"гепатит", "гепатита", "гепатитом", "гепатиты", "гепатитов"},
      {"паротит", "паротита"},
      {"кредит", "кредиты", "кредитов"},
      {"doctor", "doctors", "Doctor's"},
      {"hospital", "hospitals"},
      {"vaccination", "vaccinations"},
      {"mortality", "mortalities"},
      {"ministry", "ministries"},
  };
  for (const auto& group : groups) {
    const std::string first = StemWord(group[0]);
    for (const auto& word : group) EXPECT_EQ(StemWord(word), first) << word << " vs " << group[0];
  }
}

TEST_F(StemmerTest, LanguageIsChosenPerTokenByScript) {
  // A Russian sentence with an English term, and the reverse.
  EXPECT_EQ(Stems("внедрение NGS-диагностики and screenings врачей"),
            (std::vector<std::string>{"внедрен", "ngs", "диагностик", "and", "screen", "врач"}));
  // Numbers and other scripts are their own stems.
  EXPECT_EQ(stemmer_->Stem("9.2", Script::kNone), "9.2");
  EXPECT_EQ(stemmer_->Stem("ελλάδα", Script::kOther), "ελλάδα");
}

TEST_F(StemmerTest, VerbsInItStillLoseTheEnding) {
  EXPECT_EQ(StemWord("говорит"), StemWord("говорить"));
}

TEST_F(StemmerTest, ResultIsCopiedBeforeTheNextCall) {
  const std::string a = stemmer_->Stem("врачей", Script::kCyrillic);
  const std::string b = stemmer_->Stem("hospitals", Script::kLatin);
  const std::string c = stemmer_->Stem("больницах", Script::kCyrillic);
  EXPECT_EQ(a, "врач");
  EXPECT_EQ(b, "hospit");
  EXPECT_EQ(c, "больниц");
}

TEST_F(StemmerTest, UnknownAlgorithmIsAnError) {
  auto s = Stemmer::Create("klingon");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), Status::Code::kInvalidArgument);
}

TEST_F(StemmerTest, OverlongWordsAreLeftAlone) {
  const std::string long_word(Stemmer::kMaxWordBytes + 10, 'a');
  EXPECT_EQ(stemmer_->Stem(long_word, Script::kLatin), long_word);
}

}  // namespace
}  // namespace pressmine::nlp
