#include "nlp/internal/mueller.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "base/file.h"

namespace pressmine::nlp::internal {
namespace {

// Senses carrying these labels are archaic, regional, slang, jocular, figurative or not a
// translation of the headword as such (attributive use, verb forms).
constexpr std::array<std::string_view, 36> kRejectedLabels = {
    "_attr.",    "_p-p.",  "_p.",     "_pres-p.",  "_mis.",     "_уст.",   "_разг.",   "_жарг.",
    "_груб.",    "_шутл.", "_ирон.",  "_презр.",   "_пренебр.", "_поэт.",  "_диал.",   "_шотл.",
    "_редк.",    "_ирл.",  "_библ.",  "_церк.",    "_эвф.",     "_детск.", "_ласк.",   "_посл.",
    "_неодобр.", "_студ.", "_школ.",  "_австрал.", "_ю-афр.",   "_канад.", "_уменьш.", "_стих.",
    "_перен.",   "_сокр.", "_ритор.", "_стил.",
};

// English words that make a harvested example a pattern rather than a phrase.
constexpr std::array<std::string_view, 10> kPatternWords = {
    "smb", "smb.", "smth", "smth.", "smb.'s", "smb's", "one's", "oneself", "smb.’s", "etc.",
};

// Most words in a translation or harvested phrase.
constexpr size_t kMaxTranslationWords = 3;
constexpr size_t kMaxPhraseEnglishWords = 4;
constexpr size_t kMaxPhraseRussianWords = 4;

enum class ChunkKind { kHeader, kHomonym, kBlock, kSense, kSubsense };

struct Chunk {
  ChunkKind kind;
  std::string text;
};

bool IsRejectedLabel(std::string_view w) {
  return std::find(kRejectedLabels.begin(), kRejectedLabels.end(), w) != kRejectedLabels.end();
}

bool IsLabel(std::string_view w) { return w.size() >= 3 && w.front() == '_' && w.back() == '.'; }

std::vector<std::string_view> SplitWords(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\t') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::string Join(const std::vector<std::string_view>& words, size_t begin, size_t end) {
  std::string out;
  for (size_t i = begin; i < end; ++i) {
    if (!out.empty()) out.push_back(' ');
    out.append(words[i]);
  }
  return out;
}

std::string_view Trim(std::string_view s, std::string_view chars = " \t") {
  const size_t b = s.find_first_not_of(chars);
  if (b == std::string_view::npos) return {};
  const size_t e = s.find_last_not_of(chars);
  return s.substr(b, e - b + 1);
}

struct LetterCounts {
  int latin = 0;
  int cyrillic = 0;
  int other = 0;  // characters that are neither letters of those scripts nor space or hyphen
};

LetterCounts CountLetters(std::string_view s) {
  LetterCounts n;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t len = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < len;) {
    UChar32 c;
    U8_NEXT(p, i, len, c);
    if (c == ' ' || c == '-') continue;
    if (c >= 0 && u_isalpha(c)) {
      UErrorCode status = U_ZERO_ERROR;
      const UScriptCode script = uscript_getScript(c, &status);
      if (script == USCRIPT_LATIN) {
        ++n.latin;
        continue;
      }
      if (script == USCRIPT_CYRILLIC) {
        ++n.cyrillic;
        continue;
      }
    }
    ++n.other;
  }
  return n;
}

// "1)", "12)": a sense; "1.", "2.": a block; "а)": a sub-sense; "_I", "_II": a homonym.
bool MarkerKind(std::string_view w, ChunkKind* kind) {
  if (w == "_I" || w == "_II" || w == "_III" || w == "_IV" || w == "_V" || w == "_VI") {
    *kind = ChunkKind::kHomonym;
    return true;
  }
  if (w.size() >= 2 && w.size() <= 3 && (w.back() == ')' || w.back() == '.')) {
    const std::string_view digits = w.substr(0, w.size() - 1);
    if (std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      *kind = w.back() == ')' ? ChunkKind::kSense : ChunkKind::kBlock;
      return true;
    }
  }
  // A Cyrillic letter and ')': two bytes of UTF-8 then ')'.
  if (w.size() == 3 && w[2] == ')' && static_cast<unsigned char>(w[0]) == 0xD0) {
    *kind = ChunkKind::kSubsense;
    return true;
  }
  return false;
}

// Removes (...) and {...} groups, nested or not; an unclosed group runs to the end.
std::string RemoveGroups(std::string_view s) {
  std::string out;
  int depth = 0;
  for (char c : s) {
    if (c == '(' || c == '{') {
      ++depth;
    } else if ((c == ')' || c == '}') && depth > 0) {
      --depth;
    } else if (depth == 0) {
      out.push_back(c);
    }
  }
  return out;
}

// Splits an entry body into chunks at sense markers.
std::vector<Chunk> SplitChunks(std::string_view body) {
  std::vector<Chunk> chunks;
  chunks.push_back({ChunkKind::kHeader, ""});
  for (std::string_view w : SplitWords(body)) {
    ChunkKind kind;
    if (MarkerKind(w, &kind)) {
      chunks.push_back({kind, ""});
      continue;
    }
    std::string& t = chunks.back().text;
    if (!t.empty()) t.push_back(' ');
    t.append(w);
  }
  return chunks;
}

// A clean translation: Cyrillic words (hyphens allowed), no abbreviations, at most 3 words.
bool CleanItem(std::string_view raw, std::string* out) {
  std::vector<std::string_view> words;
  for (std::string_view w : SplitWords(raw)) {
    if (IsLabel(w)) continue;
    words.push_back(w);
  }
  std::string item = std::string(Trim(Join(words, 0, words.size()), " .:!?\"'"));
  if (item.empty()) return false;
  const LetterCounts n = CountLetters(item);
  if (n.cyrillic == 0 || n.latin > 0 || n.other > 0) return false;
  const auto item_words = SplitWords(item);
  if (item_words.size() > kMaxTranslationWords) return false;
  for (std::string_view w : item_words) {
    if (w == "или" || w == "и" || w.front() == '-' || w.back() == '-') return false;
    if (w.size() >= 3 && w.substr(w.size() - 3) == "-\xD0\xBB") return false;  // кого-л
  }
  *out = std::move(item);
  return true;
}

bool LooksAdjectival(std::string_view word) {
  static constexpr std::string_view kEndings[] = {"ый", "ий", "ой", "ая",  "яя", "ое",
                                                  "ее", "ые", "ие", "ого", "его"};
  for (std::string_view e : kEndings) {
    if (word.size() > e.size() + 2 && word.substr(word.size() - e.size()) == e) return true;
  }
  return false;
}

// "большой, старинный город": Mueller lets comma-separated adjectives share the noun of the
// last item; give each lone adjective that noun ("большой город") instead of keeping it bare.
void DistributeNouns(std::vector<std::string>* items) {
  for (size_t k = 0; k < items->size(); ++k) {
    const auto words = SplitWords((*items)[k]);
    if (words.size() != 1 || !LooksAdjectival(words[0])) continue;
    for (size_t j = k + 1; j < items->size(); ++j) {
      const auto later = SplitWords((*items)[j]);
      size_t adjectives = 0;
      while (adjectives < later.size() && LooksAdjectival(later[adjectives])) ++adjectives;
      if (adjectives == 0 || adjectives == later.size()) continue;
      (*items)[k] += " " + Join(later, adjectives, later.size());
      break;
    }
  }
}

// "public health здравоохранение" -> ("public health", "здравоохранение").
bool HarvestPhrase(std::string_view segment, std::string_view headword,
                   std::pair<std::string, std::string>* out) {
  std::vector<std::string_view> words;
  for (std::string_view w : SplitWords(segment)) {
    if (!IsLabel(w)) words.push_back(w);
  }
  size_t split = 0;
  while (split < words.size() && CountLetters(words[split]).cyrillic == 0) ++split;
  if (split == 0 || split == words.size()) return false;

  // English side: expand "H." to the headword, drop a leading article.
  std::vector<std::string> en;
  for (size_t i = 0; i < split; ++i) {
    std::string w(words[i]);
    if (w.size() == 2 && w[1] == '.' && !headword.empty() &&
        std::tolower(static_cast<unsigned char>(w[0])) ==
            std::tolower(static_cast<unsigned char>(headword[0]))) {
      w = std::string(headword);
    }
    if (std::find(kPatternWords.begin(), kPatternWords.end(), w) != kPatternWords.end())
      return false;
    en.push_back(std::move(w));
  }
  if (!en.empty() && (en[0] == "to" || en[0] == "a" || en[0] == "an" || en[0] == "the")) {
    if (en[0] == "to") return false;  // verb patterns: "to take care of"
    en.erase(en.begin());
  }
  if (en.size() < 2 || en.size() > kMaxPhraseEnglishWords) return false;
  std::string en_phrase;
  bool has_headword = false;
  for (const auto& w : en) {
    const LetterCounts n = CountLetters(w);
    if (n.latin == 0 || n.other > 1) return false;  // one apostrophe at most
    if (w.find('.') != std::string::npos) return false;
    std::string lower = w;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    std::string head(headword);
    std::transform(head.begin(), head.end(), head.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (lower == head) has_headword = true;
    if (!en_phrase.empty()) en_phrase.push_back(' ');
    en_phrase += w;
  }
  if (!has_headword) return false;

  // Russian side: the first of comma-separated alternatives.
  std::string ru_text = Join(words, split, words.size());
  ru_text = ru_text.substr(0, ru_text.find(','));
  std::string ru;
  if (!CleanItem(ru_text, &ru)) return false;
  if (SplitWords(ru).size() > kMaxPhraseRussianWords) return false;
  *out = {std::move(en_phrase), std::move(ru)};
  return true;
}

struct Sense {
  int block = 0;    // homonym/block ordinal within the entry
  int ordinal = 0;  // sense ordinal within its block
  std::vector<std::string> items;
};

}  // namespace

MuellerEntry ParseMuellerEntry(std::string_view text, const MuellerOptions& options) {
  MuellerEntry entry;
  entry.text_bytes = text.size();
  const size_t nl = text.find('\n');
  entry.headword = std::string(Trim(text.substr(0, nl), " \t\r"));
  std::string body(nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1));
  std::replace(body.begin(), body.end(), '\n', ' ');
  // Drop transcriptions [...].
  std::string clean;
  int bracket = 0;
  for (char c : body) {
    if (c == '[') {
      ++bracket;
    } else if (c == ']' && bracket > 0) {
      --bracket;
    } else if (bracket == 0) {
      clean.push_back(c);
    }
  }
  clean = RemoveGroups(clean);

