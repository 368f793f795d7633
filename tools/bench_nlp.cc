// bench_nlp: throughput of the nlp layer on one core.
//
//   bench_nlp [--mb N] [FILE...]
//
// FILEs are plain UTF-8 texts (or a ground-truth.json of the article-extraction benchmark, whose
// "articleBody" values are used). Without files, a built-in mix of Russian and English press
// release paragraphs is used. The corpus is repeated up to N megabytes (default 20). Prints one
// line per measurement.
#include <rapidjson/document.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "base/file.h"
#include "nlp/stemmer.h"
#include "nlp/tokenizer.h"

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
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--mb" && i + 1 < argc) {
      target_mb = std::atof(argv[++i]);
    } else if (arg == "--help" || arg == "-h") {
      std::printf("usage: bench_nlp [--mb N] [FILE...]\n");
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
  std::printf("(checksum %zu)\n", checksum);
  return 0;
}
