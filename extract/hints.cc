// Matching is on lower-cased text (ICU case folding of each code point, so Cyrillic works).
// Class words match as substrings or as whole tokens, as the data file says; paragraphs match
// whole after trimming punctuation; date cues match as a suffix of the preceding text.
#include "extract/hints.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cctype>
#include <string>
#include <unordered_set>
#include <vector>

#include "extract/text_util.h"
#include "pressmine_extract_data.h"

namespace pressmine::extract {
namespace {

constexpr int kClassWeight = 25;  // readability's weight for one attribute's evidence

bool IsWordChar(UChar32 c) { return u_isalnum(c) || c == '-' || c == '_'; }

template <typename Fn>
void ForEachRow(std::string_view file, Fn fn) {
  size_t start = 0;
  while (start < file.size()) {
    size_t end = file.find('\n', start);
    if (end == std::string_view::npos) end = file.size();
    std::string_view line = file.substr(start, end - start);
    start = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string_view> fields;
    size_t f = 0;
    while (true) {
      size_t tab = line.find('\t', f);
      fields.push_back(line.substr(f, tab == std::string_view::npos ? tab : tab - f));
      if (tab == std::string_view::npos) break;
      f = tab + 1;
    }
    fn(fields);
  }
}

struct WordList {
  std::vector<std::string> substrings;
  std::unordered_set<std::string> tokens;

