#include "tools/bench_search/generator.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <set>

namespace pressmine::bench {
namespace {

// Share of stories published in English only (the rest follow the source's en_percent).
constexpr double kEnglishOnlyShare = 0.04;
// Share of Russian releases that write ё as е, as many ministry sites do.
constexpr double kYoAsYeShare = 0.5;
constexpr double kQuoteShare = 0.7;
constexpr double kCloseShare = 0.8;
constexpr int kMinBodySentences = 3;
constexpr int kMaxBodySentences = 6;
// Days a release may trail its story's place on the timeline (several sites, late posting).
constexpr int kDateJitterDays = 3;
// Numbers one template may draw ({N:...} and {F:...} slots).
constexpr size_t kNumbersPerTemplate = 8;

// SplitMix64: tiny, fast, and the same on every platform (std distributions are not).
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n); the modulo bias is negligible for the small n used here.
  size_t Below(size_t n) { return n == 0 ? 0 : static_cast<size_t>(Next() % n); }
  bool Chance(double p) { return static_cast<double>(Next() >> 11) * 0x1.0p-53 < p; }

 private:
  uint64_t state_;
};

template <typename T>
size_t PickWeighted(Rng& rng, const std::vector<T>& items, const std::vector<size_t>& exclude) {
  int64_t total = 0;
  for (size_t i = 0; i < items.size(); ++i) {
    if (std::find(exclude.begin(), exclude.end(), i) == exclude.end()) total += items[i].weight;
  }
  int64_t r = static_cast<int64_t>(rng.Below(static_cast<size_t>(total)));
  for (size_t i = 0; i < items.size(); ++i) {
    if (std::find(exclude.begin(), exclude.end(), i) != exclude.end()) continue;
    r -= items[i].weight;
    if (r < 0) return i;
  }
  return items.size() - 1;
}

// Upper-cases the first letter of Latin or Russian text (all templates need).
std::string Capitalized(std::string s) {
  if (s.empty()) return s;
  const auto b0 = static_cast<unsigned char>(s[0]);
  if (b0 >= 'a' && b0 <= 'z') {
    s[0] = static_cast<char>(b0 - 32);
  } else if (s.size() >= 2) {
    const auto b1 = static_cast<unsigned char>(s[1]);
    const unsigned cp = ((b0 & 0x1Fu) << 6) | (b1 & 0x3Fu);
    unsigned up = cp;
    if (cp >= 0x430 && cp <= 0x44F) up = cp - 0x20;
    if (cp == 0x451) up = 0x401;
    if (up != cp && (b0 & 0xE0) == 0xC0) {
      s[0] = static_cast<char>(0xC0 | (up >> 6));
      s[1] = static_cast<char>(0x80 | (up & 0x3F));
    }
  }
  return s;
}

std::string ReplaceYo(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (i + 1 < s.size() && static_cast<unsigned char>(s[i]) == 0xD1 &&
        static_cast<unsigned char>(s[i + 1]) == 0x91) {  // ё
      out += "е";
      ++i;
    } else if (i + 1 < s.size() && static_cast<unsigned char>(s[i]) == 0xD0 &&
               static_cast<unsigned char>(s[i + 1]) == 0x81) {  // Ё
      out += "Е";
      ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

// Digits grouped by three: "12 345" in Russian, "12,345" in English.
std::string Grouped(int64_t n, bool russian) {
  std::string digits = std::to_string(n);
  if (digits.size() <= 3) return digits;
  std::string out;
  const int lead = static_cast<int>(digits.size() % 3);
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (static_cast<int>(i) - lead) % 3 == 0) out += russian ? ' ' : ',';
    out += digits[i];
  }
  return out;
}

