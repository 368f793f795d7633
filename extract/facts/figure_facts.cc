// Figure facts: a number with its unit, scale, indicator, period and change.
//
// Grammar (tokens not claimed by dates):
//   [prefix-unit] NUMBER [scale] [unit]       «9,2 млн тенге», «2 643 медицинских работника»,
//                                             "$5 million", "1,224 children", "13.5 per 1,000
//                                             live births", "35.4%"
// Units of counted things may stand a word or two later ("320 new cases", "40 district
// hospitals"), as long as the words between are free lowercase words, not time or place nouns
// (markers.tsv's count_barrier): in «за три дня врачи», "in three districts doctors" the number
// counts the days or districts.
// A number without a unit is not a figure: ordinals ("23rd meeting"), counts of things we have
// no unit for and stray numbers would otherwise swamp the real figures. Numbers written as words
// (number_words.h) are figures only with a count unit or a scale. Units, scales and the
// "per 1,000 live births" rates are gazetteer entries (corpora/facts/units.tsv, scales.tsv).
//
// Changes. A percentage with a change word right before it ("a reduction of 4.2%", «снижение на
// 4,2%») or right after it («на 35,4% выше», "a 28.1% increase") is a change. It belongs to the
// nearest figure before it in the sentence when there is one ("13.5 per 1,000 live births, a
// reduction of 4.2%"); otherwise it is a figure of its own that carries only the change (no
// value: the level is not stated). The base of the comparison is the first year after a compare
// word ("than in 2024").
//
// Indicator and period. A figure measures the nearest indicator phrase before it in the
// sentence, or failing that the nearest one after it ("a 28.1% increase in infectious diseases":
// the one right after a figure that ends with its change word, first); its period is the nearest
// year or year period before it, or failing that after it. An indicator that only gives context
// is passed over: the whole in "the causes of infant mortality: perinatal diseases account for
// 65.7%" (the figure is a share of a cause, not the mortality rate), the "of" part in "mortality
// from infectious diseases" (markers.tsv's structure and indicator_of), and any after a share verb
// ("account for 7.9% of infant mortality"). Sentences in releases rarely mix two indicators with
// two years, and when they do the nearest-before rule follows the usual Russian and English order
// ("in 2025, infant mortality amounted to 13.5").
#include <cmath>
#include <cstdio>
#include <string>

#include "extract/facts/grammar.h"

