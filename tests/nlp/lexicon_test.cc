#include "nlp/lexicon.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "nlp/analyzer.h"
#include "nlp/internal/mueller.h"

namespace pressmine::nlp {
namespace {

const std::filesystem::path kMuellerDir = "/usr/share/dictd";

bool MuellerInstalled() {
  return std::filesystem::exists(kMuellerDir / "mueller7.index") &&
         std::filesystem::exists(kMuellerDir / "mueller7.dict.dz");
}

// Each translation as its stems joined by spaces.
std::vector<std::string> Joined(const std::vector<Translation>& translations) {
  std::vector<std::string> out;
  for (const auto& t : translations) {
    std::string s;
    for (auto stem : t.stems) {
      if (!s.empty()) s.push_back(' ');
      s += stem;
    }
    out.push_back(s);
  }
  return out;
}

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

class LexiconTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    LexiconBuildOptions options;
    options.mueller_dir.clear();  // glossary only: needs no package
    auto lex = BuildLexicon(options);
    ASSERT_TRUE(lex.ok()) << lex.status().ToString();
    glossary_ = new Lexicon(std::move(lex).value());
  }
  static void TearDownTestSuite() {
    delete glossary_;
    glossary_ = nullptr;
  }

  void SetUp() override {
    auto a = Analyzer::Create();
    ASSERT_TRUE(a.ok());
    analyzer_ = std::make_unique<Analyzer>(std::move(a).value());
  }

  // Translations of running text, stemmed as a query would be.
  std::vector<std::string> Translate(const Lexicon& lex, std::string_view text) {
    auto key = analyzer_->StemPhrase(text);
    EXPECT_TRUE(key.ok());
    return Joined(lex.Lookup(*key));
  }
  std::string Stems(std::string_view text) { return *analyzer_->StemPhrase(text); }

  static Lexicon* glossary_;
  std::unique_ptr<Analyzer> analyzer_;
};

Lexicon* LexiconTest::glossary_ = nullptr;

TEST_F(LexiconTest, MultiWordTermsMeetThroughStemsInBothDirections) {
  EXPECT_TRUE(
      Contains(Translate(*glossary_, "maternal mortality"), Stems("материнская смертность")));
  // Inflected forms reach the same key.
  EXPECT_TRUE(
      Contains(Translate(*glossary_, "материнской смертности"), Stems("maternal mortality")));
  EXPECT_TRUE(
      Contains(Translate(*glossary_, "младенческую смертность"), Stems("infant mortality")));
  EXPECT_TRUE(Contains(Translate(*glossary_, "primary healthcare"),
                       Stems("первичная медико-санитарная помощь")));
  EXPECT_TRUE(Contains(Translate(*glossary_, "дефицита кадров"), Stems("staffing shortage")));
  EXPECT_TRUE(Contains(Translate(*glossary_, "deputy ministers"), Stems("заместитель министра")));
}

TEST_F(LexiconTest, SingleTermsAndAlternatives) {
  EXPECT_EQ(Translate(*glossary_, "hemodialysis"), (std::vector<std::string>{Stems("гемодиализ")}));
  const auto back = Translate(*glossary_, "гемодиализа");
  EXPECT_TRUE(Contains(back, Stems("hemodialysis")));
  EXPECT_TRUE(Contains(back, Stems("haemodialysis")));
  const auto vaccination = Translate(*glossary_, "vaccination");
  EXPECT_TRUE(Contains(vaccination, Stems("вакцинация")));
  EXPECT_TRUE(Contains(vaccination, Stems("иммунизация")));
  EXPECT_TRUE(Contains(vaccination, Stems("прививка")));
  for (const auto& t : glossary_->Lookup(Stems("vaccination"))) {
    EXPECT_EQ(t.source, Translation::Source::kGlossary);
  }
  EXPECT_TRUE(Translate(*glossary_, "zzzz unknown").empty());
}

TEST_F(LexiconTest, FindTermsTakesTheLongestKeyFirst) {
  std::vector<std::string> stems;
  ASSERT_TRUE(analyzer_->Stems("снижение материнской смертности в регионах", &stems).ok());
  const auto terms = glossary_->FindTerms(stems);
  ASSERT_GE(terms.size(), 2u);
  // "материнской смертности" as one term, not "смертности" alone.
  const auto it = std::find_if(terms.begin(), terms.end(), [&](const TermMatch& m) {
    return m.key == Stems("материнская смертность");
  });
  ASSERT_NE(it, terms.end());
  EXPECT_EQ(it->begin, 1u);
  EXPECT_EQ(it->length, 2u);
  EXPECT_GE(glossary_->max_key_words(), 4u);
}