  std::vector<Sense> senses;
  int block = 0, ordinal = 0;
  bool block_rejected = false;
  for (const Chunk& chunk : SplitChunks(clean)) {
    if (chunk.kind == ChunkKind::kHomonym || chunk.kind == ChunkKind::kBlock) {
      ++block;
      ordinal = 0;
      block_rejected = false;
    }
    if (chunk.kind == ChunkKind::kSubsense) continue;  // idiom glosses
    std::vector<std::string_view> words = SplitWords(chunk.text);
    size_t first = 0;
    bool rejected = false;
    while (first < words.size() && IsLabel(words[first])) {
      if (IsRejectedLabel(words[first])) rejected = true;
      ++first;
    }
    if (chunk.kind != ChunkKind::kSense) block_rejected = rejected;
    rejected = rejected || block_rejected;
    if (first == words.size()) continue;
    const std::string rest = Join(words, first, words.size());
    if (rest.front() == '=') {
      if (chunk.kind != ChunkKind::kSense && entry.see_also.empty()) {
        std::string target(Trim(std::string_view(rest).substr(1)));
        target = std::string(Trim(target.substr(0, target.find(';')), " .;"));
        if (CountLetters(target).cyrillic == 0) entry.see_also = target;
      }
      continue;
    }
    Sense sense{block, ordinal++, {}};
    size_t pos = 0;
    while (pos <= rest.size()) {
      size_t semi = rest.find(';', pos);
      if (semi == std::string::npos) semi = rest.size();
      const std::string_view segment = Trim(std::string_view(rest).substr(pos, semi - pos));
      pos = semi + 1;
      if (segment.empty()) continue;
      bool segment_rejected = rejected;
      for (std::string_view w : SplitWords(segment)) {
        if (IsLabel(w) && IsRejectedLabel(w)) segment_rejected = true;
      }
      if (CountLetters(segment).latin > 0) {
        std::pair<std::string, std::string> phrase;
        if (options.harvest_phrases && !segment_rejected &&
            HarvestPhrase(segment, entry.headword, &phrase)) {
          entry.phrases.push_back(std::move(phrase));
        }
        continue;
      }
      if (segment_rejected) continue;
      std::vector<std::string> items;
      size_t cpos = 0;
      while (cpos <= segment.size()) {
        size_t comma = segment.find(',', cpos);
        if (comma == std::string_view::npos) comma = segment.size();
        std::string item;
        if (CleanItem(segment.substr(cpos, comma - cpos), &item)) items.push_back(std::move(item));
        cpos = comma + 1;
      }
      DistributeNouns(&items);
      for (auto& item : items) sense.items.push_back(std::move(item));
    }
    if (!sense.items.empty()) senses.push_back(std::move(sense));
  }

