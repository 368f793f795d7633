#include "nlp/language_detect.h"

#include <gtest/gtest.h>

namespace pressmine::nlp {
namespace {

TEST(LanguageDetectTest, RussianAndEnglishBodies) {
  EXPECT_EQ(DetectLanguage("Министерство здравоохранения провело совещание с врачами регионов."),
            Language::kRussian);
  EXPECT_EQ(DetectLanguage("The Ministry of Health held a meeting with regional doctors."),
            Language::kEnglish);
}

TEST(LanguageDetectTest, LatinAbbreviationsInRussianTextDoNotFlipIt) {
  EXPECT_EQ(DetectLanguage("Внедрение NGS-диагностики и бронхоскопии обсудили на встрече в МЗ КР."),
            Language::kRussian);
}

TEST(LanguageDetectTest, KazakhLettersDominatingMeanOther) {
  EXPECT_EQ(DetectLanguage("Қазақстан Республикасы Денсаулық сақтау министрлігі хабарлайды, "
                           "медициналық қызметкерлерге қолдау көрсетіледі."),
            Language::kOther);
  // One Kazakh honorary title quoted inside a Russian paragraph keeps it Russian.
  EXPECT_EQ(DetectLanguage("Для повышения престижа профессии ежегодно присваивается звание "
                           "«Еңбек сіңірген дәрігер» с единовременной выплатой, а также "
                           "стимулируются победители республиканских конкурсов и олимпиад."),
            Language::kRussian);
}

TEST(LanguageDetectTest, ShortTextFallsBackToTheHint) {
  EXPECT_EQ(DetectLanguage("NGS", Language::kRussian), Language::kRussian);
  EXPECT_EQ(DetectLanguage("12.05.2025"), Language::kUnknown);
}

}  // namespace
}  // namespace pressmine::nlp
