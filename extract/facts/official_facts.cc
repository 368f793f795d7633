// Official facts: a named person with a position (and an organization when stated).
//
// Grammar, over gazetteer matches of positions (corpora/facts/positions.tsv) and organizations:
//   A  POSITION [ORG | of [the] ORG] NAME ((and | ,) NAME)*
//        «заместителей министра Бакытбека Кадыралиева и Темирбека Эркинова»,
//        "chaired by Minister Kanaybek Dosmambetov", «министр здравоохранения Кыргызстана ...»
//   B  NAME , POSITION [of [the] ORG]
//        «Арзыбек Кожошев, первый заместитель Председателя Кабинета Министров»,
//        "Alexei Overchuk, Deputy Prime Minister of the Russian Federation"
// Between a Russian position and the name may stand up to three lowercase genitive words
// («главный врач больницы Эрлан Сатыбалдиев»); after an English position, a longer run of
// capitalized words is an institution followed by the name, of which the last two words are kept
// ("Director of the Republican Center for Immunoprophylaxis Marat Omarov").
// A NAME is one to three capitalized words that are not themselves a position, organization,
// indicator, program, month or listed stop word. Only mentions with a position are officials;
// a bare name is too weak a signal on its own (it may be a place, a clinic or an author).
//
// Case. In A, the name agrees with the position word: after an oblique position word
// («министром», «заместителей») each name word is reduced to its nominative with
// nlp::NameKeyer::BaseForm («Досмамбетовым» -> Досмамбетов). After a nominative position word
// and in B the name is already nominative and is kept as written, so feminine surnames
// («Петрова») are not turned into masculine ones. Whether a Russian position word is oblique is
// read from its ending (markers.tsv role oblique_ending).
//
// Key. The key of the last name word, by nlp::NameKeyer::NameKey, so «Кадыралиев» and
// "Kadyraliev" are one official across documents and languages.
#include <string>

#include "extract/facts/grammar.h"

namespace pressmine::extract::facts {
namespace {

constexpr size_t kMaxNameWords = 3;
constexpr size_t kMaxComplementWords = 3;  // genitive words between a Russian position and a name
constexpr size_t kMaxEnglishRun = 5;       // capitalized words scanned after an English position
constexpr size_t kEnglishNameWords = 2;

bool NameWordAt(const Sentence& s, size_t k) {
  if (k >= s.toks.size()) return false;
  const Tok& t = s.toks[k];
  if (t.kind != TokKind::kWord || !t.capitalized || t.norm.size() < 3) return false;
  if (s.Has(k, kNameStop)) return false;
  for (const Match& m : s.matches) {
    if (m.begin > k) break;
    if (m.begin <= k && k < m.end &&
        (m.entry->cat == Cat::kPosition || m.entry->cat == Cat::kOrg ||
         m.entry->cat == Cat::kIndicator || m.entry->cat == Cat::kProgram ||
         m.entry->cat == Cat::kUnit)) {
      return false;
    }
  }
  return !t.all_caps;  // an acronym (NGS, WHO, МЗ), not a name
}

// Name words from k forward: [k, end).
size_t NameForward(const Sentence& s, size_t k) {
  size_t e = k;
  while (e - k < kMaxNameWords && NameWordAt(s, e) &&
         (e == k || s.toks[e].cyrillic == s.toks[k].cyrillic)) {
    ++e;
  }
  return e;
}

// Name words ending at `end` (exclusive), going back: [begin, end).
size_t NameBackward(const Sentence& s, size_t end) {
  size_t b = end;
  while (b > 0 && end - b < kMaxNameWords && NameWordAt(s, b - 1)) --b;
  // The sentence's first word is capitalized anyway; keep it only if two name words remain.
  if (b == 0 && end - b < 2) return end;
  return b;
}

// Organization after a position at token k: ORG directly (genitive) or "of [the] ORG".
const Match* OrgAfter(const Sentence& s, size_t k, size_t* end) {
  size_t at = k;
  if (const Match* of = s.MarkerAt("of", k); of != nullptr) at = of->end;
  const Match* org = s.MatchAt(Cat::kOrg, at);
  if (org == nullptr) return nullptr;
  *end = org->end;
  return org;
}

bool Oblique(const Sentence& s, const Match& position, const Resources& res) {
  const Tok& head = s.toks[position.begin];
  if (!head.cyrillic) return false;
  return EndsWithAny(head.norm, res.oblique_endings);
}

struct OfficialBuilder {
  Sentence& s;
  Resources& res;
  std::vector<Fact>* out;

