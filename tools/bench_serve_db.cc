// bench_serve_db OUT.db [N]: writes a database of N (default 100000) synthetic releases for the
// load test of `pressmine serve` (scripts/load_test.sh). The words are real: paragraphs of the
// bundled sample (corpora/sample/*.txt), recombined at random per language. The sample is
// small, so its words each appear in a large part of the corpus (broad queries); to give the
// corpus the selective terms real releases have, every release also names one of 200 officials
// and one of 30 places, in the release's script (Кадыралиев / Kadyraliev), so a surname matches
// about 0.5% of releases and a place about 3%. A fixed seed makes every run build the same file.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "base/sqlite.h"
#include "index/document_store.h"

namespace {

using namespace pressmine;

// Puts per transaction: large enough that commits are not the cost, small enough to keep the
// WAL modest.
constexpr int kBatch = 5000;

bool HasCyrillic(const std::string& s) {
  // UTF-8 lead bytes 0xD0/0xD1 cover U+0400..U+047F.
  for (unsigned char c : s) {
    if (c == 0xD0 || c == 0xD1) return true;
  }
  return false;
}

// Paragraphs of every .txt sample, by language; the " date" header line is skipped.
void LoadParagraphs(const std::filesystem::path& root, std::vector<std::string>& ru,
                    std::vector<std::string>& en) {
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path());
    std::string line;
    std::string para;
    auto flush = [&] {
      if (para.size() > 40) (HasCyrillic(para) ? ru : en).push_back(para);
      para.clear();
    };
    while (std::getline(in, line)) {
      if (line.rfind(" date", 0) == 0) continue;
      if (line.empty()) {
        flush();
      } else {
        para += (para.empty() ? "" : " ") + line;
      }
    }
    flush();
  }
}

struct Pair {
  const char* ru;
  const char* en;
};

constexpr Pair kFirstNames[] = {
    {"Бакытбек", "Bakytbek"}, {"Темирбек", "Temirbek"}, {"Канайбек", "Kanaybek"},
    {"Айгуль", "Aigul"},      {"Нурлан", "Nurlan"},     {"Гульнара", "Gulnara"},
    {"Ержан", "Yerzhan"},     {"Марат", "Marat"},       {"Асель", "Asel"},
    {"Сергей", "Sergey"},
};
constexpr Pair kSurnames[] = {
    {"Кадыралиев", "Kadyraliev"}, {"Эркинов", "Erkinov"},         {"Досмамбетов", "Dosmambetov"},
    {"Жапаров", "Japarov"},       {"Абдыкеримов", "Abdykerimov"}, {"Токтогулов", "Toktogulov"},
    {"Исмаилова", "Ismailova"},   {"Сыдыков", "Sydykov"},         {"Бейшеналиев", "Beishenaliev"},
    {"Оморова", "Omorova"},       {"Ахметов", "Akhmetov"},        {"Нурпеисова", "Nurpeisova"},
    {"Сарсенбаев", "Sarsenbaev"}, {"Жумабеков", "Zhumabekov"},    {"Муратова", "Muratova"},
    {"Ковалев", "Kovalev"},       {"Мурашко", "Murashko"},        {"Голикова", "Golikova"},
    {"Баширов", "Bashirov"},      {"Тулегенов", "Tulegenov"},
};
constexpr Pair kPlaces[] = {
    {"Бишкеке", "Bishkek"},
    {"Оше", "Osh"},
    {"Баткене", "Batken"},
    {"Нарыне", "Naryn"},
    {"Таласе", "Talas"},
    {"Караколе", "Karakol"},
    {"Джалал-Абаде", "Jalal-Abad"},
    {"Токмоке", "Tokmok"},
    {"Алматы", "Almaty"},
    {"Астане", "Astana"},
    {"Шымкенте", "Shymkent"},
    {"Караганде", "Karaganda"},
    {"Актобе", "Aktobe"},
    {"Павлодаре", "Pavlodar"},
    {"Семее", "Semey"},
    {"Туркестане", "Turkestan"},
    {"Атырау", "Atyrau"},
    {"Костанае", "Kostanay"},
    {"Москве", "Moscow"},
    {"Казани", "Kazan"},
    {"Самаре", "Samara"},
    {"Омске", "Omsk"},
    {"Томске", "Tomsk"},
    {"Перми", "Perm"},
    {"Уфе", "Ufa"},
    {"Твери", "Tver"},
    {"Курске", "Kursk"},
    {"Иркутске", "Irkutsk"},
    {"Тюмени", "Tyumen"},
    {"Калуге", "Kaluga"},
};