// Everything a story fixes before it is rendered in one or both languages.
struct StoryPlan {
  const Source* source = nullptr;
  std::array<const Concept*, 3> concepts{};
  std::array<size_t, 3> concept_variant{};  // English spelling of each concept
  std::array<const Person*, 2> persons{};
  std::array<size_t, 2> surname_variant{};  // English spelling of each surname
  const Region* region = nullptr;
  int year = 0, month = 0, day = 0;
  struct Part {
    const Template* tmpl;
    std::array<uint64_t, kNumbersPerTemplate> numbers;
  };
  std::vector<Part> title, lead, body, tail;
};

class Renderer {
 public:
  Renderer(const Vocabulary& v, const StoryPlan& plan, bool russian, std::set<std::string>& tags)
      : v_(v), plan_(plan), ru_(russian), tags_(tags) {}

  // Renders one template; false (with `error` set) when a slot is unknown.
  bool Render(const StoryPlan::Part& part, std::string& out, std::string& error) {
    const std::string& text = ru_ ? part.tmpl->ru : part.tmpl->en;
    size_t next_number = 0;
    for (size_t i = 0; i < text.size();) {
      if (text[i] != '{') {
        out += text[i++];
        continue;
      }
      const size_t close = text.find('}', i);
      if (close == std::string::npos) {
        error = "unclosed slot";
        return false;
      }
      std::string slot = text.substr(i + 1, close - i - 1);
      i = close + 1;
      bool cap = false;
      if (!slot.empty() && slot[0] == '^') {
        cap = true;
        slot.erase(0, 1);
      }
      std::string value;
      if (!Slot(slot, part, next_number, value)) {
        error = "bad slot {" + slot + "}";
        return false;
      }
      out += cap ? Capitalized(value) : value;
    }
    return true;
  }

 private:
  bool Slot(const std::string& slot, const StoryPlan::Part& part, size_t& next_number,
            std::string& value) {
    if (slot.size() > 2 && (slot[0] == 'N' || slot[0] == 'F') && slot[1] == ':') {
      return Number(slot, part, next_number, value);
    }
    if (slot == "DATE") {
      value = ru_ ? std::to_string(plan_.day) + " " + v_.months_ru[plan_.month - 1]
                  : v_.months_en[plan_.month - 1] + " " + std::to_string(plan_.day);
      return true;
    }
    if (slot == "YEAR") return (value = std::to_string(plan_.year)), true;
    if (slot == "PYEAR") return (value = std::to_string(plan_.year - 1)), true;
    if (slot == "YEAR5") return (value = std::to_string(plan_.year + 5)), true;
    if (slot == "CUR") return (value = ru_ ? plan_.source->currency_ru : plan_.source->currency_en), true;

    const std::vector<std::string> parts = Split(slot, '.');
    const std::string& head = parts[0];
    // The grammatical case is the last part in Russian; English templates name none.
    auto ru_case = [&](size_t at) -> Case {
      return at < parts.size() ? ParseCase(parts[at]) : kCaseCount;
    };
    if (head == "MIN") {
      const Source& s = *plan_.source;
      if (parts.size() == 2 && parts[1] == "short") return (value = ru_ ? s.short_ru : s.short_en), true;
      if (!ru_) return parts.size() == 1 && ((value = s.ministry_en), true);
      const Case c = ru_case(1);
      return c != kCaseCount && ((value = s.ministry_ru[c]), true);
    }
    if (head == "R") {
      tags_.insert("r:" + plan_.region->id);
      if (!ru_) return parts.size() == 1 && ((value = plan_.region->en), true);
      const Case c = ru_case(1);
      return c != kCaseCount && ((value = plan_.region->ru[c]), true);
    }
    if (head.size() == 2 && head[0] == 'C' && head[1] >= '1' && head[1] <= '3') {
      const size_t k = static_cast<size_t>(head[1] - '1');
      const Concept& c = *plan_.concepts[k];
      tags_.insert("c:" + c.id);
      if (!ru_) return parts.size() == 1 && ((value = c.en[plan_.concept_variant[k] % c.en.size()]), true);
      const Case cs = ru_case(1);
      return cs != kCaseCount && ((value = c.ru[cs]), true);
    }
    if (head.size() == 2 && head[0] == 'P' && (head[1] == '1' || head[1] == '2')) {
      const size_t k = static_cast<size_t>(head[1] - '1');
      const Person& p = *plan_.persons[k];
      const std::string surname_en = p.surnames_en[plan_.surname_variant[k] % p.surnames_en.size()];
      if (parts.size() >= 2 && parts[1].rfind("g:", 0) == 0) {
        const std::vector<std::string> forms = Split(parts[1].substr(2), '|');
        if (forms.size() != 2) return false;
        value = forms[p.female ? 1 : 0];
        return true;
      }
      if (parts.size() >= 2 && parts[1] == "pos") {
        const Position* pos = v_.FindPosition(p.position);
        if (!ru_) return parts.size() == 2 && ((value = pos->en), true);
        const Case c = ru_case(2);
        return c != kCaseCount && ((value = pos->ru[c]), true);
      }
      tags_.insert("p:" + p.id);
      if (parts.size() >= 2 && parts[1] == "sur") {
        if (!ru_) return parts.size() == 2 && ((value = surname_en), true);
        const Case c = ru_case(2);
        return c != kCaseCount && ((value = p.surname_ru[c]), true);
      }
      if (!ru_) return parts.size() == 1 && ((value = p.first_en + " " + surname_en), true);
      const Case c = ru_case(1);
      return c != kCaseCount && ((value = p.first_ru[c] + " " + p.surname_ru[c]), true);
    }
    return false;
  }