  void Emit(size_t name_b, size_t name_e, const Match& position, std::string_view org,
            size_t pos_end, bool oblique) {
    std::string name;
    std::string last;
    for (size_t k = name_b; k < name_e; ++k) {
      const Tok& t = s.toks[k];
      std::string word(s.text.substr(t.begin, t.end - t.begin));
      if (oblique && t.cyrillic) word = res.keyer.BaseForm(word);
      if (!name.empty()) name += ' ';
      name += word;
      last = word;
    }
    const size_t b = std::min(name_b, position.begin);
    const size_t e = std::max(name_e, pos_end);
    Fact f = s.MakeFact(FactType::kOfficial, b, e);
    f.official.name = std::move(name);
    f.official.position = position.entry->id;
    const size_t pb = s.toks[position.begin].begin, pe = s.toks[pos_end - 1].end;
    f.official.position_text = std::string(s.text.substr(pb, pe - pb));
    f.official.org = std::string(org.empty() ? std::string_view(position.entry->extra) : org);
    f.official.key = res.keyer.NameKey(last);
    s.officials.push_back({b, e, out->size()});
    out->push_back(std::move(f));
  }
};

}  // namespace

void FindOfficialFacts(Sentence& s, Resources& res, std::vector<Fact>* out) {
  OfficialBuilder builder{s, res, out};
  for (const Match& p : s.matches) {
    if (p.entry->cat != Cat::kPosition) continue;
    size_t pos_end = p.end;
    std::string_view org;
    if (const Match* o = OrgAfter(s, p.end, &pos_end); o != nullptr) org = o->entry->id;
    // A: names after the position.
    size_t k = pos_end;
    if (s.toks[p.begin].cyrillic) {
      // «главный врач больницы Эрлан ...»: genitive complements of the position come first.
      for (size_t skipped = 0;
           skipped < kMaxComplementWords && k < s.toks.size() && s.toks[k].kind == TokKind::kWord &&
           !s.toks[k].capitalized && EndsWithAny(s.toks[k].norm, res.genitive_endings);
           ++skipped) {
        ++k;
      }
    } else {
      if (s.IsPunct(k, ",") && NameForward(s, k + 1) > k + 1) ++k;
      if (s.Has(k, kOf) && NameWordAt(s, k + 1))
        ++k;  // "... Center for Immunoprophylaxis Marat Omarov"
      // An English name is its last two capitalized words: before them stand the rest of an
      // institution's name.
      size_t run = k;
      while (run - k < kMaxEnglishRun && NameWordAt(s, run)) ++run;
      if (run - k > kEnglishNameWords) k = run - kEnglishNameWords;
    }
    size_t e = NameForward(s, k);
    if (e > k) {
      const bool oblique = Oblique(s, p, res);
      builder.Emit(k, e, p, org, pos_end, oblique);
      while (e < s.toks.size() && s.Has(e, kAnd)) {
        const size_t next = NameForward(s, e + 1);
        if (next == e + 1) break;
        builder.Emit(e + 1, next, p, org, pos_end, oblique);
        e = next;
      }
      continue;
    }
    // B: NAME , POSITION.
    if (p.begin >= 2 && s.IsPunct(p.begin - 1, ",")) {
      const size_t b = NameBackward(s, p.begin - 1);
      if (b < p.begin - 1) builder.Emit(b, p.begin - 1, p, org, pos_end, false);
    }
  }
}

}  // namespace pressmine::extract::facts
