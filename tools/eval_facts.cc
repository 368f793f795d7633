// eval_facts: precision and recall of the fact extractor over the annotated sentences in
// corpora/facts-eval/, per fact type; or, with --dump, the facts of one text file as JSON lines.
//
//   eval_facts [--data corpora/facts-eval/sentences.jsonl] [--verbose]
//   eval_facts --dump release.txt [--published 2026-01-26] [--lang ru|en]
//
// A predicted fact matches a gold one of its sentence when the type and the key fields agree
// (corpora/facts-eval/README.md): date value and end; official name (nominative, exact), its
// name key and position; figure value, unit, and change direction and indicator when annotated;
// program kind and key when annotated; commitment modality and target. Matching is one-to-one, so a
// fact found twice counts once as right and once as wrong.
#include <rapidjson/document.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "extract/facts.h"
#include "tools/facts_json.h"

namespace pe = pressmine::extract;

namespace {

struct Gold {
  pe::FactType type;
  std::string value, end, key, name, position, unit, direction, kind, modality, target, indicator;
  double number = 0, change = 0;
  bool has_target = false, has_key = false, has_direction = false, has_position = false,
       has_indicator = false, has_value = false, has_change = false;
};

std::string Str(const rapidjson::Value& o, const char* k) {
  return o.HasMember(k) && o[k].IsString() ? o[k].GetString() : "";
}

bool Same(double a, double b) { return std::fabs(a - b) <= 1e-6 * std::max(1.0, std::fabs(b)); }

bool Matches(const pe::Fact& f, const Gold& g) {
  if (f.type != g.type) return false;
  switch (g.type) {
    case pe::FactType::kDate:
      return f.date.value == g.value && f.date.end == g.end;
    case pe::FactType::kOfficial:
      return f.official.key == g.key && f.official.name == g.name &&
             (!g.has_position || f.official.position == g.position);
    case pe::FactType::kFigure:
      // A gold figure with a value needs that value; one with only a change needs no value.
      if (g.has_value != f.figure.value.has_value()) return false;
      if (g.has_value && !Same(*f.figure.value, g.number)) return false;
      if (g.has_change && !(f.figure.change && Same(f.figure.change->value, g.change) &&
                            f.figure.change->unit == g.unit))
        return false;
      return (!g.has_value || f.figure.unit == g.unit) &&
             (!g.has_direction || (f.figure.change && f.figure.change->direction == g.direction)) &&
             (!g.has_indicator || f.figure.indicator == g.indicator);
    case pe::FactType::kProgram:
      return f.program.kind == g.kind && (!g.has_key || f.program.key == g.key);
    case pe::FactType::kCommitment:
      return f.commitment.modality == g.modality &&
             (!g.has_target || f.commitment.target == g.target);
  }
  return false;
}

int Dump(const char* path, const std::string& published, const std::string& lang) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "eval_facts: %s: cannot open\n", path);
    return 1;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  auto ex = pe::FactExtractor::Create();
  if (!ex.ok()) {
    std::fprintf(stderr, "eval_facts: %s\n", ex.status().ToString().c_str());
    return 1;
  }
  pe::FactOptions opt;
  opt.published = published;
  if (auto l = pressmine::ParseLanguageCode(lang)) opt.lang = *l;
  auto facts = ex->Extract(ss.str(), opt);
  if (!facts.ok()) {
    std::fprintf(stderr, "eval_facts: %s: %s\n", path, facts.status().ToString().c_str());
    return 1;
  }
  for (const pe::Fact& f : *facts)
    std::printf("%s\n", pressmine::tools::FactToJson(f, path).c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string data = std::string(PRESSMINE_SOURCE_DIR) + "/corpora/facts-eval/sentences.jsonl";
  std::string published, lang;
  const char* dump = nullptr;
  bool verbose = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--data" && i + 1 < argc)
      data = argv[++i];
    else if (a == "--dump" && i + 1 < argc)
      dump = argv[++i];
    else if (a == "--published" && i + 1 < argc)
      published = argv[++i];
    else if (a == "--lang" && i + 1 < argc)
      lang = argv[++i];
    else if (a == "--verbose")
      verbose = true;
    else {
      std::fprintf(stderr,
                   "usage: eval_facts [--data FILE] [--verbose] | --dump FILE [--published DATE] "
                   "[--lang ru|en]\n");
      return 2;
    }
  }
  if (dump != nullptr) return Dump(dump, published, lang);

  std::ifstream in(data);
  if (!in) {
    std::fprintf(stderr, "eval_facts: %s: cannot open\n", data.c_str());
    return 1;
  }
  auto ex = pe::FactExtractor::Create();
  if (!ex.ok()) {
    std::fprintf(stderr, "eval_facts: %s\n", ex.status().ToString().c_str());
    return 1;
  }
  struct Count {
    int tp = 0, fp = 0, fn = 0;
  };
  std::map<std::string, Count> counts;
  std::map<std::string, int> langs;
  std::string line;
  int line_no = 0, sentences = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    rapidjson::Document doc;
    doc.Parse(line.c_str());
    if (doc.HasParseError() || !doc.IsObject() || !doc.HasMember("text") ||
        !doc.HasMember("facts")) {
      std::fprintf(stderr, "eval_facts: %s:%d: not a sentence object\n", data.c_str(), line_no);
      return 1;
    }
    ++sentences;
    ++langs[Str(doc, "lang")];
    std::vector<Gold> gold;
    for (const auto& g : doc["facts"].GetArray()) {
      Gold x;
      const auto type = pe::ParseFactType(Str(g, "type"));
      if (!type) {
        std::fprintf(stderr, "eval_facts: %s:%d: unknown fact type\n", data.c_str(), line_no);
        return 1;
      }
      x.type = *type;
      x.value = g.HasMember("value") && g["value"].IsString() ? g["value"].GetString() : "";
      x.has_value = g.HasMember("value") && g["value"].IsNumber();
      x.number = x.has_value ? g["value"].GetDouble() : 0;
      x.has_change = g.HasMember("change") && g["change"].IsNumber();
      x.change = x.has_change ? g["change"].GetDouble() : 0;
      x.end = Str(g, "end");
      x.key = Str(g, "key");
      x.has_key = g.HasMember("key");
      x.name = Str(g, "name");
      if (x.type == pe::FactType::kOfficial) x.key = ex->OfficialKey(x.name);
      x.position = Str(g, "position");
      x.has_position = g.HasMember("position");
      x.unit = Str(g, "unit");
      x.direction = Str(g, "direction");
      x.has_direction = g.HasMember("direction");
      x.indicator = Str(g, "indicator");
      x.has_indicator = g.HasMember("indicator");
      x.kind = Str(g, "kind");
      x.modality = Str(g, "modality");
      x.target = Str(g, "target");
      x.has_target = g.HasMember("target");
      gold.push_back(std::move(x));
    }
    pe::FactOptions opt;
    opt.published = Str(doc, "pub");
    if (auto l = pressmine::ParseLanguageCode(Str(doc, "lang"))) opt.lang = *l;
    const std::vector<pe::Fact> pred = ex->ExtractSentence(doc["text"].GetString(), opt);
    std::vector<bool> used(gold.size(), false);
    for (const pe::Fact& f : pred) {
      const std::string t(pe::FactTypeName(f.type));
      bool hit = false;
      for (size_t k = 0; k < gold.size() && !hit; ++k) {
        if (!used[k] && Matches(f, gold[k])) used[k] = hit = true;
      }
      ++(hit ? counts[t].tp : counts[t].fp);
      if (!hit && verbose)
        std::printf("FP %s: %s\n", Str(doc, "id").c_str(),
                    pressmine::tools::FactToJson(f, "").c_str());
    }
    for (size_t k = 0; k < gold.size(); ++k) {
      if (used[k]) continue;
      const std::string t(pe::FactTypeName(gold[k].type));
      ++counts[t].fn;
      if (verbose) {
        std::printf("FN %s: %s %s%s%s%s\n", Str(doc, "id").c_str(), t.c_str(),
                    gold[k].value.c_str(), gold[k].key.c_str(), gold[k].kind.c_str(),
                    gold[k].modality.c_str());
        for (const pe::Fact& f : pred)
          if (f.type == gold[k].type)
            std::printf("   had %s\n", pressmine::tools::FactToJson(f, "").c_str());
      }
    }
  }
  std::printf("%d sentences (", sentences);
  for (const auto& [l, c] : langs) std::printf(" %s:%d", l.c_str(), c);
  std::printf(" ) from %s\n\n", data.c_str());
  std::printf("%-11s %5s %5s %5s %9s %7s\n", "type", "tp", "fp", "fn", "precision", "recall");
  Count total;
  for (const char* t : {"date", "official", "figure", "program", "commitment"}) {
    const Count c = counts[t];
    total.tp += c.tp, total.fp += c.fp, total.fn += c.fn;
    const double p = c.tp + c.fp ? double(c.tp) / (c.tp + c.fp) : 1.0;
    const double r = c.tp + c.fn ? double(c.tp) / (c.tp + c.fn) : 1.0;
    std::printf("%-11s %5d %5d %5d %9.3f %7.3f\n", t, c.tp, c.fp, c.fn, p, r);
  }
  const double p = total.tp + total.fp ? double(total.tp) / (total.tp + total.fp) : 1.0;
  const double r = total.tp + total.fn ? double(total.tp) / (total.tp + total.fn) : 1.0;
  std::printf("%-11s %5d %5d %5d %9.3f %7.3f\n", "all", total.tp, total.fp, total.fn, p, r);
  return 0;
}