  // Best first: the first sense's items, then the first item of each block's first sense, then
  // the first item of every other sense.
  auto add = [&](const std::string& item) {
    if (entry.translations.size() >= options.max_translations) return;
    if (std::find(entry.translations.begin(), entry.translations.end(), item) ==
        entry.translations.end()) {
      entry.translations.push_back(item);
    }
  };
  if (!senses.empty()) {
    for (size_t i = 0; i < senses[0].items.size() && i < options.max_first_sense_items; ++i) {
      add(senses[0].items[i]);
    }
  }
  for (size_t i = 1; i < senses.size(); ++i) {
    if (senses[i].ordinal == 0) add(senses[i].items[0]);
  }
  for (size_t i = 1; i < senses.size(); ++i) {
    if (senses[i].ordinal != 0) add(senses[i].items[0]);
  }
  return entry;
}

bool DecodeDictdNumber(std::string_view digits, uint64_t* value) {
  static constexpr std::string_view kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  if (digits.empty() || digits.size() > 10) return false;
  uint64_t v = 0;
  for (char c : digits) {
    const size_t d = kAlphabet.find(c);
    if (d == std::string_view::npos) return false;
    v = v * 64 + d;
  }
  *value = v;
  return true;
}

Result<std::string> InflateGzip(std::string_view compressed, size_t size_limit) {
  z_stream zs{};
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK)
    return Status::Internal("zlib inflateInit2 failed");
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  zs.avail_in = static_cast<uInt>(compressed.size());
  std::string out;
  out.resize(std::max<size_t>(compressed.size() * 4, 1 << 16));
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    if (zs.total_out >= out.size()) {
      if (out.size() >= size_limit) {
        inflateEnd(&zs);
        return Status::Corruption("gzip data inflates beyond " + std::to_string(size_limit) +
                                  " bytes");
      }
      out.resize(std::min(out.size() * 2, size_limit));
    }
    zs.next_out = reinterpret_cast<Bytef*>(out.data() + zs.total_out);
    zs.avail_out = static_cast<uInt>(out.size() - zs.total_out);
    rc = inflate(&zs, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) {
      const std::string msg = zs.msg != nullptr ? zs.msg : "error " + std::to_string(rc);
      inflateEnd(&zs);
      return Status::Corruption("gzip: " + msg);
    }
  }
  out.resize(zs.total_out);
  inflateEnd(&zs);
  return out;
}

