// Program and commitment facts.
#include <gtest/gtest.h>

#include "tests/extract/facts_test_util.h"

namespace pressmine::extract {
namespace {

using testing::OfType;
using testing::Sentence;

TEST(ProgramFacts, NamedProgramsShareKeysAcrossLanguages) {
  const struct {
    const char* ru;
    const char* en;
    const char* key;
    const char* kind;
  } kPairs[] = {
      {"Для молодых специалистов введены сертификаты экономической мобильности.",
       "Young specialists receive economic mobility certificates.",
       "economic_mobility_certificates", "certificate"},
      {"Выпускники получают подъемные пособия.", "Graduates receive relocation allowances.",
       "relocation_allowance", "allowance"},
      {"Продолжается государственная программа развития здравоохранения на 2019–2030 годы.",
       "The state program for the development of healthcare for 2019-2030 remains in force.",
       "healthcare_development_program", "state_program"},
      {"Пересмотрена программа лечения онкологических заболеваний.",
       "The cancer treatment program was revised.", "cancer_treatment_program", "state_program"},
      {"Врачи участвуют в программах стажировок.", "Doctors take part in internship programs.",
       "internship_programs", "internship"}};
  for (const auto& p : kPairs) {
    for (const char* text : {p.ru, p.en}) {
      const auto programs = OfType(Sentence(text), FactType::kProgram);
      ASSERT_EQ(programs.size(), 1u) << text;
      EXPECT_EQ(programs[0].program.key, p.key) << text;
      EXPECT_EQ(programs[0].program.kind, p.kind) << text;
    }
  }
}

TEST(ProgramFacts, PeriodBudgetAndQuotedNames) {
  const auto dev = OfType(
      Sentence("Реализуется государственная программа развития здравоохранения на 2019–2030 годы."),
      FactType::kProgram);
  ASSERT_EQ(dev.size(), 1u);
  EXPECT_EQ(dev[0].program.period, "2019/2030");

  const auto quoted =
      OfType(Sentence("В рамках программы «Ден соолук» в школах прошли уроки здоровья."),
             FactType::kProgram);
  ASSERT_EQ(quoted.size(), 1u);
  EXPECT_EQ(quoted[0].program.name, "программы «Ден соолук»");
  EXPECT_EQ(quoted[0].program.kind, "program");

  const auto budget = OfType(
      Sentence("The hemodialysis program received 640 million soms in 2025."), FactType::kProgram);
  ASSERT_EQ(budget.size(), 1u);
  EXPECT_EQ(budget[0].program.budget, "640000000 KGS");
}

// Words the figure grammar reads as time or place nouns or ratio words are ordinary name words.
TEST(ProgramFacts, NamesKeepFigureMarkerWords) {
  const struct {
    const char* text;
    const char* name;
  } kCases[] = {
      {"Больницы отремонтированы в рамках проекта модернизации сельского здравоохранения.",
       "проекта модернизации сельского здравоохранения"},
      {"Врачи приехали в рамках проекта поддержки медицины районов.",
       "проекта поддержки медицины районов"},
      {"Врачи приехали в рамках проекта поддержки медицины области.",
       "проекта поддержки медицины области"},
  };
  for (const auto& c : kCases) {
    const auto programs = OfType(Sentence(c.text), FactType::kProgram);
    ASSERT_EQ(programs.size(), 1u) << c.text;
    EXPECT_EQ(programs[0].program.name, c.name) << c.text;
  }
}

TEST(ProgramFacts, BareHeadsAreNotPrograms) {
  for (const char* text : {"Программа составит основу работы.", "This project was opposed."}) {
    EXPECT_TRUE(OfType(Sentence(text), FactType::kProgram).empty()) << text;
  }
}

struct CommitmentCase {
  const char* text;
  const char* modality;
  const char* target;
  const char* action_starts;
};

class CommitmentFormsTest : public ::testing::TestWithParam<CommitmentCase> {};

TEST_P(CommitmentFormsTest, ModalityTargetAction) {
  const CommitmentCase& c = GetParam();
  const auto commitments = OfType(Sentence(c.text), FactType::kCommitment);
  ASSERT_EQ(commitments.size(), 1u) << c.text;
  const CommitmentValue& v = commitments[0].commitment;
  EXPECT_EQ(v.modality, c.modality) << c.text;
  EXPECT_EQ(v.target, c.target) << c.text;
  EXPECT_EQ(v.action.rfind(c.action_starts, 0), 0u) << v.action;
}

INSTANTIATE_TEST_SUITE_P(
    Forms, CommitmentFormsTest,
    ::testing::Values(
        CommitmentCase{
            "В 2026 году планируется обеспечить жильём врачей остродефицитных специальностей.",
            "plan", "2026", "планируется обеспечить жильём"},
        CommitmentCase{"Министр поручил в кратчайшие сроки разработать комплекс мер.",
                       "instruction", "", "поручил"},
        CommitmentCase{"Встречи подобного формата станут регулярными.", "promise", "",
                       "станут регулярными"},
        CommitmentCase{"Эти меры направлены на стабилизацию кадрового состава.", "goal", "",
                       "направлены на"},
        CommitmentCase{"He instructed to develop a comprehensive set of necessary measures as soon "
                       "as possible.",
                       "instruction", "", "instructed to develop a comprehensive set"},
        CommitmentCase{"Such meetings will be held on a regular basis.", "promise", "",
                       "will be held"},
        CommitmentCase{"Additionally, plans for 2026 include a new state laboratory service.",
                       "plan", "2026", "plans for 2026"},
        CommitmentCase{"By 2030, the government aims to cut maternal mortality by half.", "goal",
                       "2030", "aims to cut"}));

TEST(CommitmentFacts, ActorIsTheOfficialOrTheOrganization) {
  const auto official =
      OfType(Sentence("Премьер-министр Данияр Кенжебаев поручил Минздраву подготовить план."),
             FactType::kCommitment);
  ASSERT_EQ(official.size(), 1u);
  EXPECT_EQ(official[0].commitment.actor, "Данияр Кенжебаев");
  const auto org = OfType(
      Sentence("The Ministry of Health plans to establish platforms for knowledge exchange."),
      FactType::kCommitment);
  ASSERT_EQ(org.size(), 1u);
  EXPECT_EQ(org[0].commitment.actor, "Ministry of Health");
}

TEST(CommitmentFacts, ActorCarriesOverFromAnEarlierSentence) {
  FactOptions options;
  options.published = "2026-01-28";
  auto facts = testing::Extractor().Extract(
      "The meeting was chaired by Minister Kanaybek Dosmambetov.\n\nDosmambetov instructed to "
      "develop measures.",
      options);
  ASSERT_TRUE(facts.ok());
  const auto commitments = OfType(*facts, FactType::kCommitment);
  ASSERT_EQ(commitments.size(), 1u);
  EXPECT_EQ(commitments[0].commitment.actor, "Kanaybek Dosmambetov");
  EXPECT_EQ(commitments[0].sentence, 1);
}

TEST(CommitmentFacts, StatementsOfFactAreNotCommitments) {
  for (const char* text : {"Участники обсудили вопросы развития первичной помощи.",
                           "The minister called the increase a serious signal."}) {
    EXPECT_TRUE(OfType(Sentence(text), FactType::kCommitment).empty()) << text;
  }
}

}  // namespace
}  // namespace pressmine::extract

