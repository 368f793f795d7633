#include "nlp/sentences.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace pressmine::nlp {
namespace {

using Strings = std::vector<std::string>;

class SentencesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = SentenceSplitter::Create();
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    splitter_ = std::make_unique<SentenceSplitter>(std::move(s).value());
  }

  Strings Split(std::string_view text) {
    auto spans = splitter_->Split(text);
    EXPECT_TRUE(spans.ok()) << spans.status().ToString();
    Strings out;
    if (!spans.ok()) return out;
    for (const auto& s : *spans) out.emplace_back(text.substr(s.begin, s.end - s.begin));
    return out;
  }

  std::unique_ptr<SentenceSplitter> splitter_;
};

struct Case {
  std::string text;
  Strings sentences;
};

TEST_F(SentencesTest, AbbreviationTable) {
  const std::vector<Case> cases = {
      {"Встреча прошла в г. Бишкек. Участники обсудили планы.",
       {"Встреча прошла в г. Бишкек.", "Участники обсудили планы."}},
      {"Программа рассчитана на 2024-2026 гг. Министр поддержал ее. В 2025 г. 15 больниц "
       "откроются.",
       {"Программа рассчитана на 2024-2026 гг.", "Министр поддержал ее.",
        "В 2025 г. 15 больниц откроются."}},
      {"План принят в 2024 г. Министр его одобрил.",
       {"План принят в 2024 г.", "Министр его одобрил."}},
      {"Выделено 15 млн. сомов и 3 тыс. доз вакцины. Закупка завершена.",
       {"Выделено 15 млн. сомов и 3 тыс. доз вакцины.", "Закупка завершена."}},
      {"Выделено 15 млн. Министр доволен.", {"Выделено 15 млн.", "Министр доволен."}},
      {"Помощь оказывается бесплатно, т.е. за счет бюджета. Т.е. Минздрав платит сам.",
       {"Помощь оказывается бесплатно, т.е. за счет бюджета.", "Т.е. Минздрав платит сам."}},
      {"Совещание прошло в КГМА им. И. К. Ахунбаева. Выступил ректор.",
       {"Совещание прошло в КГМА им. И. К. Ахунбаева.", "Выступил ректор."}},
      {"Доклад сделал А. С. Петров. Затем выступила Т.А. Кадыралиева.",
       {"Доклад сделал А. С. Петров.", "Затем выступила Т.А. Кадыралиева."}},
      {"Dr. Japarov met the U.S. Ambassador. They signed Agreement No. 5 today.",
       {"Dr. Japarov met the U.S. Ambassador.", "They signed Agreement No. 5 today."}},
      {"The answer was no. Then they left.", {"The answer was no.", "Then they left."}},
      {"Mr. J. Smith arrived at 5 p.m. yesterday. He spoke.",
       {"Mr. J. Smith arrived at 5 p.m. yesterday.", "He spoke."}},
      {"Вопросы? Да! Конечно.", {"Вопросы?", "Да!", "Конечно."}},
      {"Адрес: ул. Московская, д. 148. Прием с 9:00.",
       {"Адрес: ул. Московская, д. 148.", "Прием с 9:00."}},
  };
  for (const auto& c : cases) EXPECT_EQ(Split(c.text), c.sentences) << c.text;
}

TEST_F(SentencesTest, ParagraphBreakAlwaysEndsASentence) {
  EXPECT_EQ(Split("Данные за 2024 г.\nМинистр сообщил о росте."),
            (Strings{"Данные за 2024 г.", "Министр сообщил о росте."}));
  EXPECT_EQ(Split("Заголовок без точки\n\nТекст новости."),
            (Strings{"Заголовок без точки", "Текст новости."}));
}

TEST_F(SentencesTest, SpansAreTrimmedByteOffsets) {
  const std::string text = "  Первое предложение.   Second one!  ";
  auto spans = splitter_->Split(text);
  ASSERT_TRUE(spans.ok());
  ASSERT_EQ(spans->size(), 2u);
  EXPECT_EQ((*spans)[0].begin, 2u);
  EXPECT_EQ(text.substr((*spans)[1].begin, (*spans)[1].end - (*spans)[1].begin), "Second one!");
  EXPECT_TRUE(splitter_->Split("")->empty());
  EXPECT_TRUE(splitter_->Split(" \n ")->empty());
}

TEST_F(SentencesTest, WithoutTheListsIcuWouldSplitAfterAbbreviations) {
  auto bare = SentenceSplitter::CreateWithAbbreviations({});
  ASSERT_TRUE(bare.ok());
  EXPECT_EQ(bare->Split("Встреча прошла в г. Бишкек.")->size(), 2u);
  // Initials need no list.
  EXPECT_EQ(bare->Split("Доклад сделал А. С. Петров.")->size(), 1u);
}

TEST_F(SentencesTest, CustomListsAndErrors) {
  auto custom = SentenceSplitter::CreateWithAbbreviations({"# test\nзав.\tname\n"});
  ASSERT_TRUE(custom.ok());
  auto spans = custom->Split("Выступил зав. Отделением. Конец.");
  ASSERT_TRUE(spans.ok());
  EXPECT_EQ(spans->size(), 2u);

  auto bad = SentenceSplitter::CreateWithAbbreviations({"г.\tsometimes\n"});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("line 1"), std::string::npos) << bad.status().message();
}

}  // namespace
}  // namespace pressmine::nlp