TEST_F(LexiconTest, SerializeLoadRoundTrip) {
  const std::string blob(glossary_->Serialize());
  auto loaded = Lexicon::Load(blob);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded->Serialize(), blob);
  EXPECT_EQ(loaded->key_count(), glossary_->key_count());
  EXPECT_EQ(Joined(loaded->Lookup(Stems("maternal mortality"))),
            Joined(glossary_->Lookup(Stems("maternal mortality"))));
  EXPECT_NE(loaded->description().find("glossary_health.tsv"), std::string_view::npos);
}

TEST_F(LexiconTest, CorruptBlobsAreRejected) {
  const std::string blob(glossary_->Serialize());
  EXPECT_EQ(Lexicon::Load("").status().code(), Status::Code::kCorruption);
  EXPECT_EQ(Lexicon::Load("not a lexicon at all, just some text here...").status().code(),
            Status::Code::kCorruption);
  EXPECT_EQ(Lexicon::Load(blob.substr(0, blob.size() - 1)).status().code(),
            Status::Code::kCorruption);
  std::string flipped = blob;
  flipped[flipped.size() / 2] ^= 0x20;
  EXPECT_EQ(Lexicon::Load(flipped).status().code(), Status::Code::kCorruption);
  std::string newer = blob;
  newer[8] = 2;  // format version 2
  EXPECT_EQ(Lexicon::Load(newer).status().code(), Status::Code::kUnsupported);
}

