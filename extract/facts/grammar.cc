// Sentence helpers shared by the grammars; see grammar.h.
#include "extract/facts/grammar.h"

#include "nlp/dates.h"

namespace pressmine::extract::facts {

uint32_t RoleFromId(std::string_view id) {
  static const std::unordered_map<std::string_view, uint32_t> kRoles = {
      {"year_word", kYearWord},
      {"year_prep", kYearPrep},
      {"period_from", kPeriodFrom},
      {"period_to", kPeriodTo},
      {"rel_year", kRelYear},
      {"rel_month", kRelMonth},
      {"compare", kCompare},
      {"and", kAnd},
      {"of", kOf},
      {"name_stop", kNameStop},
      {"quote", kQuote},
      {"pronoun", kPronoun},
  };
  const auto it = kRoles.find(id);
  return it == kRoles.end() ? 0 : it->second;
}

const Match* Sentence::MatchAt(Cat cat, size_t i) const {
  for (const Match& m : matches) {
    if (m.begin > i) break;
    if (m.begin == i && m.entry->cat == cat) return &m;
  }
  return nullptr;
}

const Match* Sentence::MarkerAt(std::string_view role, size_t i) const {
  const Match* best = nullptr;
  for (const Match& m : markers) {
    if (m.begin > i) break;
    if (m.begin == i && m.entry->id == role && (best == nullptr || m.end > best->end)) best = &m;
  }
  return best;
}

Fact Sentence::MakeFact(FactType type, size_t b, size_t e) const {
  Fact f;
  f.type = type;
  f.lang = lang;
  f.sentence = index;
  f.sentence_text = std::string(text);
  const size_t from = toks[b].begin;
  const size_t to = toks[e - 1].end;
  f.begin = base + from;
  f.end = base + to;
  f.text = std::string(text.substr(from, to - from));
  return f;
}

int Resources::MonthOfWord(const std::string& folded) {
  if (const auto it = month_cache.find(folded); it != month_cache.end()) return it->second;
  if (month_cache.size() >= kMonthCacheEntries) month_cache.clear();
  const int month = nlp::MonthFromName(folded);
  month_cache.emplace(folded, month);
  return month;
}

bool EndsWithAny(const std::string& word, const std::unordered_set<std::string>& endings) {
  constexpr size_t kMaxEndingBytes = 12;
  constexpr size_t kMinStemBytes = 4;  // two Cyrillic letters
  for (size_t len = 1; len <= kMaxEndingBytes && len + kMinStemBytes <= word.size(); ++len) {
    if (endings.count(word.substr(word.size() - len)) > 0) return true;
  }
  return false;
}

std::string YearOrPeriod(const Fact& date_fact) {
  const std::string& v = date_fact.date.value;
  if (v.size() != 4) return "";
  return date_fact.date.Iso();
}

}  // namespace pressmine::extract::facts
