// Number words to number tokens; see number_words.h. The combining kinds are number_words.tsv's.
#include "extract/facts/number_words.h"

#include <string>

namespace pressmine::extract::facts {
namespace {

// What one token is as a number word: its value and kind, or no entry.
struct Word {
  const Entry* entry = nullptr;
  bool Is(std::string_view kind) const { return entry != nullptr && entry->extra == kind; }
  bool IsAny(std::initializer_list<std::string_view> kinds) const {
    for (std::string_view k : kinds)
      if (Is(k)) return true;
    return false;
  }
  double value() const { return entry->number; }
};

bool IsHyphen(const Tok& t) { return t.kind == TokKind::kPunct && t.norm == "-"; }

// The number that starts at token i: its value and the end of its tokens; end == i for none.
size_t ReadAt(const std::vector<Word>& w, const std::vector<Tok>& toks, size_t i, double* value) {
  const size_t n = w.size();
  auto at = [&](size_t k) { return k < n ? w[k] : Word{}; };
  double total = 0;
  size_t k = i;
  // Hundreds: «двести», "three hundred", then "and" when more follows.
  bool hundreds = false;
  if (at(k).Is("hundreds")) {
    total += at(k).value(), ++k, hundreds = true;
  } else if (at(k).IsAny({"one", "unit"}) && at(k + 1).Is("hundred")) {
    total += at(k).value() * at(k + 1).value(), k += 2, hundreds = true;
  }
  if (hundreds && at(k).Is("joiner") && at(k + 1).IsAny({"one", "unit", "teen", "ten"})) ++k;
  // Tens and units: "twenty-one", "twenty one", "fourteen", "five".
  if (at(k).Is("ten")) {
    total += at(k).value(), ++k;
    if (k < n && IsHyphen(toks[k]) && at(k + 1).IsAny({"one", "unit"})) {
      total += at(k + 1).value(), k += 2;
    } else if (at(k).IsAny({"one", "unit"})) {
      total += at(k).value(), ++k;
    }
  } else if (at(k).IsAny({"one", "unit", "teen"})) {
    // A lone "one" is a pronoun or an article far more often than a count.
    if (!(k == i && at(k).Is("one"))) total += at(k).value(), ++k;
  }
  // A dangling "and" is not part of the number.
  if (k > i && at(k - 1).Is("joiner")) --k;
  *value = total;
  return k;
}

}  // namespace

void ReadNumberWords(const Gazetteer& words, std::vector<Tok>* toks) {
  std::vector<Match> matches;
  words.MatchAll(*toks, &matches);
  if (matches.empty()) return;
  std::vector<Word> w(toks->size());
  for (const Match& m : matches) {
    if (m.entry->cat == Cat::kNumberWord && m.end == m.begin + 1) w[m.begin].entry = m.entry;
  }
  std::vector<Tok> out;
  out.reserve(toks->size());
  for (size_t i = 0; i < toks->size();) {
    double value = 0;
    const size_t end = w[i].entry != nullptr ? ReadAt(w, *toks, i, &value) : i;
    if (end == i) {
      out.push_back(std::move((*toks)[i++]));
      continue;
    }
    Tok t;
    t.kind = TokKind::kNumber;
    t.begin = (*toks)[i].begin;
    t.end = (*toks)[end - 1].end;
    t.quantity = true;
    t.spelled = true;
    t.value = value;
    t.norm = std::to_string(static_cast<long>(value));
    out.push_back(std::move(t));
    i = end;
  }
  toks->swap(out);
}

}  // namespace pressmine::extract::facts
