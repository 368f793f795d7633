#include "nlp/lexicon.h"

#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <unordered_map>
#include <utility>

#include "nlp/analyzer.h"
#include "nlp/internal/mueller.h"
#include "nlp/internal/tsv.h"
#include "pressmine_nlp_data.h"

namespace pressmine::nlp {
namespace {

constexpr std::string_view kGlossaryFile = "lexicon/glossary_health.tsv";

// Blob layout (all integers little-endian uint32):
//   [0, 8)    magic "PMLEX\0\0\0"
//   [8, 48)   version, phrase_count, translation_count, text_bytes, description_bytes,
//             max_key_words, key_count, 2 reserved words, crc32 of everything after the header
//   phrase_offsets[phrase_count + 1]  phrase i is text[phrase_offsets[i], phrase_offsets[i+1])
//   trans_begin[phrase_count + 1]     translations of phrase i: trans[trans_begin[i], ...[i+1])
//   trans[translation_count]          (phrase id << 2) | source
//   text[text_bytes]                  phrases (stems joined by spaces), sorted, concatenated
//   description[description_bytes]
constexpr char kMagic[8] = {'P', 'M', 'L', 'E', 'X', 0, 0, 0};
constexpr uint32_t kVersion = 1;
constexpr size_t kHeaderBytes = 48;
constexpr uint32_t kSourceBits = 2;
constexpr uint32_t kMaxPhrases = (uint32_t{1} << (32 - kSourceBits)) - 1;

uint32_t ReadU32(const char* p) {
  const auto* b = reinterpret_cast<const unsigned char*>(p);
  return uint32_t{b[0]} | uint32_t{b[1]} << 8 | uint32_t{b[2]} << 16 | uint32_t{b[3]} << 24;
}

void AppendU32(std::string* out, uint32_t v) {
  const char b[4] = {static_cast<char>(v & 0xFF), static_cast<char>((v >> 8) & 0xFF),
                     static_cast<char>((v >> 16) & 0xFF), static_cast<char>((v >> 24) & 0xFF)};
  out->append(b, 4);
}

void WriteU32At(std::string* out, size_t pos, uint32_t v) {
  for (int i = 0; i < 4; ++i) (*out)[pos + i] = static_cast<char>((v >> (8 * i)) & 0xFF);
}

uint32_t Crc32(std::string_view s) {
  uLong crc = crc32(0L, Z_NULL, 0);
  // zlib takes uInt lengths; feed in pieces.
  constexpr size_t kPiece = 1u << 30;
  for (size_t i = 0; i < s.size(); i += kPiece) {
    const size_t n = std::min(kPiece, s.size() - i);
    crc = crc32(crc, reinterpret_cast<const Bytef*>(s.data() + i), static_cast<uInt>(n));
  }
  return static_cast<uint32_t>(crc);
}

size_t WordCount(std::string_view phrase) {
  return phrase.empty() ? 0
                        : static_cast<size_t>(std::count(phrase.begin(), phrase.end(), ' ')) + 1;
}

std::vector<std::string_view> SplitAlternatives(std::string_view field) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (pos <= field.size()) {
    size_t bar = field.find('|', pos);
    if (bar == std::string_view::npos) bar = field.size();
    std::string_view alt = field.substr(pos, bar - pos);
    while (!alt.empty() && alt.front() == ' ') alt.remove_prefix(1);
    while (!alt.empty() && alt.back() == ' ') alt.remove_suffix(1);
    if (!alt.empty()) out.push_back(alt);
    pos = bar + 1;
  }
  return out;
}

// A translation being collected for a key.
struct Pending {
  std::string phrase;
  Translation::Source source;
  double score;  // lower is better
  size_t order;  // insertion order, to keep sorting stable and deterministic
};

using PendingMap = std::unordered_map<std::string, std::vector<Pending>>;

}  // namespace

struct Lexicon::Impl {
  std::string blob;
  uint32_t phrase_count = 0;
  uint32_t translation_count = 0;
  uint32_t max_key_words = 0;
  uint32_t key_count = 0;
  const char* phrase_offsets = nullptr;
  const char* trans_begin = nullptr;
  const char* trans = nullptr;
  const char* text = nullptr;
  std::string_view description;

  std::string_view Phrase(uint32_t id) const {
    const uint32_t b = ReadU32(phrase_offsets + 4 * id);
    const uint32_t e = ReadU32(phrase_offsets + 4 * (id + 1));
    return std::string_view(text + b, e - b);
  }

