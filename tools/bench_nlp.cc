// bench_nlp: throughput of the nlp layer on one core.
//
//   bench_nlp [--mb N] [--dict DIR] [FILE...]
//
// FILEs are plain UTF-8 texts (or a ground-truth.json of the article-extraction benchmark, whose
// "articleBody" values are used). Without files, a built-in mix of Russian and English press
// release paragraphs is used. The corpus is repeated up to N megabytes (default 20). Measures the
// tokenizer, stemming, sentence splitting, name keys, and the lexicon (built from the Mueller
// dictionary in DIR, default /usr/share/dictd: build, serialize, load, lookups). Prints one line
// per measurement.
#include <rapidjson/document.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "base/file.h"
#include "nlp/analyzer.h"
#include "nlp/lexicon.h"
#include "nlp/sentences.h"
#include "nlp/stemmer.h"
#include "nlp/tokenizer.h"
#include "nlp/translit.h"

namespace {

using pressmine::nlp::ScriptStemmer;
using pressmine::nlp::Tokenizer;
using pressmine::nlp::TokenView;
using Clock = std::chrono::steady_clock;

constexpr const char* kBuiltinRu =
    "Министр здравоохранения Кыргызской Республики Алымкадыр Бейшеналиев провел рабочее совещание "
    "с руководителями организаций здравоохранения. В 2024 году уровень материнской смертности "
    "снизился до 39,2 на 100 000 живорожденных, а младенческой смертности — до 13,5 на 1000. "
    "Всего в республике работают 2 643 семейных врача, однако дефицит кадров в первичном звене "
    "сохраняется. Заместитель министра Т. А. Кадыралиев сообщил, что в г. Бишкек и Ошской области "
    "внедрение NGS-диагностики и бронхоскопии позволит выявлять туберкулез на ранних стадиях. "
    "Также обсуждались вопросы вакцинации детей против кори, гемодиализа и обеспечения "
    "лекарственными средствами по Программе государственных гарантий, т.е. бесплатно.\n";
constexpr const char* kBuiltinEn =
    "The Minister of Health of the Kyrgyz Republic held a working meeting with heads of healthcare "
    "organizations. In 2024 the maternal mortality ratio fell to 39.2 per 100,000 live births and "
    "infant mortality to 13.5 per 1,000. There are 2,643 family doctors in the country, yet the "
    "staffing shortage in primary healthcare persists. Deputy Minister T. A. Kadyraliev said that "
    "NGS diagnostics and bronchoscopy in Bishkek and Osh region would detect tuberculosis early. "
    "Measles vaccination, hemodialysis and free medicines under the State Guarantee Program were "
    "also discussed, as Dr. Japarov noted.\n";

double Seconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

std::string LoadCorpus(const std::vector<std::string>& files) {
  if (files.empty()) {
    std::string s;
    for (int i = 0; i < 3; ++i) s += kBuiltinRu;
    s += kBuiltinEn;
    return s;
  }
  std::string corpus;
  for (const auto& f : files) {
    auto data = pressmine::ReadFile(f);
    if (!data.ok()) {
      std::fprintf(stderr, "bench_nlp: %s\n", data.status().ToString().c_str());
      std::exit(1);
    }
    if (f.size() > 5 && f.substr(f.size() - 5) == ".json") {
      rapidjson::Document doc;
      doc.Parse(data->c_str());
      if (doc.IsObject()) {
        for (auto it = doc.MemberBegin(); it != doc.MemberEnd(); ++it) {
          if (it->value.IsObject() && it->value.HasMember("articleBody") &&
              it->value["articleBody"].IsString()) {
            corpus += it->value["articleBody"].GetString();
            corpus += "\n";
          }
        }
        continue;
      }
    }
    corpus += *data;
    corpus += "\n";
  }
  return corpus;
}

}  // namespace

