// The facts issue #6 names on the real example releases in /work/shared/seeds (read at run time,
// never copied into the repository; skipped when absent).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "extract/article.h"
#include "tests/extract/facts_test_util.h"

namespace pressmine::extract {
namespace {

using testing::OfType;

struct Seed {
  Article article;
  std::vector<Fact> facts;
};

// The seed whose file name starts with `prefix`, extracted as the pipeline would.
std::optional<Seed> LoadSeed(const std::string& prefix,
                             std::string_view published_if_missing = "") {
  const std::filesystem::path dir =
      std::filesystem::path(PRESSMINE_SOURCE_DIR) / ".." / "shared" / "seeds";
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return std::nullopt;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().filename().string().rfind(prefix, 0) != 0) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    auto article = ExtractFromPlainText(ss.str());
    if (!article.ok()) return std::nullopt;
    Seed seed{std::move(article).value(), {}};
    FactOptions options;
    options.published =
        seed.article.published.empty() ? std::string(published_if_missing) : seed.article.published;
    auto facts = testing::Extractor().Extract(seed.article.Text(), options);
    EXPECT_TRUE(facts.ok()) << facts.status().ToString();
    if (facts.ok()) seed.facts = std::move(facts).value();
    return seed;
  }
  return std::nullopt;
}

#define PM_LOAD_SEED_OR_SKIP(var, ...)                   \
  auto var##_opt = LoadSeed(__VA_ARGS__);                \
  if (!var##_opt) GTEST_SKIP() << "seeds not available"; \
  const Seed& var = *var##_opt

const Fact* FindOfficial(const std::vector<Fact>& facts, std::string_view name) {
  for (const Fact& f : facts)
    if (f.type == FactType::kOfficial && f.official.name == name) return &f;
  return nullptr;
}

const Fact* FindFigure(const std::vector<Fact>& facts, double value, std::string_view unit) {
  for (const Fact& f : facts)
    if (f.type == FactType::kFigure && f.figure.value == value && f.figure.unit == unit) return &f;
  return nullptr;
}

TEST(FactsSeeds, Seed000And001DeputyMinistersShareKeys) {
  PM_LOAD_SEED_OR_SKIP(ru, "000_");
  PM_LOAD_SEED_OR_SKIP(en, "001_");
  const struct {
    const char* ru;
    const char* en;
  } kPeople[] = {{"Бакытбек Кадыралиев", "Bakytbek Kadyraliev"},
                 {"Темирбек Эркинов", "Temirbek Erkinov"}};
  for (const auto& p : kPeople) {
    const Fact* r = FindOfficial(ru.facts, p.ru);
    const Fact* e = FindOfficial(en.facts, p.en);
    ASSERT_NE(r, nullptr) << p.ru;
    ASSERT_NE(e, nullptr) << p.en;
    EXPECT_EQ(r->official.position, "deputy minister");
    EXPECT_EQ(e->official.position, "deputy minister");
    EXPECT_EQ(r->official.key, e->official.key);
  }
  EXPECT_GT(SameStoryScore(ru.facts, ru.article.published, en.facts, en.article.published), 0.5);
}

TEST(FactsSeeds, Seed002FiguresPeriodAndCommitment) {
  PM_LOAD_SEED_OR_SKIP(seed, "002_");
  const Fact* loan = FindFigure(seed.facts, 9200000, "KZT");
  ASSERT_NE(loan, nullptr);
  EXPECT_EQ(loan->figure.indicator, "housing_loan");
  const Fact* workers = FindFigure(seed.facts, 2643, "people");
  ASSERT_NE(workers, nullptr);
  EXPECT_EQ(workers->figure.period, "2022/2024");
  bool period = false;
  for (const Fact& f : OfType(seed.facts, FactType::kDate)) period |= f.date.Iso() == "2022/2024";
  EXPECT_TRUE(period);
  bool housing = false;
  for (const Fact& f : OfType(seed.facts, FactType::kCommitment)) {
    if (f.commitment.modality == "plan" && f.commitment.target == "2026" &&
        f.commitment.action.find("обеспечить жиль") != std::string::npos) {
      housing = true;
    }
  }
  EXPECT_TRUE(housing);
}

TEST(FactsSeeds, Seed003LeadersWithPositions) {
  PM_LOAD_SEED_OR_SKIP(seed, "003_");
  const Fact* kozhoshev = FindOfficial(seed.facts, "Arzybek Kozhoshev");
  ASSERT_NE(kozhoshev, nullptr);
  EXPECT_EQ(kozhoshev->official.position, "first deputy chairman of the cabinet of ministers");
  const Fact* overchuk = FindOfficial(seed.facts, "Alexei Overchuk");
  ASSERT_NE(overchuk, nullptr);
  EXPECT_EQ(overchuk->official.position, "deputy prime minister");
  EXPECT_EQ(overchuk->official.org, "Russian Federation");
}

TEST(FactsSeeds, Seed004MinisterMortalityAndInstruction) {
  PM_LOAD_SEED_OR_SKIP(seed, "004_", "2026-01-28");
  const Fact* minister = FindOfficial(seed.facts, "Kanaybek Dosmambetov");
  ASSERT_NE(minister, nullptr);
  EXPECT_EQ(minister->official.position, "minister");

  const Fact* infant = FindFigure(seed.facts, 13.5, "per_1000_live_births");
  ASSERT_NE(infant, nullptr);
  EXPECT_EQ(infant->figure.indicator, "infant_mortality");
  ASSERT_TRUE(infant->figure.change.has_value());
  EXPECT_EQ(infant->figure.change->direction, "decrease");
  EXPECT_DOUBLE_EQ(infant->figure.change->value, 4.2);

  // Shares of the causes of infant mortality are not the infant mortality rate.
  const Fact* perinatal = FindFigure(seed.facts, 65.7, "percent");
  ASSERT_NE(perinatal, nullptr);
  EXPECT_EQ(perinatal->figure.indicator, "perinatal_diseases");
  // "a 28.1% increase in infectious and parasitic diseases": a change of them, no level.
  bool infectious = false;
  for (const Fact& f : OfType(seed.facts, FactType::kFigure)) {
    if (!f.figure.change || f.figure.change->value != 28.1) continue;
    infectious = true;
    EXPECT_FALSE(f.figure.value.has_value());
    EXPECT_EQ(f.figure.change->direction, "increase");
    EXPECT_EQ(f.figure.indicator, "infectious_diseases");
  }
  EXPECT_TRUE(infectious);

  const Fact* maternal = FindFigure(seed.facts, 34.8, "per_100000_live_births");
  ASSERT_NE(maternal, nullptr);
  EXPECT_EQ(maternal->figure.indicator, "maternal_mortality");
  EXPECT_EQ(maternal->figure.period, "2025");
  ASSERT_TRUE(maternal->figure.change.has_value());
  EXPECT_EQ(maternal->figure.change->direction, "increase");
  EXPECT_DOUBLE_EQ(maternal->figure.change->value, 35.4);
  EXPECT_EQ(maternal->figure.change->base, "2024");

  bool instructed = false;
  for (const Fact& f : OfType(seed.facts, FactType::kCommitment)) {
    if (f.commitment.modality == "instruction" &&
        f.commitment.action.find("develop a comprehensive set of necessary measures") !=
            std::string::npos) {
      instructed = true;
      EXPECT_EQ(f.commitment.actor, "Kanaybek Dosmambetov");
    }
  }
  EXPECT_TRUE(instructed);
}

}  // namespace
}  // namespace pressmine::extract
