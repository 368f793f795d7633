// Official facts: both grammars, nominative names from oblique cases, keys across languages.
#include <gtest/gtest.h>

#include "tests/extract/facts_test_util.h"

namespace pressmine::extract {
namespace {

using testing::Extractor;
using testing::OfType;
using testing::Sentence;

struct OfficialCase {
  const char* text;
  const char* name;
  const char* position;
  const char* org;
};

class OfficialFormsTest : public ::testing::TestWithParam<OfficialCase> {};

TEST_P(OfficialFormsTest, NamePositionOrg) {
  const OfficialCase& c = GetParam();
  const auto officials = OfType(Sentence(c.text), FactType::kOfficial);
  ASSERT_EQ(officials.size(), 1u) << c.text;
  EXPECT_EQ(officials[0].official.name, c.name) << c.text;
  EXPECT_EQ(officials[0].official.position, c.position) << c.text;
  EXPECT_EQ(officials[0].official.org, c.org) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Forms, OfficialFormsTest,
    ::testing::Values(
        OfficialCase{"Заседание провёл министр здравоохранения Канайбек Досмамбетов.",
                     "Канайбек Досмамбетов", "minister", "Ministry of Health"},
        OfficialCase{"Встреча прошла под руководством министра Канайбека Досмамбетова.",
                     "Канайбек Досмамбетов", "minister", ""},
        OfficialCase{"Доклад был заслушан министром Досмамбетовым.", "Досмамбетов", "minister", ""},
        OfficialCase{"Заместитель министра Айгуль Токтогулова отметила рост обращений.",
                     "Айгуль Токтогулова", "deputy minister", ""},
        OfficialCase{"Заседание провели Арзыбек Кожошев, первый заместитель Председателя Кабинета "
                     "Министров, и "
                     "другие.",
                     "Арзыбек Кожошев", "first deputy chairman of the cabinet of ministers",
                     "Cabinet of Ministers"},
        OfficialCase{"Главный врач больницы Эрлан Сатыбалдиев рассказал о работе отделения.",
                     "Эрлан Сатыбалдиев", "chief physician", ""},
        OfficialCase{"The board meeting was chaired by Minister Kanaybek Dosmambetov.",
                     "Kanaybek Dosmambetov", "minister", ""},
        OfficialCase{"Alexei Overchuk, Deputy Prime Minister of the Russian Federation, took part.",
                     "Alexei Overchuk", "deputy prime minister", "Russian Federation"},
        OfficialCase{"Deputy Minister of Health Temirbek Erkinov met the delegation.",
                     "Temirbek Erkinov", "deputy minister", "Ministry of Health"},
        OfficialCase{"Director of the Republican Center for Immunoprophylaxis Marat Omarov "
                     "presented the report.",
                     "Marat Omarov", "director", "Republican Center"}));

TEST(OfficialFacts, CoordinatedNamesShareThePosition) {
  const auto officials = OfType(Sentence("Мероприятие прошло под председательством заместителей "
                                         "министра Бакытбека Кадыралиева и Темирбека "
                                         "Эркинова."),
                                FactType::kOfficial);
  ASSERT_EQ(officials.size(), 2u);
  EXPECT_EQ(officials[0].official.name, "Бакытбек Кадыралиев");
  EXPECT_EQ(officials[1].official.name, "Темирбек Эркинов");
  for (const Fact& f : officials) EXPECT_EQ(f.official.position, "deputy minister");
}

TEST(OfficialFacts, RussianAndEnglishMentionsShareAKey) {
  const struct {
    const char* ru;
    const char* en;
  } kPairs[] = {
      {"министром Досмамбетовым", "Minister Kanaybek Dosmambetov"},
      {"заместителя министра Бакытбека Кадыралиева", "Deputy Minister Bakytbek Kadyraliev"},
      {"Арзыбек Кожошев, первый заместитель Председателя Кабинета Министров",
       "Arzybek Kozhoshev, First Deputy Chairman of the Cabinet of Ministers"}};
  for (const auto& p : kPairs) {
    const auto ru = OfType(Sentence(p.ru), FactType::kOfficial);
    const auto en = OfType(Sentence(p.en), FactType::kOfficial);
    ASSERT_EQ(ru.size(), 1u) << p.ru;
    ASSERT_EQ(en.size(), 1u) << p.en;
    EXPECT_FALSE(ru[0].official.key.empty());
    EXPECT_EQ(ru[0].official.key, en[0].official.key) << p.ru << " / " << p.en;
  }
  EXPECT_EQ(Extractor().OfficialKey("Kanaybek Dosmambetov"),
            Extractor().OfficialKey("Канайбек Досмамбетов"));
  EXPECT_NE(Extractor().OfficialKey("Kadyraliev"), Extractor().OfficialKey("Erkinov"));
}

TEST(OfficialFacts, NoPositionNoOfficial) {
  for (const char* text :
       {"Бакытбек Кадыралиев заявил о готовности к сотрудничеству.",
        "Министерство здравоохранения Кыргызстана провело встречу.",
        "The minister emphasized the importance of prevention.",
        "The Ministry of Health of the Kyrgyz Republic agreed to continue the cooperation."}) {
    EXPECT_TRUE(OfType(Sentence(text), FactType::kOfficial).empty()) << text;
  }
}

}  // namespace
}  // namespace pressmine::extract
