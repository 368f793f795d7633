#include "nlp/translit.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace pressmine::nlp {
namespace {

class TranslitTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto k = NameKeyer::Create();
    ASSERT_TRUE(k.ok()) << k.status().ToString();
    keyer_ = std::make_unique<NameKeyer>(std::move(k).value());
  }
  std::unique_ptr<NameKeyer> keyer_;
};

// Each line: spellings of one name, in Cyrillic (any case form) and Latin, that must share a key.
TEST_F(TranslitTest, SpellingsOfOneNameMeet) {
  const std::vector<std::vector<std::string>> groups = {
      {"Кадыралиев", "Kadyraliev", "Kadyraliyev", "Kadiraliev", "КАДЫРАЛИЕВ", "Кадыралиевым",
       "Кадыралиеву", "Кадыралиева", "Kadyralieva"},
      {"Эркинов", "Erkinov", "Эркинова", "Эркиновым"},
      {"Досмамбетов", "Dosmambetov", "Досмамбетовым", "Досмамбетову", "Досмамбетове"},
      {"Жапаров", "Zhaparov", "Japarov", "Dzhaparov", "Djaparov", "Жапарова", "Жапаровым"},
      {"Канайбек", "Kanaybek", "Kanaibek", "Канайбека", "Канайбеку", "Канайбеком", "Канайбеке"},
      {"Бакытбек", "Bakytbek", "Bakitbek", "Бакытбека"},
      {"Токаев", "Tokayev", "Tokaev", "Токаеву", "Токаева", "Тоқаев", "Tokayev's"},
      {"Евгений", "Yevgeny", "Evgeniy", "Evgenii", "Евгения", "Евгением"},
      {"Сергеев", "Sergeyev", "Sergeev", "Сергеевым"},
      {"Хасанов", "Khasanov", "Hasanov"},
      {"Фёдоров", "Федоров", "Fyodorov", "Fedorov"},
      {"Достоевский", "Dostoevsky", "Dostoyevskiy", "Достоевского", "Достоевская", "Dostoevskaya"},
      {"Гульнара", "Gulnara", "Гульнары", "Гульнарой"},
      {"Мария", "Maria", "Mariya", "Марии", "Марией"},
      {"Бишкек", "Bishkek", "Бишкеке"},
  };
  for (const auto& group : groups) {
    const std::string key = keyer_->NameKey(group[0]);
    EXPECT_FALSE(key.empty()) << group[0];
    for (const auto& spelling : group) {
      EXPECT_EQ(keyer_->NameKey(spelling), key) << spelling << " vs " << group[0];
    }
  }
}

TEST_F(TranslitTest, KazakhAndKyrgyzLetters) {
  const std::vector<std::vector<std::string>> groups = {
      {"Өмірбек", "Omirbek", "Ömirbek"},           // ө і
      {"Үсөнбаев", "Usonbaev", "Üsönbayev"},       // ү ө
      {"Жаңыл", "Zhanyl", "Janyl", "Zhangyl"},     // ң
      {"Қасым", "Kasym", "Qasym", "Kassym"},       // қ
      {"Ғалым", "Galym", "Ghalym"},                // ғ
      {"Әлихан", "Alikhan", "Alihan", "Älikhan"},  // ә
      {"Ұлан", "Ulan"},                            // ұ
      {"Һадиса", "Hadisa"},                        // һ
  };
  for (const auto& group : groups) {
    const std::string key = keyer_->NameKey(group[0]);
    EXPECT_FALSE(key.empty()) << group[0];
    for (const auto& spelling : group) {
      EXPECT_EQ(keyer_->NameKey(spelling), key) << spelling << " vs " << group[0];
    }
  }
}

TEST_F(TranslitTest, KeysAreLowercaseAsciiSkeletons) {
  EXPECT_EQ(keyer_->NameKey("Кадыралиев"), "kadiraliev");
  EXPECT_EQ(keyer_->NameKey("Japarov"), "japarov");
  EXPECT_EQ(keyer_->NameKey("Kanaybek"), "kanaibek");
  EXPECT_EQ(keyer_->NameKey("2024"), "");
  EXPECT_EQ(keyer_->NameKey("Ελλάδα"), "");
  EXPECT_EQ(keyer_->NameKey(""), "");
  // Different people stay apart.
  EXPECT_NE(keyer_->NameKey("Жапаров"), keyer_->NameKey("Ташиев"));
  EXPECT_NE(keyer_->NameKey("Erkinov"), keyer_->NameKey("Erkin"));
}

TEST_F(TranslitTest, BaseFormTable) {
  struct Case {
    const char* word;
    const char* base;
  };
  const Case cases[] = {
      {"Досмамбетовым", "Досмамбетов"},
      {"Кадыралиева", "Кадыралиев"},  // genitive masculine or nominative feminine: the same base
      {"Кадыралиевой", "Кадыралиев"},
      {"Бакытбека", "Бакытбек"},
      {"Бакытбеком", "Бакытбек"},
      {"Токаеву", "Токаев"},
      {"Путиным", "Путин"},
      {"Петровых", "Петров"},
      {"Достоевского", "Достоевский"},
      {"Достоевская", "Достоевский"},
      {"Евгением", "Евгени"},
      {"Марией", "Мари"},
      {"Гульнарой", "Гульнар"},
      {"ТОКАЕВУ", "ТОКАЕВ"},
      // Left alone: nominatives, indeclinables, short words, Latin.
      {"Досмамбетов", "Досмамбетов"},
      {"Шойгу", "Шойгу"},
      {"уулу", "уулу"},
      {"Черных", "Черных"},
      {"Шевченко", "Шевченко"},
      {"Ошу", "Ошу"},
      {"Kadyralieva", "Kadyralieva"},
  };
  for (const auto& c : cases) EXPECT_EQ(keyer_->BaseForm(c.word), c.base) << c.word;
}

TEST_F(TranslitTest, CacheDoesNotChangeResults) {
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(keyer_->NameKey("Жапаровым"), "japarov");
    EXPECT_EQ(keyer_->NameKey("Zhaparov"), "japarov");
  }
}

}  // namespace
}  // namespace pressmine::nlp