  bool Number(const std::string& slot, const StoryPlan::Part& part, size_t& next_number,
              std::string& value) {
    const std::vector<std::string> range = Split(slot.substr(2), '-');
    int lo = 0, hi = 0;
    if (range.size() != 2 || std::from_chars(range[0].data(), range[0].data() + range[0].size(), lo).ec != std::errc() ||
        std::from_chars(range[1].data(), range[1].data() + range[1].size(), hi).ec != std::errc() || hi < lo ||
        next_number >= kNumbersPerTemplate) {
      return false;
    }
    const uint64_t r = part.numbers[next_number++];
    if (slot[0] == 'N') {
      value = Grouped(lo + static_cast<int64_t>(r % static_cast<uint64_t>(hi - lo + 1)), ru_);
      return true;
    }
    const int64_t tenths = lo * 10 + static_cast<int64_t>(r % static_cast<uint64_t>((hi - lo) * 10 + 1));
    value = Grouped(tenths / 10, ru_) + (ru_ ? "," : ".") + std::to_string(tenths % 10);
    return true;
  }

  const Vocabulary& v_;
  const StoryPlan& plan_;
  bool ru_;
  std::set<std::string>& tags_;
};

// Renders a planned story in one language; `error` names the failing template.
bool RenderDoc(const Vocabulary& v, const StoryPlan& plan, bool russian, bool yo_as_ye,
               GeneratedDoc& doc, std::string& error) {
  std::set<std::string> tags;
  Renderer r(v, plan, russian, tags);
  auto render = [&](const StoryPlan::Part& p, std::string& out) {
    if (r.Render(p, out, error)) return true;
    error += " in template: " + (russian ? p.tmpl->ru : p.tmpl->en);
    return false;
  };
  for (const auto& p : plan.title) {
    if (!render(p, doc.title)) return false;
  }
  std::vector<std::string> paragraphs;
  for (const auto& p : plan.lead) {
    paragraphs.emplace_back();
    if (!render(p, paragraphs.back())) return false;
  }
  // Body sentences come two to a paragraph, as releases group them.
  for (size_t i = 0; i < plan.body.size(); ++i) {
    std::string sentence;
    if (!render(plan.body[i], sentence)) return false;
    if (i % 2 == 1) {
      paragraphs.back() += " " + sentence;
    } else {
      paragraphs.push_back(std::move(sentence));
    }
  }
  for (const auto& p : plan.tail) {
    paragraphs.emplace_back();
    if (!render(p, paragraphs.back())) return false;
  }
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    if (i > 0) doc.text += "\n\n";
    doc.text += paragraphs[i];
  }
  if (yo_as_ye) {
    doc.title = ReplaceYo(doc.title);
    doc.text = ReplaceYo(doc.text);
  }
  doc.lang = russian ? "ru" : "en";
  doc.source = plan.source->id;
  char date[16];
  std::snprintf(date, sizeof date, "%04d-%02d-%02d", plan.year, plan.month, plan.day);
  doc.published = date;
  doc.tags.assign(tags.begin(), tags.end());
  return true;
}

