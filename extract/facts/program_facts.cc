// Program facts: named state programs, support measures and initiatives.
//
// Named programs are gazetteer entries (corpora/facts/programs.tsv) with a key shared by their
// Russian and English names — «сертификаты экономической мобильности» and "economic mobility
// certificates" are one program — so an analyst can follow one program across documents and
// languages. The same file lists generic heads (программа, program, initiative, project) with
// key "*": such a head is a program only with a name attached, either a quoted name right after
// it («программа "Ден соолук"»; in English also before it, the "Den Sooluk" program) or its
// modifiers — the genitive words after a Russian head (by their endings, markers.tsv
// genitive_ending) («программа оздоровления населения»), the word before an English head ("training
// programs"). The key of a generic program is its kind plus the first letters of its name words,
// which links mentions within one language.
//
// Around the name: the period is a year or year period within a few tokens (ru «на 2019–2030
// годы»), the budget is the sentence's first money figure, the responsible body the sentence's
// first organization.
#include <algorithm>
#include <set>
#include <string>

#include "extract/facts/grammar.h"

namespace pressmine::extract::facts {
namespace {

constexpr size_t kMaxQuotedName = 8;  // tokens inside a quoted program name
constexpr size_t kMaxModifiers = 3;   // genitive words after a Russian head
constexpr size_t kPeriodWindow = 2;  // tokens between a program and its period («на», "for the")
constexpr size_t kKeyLetters = 5;    // code points of each name word in a generic key

bool IsMoney(const std::string& unit) {
  return unit.size() == 3 && unit[0] >= 'A' && unit[0] <= 'Z' && unit[1] >= 'A' && unit[1] <= 'Z';
}

// A plain lowercase word that no gazetteer claims: the stuff of program names.
bool FreeWord(const Sentence& s, size_t k) {
  if (k >= s.toks.size()) return false;
  const Tok& t = s.toks[k];
  if (t.kind != TokKind::kWord || t.capitalized || s.used[k]) return false;
  for (const Match& m : s.markers) {
    // The figure grammar's time and place nouns and ratio words are name words here.
    if (m.entry->id == "count_barrier" || m.entry->id == "ratio") continue;
    if (m.begin <= k && k < m.end) return false;
  }
  for (const Match& m : s.matches) {
    if (m.begin <= k && k < m.end && m.entry->cat != Cat::kIndicator) return false;
  }
  return true;
}

// The language-independent part of a generic program's key. A quoted name is a proper name:
// its words' transliteration keys («Ден соолук» and "Den Sooluk" meet). Otherwise the name
// words are stemmed and Russian stems are translated through the glossary lexicon
// («гемодиализа» -> hemodialysi); stems are sorted, since Russian modifiers follow the head
// and English ones precede it. A word the lexicon does not know keeps its own stem, so such a
// program links within its language only.
std::string GenericKey(const Sentence& s, Resources& res, size_t nb, size_t ne, bool quoted) {
  std::vector<std::string> parts;
  std::vector<std::string> stems;
  for (size_t k = nb; k < ne; ++k) {
    const Tok& t = s.toks[k];
    if (t.kind != TokKind::kWord) continue;
    const std::string_view word = s.text.substr(t.begin, t.end - t.begin);
    if (quoted) {
      parts.push_back(res.keyer.NameKey(word));
      continue;
    }
    if (!res.analyzer.Stems(word, &stems).ok() || stems.empty()) continue;
    std::string stem = stems.front();
    if (t.cyrillic) {
      const std::vector<nlp::Translation> tr = res.lexicon.Lookup(stem);
      if (!tr.empty() && !tr.front().stems.empty()) {
        stem.clear();
        for (std::string_view part : tr.front().stems)
          stem += (stem.empty() ? "" : "-") + std::string(part);
      }
    }
    parts.push_back(std::move(stem));
  }
  if (!quoted) std::sort(parts.begin(), parts.end());
  std::string key;
  for (const std::string& p : parts) key += "_" + p;
  return key;
}

}  // namespace

void FindProgramFacts(Sentence& s, Resources& res, std::vector<Fact>* out) {
  std::set<std::string> seen;
  for (const Match& m : s.matches) {
    if (m.entry->cat != Cat::kProgram) continue;
    size_t b = m.begin, e = m.end;
    std::string key = m.entry->id;
    const bool generic = key == "*";
    if (generic) {
      size_t nb = e, ne = e;
      bool quoted = false;
      if (s.IsPunct(e, "\"")) {  // quoted name
        size_t k = e + 1;
        while (k < s.toks.size() && k - e <= kMaxQuotedName && !s.IsPunct(k, "\"")) ++k;
        if (k < s.toks.size() && s.IsPunct(k, "\"") && k > e + 1)
          nb = e + 1, ne = k, e = k + 1, quoted = true;
      } else if (s.toks[m.begin].cyrillic) {
        while (ne < s.toks.size() && ne - nb < kMaxModifiers && FreeWord(s, ne) &&
               EndsWithAny(s.toks[ne].norm, res.genitive_endings) &&
               !EndsWithAny(s.toks[ne].norm, res.verb_endings)) {
          ++ne;
        }
        e = ne;
      } else if (b >= 3 && s.IsPunct(b - 1, "\"")) {  // the "Den Sooluk" program
        size_t k = b - 2;
        while (k > 0 && b - 1 - k <= kMaxQuotedName && !s.IsPunct(k, "\"")) --k;
        if (s.IsPunct(k, "\"") && k + 1 < b - 1) nb = k + 1, ne = b - 1, b = k, quoted = true;
      } else if (b > 0 && FreeWord(s, b - 1)) {
        nb = b - 1, ne = b, b = b - 1;
      }
      if (ne == nb && m.end - m.begin < 2) continue;  // a bare head names nothing
      key = m.entry->extra + GenericKey(s, res, nb, ne, quoted);
    }
    if (!seen.insert(key).second) continue;
    // Period: a year or period close after (or just before) the name.
    std::string period;
    for (const Span& d : s.dates) {
      const std::string p = YearOrPeriod((*out)[d.fact]);
      if (p.empty()) continue;
      if (d.begin >= e && d.begin - e <= kPeriodWindow) {
        period = p;
        e = d.end;
        break;
      }
    }
    Fact f = s.MakeFact(FactType::kProgram, b, e);
    f.program.name = f.text;
    f.program.kind = m.entry->extra;
    f.program.period = period;
    f.program.key = key;
    for (const Span& fs : s.figures) {
      const FigureValue& v = (*out)[fs.fact].figure;
      if (!IsMoney(v.unit) || !v.value) continue;
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.15g %s", *v.value, v.unit.c_str());
      f.program.budget = buf;
      break;
    }
    for (const Match& o : s.matches) {
      if (o.entry->cat == Cat::kOrg) {
        f.program.responsible = o.entry->id;
        break;
      }
    }
    s.programs.push_back({b, e, out->size()});
    out->push_back(std::move(f));
  }
}

}  // namespace pressmine::extract::facts