  void Add(std::string_view word, std::string_view match) {
    if (match == "token") {
      tokens.emplace(word);
    } else {
      substrings.emplace_back(word);
    }
  }
  // `lower` is lower-cased; `words` are its tokens split on anything but letters and digits.
  bool Matches(const std::string& lower, const std::vector<std::string>& words) const {
    for (const std::string& s : substrings) {
      if (lower.find(s) != std::string::npos) return true;
    }
    for (const std::string& w : words) {
      if (tokens.count(w)) return true;
    }
    return false;
  }
};

struct Tables {
  WordList positive, negative, unlikely, boilerplate;
  std::unordered_set<std::string> share_words, related, furniture, counters, related_words;
  std::vector<std::string> credits;
  std::vector<std::string> modified_cues, published_cues;
};

const Tables& GetTables() {
  static const Tables* tables = [] {
    auto* t = new Tables;
    ForEachRow(data::EmbeddedFile("extract/class_hints.tsv"), [&](const auto& f) {
      if (f.size() < 3) return;
      WordList* list = f[0] == "positive"      ? &t->positive
                       : f[0] == "negative"    ? &t->negative
                       : f[0] == "unlikely"    ? &t->unlikely
                       : f[0] == "boilerplate" ? &t->boilerplate
                                               : nullptr;
      if (list) list->Add(f[1], f[2]);
    });
    ForEachRow(data::EmbeddedFile("extract/boilerplate_phrases.tsv"), [&](const auto& f) {
      if (f.size() < 2) return;
      std::string text = LowerCase(f[1]);
      if (f[0] == "share") t->share_words.insert(text);
      if (f[0] == "related") t->related.insert(text);
      if (f[0] == "furniture") t->furniture.insert(text);
      if (f[0] == "counter") t->counters.insert(text);
      if (f[0] == "related_word") t->related_words.insert(text);
      if (f[0] == "credit") t->credits.push_back(text);
    });
    ForEachRow(data::EmbeddedFile("extract/date_cues.tsv"), [&](const auto& f) {
      if (f.size() < 2) return;
      if (f[0] == "modified") t->modified_cues.push_back(LowerCase(f[1]));
      if (f[0] == "published") t->published_cues.push_back(LowerCase(f[1]));
    });
    return t;
  }();
  return *tables;
}

// Splits lower-cased text into runs of letters and digits (and "-", "_" when `keep_joiners`).
std::vector<std::string> Words(const std::string& lower, bool keep_joiners) {
  std::vector<std::string> words;
  std::string current;
  const auto* s = reinterpret_cast<const uint8_t*>(lower.data());
  const int32_t length = static_cast<int32_t>(lower.size());
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    const bool word = keep_joiners ? IsWordChar(c) : (c >= 0 && u_isalnum(c));
    if (word) {
      current.append(lower, static_cast<size_t>(start), static_cast<size_t>(i - start));
    } else if (!current.empty()) {
      words.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

// Removes leading and trailing characters that are neither letters nor digits.
std::string TrimPunct(const std::string& lower) {
  std::vector<std::string> words = Words(lower, false);
  if (words.empty()) return {};
  const size_t first = lower.find(words.front());
  const size_t last = lower.rfind(words.back()) + words.back().size();
  return lower.substr(first, last - first);
}

void AddAttribute(std::string_view attr, const Tables& t, ClassHints* hints, bool* positive,
                  bool* unlikely) {
  if (attr.empty()) return;
  const std::string lower = LowerCase(attr);
  const std::vector<std::string> tokens = Words(lower, false);
  const bool pos = t.positive.Matches(lower, tokens);
  if (pos) hints->weight += kClassWeight;
  if (t.negative.Matches(lower, tokens)) hints->weight -= kClassWeight;
  *positive = *positive || pos;
  *unlikely = *unlikely || t.unlikely.Matches(lower, tokens);
  hints->boilerplate = hints->boilerplate || t.boilerplate.Matches(lower, tokens);
}

}  // namespace

ClassHints ClassifyAttributes(std::string_view class_attr, std::string_view id_attr) {
  ClassHints hints;
  if (class_attr.empty() && id_attr.empty()) return hints;
  const Tables& t = GetTables();
  bool positive = false, unlikely = false;
  AddAttribute(class_attr, t, &hints, &positive, &unlikely);
  AddAttribute(id_attr, t, &hints, &positive, &unlikely);
  hints.unlikely = unlikely && !positive;
  // "article ... url-breadcrumb" is the article: a positive word overrides.
  hints.boilerplate = hints.boilerplate && !positive;
  return hints;
}

PhraseKind ClassifyParagraph(std::string_view paragraph) {
  // Page furniture is short; anything longer is text.
  constexpr size_t kMaxFurnitureBytes = 160;
  if (paragraph.size() > kMaxFurnitureBytes) return PhraseKind::kNone;
  const Tables& t = GetTables();
  const std::string lower = LowerCase(paragraph);
  const std::string trimmed = TrimPunct(lower);
  if (trimmed.empty()) return PhraseKind::kNone;
  if (t.related.count(trimmed)) return PhraseKind::kRelated;
  // "Фото: пресс-служба Минздрава", "Photo: AP".
  constexpr size_t kMaxCreditBytes = 120;
  if (lower.size() <= kMaxCreditBytes) {
    for (const std::string& credit : t.credits) {
      if (trimmed.compare(0, credit.size(), credit) == 0 &&
          (trimmed.size() == credit.size() || credit.back() == ':' ||
           trimmed[credit.size()] == ' ')) {
        return PhraseKind::kFurniture;
      }
    }
  }
  if (t.furniture.count(trimmed)) return PhraseKind::kFurniture;
  const std::vector<std::string> words = Words(lower, false);
  constexpr size_t kMaxRelatedHeadingWords = 3;
  // A label, not a sentence: "The good news?" is text.
  const char last = paragraph.back();
  if (words.size() <= kMaxRelatedHeadingWords && last != '?' && last != '!' && last != '.') {
    for (const std::string& w : words) {
      if (t.related_words.count(w)) return PhraseKind::kRelated;
    }
  }
  // "Просмотров: 361", "Views 1 204": a counter word and digits only.
  if (words.size() >= 2 && t.counters.count(words[0])) {
    bool digits = true;
    for (size_t k = 1; k < words.size(); ++k) {
      digits = digits && words[k].find_first_not_of("0123456789") == std::string::npos;
    }
    if (digits) return PhraseKind::kFurniture;
  }
  if (words.size() >= 2) {
    bool all_share = true;
    for (const std::string& w : words) all_share = all_share && t.share_words.count(w) > 0;
    if (all_share) return PhraseKind::kShareBar;
  }
  return PhraseKind::kNone;
}

DateCue CueBefore(std::string_view before) {
  const Tables& t = GetTables();
  std::string lower = TrimPunct(LowerCase(before));
  auto ends_with = [&](const std::string& cue) {
    if (lower.size() < cue.size() || lower.compare(lower.size() - cue.size(), cue.size(), cue) != 0)
      return false;
    // The cue must be a whole word: what precedes it is not a letter.
    if (lower.size() == cue.size()) return true;
    const unsigned char prev = static_cast<unsigned char>(lower[lower.size() - cue.size() - 1]);
    return prev < 0x80 && !std::isalnum(prev);
  };
  for (const std::string& cue : t.modified_cues) {
    if (ends_with(cue)) return DateCue::kModified;
  }
  for (const std::string& cue : t.published_cues) {
    if (ends_with(cue)) return DateCue::kPublished;
  }
  return DateCue::kNone;
}

bool StartsWithDateCue(std::string_view text) {
  const Tables& t = GetTables();
  const std::string lower = TrimPunct(LowerCase(text.substr(0, 64)));
  for (const auto* cues : {&t.modified_cues, &t.published_cues}) {
    for (const std::string& cue : *cues) {
      if (lower.compare(0, cue.size(), cue) == 0 &&
          (lower.size() == cue.size() ||
           !std::isalnum(static_cast<unsigned char>(lower[cue.size()])))) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace pressmine::extract
