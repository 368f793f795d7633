// bench_facts: speed of the whole fact stage on one core, and our date reading beside
// python3-dateparser's on the same strings.
//
//   bench_facts [--seconds 2] [--no-peer]
//
// 1. Sentences: every sentence of corpora/facts-eval/*.jsonl through ExtractSentence, repeated
//    for at least --seconds; prints sentences/s.
// 2. Documents: the same sentences joined into releases of kSentencesPerDocument paragraphs and
//    run through Extract (sentence splitting included); prints sentences/s.
// 3. Dates: corpora/facts-eval/dates.tsv through ExtractSentence (ours) and through
//    tools/bench_facts_dateparser.py (python3-dateparser, installed with apt-get when missing);
//    prints accuracy and strings/s of both, and the strings where they differ.
#include <rapidjson/document.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "extract/facts.h"

namespace pe = pressmine::extract;

namespace {

constexpr size_t kSentencesPerDocument = 20;  // a typical release
const std::string kSource = PRESSMINE_SOURCE_DIR;
// The Debian interpreter, which python3-dateparser installs into (a python3 earlier on PATH,
// e.g. pyenv's, does not see Debian's packages).
const std::string kPython = "/usr/bin/python3";

struct Item {
  std::string text;
  pe::FactOptions options;
};

std::vector<Item> LoadSentences(const std::string& path) {
  std::vector<Item> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    rapidjson::Document d;
    d.Parse(line.c_str());
    if (d.HasParseError() || !d.IsObject() || !d.HasMember("text")) continue;
    Item it;
    it.text = d["text"].GetString();
    if (d.HasMember("pub")) it.options.published = d["pub"].GetString();
    if (d.HasMember("lang"))
      it.options.lang = pressmine::ParseLanguageCode(d["lang"].GetString())
                            .value_or(pressmine::Language::kUnknown);
    out.push_back(std::move(it));
  }
  return out;
}

struct DateRow {
  std::string text, published, expected;
};

std::vector<DateRow> LoadDates(const std::string& path) {
  std::vector<DateRow> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    DateRow r;
    std::stringstream ss(line);
    std::getline(ss, r.text, '\t');
    std::getline(ss, r.published, '\t');
    std::getline(ss, r.expected, '\t');
    if (!r.expected.empty()) out.push_back(std::move(r));
  }
  return out;
}

double Now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

bool PeerAvailable() {
  return std::system((kPython + " -c 'import dateparser' >/dev/null 2>&1").c_str()) == 0;
}

}  // namespace