template <typename T, size_t N>
const T& Pick(const T (&items)[N], std::mt19937& rng) {
  return items[rng() % N];
}

std::string TitleFrom(const std::string& paragraph) {
  size_t cut = paragraph.find(' ', 60);
  return paragraph.substr(0, cut == std::string::npos ? paragraph.size() : cut);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: bench_serve_db OUT.db [N]\n";
    return 2;
  }
  const std::string out = argv[1];
  const long n = argc > 2 ? std::stol(argv[2]) : 100000;
  std::vector<std::string> ru, en;
  LoadParagraphs(std::filesystem::path(PRESSMINE_SOURCE_DIR) / "corpora" / "sample", ru, en);
  if (ru.empty() || en.empty()) {
    std::cerr << "bench_serve_db: no sample paragraphs found under corpora/sample\n";
    return 1;
  }
  std::filesystem::remove(out);
  auto db = Database::Open(out);
  if (!db.ok()) {
    std::cerr << db.status().ToString() << "\n";
    return 1;
  }
  auto store = index::DocumentStore::Open(*db);
  if (!store.ok()) {
    std::cerr << store.status().ToString() << "\n";
    return 1;
  }
  std::mt19937 rng(20260124);
  const char* sources[] = {"kg-health", "kz-health", "ru-health"};
  for (long i = 0; i < n;) {
    auto tx = Transaction::Begin(*db);
    if (!tx.ok()) {
      std::cerr << tx.status().ToString() << "\n";
      return 1;
    }
    for (int b = 0; b < kBatch && i < n; ++b, ++i) {
      const bool russian = rng() % 2 == 0;
      const std::vector<std::string>& pool = russian ? ru : en;
      index::DocumentRecord d;
      d.lang = russian ? Language::kRussian : Language::kEnglish;
      d.source = sources[rng() % 3];
      d.url = "https://bench.invalid/" + std::string(russian ? "ru/" : "en/") + std::to_string(i);
      char date[16];
      std::snprintf(date, sizeof date, "%04d-%02d-%02d", 2023 + static_cast<int>(rng() % 4),
                    1 + static_cast<int>(rng() % 12), 1 + static_cast<int>(rng() % 28));
      d.published = date;
      d.title = TitleFrom(pool[rng() % pool.size()]) + " (" + std::to_string(i) + ")";
      const Pair& first = Pick(kFirstNames, rng);
      const Pair& last = Pick(kSurnames, rng);
      const Pair& place = Pick(kPlaces, rng);
      d.text = russian ? std::string("Встречу в ") + place.ru + " провел заместитель министра " +
                             first.ru + " " + last.ru + "."
                       : std::string("The meeting in ") + place.en +
                             " was chaired by Deputy Minister " + first.en + " " + last.en + ".";
      const int paragraphs = 3 + static_cast<int>(rng() % 5);
      for (int p = 0; p < paragraphs; ++p) {
        d.text += "\n\n";
        d.text += pool[rng() % pool.size()];
      }
      auto put = store->Put(d, "2026-01-01T00:00:00Z");
      if (!put.ok()) {
        std::cerr << put.status().ToString() << "\n";
        return 1;
      }
    }
    if (auto st = tx->Commit(); !st.ok()) {
      std::cerr << st.ToString() << "\n";
      return 1;
    }
    std::cerr << "\rbench_serve_db: " << i << " / " << n << std::flush;
  }
  std::cerr << "\n";
  if (auto st = db->Exec("PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;"); !st.ok()) {
    std::cerr << st.ToString() << "\n";
    return 1;
  }
  std::cout << out << ": " << n << " releases\n";
  return 0;
}