Status ReadMueller(const std::filesystem::path& dir, const MuellerOptions& options,
                   const std::function<void(MuellerEntry&&)>& fn) {
  // The dictionary inflates to about 9 MB; anything far larger is not this dictionary.
  constexpr size_t kMaxDictBytes = 256u << 20;
  const std::filesystem::path index_path = dir / "mueller7.index";
  const std::filesystem::path dict_path = dir / "mueller7.dict.dz";
  for (const auto& p : {index_path, dict_path}) {
    std::error_code ec;
    if (!std::filesystem::exists(p, ec)) {
      return Status::NotFound(p.string() +
                              ": not found; install Debian's mueller7-dict package "
                              "(scripts/setup.sh does) or point the lexicon builder at its files");
    }
  }
  PM_ASSIGN_OR_RETURN(std::string index, ReadFile(index_path));
  PM_ASSIGN_OR_RETURN(std::string compressed, ReadFile(dict_path));
  auto dict = InflateGzip(compressed, kMaxDictBytes);
  if (!dict.ok()) return dict.status().WithContext(dict_path.string());

  std::string_view rest(index);
  int line_no = 0;
  while (!rest.empty()) {
    const size_t nl = rest.find('\n');
    const std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    ++line_no;
    if (line.empty()) continue;
    const size_t t1 = line.find('\t');
    const size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
    uint64_t offset = 0, length = 0;
    if (t2 == std::string_view::npos ||
        !DecodeDictdNumber(line.substr(t1 + 1, t2 - t1 - 1), &offset) ||
        !DecodeDictdNumber(Trim(line.substr(t2 + 1), " \r"), &length) ||
        offset + length > dict->size()) {
      return Status::Corruption(index_path.string() + ": line " + std::to_string(line_no) +
                                ": not headword<TAB>offset<TAB>length within the dictionary");
    }
    const std::string_view headword = line.substr(0, t1);
    if (headword.empty() || headword.front() == '_' || headword.substr(0, 3) == "00-") continue;
    MuellerEntry entry = ParseMuellerEntry(std::string_view(*dict).substr(offset, length), options);
    entry.headword = std::string(headword);
    if (!entry.translations.empty() || !entry.phrases.empty() || !entry.see_also.empty()) {
      fn(std::move(entry));
    }
  }
  return Status::Ok();
}

}  // namespace pressmine::nlp::internal
