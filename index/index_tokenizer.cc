#include "index/index_tokenizer.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

#include <algorithm>

#include "index/fts_tokenizer.h"

namespace pressmine::index {
namespace {

// Only capitalized words can be names, and shorter ones ("Ош", "Он", "The") are too ambiguous
// to key: a key is a cross-script match, so it must be specific.
constexpr size_t kMinNameKeyBytes = 4;

bool IsNameCandidate(const nlp::TokenView& t) {
  return t.kind == nlp::TokenKind::kWord && t.capitalized && !t.all_caps &&
         t.norm.size() >= kMinNameKeyBytes &&
         (t.script == nlp::Script::kLatin || t.script == nlp::Script::kCyrillic);
}

}  // namespace

Result<IndexTokenizer> IndexTokenizer::Create() {
  PM_ASSIGN_OR_RETURN(nlp::Tokenizer words, nlp::Tokenizer::Create());
  PM_ASSIGN_OR_RETURN(nlp::ScriptStemmer stemmer, nlp::ScriptStemmer::Create());
  PM_ASSIGN_OR_RETURN(nlp::NameKeyer keyer, nlp::NameKeyer::Create());
  return IndexTokenizer(std::move(words), std::move(stemmer), std::move(keyer));
}

namespace {
// Slots per cached word at most: linear probing stays short below half full.
constexpr size_t kSlots = IndexTokenizer::kMaxCachedStems * 2;
// Arena bytes before the cache starts again (offsets are 32-bit).
constexpr size_t kMaxArenaBytes = size_t{64} << 20;
}  // namespace

IndexTokenizer::StemCache::StemCache() : slots_(kSlots) { arena_.push_back('\0'); }

uint64_t IndexTokenizer::StemCache::Hash(nlp::Script script, std::string_view norm) {
  return XXH3_64bits_withSeed(norm.data(), norm.size(), static_cast<uint64_t>(script) + 1);
}

std::optional<std::string_view> IndexTokenizer::StemCache::Find(nlp::Script script,
                                                                std::string_view norm,
                                                                uint64_t hash) const {
  for (size_t i = hash & (kSlots - 1);; i = (i + 1) & (kSlots - 1)) {
    const Slot& slot = slots_[i];
    if (slot.key == 0) return std::nullopt;
    if (slot.hash == hash && slot.key_size == norm.size() + 1 &&
        arena_[slot.key] == static_cast<char>(script) &&
        std::string_view(arena_).substr(slot.key + 1, norm.size()) == norm) {
      return std::string_view(arena_).substr(slot.stem, slot.stem_size);
    }
  }
}

std::string_view IndexTokenizer::StemCache::Put(nlp::Script script, std::string_view norm,
                                                uint64_t hash, std::string_view stem) {
  if (used_ >= kMaxCachedStems || arena_.size() + norm.size() + stem.size() + 1 > kMaxArenaBytes) {
    std::fill(slots_.begin(), slots_.end(), Slot{});
    arena_.resize(1);
    used_ = 0;
  }
  size_t i = hash & (kSlots - 1);
  while (slots_[i].key != 0) i = (i + 1) & (kSlots - 1);
  Slot& slot = slots_[i];
  slot.hash = hash;
  slot.key = static_cast<uint32_t>(arena_.size());
  slot.key_size = static_cast<uint32_t>(norm.size() + 1);
  arena_.push_back(static_cast<char>(script));
  arena_.append(norm);
  slot.stem = static_cast<uint32_t>(arena_.size());
  slot.stem_size = static_cast<uint32_t>(stem.size());
  arena_.append(stem);
  ++used_;
  return std::string_view(arena_).substr(slot.stem, slot.stem_size);
}

// The stem depends only on the script and the normalized form (ScriptStemmer::Stem), so a
// cached stem is exactly what the stemmer would return.
std::string_view IndexTokenizer::Stem(const nlp::TokenView& token) {
  const uint64_t hash = StemCache::Hash(token.script, token.norm);
  if (std::optional<std::string_view> cached = stems_.Find(token.script, token.norm, hash)) {
    return *cached;
  }
  stemmer_.Stem(token, &stem_);
  return stems_.Put(token.script, token.norm, hash, stem_);
}

std::string_view IndexTokenizer::Key(const nlp::TokenView& token) {
  if (!IsNameCandidate(token)) return {};
  key_ = NameKeyToken(keyer_.NameKey(token.norm));
  if (key_.size() <= 3) return {};  // "=k:" plus at least one letter
  return key_;
}

}  // namespace pressmine::index