namespace pressmine::extract::facts {
namespace {

constexpr size_t kChangeWindow = 3;    // tokens between a change word and its percentage
constexpr size_t kIndicatorAfter = 8;  // how far after a figure its indicator may stand
constexpr size_t kMaxCountGap = 2;     // words between a number and a count unit
constexpr size_t kStructureGap = 2;    // words between "the causes" and the whole ("of the")
constexpr size_t kChangeOfGap = 2;     // words between "a 28% increase" and what rose ("in")

// A lowercase word no gazetteer claims but as an indicator (a modifier such as "new",
// «медицинских», "measles").
bool FreeLowerWord(const Sentence& s, size_t k) {
  if (k >= s.toks.size() || s.toks[k].kind != TokKind::kWord || s.toks[k].capitalized) return false;
  for (const Match& m : s.matches) {
    if (m.begin <= k && k < m.end && m.entry->cat != Cat::kIndicator) return false;
  }
  for (const Match& m : s.markers) {
    if (m.begin <= k && k < m.end) return false;
  }
  return true;
}

bool InIndicator(const Sentence& s, size_t k) {
  for (const Match& m : s.matches) {
    if (m.entry->cat == Cat::kIndicator && m.begin <= k && k < m.end) return true;
  }
  return false;
}

const Match* ChangeNear(const Sentence& s, size_t b, size_t e) {
  for (const Match& m : s.matches) {
    if (m.entry->cat != Cat::kChange) continue;
    if (m.end <= b) {
      // What changed may stand between: «рост инфекционных болезней на 27%». "fell to 82%"
      // states the new level, not the change.
      size_t gap = 0;
      bool level = false;
      for (size_t k = m.end; k < b; ++k) {
        gap += InIndicator(s, k) ? 0 : 1;
        level |= s.MarkerAt("change_to", k) != nullptr;
      }
      if (gap <= kChangeWindow && !level) return &m;
    }
    if (m.begin >= e && m.begin - e <= 1) return &m;
  }
  return nullptr;
}

// An indicator that is not what a figure near it measures: the whole whose parts the sentence
// lists ("the causes of infant mortality", «в структуре причин младенческой смертности»), or what
// another indicator is of ("mortality from infectious diseases": the figure is mortality).
bool OnlyContext(const Sentence& s, const Match& ind) {
  // Words between are function words ("of the"), not another indicator.
  for (size_t gap = 0; gap <= kStructureGap && gap < ind.begin; ++gap) {
    if (gap > 0 && InIndicator(s, ind.begin - gap)) break;
    for (const Match& m : s.markers) {
      if (m.end == ind.begin - gap && m.entry->id == "structure") return true;
    }
  }
  if (ind.begin >= 2 && s.MarkerAt("indicator_of", ind.begin - 1) != nullptr) {
    for (const Match& m : s.matches) {
      if (m.entry->cat == Cat::kIndicator && m.end == ind.begin - 1) return true;
    }
  }
  return false;
}

bool Ratio(const Sentence& s, size_t i) {
  for (const Match& m : s.markers) {
    if (m.end == i && m.entry->id == "ratio") return true;
  }
  return false;
}

std::string BaseAfter(const Sentence& s, const std::vector<Fact>& out, size_t from) {
  bool compare = false;
  for (size_t k = from; k < s.toks.size(); ++k) {
    if (s.Has(k, kCompare) || s.MarkerAt("compare", k) != nullptr) compare = true;
    if (!compare) continue;
    for (const Span& d : s.dates) {
      if (d.begin <= k && k < d.end) return out[d.fact].date.Iso();
    }
  }
  return "";
}

}  // namespace

void FindFigureFacts(Sentence& s, std::vector<Fact>* out) {
  const size_t n = s.toks.size();
  for (size_t i = 0; i < n; ++i) {
    if (s.used[i] || s.toks[i].kind != TokKind::kNumber || !s.toks[i].quantity) continue;
    const bool spelled = s.toks[i].spelled;
    // «три 500-коечных»: a spelled number right before digits is not a figure by itself.
    if (spelled && i + 1 < n && s.toks[i + 1].kind == TokKind::kNumber) continue;
    // "one in ten children": a ratio, not a count.
    if (Ratio(s, i)) continue;
    size_t b = i, e = i + 1;
    double value = s.toks[i].value;
    std::string unit;
    if (i > 0) {
      if (const Match* u = s.MatchAt(Cat::kUnit, i - 1);
          u != nullptr && u->entry->extra == "prefix") {
        unit = u->entry->id;
        b = i - 1;
      }
    }
    if (const Match* sc = s.MatchAt(Cat::kScale, e); sc != nullptr) {
      value *= sc->entry->number;
      e = sc->end;
    }
    if (unit.empty()) {
      const Match* u = s.MatchAt(Cat::kUnit, e);
      // "320 new cases", «86 медицинских сестёр»: up to kMaxCountGap free words before a count
      // unit.
      for (size_t gap = 1; u == nullptr && gap <= kMaxCountGap && FreeLowerWord(s, e + gap - 1);
           ++gap) {
        u = s.MatchAt(Cat::kUnit, e + gap);
        if (u != nullptr && u->entry->extra != "count") u = nullptr;
      }
      if (u == nullptr || u->entry->extra == "prefix") continue;
      // "for five years", «за последние три года»: a spelled duration is not a statistic.
      if (spelled && u->entry->extra == "duration") continue;
      unit = u->entry->id;
      e = u->end;
    }
    for (size_t k = b; k < e; ++k) s.used[k] = 1;
    // Round away binary noise from scaling (9.2 * 1e6).
    value = std::round(value * 1e6) / 1e6;

    if (unit == "percent") {
      if (const Match* ch = ChangeNear(s, b, e); ch != nullptr) {
        ChangeValue change{value, unit, ch->entry->id, BaseAfter(s, *out, e)};
        if (!s.figures.empty()) {
          Fact& owner = (*out)[s.figures.back().fact];
          if (!owner.figure.change.has_value() && owner.figure.unit != "percent") {
            owner.figure.change = change;
            // The evidence grows to cover the change.
            const size_t to = s.toks[std::max(e, ch->end) - 1].end;
            owner.end = s.base + to;
            owner.text =
                std::string(s.text.substr(owner.begin - s.base, to - (owner.begin - s.base)));
            i = e - 1;
            continue;
          }
        }
        const size_t fb = std::min(b, ch->begin), fe = std::max(e, ch->end);
        // Only a change: "a 28.1% increase", «снизилась на 7,8%» state no level.
        Fact f = s.MakeFact(FactType::kFigure, fb, fe);
        f.figure.change = change;
        s.figures.push_back({fb, fe, out->size()});
        out->push_back(std::move(f));
        i = e - 1;
        continue;
      }
    }
    Fact f = s.MakeFact(FactType::kFigure, b, e);
    f.figure.value = value;
    f.figure.unit = unit;
    s.figures.push_back({b, e, out->size()});
    out->push_back(std::move(f));
    i = e - 1;
  }

  // Indicators and periods, now that all figures are known.
  for (const Span& fs : s.figures) {
    Fact& f = (*out)[fs.fact];
    const Match* before = nullptr;
    const Match* after = nullptr;
    for (const Match& m : s.matches) {
      if (m.entry->cat != Cat::kIndicator || OnlyContext(s, m)) continue;
      if (m.end <= fs.end)  // before it, or inside it: «рост инфекционных болезней на 27%»
        before = &m;
      else if (m.begin >= fs.end && after == nullptr && m.begin - fs.end <= kIndicatorAfter)
        after = &m;
    }
    // "a 28.1% increase in infectious diseases": a figure that ends with its change word
    // measures what follows it, whatever an earlier clause was about.
    bool ends_with_change = false;
    for (const Match& m : s.matches)
      ends_with_change |= m.entry->cat == Cat::kChange && m.end == fs.end && f.figure.change;
    if (ends_with_change && after != nullptr && after->begin - fs.end <= kChangeOfGap)
      before = nullptr;
    // "injuries account for 7.9% of infant mortality": a part of what follows, not its value.
    for (const Match& m : s.markers) {
      if (m.entry->id == "share_verb" && m.end <= fs.begin && fs.begin - m.end <= 1)
        after = nullptr;
    }
    if (before != nullptr || after != nullptr)
      f.figure.indicator = (before ? before : after)->entry->id;
    const Span* period = nullptr;
    for (const Span& d : s.dates) {
      if (YearOrPeriod((*out)[d.fact]).empty()) continue;
      if (d.end <= fs.begin)
        period = &d;
      else if (period == nullptr)
        period = &d;
    }
    if (period != nullptr) {
      std::string p = YearOrPeriod((*out)[period->fact]);
      if (!(f.figure.change && f.figure.change->base == p)) f.figure.period = std::move(p);
    }
  }
}

}  // namespace pressmine::extract::facts
