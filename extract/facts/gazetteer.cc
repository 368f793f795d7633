// Gazetteer loading and matching; see gazetteer.h.
#include "extract/facts/gazetteer.h"

#include <array>
#include <cstdlib>
#include <string>

namespace pressmine::extract::facts {
namespace {
constexpr size_t kStemKey = 2;  // code points that bucket a stem
}  // namespace

std::string_view Head(std::string_view word, size_t n) {
  size_t i = 0;
  for (size_t k = 0; k < n && i < word.size(); ++k) {
    const auto b = static_cast<unsigned char>(word[i]);
    i += b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
  }
  return word.substr(0, i < word.size() ? i : word.size());
}

Status Gazetteer::Load(Cat cat, std::string_view file_name, std::string_view tsv) {
  int line_no = 0;
  std::vector<Tok> toks;
  while (!tsv.empty()) {
    const size_t nl = tsv.find('\n');
    std::string_view line = tsv.substr(0, nl);
    tsv = nl == std::string_view::npos ? std::string_view() : tsv.substr(nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    std::array<std::string_view, 4> f{};
    size_t nf = 0;
    while (nf < f.size()) {
      const size_t tab = line.find('\t');
      f[nf++] = line.substr(0, tab);
      if (tab == std::string_view::npos) break;
      line.remove_prefix(tab + 1);
    }
    if (nf < 3 || f[0].empty() || f[2].empty()) {
      return Status::Internal(std::string(file_name) + ":" + std::to_string(line_no) +
                              ": expected id, lang and pattern separated by tabs");
    }
    // A chunk "a|b|c" is a choice of words; the entry is expanded into one entry per choice.
    std::vector<std::vector<std::string_view>> chunks;
    for (std::string_view pat = f[2]; !pat.empty();) {
      const size_t sp = pat.find(' ');
      std::string_view chunk = pat.substr(0, sp);
      pat = sp == std::string_view::npos ? std::string_view() : pat.substr(sp + 1);
      if (chunk.empty()) continue;
      std::vector<std::string_view> alts;
      while (true) {
        const size_t bar = chunk.find('|');
        alts.push_back(chunk.substr(0, bar));
        if (bar == std::string_view::npos) break;
        chunk.remove_prefix(bar + 1);
      }
      chunks.push_back(std::move(alts));
    }
    // Numbers are checked here so that the grammars can use them without failing.
    double number = 0;
    const bool scale = cat == Cat::kScale;
    const bool offset = cat == Cat::kMarker && (f[0] == "rel_year" || f[0] == "rel_month");
    if (scale || offset || cat == Cat::kNumberWord) {
      const std::string text(offset ? f[3] : f[0]);
      char* end = nullptr;
      number = std::strtod(text.c_str(), &end);
      if (text.empty() || end != text.c_str() + text.size() || (scale && number <= 0)) {
        return Status::Internal(std::string(file_name) + ":" + std::to_string(line_no) +
                                ": expected a number, got '" + text + "'");
      }
    }
    std::vector<size_t> pick(chunks.size(), 0);
    while (true) {
      Entry e;
      e.cat = cat;
      e.id = std::string(f[0]);
      e.extra = std::string(f[3]);
      e.number = number;
      // Each chunk is tokenized like text; a trailing '*' makes the chunk's last token a stem.
      for (size_t c = 0; c < chunks.size(); ++c) {
        std::string_view chunk = chunks[c][pick[c]];
        const bool stem = chunk.size() > 1 && chunk.back() == '*';
        if (stem) chunk.remove_suffix(1);
        Tokenize(chunk, Language::kEnglish, &toks);
        for (size_t k = 0; k < toks.size(); ++k) {
          e.words.push_back(toks[k].norm);
          e.stem.push_back(stem && k + 1 == toks.size());
        }
      }
      if (e.words.empty()) {
        return Status::Internal(std::string(file_name) + ":" + std::to_string(line_no) +
                                ": empty pattern");
      }
      const size_t index = entries_.size();
      if (e.stem[0])
        by_stem_[std::string(Head(e.words[0], kStemKey))].push_back(index);
      else
        by_word_[e.words[0]].push_back(index);
      entries_.push_back(std::move(e));
      size_t c = 0;  // next combination, odometer style
      while (c < chunks.size() && ++pick[c] == chunks[c].size()) pick[c++] = 0;
      if (c == chunks.size()) break;
    }
  }
  return Status::Ok();
}

bool Gazetteer::Matches(const Entry& e, const std::vector<Tok>& toks, size_t at) const {
  if (at + e.words.size() > toks.size()) return false;
  for (size_t k = 0; k < e.words.size(); ++k) {
    const std::string& norm = toks[at + k].norm;
    if (e.stem[k] ? norm.compare(0, e.words[k].size(), e.words[k]) != 0 : norm != e.words[k])
      return false;
  }
  return true;
}

void Gazetteer::MatchAll(const std::vector<Tok>& toks, std::vector<Match>* out) const {
  std::array<size_t, static_cast<size_t>(Cat::kCount)> covered_until{};  // per category
  for (size_t i = 0; i < toks.size(); ++i) {
    std::array<Match, static_cast<size_t>(Cat::kCount)> best{};
    auto consider = [&](const std::vector<size_t>& bucket) {
      for (size_t index : bucket) {
        const Entry& e = entries_[index];
        if (!Matches(e, toks, i)) continue;
        if (e.cat == Cat::kMarker) {  // markers overlap by design ("с" is two roles): keep all
          out->push_back(Match{&e, i, i + e.words.size()});
          continue;
        }
        Match& b = best[static_cast<size_t>(e.cat)];
        if (b.entry == nullptr || e.words.size() > b.end - b.begin)
          b = Match{&e, i, i + e.words.size()};
      }
    };
    if (auto it = by_word_.find(std::string_view(toks[i].norm)); it != by_word_.end())
      consider(it->second);
    if (auto it = by_stem_.find(Head(toks[i].norm, kStemKey)); it != by_stem_.end()) {
      consider(it->second);
    }
    for (size_t c = 0; c < best.size(); ++c) {
      if (best[c].entry == nullptr || best[c].end <= covered_until[c]) continue;
      covered_until[c] = best[c].end;
      out->push_back(best[c]);
    }
  }
}

bool Gazetteer::HasId(Cat cat, std::string_view id) const {
  for (const Entry& e : entries_) {
    if (e.cat == cat && e.id == id) return true;
  }
  return false;
}

}  // namespace pressmine::extract::facts
