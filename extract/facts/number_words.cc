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

// A hyphen joins words ("twenty-one", "under-five"); a dash ("In Naryn—five cases") does not.
bool IsHyphen(const Tok& t) { return t.kind == TokKind::kPunct && t.hyphen; }

// "one-time": a word hyphenated to the word after it.
bool HyphenAfter(const std::vector<Tok>& toks, size_t k) {
  return k + 1 < toks.size() && IsHyphen(toks[k + 1]) && toks[k + 1].begin == toks[k].end;
}

// The number under a thousand that starts at token i: its value and the end of its tokens;
// end == i for none. `lone_one`: a lone "one" counts (it follows a scale: "two thousand one").
size_t ReadAt(const std::vector<Word>& w, const std::vector<Tok>& toks, size_t i, bool lone_one,
              double* value) {
  const size_t n = w.size();
  auto at = [&](size_t k) { return k < n ? w[k] : Word{}; };
  double total = 0;
  size_t k = i;
  // Hundreds: «двести», "three hundred", then "and" when more follows.
  bool hundreds = false;
  if (at(k).Is("hundreds")) {
    total += at(k).value(), ++k, hundreds = true;
  } else if (at(k).IsAny({"one", "unit", "teen", "a"}) && at(k + 1).Is("hundred")) {
    // "twelve hundred", "a hundred"
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
    // A lone "one" is a pronoun or an article far more often than a count; after a scale it
    // counts, unless it starts a hyphenated word ("a thousand one-time payments").
    const bool lone = k == i && at(k).Is("one");
    if (!lone || (lone_one && !HyphenAfter(toks, k))) total += at(k).value(), ++k;
  }
  // A dangling "and" is not part of the number.
  if (k > i && at(k - 1).Is("joiner")) --k;
  *value = total;
  return k;
}

// The whole number that starts at token i, scales included ("two thousand three hundred",
// «более тысячи двухсот»): groups under a thousand, each multiplied by the scale after it, the
// scales falling. Same contract as ReadAt.
size_t ReadNumber(const std::vector<Word>& w, const std::vector<Tok>& toks, size_t i,
                  double* value) {
  const size_t n = w.size();
  auto at = [&](size_t k) { return k < n ? w[k] : Word{}; };
  auto is_scale = [&](size_t k) { return at(k).IsAny({"scale", "scale1"}); };
  double total = 0, small = 0, limit = 0;
  size_t k = i;
  while (true) {
    size_t after = ReadAt(w, toks, k, k > i, &small);
    if (after == k && at(k).IsAny({"one", "a"}) && is_scale(k + 1)) {
      small = 1, after = k + 1;  // "one thousand", "a thousand"
    } else if (after == k && at(k).Is("half") && at(k + 1).Is("a") && is_scale(k + 2)) {
      small = at(k).value(), after = k + 2;  // "half a million"
    }
    if (!is_scale(after) || (limit != 0 && at(after).value() >= limit)) break;
    if (after == k) {
      // A scale with no number before it: «тысяча врачей», or one that a number
      // follows («тысячи двухсот»); a lone «тысячи» is "thousands", no number.
      double rest = 0;
      if (k != i || (!at(k).Is("scale1") && ReadAt(w, toks, k + 1, true, &rest) == k + 1)) break;
      small = 1;
    }
    total += small * at(after).value();
    limit = at(after).value();
    small = 0;
    k = after + 1;
    if (at(k).Is("joiner") && ReadAt(w, toks, k + 1, true, &small) > k + 1) ++k;  // "and five"
  }
  const size_t end = ReadAt(w, toks, k, k > i, &small);
  *value = total + small;
  return end;
}

// An ordinal right after the number at [i, end): "twenty-first", «сто первая». The end of the
// ordinal, or 0 when none follows.
size_t OrdinalAfter(const std::vector<Word>& w, const std::vector<Tok>& toks, size_t end) {
  if (end < w.size() && w[end].Is("ordinal")) return end + 1;
  if (end + 1 < w.size() && IsHyphen(toks[end]) && w[end + 1].Is("ordinal")) return end + 2;
  return 0;
}

// "under-five": a number word joined by a hyphen to a word before it is part of that word.
bool InCompound(const std::vector<Word>& w, const std::vector<Tok>& toks, size_t i) {
  return i >= 2 && IsHyphen(toks[i - 1]) && toks[i - 2].kind == TokKind::kWord &&
         w[i - 2].entry == nullptr && toks[i - 1].begin == toks[i - 2].end &&
         toks[i].begin == toks[i - 1].end;
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
  std::vector<bool> compound(toks->size());  // before the tokens below are moved out
  for (size_t i = 0; i < toks->size(); ++i) compound[i] = InCompound(w, *toks, i);
  std::vector<Tok> out;
  out.reserve(toks->size());
  for (size_t i = 0; i < toks->size();) {
    double value = 0;
    size_t end = i;
    // A scale right after digits ("1 тысяча") is the figure grammar's.
    const bool after_digits = !out.empty() && out.back().kind == TokKind::kNumber;
    if (w[i].entry != nullptr && !compound[i] && !(after_digits && w[i].IsAny({"scale", "scale1"})))
      end = ReadNumber(w, *toks, i, &value);
    // "twenty-first", «сто первая»: an ordinal after a ten or a hundred is part of it, and an
    // ordinal's words stay words; after any other number it is not («два первых случая»).
    const bool round = end > i && w[end - 1].IsAny({"ten", "hundred", "hundreds"});
    if (const size_t ordinal = round ? OrdinalAfter(w, *toks, end) : 0; ordinal != 0) {
      while (i < ordinal) out.push_back(std::move((*toks)[i++]));
      continue;
    }
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