int main(int argc, char** argv) {
  double target_mb = 20;
  std::string dict_dir = "/usr/share/dictd";
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--mb" && i + 1 < argc) {
      target_mb = std::atof(argv[++i]);
    } else if (arg == "--dict" && i + 1 < argc) {
      dict_dir = argv[++i];
    } else if (arg == "--help" || arg == "-h") {
      std::printf("usage: bench_nlp [--mb N] [--dict DIR] [FILE...]\n");
      return 0;
    } else {
      files.push_back(arg);
    }
  }
  const std::string unit = LoadCorpus(files);
  // Documents of the corpus unit's size, repeated: the tokenizer sees many mid-sized documents.
  std::vector<std::string_view> docs;
  const size_t target = static_cast<size_t>(target_mb * 1024 * 1024);
  size_t total = 0;
  while (total < target) {
    docs.push_back(unit);
    total += unit.size();
  }
  std::printf("corpus: %zu documents of %zu bytes, %.1f MB\n", docs.size(), unit.size(),
              total / 1048576.0);

  auto tokenizer = Tokenizer::Create();
  auto stemmer = ScriptStemmer::Create();
  if (!tokenizer.ok() || !stemmer.ok()) {
    std::fprintf(stderr, "bench_nlp: cannot create the tokenizer or stemmer\n");
    return 1;
  }

  size_t tokens = 0, checksum = 0;
  auto t0 = Clock::now();
  for (auto doc : docs) {
    (void)tokenizer->ForEachToken(doc, [&](const TokenView& t) {
      ++tokens;
      checksum += t.norm.size();
      return true;
    });
  }
  auto t1 = Clock::now();
  std::printf("tokenize:         %8.1f MB/s  %6.2f Mtokens/s  (%zu tokens, %.2f s)\n",
              total / 1048576.0 / Seconds(t0, t1), tokens / 1e6 / Seconds(t0, t1), tokens,
              Seconds(t0, t1));

  std::string stem;
  t0 = Clock::now();
  for (auto doc : docs) {
    (void)tokenizer->ForEachToken(doc, [&](const TokenView& t) {
      stemmer->Stem(t, &stem);
      checksum += stem.size();
      return true;
    });
  }
  t1 = Clock::now();
  std::printf("tokenize+stem:    %8.1f MB/s  %6.2f Mtokens/s\n",
              total / 1048576.0 / Seconds(t0, t1), tokens / 1e6 / Seconds(t0, t1));
  auto splitter = pressmine::nlp::SentenceSplitter::Create();
  if (!splitter.ok()) return 1;
  size_t sentences = 0;
  t0 = Clock::now();
  for (auto doc : docs) {
    auto spans = splitter->Split(doc);
    if (spans.ok()) sentences += spans->size();
  }
  t1 = Clock::now();
  std::printf("sentences:        %8.1f MB/s  (%zu sentences)\n",
              total / 1048576.0 / Seconds(t0, t1), sentences);

  // Name keys, as the index computes them: for capitalized Latin/Cyrillic words.
  t0 = Clock::now();
  auto keyer = pressmine::nlp::NameKeyer::Create();
  t1 = Clock::now();
  if (!keyer.ok()) return 1;
  std::printf("NameKeyer create: %8.2f ms\n", Seconds(t0, t1) * 1e3);
  std::vector<std::string> names;
  (void)tokenizer->ForEachToken(unit, [&](const TokenView& t) {
    if (t.capitalized && (t.script == pressmine::nlp::Script::kLatin ||
                          t.script == pressmine::nlp::Script::kCyrillic)) {
      names.emplace_back(t.norm);
    }
    return true;
  });
  // Distinct words defeat the cache: a suffix makes each one new.
  constexpr int kUncached = 20000;
  t0 = Clock::now();
  for (int i = 0; i < kUncached; ++i) {
    checksum += keyer->NameKey(names[i % names.size()] + std::to_string(i)).size();
  }
  t1 = Clock::now();
  std::printf("name key, uncached: %6.2f us/word\n", Seconds(t0, t1) * 1e6 / kUncached);
  t0 = Clock::now();
  size_t keyed = 0;
  for (auto doc : docs) {
    (void)tokenizer->ForEachToken(doc, [&](const TokenView& t) {
      stemmer->Stem(t, &stem);
      if (t.capitalized && (t.script == pressmine::nlp::Script::kLatin ||
                            t.script == pressmine::nlp::Script::kCyrillic)) {
        checksum += keyer->NameKey(t.norm).size();
        ++keyed;
      }
      return true;
    });
  }
  t1 = Clock::now();
  std::printf("tokenize+stem+key:%8.1f MB/s  (%zu keyed words, cached)\n",
              total / 1048576.0 / Seconds(t0, t1), keyed);

  // Lexicon.
  pressmine::nlp::LexiconBuildOptions options;
  options.mueller_dir = dict_dir;
  pressmine::nlp::LexiconBuildStats stats;
  t0 = Clock::now();
  auto lexicon = pressmine::nlp::BuildLexicon(options, &stats);
  t1 = Clock::now();
  if (!lexicon.ok()) {
    std::printf("lexicon: %s\n", lexicon.status().ToString().c_str());
    return 0;
  }
  std::printf("lexicon build:    %8.2f s  (%zu headwords, %zu keys, %zu translations, %.2f MB)\n",
              Seconds(t0, t1), stats.mueller_headwords, stats.keys, stats.translations,
              stats.blob_bytes / 1048576.0);
  const std::string blob(lexicon->Serialize());
  t0 = Clock::now();
  auto loaded = pressmine::nlp::Lexicon::Load(blob);
  t1 = Clock::now();
  if (!loaded.ok()) return 1;
  std::printf("lexicon load:     %8.2f ms (validates checksum and offsets)\n",
              Seconds(t0, t1) * 1e3);
  auto analyzer = pressmine::nlp::Analyzer::Create();
  if (!analyzer.ok()) return 1;
  std::vector<std::string> keys;
  std::vector<std::string> stems;
  (void)analyzer->Stems(unit, &stems);
  for (size_t i = 0; i < stems.size(); ++i) {
    keys.push_back(stems[i]);
    if (i + 1 < stems.size()) keys.push_back(stems[i] + " " + stems[i + 1]);
  }
  constexpr int kLookups = 200000;
  size_t found = 0;
  t0 = Clock::now();
  for (int i = 0; i < kLookups; ++i) {
    const auto tr = loaded->Lookup(keys[static_cast<size_t>(i) % keys.size()]);
    found += tr.empty() ? 0 : 1;
    checksum += tr.size();
  }
  t1 = Clock::now();
  std::printf("lexicon lookup:   %8.2f us/lookup (%.0f%% of keys found)\n",
              Seconds(t0, t1) * 1e6 / kLookups, 100.0 * found / kLookups);
  t0 = Clock::now();
  for (int i = 0; i < 2000; ++i) checksum += loaded->FindTerms(stems).size();
  t1 = Clock::now();
  std::printf("lexicon FindTerms:%8.2f us per %zu-stem text\n", Seconds(t0, t1) * 1e6 / 2000,
              stems.size());
  std::printf("(checksum %zu)\n", checksum);
  return 0;
}