int main(int argc, char** argv) {
  double seconds = 2;
  bool peer = true;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--seconds" && i + 1 < argc)
      seconds = std::atof(argv[++i]);
    else if (a == "--no-peer")
      peer = false;
    else {
      std::fprintf(stderr, "usage: bench_facts [--seconds S] [--no-peer]\n");
      return 2;
    }
  }
  auto made = pe::FactExtractor::Create();
  if (!made.ok()) {
    std::fprintf(stderr, "bench_facts: %s\n", made.status().ToString().c_str());
    return 1;
  }
  pe::FactExtractor& ex = *made;
  std::vector<Item> items = LoadSentences(kSource + "/corpora/facts-eval/sentences.jsonl");
  for (Item& it : LoadSentences(kSource + "/corpora/facts-eval/heldout.jsonl"))
    items.push_back(std::move(it));
  if (items.empty()) {
    std::fprintf(stderr, "bench_facts: no sentences under %s/corpora/facts-eval\n",
                 kSource.c_str());
    return 1;
  }

  // 1. Sentences.
  size_t done = 0, facts = 0, bytes = 0;
  double start = Now(), elapsed = 0;
  while (elapsed < seconds) {
    for (const Item& it : items) {
      facts += ex.ExtractSentence(it.text, it.options).size();
      bytes += it.text.size();
    }
    done += items.size();
    elapsed = Now() - start;
  }
  std::printf("fact stage, one core (%zu distinct sentences, ru+en)\n", items.size());
  std::printf("  sentences:  %10.0f sentences/s  %6.1f MB/s  (%zu facts in %.2f s)\n",
              done / elapsed, bytes / elapsed / 1e6, facts, elapsed);

  // 2. Documents (with sentence splitting).
  std::vector<std::pair<std::string, pe::FactOptions>> docs;
  for (size_t i = 0; i < items.size(); i += kSentencesPerDocument) {
    std::string text;
    for (size_t k = i; k < items.size() && k < i + kSentencesPerDocument; ++k)
      text += items[k].text + "\n\n";
    docs.emplace_back(std::move(text), items[i].options);
  }
  done = 0, facts = 0;
  start = Now(), elapsed = 0;
  while (elapsed < seconds) {
    for (const auto& [text, options] : docs) {
      auto r = ex.Extract(text, options);
      if (r.ok()) facts += r->size();
    }
    done += items.size();
    elapsed = Now() - start;
  }
  std::printf("  documents:  %10.0f sentences/s  (%zu-sentence releases, splitting included)\n\n",
              done / elapsed, kSentencesPerDocument);

  // 3. Dates.
  const std::vector<DateRow> dates = LoadDates(kSource + "/corpora/facts-eval/dates.tsv");
  std::vector<std::string> ours(dates.size());
  size_t ours_right = 0;
  size_t rounds = 0;
  start = Now();
  do {
    for (size_t i = 0; i < dates.size(); ++i) {
      pe::FactOptions o;
      o.published = dates[i].published;
      std::string value = "-";
      for (const pe::Fact& f : ex.ExtractSentence(dates[i].text, o)) {
        if (f.type == pe::FactType::kDate) {
          value = f.date.Iso();
          break;
        }
      }
      ours[i] = value;
    }
    ++rounds;
    elapsed = Now() - start;
  } while (elapsed < seconds / 4);
  for (size_t i = 0; i < dates.size(); ++i) ours_right += ours[i] == dates[i].expected;
  const double ours_rate = rounds * dates.size() / elapsed;

  // The peer's two modes: parse() on the whole string, and search_dates() in it.
  std::vector<std::string> parsed(dates.size(), "?"), searched(dates.size(), "?");
  double parse_rate = 0, search_rate = 0;
  size_t parse_right = 0, search_right = 0;
  bool have_peer = false;
  if (peer && !PeerAvailable()) {
    std::printf("installing python3-dateparser for the comparison ...\n");
    std::fflush(stdout);
    if (std::system("apt-get install -y python3-dateparser >/dev/null 2>&1") != 0) {
      std::printf("  apt-get install python3-dateparser failed; comparing without the peer\n");
    }
  }
  if (peer && PeerAvailable()) {
    const std::string in_path = "/tmp/bench_facts_dates.tsv",
                      out_path = "/tmp/bench_facts_dates.out";
    {
      std::ofstream out(in_path);
      for (const DateRow& d : dates)
        out << d.text << '\t' << d.published << '\t' << d.expected << '\n';
    }
    const std::string cmd = kPython + " " + kSource + "/tools/bench_facts_dateparser.py < " +
                            in_path + " > " + out_path + " 2>/dev/null";
    if (std::system(cmd.c_str()) == 0) {
      std::ifstream in(out_path);
      std::string line;
      size_t i = 0;
      while (std::getline(in, line)) {
        const size_t tab = line.find('\t');
        if (tab == std::string::npos) continue;
        if (line.rfind("seconds\t", 0) == 0) {
          const double p = std::atof(line.c_str() + tab + 1);
          const double q = std::atof(line.c_str() + line.find('\t', tab + 1) + 1);
          parse_rate = p > 0 ? dates.size() / p : 0;
          search_rate = q > 0 ? dates.size() / q : 0;
        } else if (i < dates.size()) {
          parsed[i] = line.substr(0, tab);
          searched[i++] = line.substr(tab + 1);
        }
      }
      have_peer = i == dates.size();
      for (size_t k = 0; k < dates.size(); ++k) {
        parse_right += parsed[k] == dates[k].expected;
        search_right += searched[k] == dates[k].expected;
      }
    }
  }
  std::printf(
      "dates: %zu strings from corpora/facts-eval/dates.tsv (ru+en; absolute, partial, relative, "
      "periods)\n",
      dates.size());
  std::printf("  %-32s %8s %14s\n", "", "accuracy", "strings/s");
  std::printf("  %-32s %8.3f %14.0f\n", "pressmine facts", double(ours_right) / dates.size(),
              ours_rate);
  if (have_peer) {
    std::printf("  %-32s %8.3f %14.0f\n", "python3-dateparser parse()",
                double(parse_right) / dates.size(), parse_rate);
    std::printf("  %-32s %8.3f %14.0f\n", "python3-dateparser search_dates()",
                double(search_right) / dates.size(), search_rate);
    std::printf("\n  disagreements (string | expected | ours | parse | search_dates):\n");
    for (size_t i = 0; i < dates.size(); ++i) {
      if (ours[i] == dates[i].expected && parsed[i] == dates[i].expected &&
          searched[i] == dates[i].expected)
        continue;
      std::printf("  %s | %s | %s | %s | %s\n", dates[i].text.c_str(), dates[i].expected.c_str(),
                  ours[i].c_str(), parsed[i].c_str(), searched[i].c_str());
    }
  } else {
    std::printf("  %-32s (not available)\n", "python3-dateparser");
  }
  return 0;
}