bool ParseIsoDay(const std::string& s, int64_t& days) {
  int y = 0, m = 0, d = 0;
  if (s.size() != 10 || std::sscanf(s.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 ||
      d < 1 || d > 31) {
    return false;
  }
  days = DaysFromCivil(y, m, d);
  return true;
}

}  // namespace

// Howard Hinnant's days_from_civil / civil_from_days.
int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = yoe + era * 400 + (m <= 2);
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02d-%02d", static_cast<int>(y), static_cast<int>(m),
                static_cast<int>(d));
  return out;
}

Result<CorpusGenerator> CorpusGenerator::Create(const Vocabulary& vocabulary,
                                                GeneratorOptions options) {
  int64_t first = 0, last = 0;
  if (!ParseIsoDay(options.first_day, first) || !ParseIsoDay(options.last_day, last) || last < first) {
    return Status::InvalidArgument("bad date span " + options.first_day + ".." + options.last_day);
  }
  if (options.expected_docs <= 0) return Status::InvalidArgument("expected_docs must be positive");
  CorpusGenerator g(&vocabulary, std::move(options), first, last);
  // Every template must render with every concept kind it claims: try each once.
  for (const Template& t : vocabulary.templates) {
    for (const Concept& c : vocabulary.concepts) {
      if (t.kind != "any" && t.kind != c.kind) continue;
      StoryPlan plan;
      plan.source = &vocabulary.sources[0];
      plan.concepts = {&c, &c, &c};
      plan.persons = {&vocabulary.persons[0], &vocabulary.persons[0]};
      plan.region = &vocabulary.regions[0];
      plan.year = 2025, plan.month = 1, plan.day = 1;
      plan.body.push_back({&t, {}});
      for (bool ru : {true, false}) {
        GeneratedDoc doc;
        std::string error;
        if (!RenderDoc(vocabulary, plan, ru, false, doc, error)) {
          return Status::Internal("corpora/bench/templates.tsv: " + error);
        }
      }
      break;
    }
  }
  return g;
}