  // The phrase id of `key`, or phrase_count if absent.
  uint32_t Find(std::string_view key) const {
    uint32_t lo = 0, hi = phrase_count;
    while (lo < hi) {
      const uint32_t mid = lo + (hi - lo) / 2;
      if (Phrase(mid) < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo < phrase_count && Phrase(lo) == key ? lo : phrase_count;
  }

  bool HasTranslations(uint32_t id) const {
    return ReadU32(trans_begin + 4 * (id + 1)) > ReadU32(trans_begin + 4 * id);
  }
};

Lexicon::Lexicon(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Lexicon::Lexicon(Lexicon&&) noexcept = default;
Lexicon& Lexicon::operator=(Lexicon&&) noexcept = default;
Lexicon::~Lexicon() = default;

Result<Lexicon> Lexicon::Load(std::string blob) {
  auto impl = std::make_unique<Impl>();
  impl->blob = std::move(blob);
  const std::string& b = impl->blob;
  if (b.size() < kHeaderBytes || std::memcmp(b.data(), kMagic, sizeof kMagic) != 0) {
    return Status::Corruption("lexicon: not a lexicon blob (bad magic)");
  }
  const uint32_t version = ReadU32(b.data() + 8);
  if (version > kVersion) {
    return Status::Unsupported("lexicon: format version " + std::to_string(version) +
                               " is newer than this build's " + std::to_string(kVersion));
  }
  if (version != kVersion) return Status::Corruption("lexicon: bad format version");
  const uint64_t phrases = ReadU32(b.data() + 12);
  const uint64_t translations = ReadU32(b.data() + 16);
  const uint64_t text_bytes = ReadU32(b.data() + 20);
  const uint64_t description_bytes = ReadU32(b.data() + 24);
  impl->max_key_words = ReadU32(b.data() + 28);
  impl->key_count = ReadU32(b.data() + 32);
  const uint32_t crc = ReadU32(b.data() + 44);
  const uint64_t expected =
      kHeaderBytes + 8 * (phrases + 1) + 4 * translations + text_bytes + description_bytes;
  if (phrases > kMaxPhrases || expected != b.size()) {
    return Status::Corruption("lexicon: size " + std::to_string(b.size()) +
                              " does not match its header (" + std::to_string(expected) + ")");
  }
  if (Crc32(std::string_view(b).substr(kHeaderBytes)) != crc) {
    return Status::Corruption("lexicon: checksum mismatch");
  }
  impl->phrase_count = static_cast<uint32_t>(phrases);
  impl->translation_count = static_cast<uint32_t>(translations);
  const char* p = b.data() + kHeaderBytes;
  impl->phrase_offsets = p;
  p += 4 * (phrases + 1);
  impl->trans_begin = p;
  p += 4 * (phrases + 1);
  impl->trans = p;
  p += 4 * translations;
  impl->text = p;
  p += text_bytes;
  impl->description = std::string_view(p, description_bytes);

  // Every offset in range and monotonic, phrases sorted: lookups then need no checks.
  if (ReadU32(impl->phrase_offsets) != 0 || ReadU32(impl->trans_begin) != 0 ||
      ReadU32(impl->phrase_offsets + 4 * phrases) != text_bytes ||
      ReadU32(impl->trans_begin + 4 * phrases) != translations) {
    return Status::Corruption("lexicon: offset tables do not span their sections");
  }
  uint32_t keys = 0;
  for (uint32_t i = 0; i < phrases; ++i) {
    if (ReadU32(impl->phrase_offsets + 4 * (i + 1)) < ReadU32(impl->phrase_offsets + 4 * i) ||
        ReadU32(impl->trans_begin + 4 * (i + 1)) < ReadU32(impl->trans_begin + 4 * i)) {
      return Status::Corruption("lexicon: offsets decrease at phrase " + std::to_string(i));
    }
    if (i > 0 && !(impl->Phrase(i - 1) < impl->Phrase(i))) {
      return Status::Corruption("lexicon: phrases not sorted at " + std::to_string(i));
    }
    if (impl->HasTranslations(i)) ++keys;
  }
  for (uint32_t i = 0; i < translations; ++i) {
    const uint32_t v = ReadU32(impl->trans + 4 * i);
    if ((v >> kSourceBits) >= phrases || (v & ((1u << kSourceBits) - 1)) > 2) {
      return Status::Corruption("lexicon: bad translation reference " + std::to_string(i));
    }
  }
  if (keys != impl->key_count) return Status::Corruption("lexicon: key count mismatch");
  return Lexicon(std::move(impl));
}

std::string_view Lexicon::Serialize() const { return impl_->blob; }
size_t Lexicon::key_count() const { return impl_->key_count; }
size_t Lexicon::max_key_words() const { return impl_->max_key_words; }
std::string_view Lexicon::description() const { return impl_->description; }

std::vector<Translation> Lexicon::Lookup(std::string_view key) const {
  std::vector<Translation> out;
  const uint32_t id = impl_->Find(key);
  if (id == impl_->phrase_count) return out;
  const uint32_t b = ReadU32(impl_->trans_begin + 4 * id);
  const uint32_t e = ReadU32(impl_->trans_begin + 4 * (id + 1));
  for (uint32_t i = b; i < e; ++i) {
    const uint32_t v = ReadU32(impl_->trans + 4 * i);
    Translation t;
    t.source = static_cast<Translation::Source>(v & ((1u << kSourceBits) - 1));
    std::string_view phrase = impl_->Phrase(v >> kSourceBits);
    while (!phrase.empty()) {
      const size_t sp = phrase.find(' ');
      t.stems.push_back(phrase.substr(0, sp));
      if (sp == std::string_view::npos) break;
      phrase.remove_prefix(sp + 1);
    }
    out.push_back(std::move(t));
  }
  return out;
}

std::vector<Translation> Lexicon::Lookup(std::span<const std::string> stems) const {
  std::string key;
  for (const auto& s : stems) {
    if (!key.empty()) key.push_back(' ');
    key += s;
  }
  return Lookup(key);
}

std::vector<TermMatch> Lexicon::FindTerms(std::span<const std::string> stems) const {
  std::vector<TermMatch> out;
  std::string key;
  for (size_t i = 0; i < stems.size();) {
    size_t taken = 0;
    for (size_t len = std::min<size_t>(impl_->max_key_words, stems.size() - i); len >= 1; --len) {
      key.clear();
      for (size_t j = i; j < i + len; ++j) {
        if (j > i) key.push_back(' ');
        key += stems[j];
      }
      const uint32_t id = impl_->Find(key);
      if (id != impl_->phrase_count && impl_->HasTranslations(id)) {
        out.push_back({i, len, impl_->Phrase(id)});
        taken = len;
        break;
      }
    }
    i += taken > 0 ? taken : 1;
  }
  return out;
}

std::string_view BuiltinGlossary() { return data::EmbeddedFile(kGlossaryFile); }

namespace {

// Adds a glossary's pairs in both directions.
Status AddGlossary(std::string_view name, std::string_view tsv, Analyzer* analyzer,
                   PendingMap* glossary, size_t* order, size_t* pairs) {
  Status st = internal::ForEachTsvRow(tsv, [&](const internal::TsvRow& row) -> Status {
    if (row.fields.size() != 2) {
      return Status::InvalidArgument("line " + std::to_string(row.line) +
                                     ": expected english<TAB>russian");
    }
    std::vector<std::string> en, ru;
    for (std::string_view alt : SplitAlternatives(row.fields[0])) {
      PM_ASSIGN_OR_RETURN(std::string key, analyzer->StemPhrase(alt));
      if (!key.empty()) en.push_back(std::move(key));
    }
    for (std::string_view alt : SplitAlternatives(row.fields[1])) {
      PM_ASSIGN_OR_RETURN(std::string key, analyzer->StemPhrase(alt));
      if (!key.empty()) ru.push_back(std::move(key));
    }
    if (en.empty() || ru.empty()) {
      return Status::InvalidArgument("line " + std::to_string(row.line) + ": an empty side");
    }
    for (size_t i = 0; i < en.size(); ++i) {
      for (size_t j = 0; j < ru.size(); ++j) {
        (*glossary)[en[i]].push_back(
            {ru[j], Translation::Source::kGlossary, static_cast<double>(j), (*order)++});
        (*glossary)[ru[j]].push_back(
            {en[i], Translation::Source::kGlossary, static_cast<double>(i), (*order)++});
        ++*pairs;
      }
    }
    return Status::Ok();
  });
  return st.WithContext(name);
}

Status AddMueller(const LexiconBuildOptions& options, Analyzer* analyzer, PendingMap* dict,
                  size_t* order, size_t* headwords) {
  internal::MuellerOptions mo;
  mo.max_translations = options.max_translations_per_headword;
  mo.harvest_phrases = options.harvest_phrases;
  // Forward translations per headword key, for resolving "= program" cross references.
  std::unordered_map<std::string, std::vector<std::string>> forward;
  std::vector<std::pair<std::string, std::string>> aliases;  // (key, target headword)
  Status failure;
  // Score: a translation's rank in its headword's list, less log2 of the headword entry's size.
  // Mueller gives common words long entries with many senses, where a translation sits later in
  // the list; the size term lets them win over rare words that list it first: "вода" is first
  // "water" (a long entry), not "backwash" (a short one), "государство" is "state" before
  // "commonwealth", and "state" keeps its own senses before those of "stately". Phrases get no
  // size term and rank after the headword translations.
  auto add_pair = [&](const std::string& en, const std::string& ru, Translation::Source source,
                      int rank, size_t entry_bytes) {
    const double size_term = entry_bytes > 0 ? std::log2(static_cast<double>(entry_bytes)) : 0;
    (*dict)[en].push_back({ru, source, rank - size_term, (*order)++});
    // Inverted: also prefer short English headwords.
    (*dict)[ru].push_back(
        {en, source, rank + static_cast<double>(WordCount(en)) - 1 - size_term, (*order)++});
  };
  Status st = internal::ReadMueller(options.mueller_dir, mo, [&](internal::MuellerEntry&& e) {
    if (!failure.ok()) return;
    auto en = analyzer->StemPhrase(e.headword);
    if (!en.ok()) {
      failure = en.status();
      return;
    }
    if (en->empty()) return;
    ++*headwords;
    if (e.translations.empty() && !e.see_also.empty()) aliases.emplace_back(*en, e.see_also);
    for (size_t i = 0; i < e.translations.size(); ++i) {
      auto ru = analyzer->StemPhrase(e.translations[i]);
      if (!ru.ok() || ru->empty()) continue;
      forward[*en].push_back(*ru);
      add_pair(*en, *ru, Translation::Source::kDictionary, static_cast<int>(i), e.text_bytes);
    }
    for (const auto& [en_phrase, ru_phrase] : e.phrases) {
      auto en_key = analyzer->StemPhrase(en_phrase);
      auto ru_key = analyzer->StemPhrase(ru_phrase);
      if (!en_key.ok() || !ru_key.ok() || en_key->empty() || ru_key->empty()) continue;
      // Phrases rank after every headword translation of the same key.
      add_pair(*en_key, *ru_key, Translation::Source::kPhrase,
               static_cast<int>(options.max_translations_per_headword), 0);
    }
  });
  PM_RETURN_IF_ERROR(st);
  PM_RETURN_IF_ERROR(failure);
  for (const auto& [key, target] : aliases) {
    auto target_key = analyzer->StemPhrase(target);
    if (!target_key.ok() || forward.count(key) > 0) continue;
    const auto it = forward.find(*target_key);
    if (it == forward.end()) continue;
    const std::vector<std::string> targets = it->second;
    for (size_t i = 0; i < targets.size(); ++i) {
      add_pair(key, targets[i], Translation::Source::kDictionary, static_cast<int>(i), 0);
    }
  }
  return Status::Ok();
}

std::string Describe(const LexiconBuildOptions& options, size_t headwords, size_t glossary_pairs) {
  std::string d = "pressmine lexicon v" + std::to_string(kVersion) + ";";
  if (!options.mueller_dir.empty()) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(options.mueller_dir / "mueller7.dict.dz", ec);
    d += " mueller7 " + options.mueller_dir.string() + " (" + std::to_string(ec ? 0 : size) +
         " bytes, " + std::to_string(headwords) + " headwords);";
  }
  if (options.builtin_glossary) {
    d += " " + std::string(kGlossaryFile) + " (crc32 " + std::to_string(Crc32(BuiltinGlossary())) +
         ");";
  }
  for (const auto& [name, text] : options.extra_glossaries) {
    d += " " + name + " (crc32 " + std::to_string(Crc32(text)) + ");";
  }
  d += " " + std::to_string(glossary_pairs) + " glossary pairs; max " +
       std::to_string(options.max_translations_per_headword) + "/headword, " +
       std::to_string(options.max_translations_per_key) + "/key" +
       (options.harvest_phrases ? ", phrases" : "");
  return d;
}

}  // namespace

Result<Lexicon> BuildLexicon(const LexiconBuildOptions& options, LexiconBuildStats* stats) {
  PM_ASSIGN_OR_RETURN(Analyzer analyzer, Analyzer::Create());
  PendingMap glossary, dict;
  size_t order = 0, glossary_pairs = 0, headwords = 0;
  if (options.builtin_glossary) {
    const std::string_view text = BuiltinGlossary();
    if (text.empty()) return Status::Internal(std::string(kGlossaryFile) + ": not compiled in");
    PM_RETURN_IF_ERROR(
        AddGlossary(kGlossaryFile, text, &analyzer, &glossary, &order, &glossary_pairs));
  }
  for (const auto& [name, text] : options.extra_glossaries) {
    PM_RETURN_IF_ERROR(AddGlossary(name, text, &analyzer, &glossary, &order, &glossary_pairs));
  }
  if (!options.mueller_dir.empty()) {
    PM_RETURN_IF_ERROR(AddMueller(options, &analyzer, &dict, &order, &headwords));
  }

  // Final translation lists: the glossary's alone where it has the key, else the dictionary's.
  std::map<std::string, std::vector<std::pair<std::string, Translation::Source>>> entries;
  auto finish = [&](const std::string& key, std::vector<Pending>& list) {
    std::stable_sort(list.begin(), list.end(), [](const Pending& a, const Pending& b) {
      if (a.score != b.score) return a.score < b.score;
      return a.order < b.order;
    });
    auto& out = entries[key];
    for (const Pending& p : list) {
      if (out.size() >= options.max_translations_per_key) break;
      if (p.phrase == key) continue;
      const bool seen =
          std::any_of(out.begin(), out.end(), [&](const auto& t) { return t.first == p.phrase; });
      if (!seen) out.emplace_back(p.phrase, p.source);
    }
    if (out.empty()) entries.erase(key);
  };
  for (auto& [key, list] : glossary) finish(key, list);
  for (auto& [key, list] : dict) {
    if (glossary.count(key) == 0) finish(key, list);
  }

  // Phrase table: every key and every translation, sorted.
  std::vector<std::string_view> phrases;
  for (const auto& [key, list] : entries) {
    phrases.push_back(key);
    for (const auto& t : list) phrases.push_back(t.first);
  }
  std::sort(phrases.begin(), phrases.end());
  phrases.erase(std::unique(phrases.begin(), phrases.end()), phrases.end());
  if (phrases.size() > kMaxPhrases) return Status::Internal("lexicon: too many phrases");
  auto id_of = [&](std::string_view p) {
    return static_cast<uint32_t>(std::lower_bound(phrases.begin(), phrases.end(), p) -
                                 phrases.begin());
  };

  std::string text, offsets, begins, trans;
  uint32_t translation_count = 0, max_words = 0, key_count = 0;
  for (std::string_view p : phrases) {
    AppendU32(&offsets, static_cast<uint32_t>(text.size()));
    AppendU32(&begins, translation_count);
    text.append(p);
    const auto it = entries.find(std::string(p));
    if (it == entries.end()) continue;
    ++key_count;
    max_words = std::max(max_words, static_cast<uint32_t>(WordCount(p)));
    for (const auto& [phrase, source] : it->second) {
      AppendU32(&trans, id_of(phrase) << kSourceBits | static_cast<uint32_t>(source));
      ++translation_count;
    }
  }
  AppendU32(&offsets, static_cast<uint32_t>(text.size()));
  AppendU32(&begins, translation_count);
  const std::string description = Describe(options, headwords, glossary_pairs);

  std::string blob(kMagic, sizeof kMagic);
  for (uint32_t v : {kVersion, static_cast<uint32_t>(phrases.size()), translation_count,
                     static_cast<uint32_t>(text.size()), static_cast<uint32_t>(description.size()),
                     max_words, key_count, 0u, 0u, 0u}) {
    AppendU32(&blob, v);
  }
  blob += offsets;
  blob += begins;
  blob += trans;
  blob += text;
  blob += description;
  WriteU32At(&blob, 44, Crc32(std::string_view(blob).substr(kHeaderBytes)));
  if (stats != nullptr) {
    stats->mueller_headwords = headwords;
    stats->glossary_pairs = glossary_pairs;
    stats->keys = key_count;
    stats->translations = translation_count;
    stats->blob_bytes = blob.size();
  }
  return Lexicon::Load(std::move(blob));
}

}  // namespace pressmine::nlp