namespace pressmine::extract {
namespace {

TEST(CommitmentFacts, PronounStandsForTheLastOfficial) {
  FactOptions options;
  options.published = "2026-01-28";
  auto facts = testing::Extractor().Extract(
      "Заседание провёл министр здравоохранения Канайбек Досмамбетов.\n\nОн поручил усилить работу "
      "с кадрами.",
      options);
  ASSERT_TRUE(facts.ok());
  const auto commitments = testing::OfType(*facts, FactType::kCommitment);
  ASSERT_EQ(commitments.size(), 1u);
  EXPECT_EQ(commitments[0].commitment.actor, "Канайбек Досмамбетов");
  EXPECT_FALSE(commitments[0].commitment.actor_key.empty());
}

}  // namespace
}  // namespace pressmine::extract

namespace pressmine::extract {
namespace {

TEST(ProgramFacts, GenericProgramsMeetAcrossLanguagesThroughTheLexicon) {
  const struct {
    const char* ru;
    const char* en;
  } kPairs[] = {{"На программу гемодиализа выделено 640 млн сомов.",
                 "The hemodialysis program received funds."},
                {"Программа вакцинации охватила все регионы.",
                 "The vaccination program covered all regions."},
                {"В рамках программы «Ден соолук» прошли уроки.",
                 "The \"Den Sooluk\" program covered schools."}};
  for (const auto& p : kPairs) {
    const auto ru = testing::OfType(testing::Sentence(p.ru), FactType::kProgram);
    const auto en = testing::OfType(testing::Sentence(p.en), FactType::kProgram);
    ASSERT_EQ(ru.size(), 1u) << p.ru;
    ASSERT_EQ(en.size(), 1u) << p.en;
    EXPECT_EQ(ru[0].program.key, en[0].program.key) << p.ru << " / " << p.en;
  }
  // Different programs keep different keys.
  const auto a = testing::OfType(testing::Sentence("The hemodialysis program received funds."),
                                 FactType::kProgram);
  const auto b = testing::OfType(testing::Sentence("The vaccination program received funds."),
                                 FactType::kProgram);
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_NE(a[0].program.key, b[0].program.key);
}

}  // namespace
}  // namespace pressmine::extract