std::vector<GeneratedDoc> CorpusGenerator::Story(int64_t index) const {
  const Vocabulary& v = *v_;
  Rng rng(options_.seed * 0x9E3779B97F4A7C15ULL + static_cast<uint64_t>(index) * 0xD1B54A32D192ED03ULL + 1);
  StoryPlan plan;
  plan.source = &v.sources[PickWeighted(rng, v.sources, {})];

  // Place on the timeline: stories are spread evenly over the span for expected_docs releases.
  double en_share = 0;
  int64_t total_weight = 0;
  for (const Source& s : v.sources) {
    en_share += s.weight * s.en_percent / 100.0;
    total_weight += s.weight;
  }
  const double docs_per_story = 1.0 + en_share / static_cast<double>(total_weight);
  const double expected_stories = static_cast<double>(options_.expected_docs) / docs_per_story;
  const double span = static_cast<double>(last_day_ - first_day_);
  const int64_t day = first_day_ + static_cast<int64_t>(static_cast<double>(index) * span / expected_stories) +
                      static_cast<int64_t>(rng.Below(kDateJitterDays + 1));
  const std::string iso = CivilFromDays(day);
  plan.year = std::stoi(iso.substr(0, 4));
  plan.month = std::stoi(iso.substr(5, 2));
  plan.day = std::stoi(iso.substr(8, 2));

  std::vector<size_t> chosen;
  for (size_t k = 0; k < 3; ++k) {
    const size_t c = PickWeighted(rng, v.concepts, chosen);
    chosen.push_back(c);
    plan.concepts[k] = &v.concepts[c];
    plan.concept_variant[k] = rng.Below(16);
  }
  std::vector<const Person*> people;
  for (const Person& p : v.persons) {
    if (p.group == plan.source->group || p.group == "any") people.push_back(&p);
  }
  const size_t p1 = rng.Below(people.size());
  size_t p2 = rng.Below(people.size() - 1);
  if (p2 >= p1) ++p2;
  plan.persons = {people[p1], people[p2]};
  plan.surname_variant = {rng.Below(16), rng.Below(16)};
  std::vector<const Region*> regions;
  for (const Region& r : v.regions) {
    if (r.group == plan.source->group) regions.push_back(&r);
  }
  plan.region = regions[rng.Below(regions.size())];

  const std::string& kind = plan.concepts[0]->kind;
  auto candidates = [&](std::string_view part) {
    std::vector<const Template*> out;
    for (const Template& t : v.templates) {
      if (t.part == part && (t.kind == "any" || t.kind == kind)) out.push_back(&t);
    }
    return out;
  };
  auto part = [&](const Template* t) {
    StoryPlan::Part p{t, {}};
    for (uint64_t& n : p.numbers) n = rng.Next();
    return p;
  };
  auto pick = [&](std::string_view name, std::vector<StoryPlan::Part>& into) {
    const auto c = candidates(name);
    if (!c.empty()) into.push_back(part(c[rng.Below(c.size())]));
  };
  pick("title", plan.title);
  pick("lead", plan.lead);
  std::vector<const Template*> body = candidates("body");
  for (size_t i = body.size(); i > 1; --i) std::swap(body[i - 1], body[rng.Below(i)]);
  const size_t sentences =
      std::min(body.size(), static_cast<size_t>(kMinBodySentences +
                                                rng.Below(kMaxBodySentences - kMinBodySentences + 1)));
  for (size_t i = 0; i < sentences; ++i) plan.body.push_back(part(body[i]));
  if (rng.Chance(kQuoteShare)) pick("quote", plan.tail);
  if (rng.Chance(kCloseShare)) pick("close", plan.tail);

  const double en_only = kEnglishOnlyShare;
  const double both = plan.source->en_percent / 100.0;
  const double r = static_cast<double>(rng.Next() >> 11) * 0x1.0p-53;
  std::vector<bool> languages;  // true = Russian
  if (r < en_only) {
    languages = {false};
  } else if (r < en_only + both) {
    languages = {true, false};
  } else {
    languages = {true};
  }
  const bool yo_as_ye = rng.Chance(kYoAsYeShare);
  std::vector<GeneratedDoc> docs;
  for (bool ru : languages) {
    GeneratedDoc doc;
    doc.story = index;
    std::string error;
    // Templates were checked in Create, so rendering cannot fail here.
    if (RenderDoc(v, plan, ru, ru && yo_as_ye, doc, error)) docs.push_back(std::move(doc));
  }
  return docs;
}

std::vector<GeneratedDoc> CorpusGenerator::Generate(int64_t count) const {
  std::vector<GeneratedDoc> docs;
  docs.reserve(static_cast<size_t>(count));
  for (int64_t story = 0; static_cast<int64_t>(docs.size()) < count; ++story) {
    for (GeneratedDoc& d : Story(story)) {
      if (static_cast<int64_t>(docs.size()) == count) break;
      d.id = static_cast<int64_t>(docs.size()) + 1;
      docs.push_back(std::move(d));
    }
  }
  return docs;
}

}  // namespace pressmine::bench