TEST_F(LexiconTest, MalformedGlossaryNamesTheLine) {
  LexiconBuildOptions options;
  options.mueller_dir.clear();
  options.builtin_glossary = false;
  options.extra_glossaries = {{"my.tsv", "# comment\nministry\tминистерство\nno tab here\n"}};
  auto lex = BuildLexicon(options);
  ASSERT_FALSE(lex.ok());
  EXPECT_EQ(lex.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(lex.status().message().find("my.tsv: line 3"), std::string::npos)
      << lex.status().message();
}

TEST_F(LexiconTest, MissingDictionaryIsAClearError) {
  LexiconBuildOptions options;
  options.mueller_dir = "/nonexistent/dictd";
  auto lex = BuildLexicon(options);
  ASSERT_FALSE(lex.ok());
  EXPECT_EQ(lex.status().code(), Status::Code::kNotFound);
  EXPECT_NE(lex.status().message().find("mueller7-dict"), std::string::npos);
}

class MuellerLexiconTest : public LexiconTest {
 protected:
  static void SetUpTestSuite() {
    if (!MuellerInstalled()) return;
    LexiconBuildStats stats;
    auto lex = BuildLexicon(LexiconBuildOptions{}, &stats);
    ASSERT_TRUE(lex.ok()) << lex.status().ToString();
    full_ = new Lexicon(std::move(lex).value());
    stats_ = stats;
  }
  static void TearDownTestSuite() {
    delete full_;
    full_ = nullptr;
  }
  void SetUp() override {
    if (!MuellerInstalled()) {
      GTEST_SKIP() << kMuellerDir.string()
                   << "/mueller7.{index,dict.dz} not found: install Debian's mueller7-dict "
                      "(scripts/setup.sh does) to run the dictionary tests";
    }
    LexiconTest::SetUp();
  }
  static Lexicon* full_;
  static LexiconBuildStats stats_;
};

Lexicon* MuellerLexiconTest::full_ = nullptr;
LexiconBuildStats MuellerLexiconTest::stats_;

TEST_F(MuellerLexiconTest, DictionaryIsReadWhole) {
  EXPECT_GT(stats_.mueller_headwords, 40000u);
  EXPECT_GT(full_->key_count(), 50000u);
  EXPECT_NE(full_->description().find("mueller7"), std::string_view::npos);
}

TEST_F(MuellerLexiconTest, GlossaryTermsStillWin) {
  EXPECT_TRUE(Contains(Translate(*full_, "maternal mortality"), Stems("материнская смертность")));
  EXPECT_TRUE(Contains(Translate(*full_, "гемодиализ"), Stems("hemodialysis")));
  // Mueller's "ministry" also means clergy; the glossary's sense is the only one kept.
  EXPECT_EQ(Translate(*full_, "ministry"), (std::vector<std::string>{Stems("министерство")}));
}

TEST_F(MuellerLexiconTest, DictionaryWordsTranslateBothWays) {
  const auto water = Translate(*full_, "water");
  ASSERT_FALSE(water.empty());
  EXPECT_EQ(water[0], Stems("вода"));
  const auto voda = Translate(*full_, "воды");
  ASSERT_FALSE(voda.empty());
  EXPECT_EQ(voda[0], Stems("water"));
  EXPECT_TRUE(Contains(Translate(*full_, "tuberculosis"), Stems("туберкулез")));
  EXPECT_TRUE(Contains(Translate(*full_, "budgets"), Stems("бюджет")));
  for (const auto& t : full_->Lookup(Stems("water"))) {
    EXPECT_NE(t.source, Translation::Source::kGlossary);
  }
}

TEST_F(MuellerLexiconTest, AWordWithManyTranslationsIsCapped) {
  const auto run = Translate(*full_, "run");
  EXPECT_GE(run.size(), 5u);
  EXPECT_LE(run.size(), LexiconBuildOptions{}.max_translations_per_key);
  EXPECT_TRUE(Contains(run, Stems("бег")));
  const auto make = Translate(*full_, "делать");
  EXPECT_TRUE(Contains(make, Stems("do")));
  EXPECT_TRUE(Contains(make, Stems("make")));
}

TEST_F(MuellerLexiconTest, PhrasesFromHeadwordsAndExamples) {
  // A multi-word headword, and an example phrase with "H." standing for the headword.
  EXPECT_TRUE(Contains(Translate(*full_, "hospital chart"), Stems("история болезни")));
  EXPECT_TRUE(Contains(Translate(*full_, "health authorities"), Stems("органы здравоохранения")));
}

TEST_F(MuellerLexiconTest, FullLexiconRoundTrips) {
  auto loaded = Lexicon::Load(std::string(full_->Serialize()));
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(Joined(loaded->Lookup(Stems("run"))), Joined(full_->Lookup(Stems("run"))));
}

// The dictd reader on inline entries.
TEST(MuellerParseTest, EntryLayout) {
  internal::MuellerOptions options;
  const auto doctor = internal::ParseMuellerEntry(
      "doctor\n   [dktr]\n   1. _n.\n      1) врач, доктор\n      2) доктор (учёная степень)\n"
      "      3) _мор. _жарг. судовой повар\n   2. _v.\n      1) лечить; to doctor oneself "
      "лечиться\n",
      options);
  EXPECT_EQ(doctor.headword, "doctor");
  EXPECT_EQ(doctor.translations, (std::vector<std::string>{"врач", "доктор", "лечить"}));

  const auto health = internal::ParseMuellerEntry(
      "health\n   [h] _n.\n   1) здоровье; public health здравоохранение; Ministry of H. "
      "министерство здравоохранения; to drink smb.'s health пить за здоровье кого-л.\n",
      options);
  EXPECT_EQ(health.translations, (std::vector<std::string>{"здоровье"}));
  using Pair = std::pair<std::string, std::string>;
  EXPECT_EQ(health.phrases,
            (std::vector<Pair>{{"public health", "здравоохранение"},
                               {"Ministry of health", "министерство здравоохранения"}}));

  const auto programme = internal::ParseMuellerEntry("programme\n   [p] = program\n", options);
  EXPECT_TRUE(programme.translations.empty());
  EXPECT_EQ(programme.see_also, "program");

  const auto city = internal::ParseMuellerEntry(
      "city\n   [c] _n.\n   1) большой, старинный город (в Англии)\n   2) _attr. городской\n",
      options);
  EXPECT_EQ(city.translations, (std::vector<std::string>{"большой город", "старинный город"}));

  const auto capped = internal::ParseMuellerEntry(
      "x\n 1) а1, бб, вв, гг\n 2) дд\n 3) ее\n 4) жж\n 5) зз\n", options);
  EXPECT_LE(capped.translations.size(), options.max_translations);
}

TEST(MuellerParseTest, DictdNumbersAndGzip) {
  uint64_t v = 0;
  ASSERT_TRUE(internal::DecodeDictdNumber("BoU", &v));
  EXPECT_EQ(v, 1u * 64 * 64 + 40u * 64 + 20u);
  EXPECT_FALSE(internal::DecodeDictdNumber("B*U", &v));
  EXPECT_FALSE(internal::DecodeDictdNumber("", &v));

  const std::string gz(
      "\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\x03\xbb\xb0\xe9\x62\xc3\x85\x0d\x17\xdb\xb9\x00\x32"
      "\x11\x02\xf9\x09\x00\x00\x00",
      31);
  auto text = internal::InflateGzip(gz, 1 << 20);
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_EQ(*text, "врач\n");
  EXPECT_EQ(internal::InflateGzip("not gzip", 1 << 20).status().code(), Status::Code::kCorruption);
}

}  // namespace
}  // namespace pressmine::nlp
