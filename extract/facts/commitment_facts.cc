// Commitment facts: plans, instructions, promises and goals.
//
// A commitment is anchored on the sentence's first trigger (corpora/facts/modality.tsv), whose
// entry gives the modality: «планируется», "plans" -> plan; «поручил», "instructed" ->
// instruction; «будет», "will" -> promise; «цель», "aims to" -> goal. One per sentence: a second
// trigger is nearly always part of the first one's clause ("plans ... that will ensure").
//
//   action  the clause from the trigger to the end of the sentence, a closing quote or ';',
//           at most kMaxActionTokens tokens: what is to be done, as written
//   actor   an official found in the sentence; else a capitalized word whose name key belongs
//           to an official seen earlier in the document ("Dosmambetov ... instructed"); else,
//           after a personal pronoun ("He instructed", «Он поручил»; markers.tsv pronoun), the
//           last official the document named; else the sentence's first organization ("the
//           ministry", «ведомство»); else empty
//   target  the date fact nearest to the trigger (a year, a month, a day)
#include <cstdlib>
#include <string>

#include "extract/facts/grammar.h"

namespace pressmine::extract::facts {
namespace {

constexpr size_t kMaxActionTokens = 30;

size_t Distance(size_t a, size_t b) { return a > b ? a - b : b - a; }

}  // namespace

void FindCommitmentFacts(Sentence& s, Resources& res, const DocumentPeople& people,
                         std::vector<Fact>* out) {
  const Match* trigger = nullptr;
  for (const Match& m : s.matches) {
    if (m.entry->cat == Cat::kModality) {
      trigger = &m;
      break;
    }
  }
  if (trigger == nullptr) return;
  size_t e = trigger->end;
  while (e < s.toks.size() && e - trigger->begin < kMaxActionTokens && !s.Has(e, kQuote) &&
         !s.IsPunct(e, ";"))
    ++e;
  size_t action_end = e;
  while (action_end > trigger->end && s.toks[action_end - 1].kind == TokKind::kPunct) --action_end;

  CommitmentValue c;
  c.modality = trigger->entry->id;
  {
    const size_t from = s.toks[trigger->begin].begin, to = s.toks[action_end - 1].end;
    c.action = std::string(s.text.substr(from, to - from));
  }
  if (!s.officials.empty()) {
    c.actor = (*out)[s.officials.front().fact].official.name;
    c.actor_key = (*out)[s.officials.front().fact].official.key;
  }
  if (c.actor.empty() && !people.by_key.empty()) {
    for (size_t k = 0; k < s.toks.size() && c.actor.empty(); ++k) {
      const Tok& t = s.toks[k];
      if (t.kind != TokKind::kWord || !t.capitalized || t.all_caps) continue;
      std::string key = res.keyer.NameKey(s.text.substr(t.begin, t.end - t.begin));
      const auto it = people.by_key.find(key);
      if (it != people.by_key.end()) c.actor = it->second, c.actor_key = std::move(key);
    }
  }
  // "He instructed ...": a personal pronoun before the trigger stands for the last official.
  for (size_t k = 0; c.actor.empty() && k < trigger->begin; ++k) {
    if (s.Has(k, kPronoun) && !people.last_name.empty())
      c.actor = people.last_name, c.actor_key = people.last_key;
  }
  if (c.actor.empty()) {
    for (const Match& m : s.matches) {
      if (m.entry->cat == Cat::kOrg) {
        c.actor = m.entry->id;
        break;
      }
    }
  }
  size_t b = trigger->begin;
  const Span* nearest = nullptr;
  for (const Span& d : s.dates) {
    if (nearest == nullptr ||
        Distance(d.begin, trigger->begin) < Distance(nearest->begin, trigger->begin)) {
      nearest = &d;
    }
  }
  if (nearest != nullptr) {
    c.target = (*out)[nearest->fact].date.Iso();
    if (nearest->begin < b) b = nearest->begin;
    if (nearest->end > action_end) action_end = nearest->end;
  }
  Fact f = s.MakeFact(FactType::kCommitment, b, action_end);
  f.commitment = std::move(c);
  out->push_back(std::move(f));
}

}  // namespace pressmine::extract::facts
