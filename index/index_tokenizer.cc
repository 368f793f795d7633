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

size_t IndexTokenizer::StemCache::Find(nlp::Script script, std::string_view norm,
                                       uint64_t hash) const {
  for (size_t i = hash & (kSlots - 1);; i = (i + 1) & (kSlots - 1)) {
    const Slot& slot = slots_[i];
    if (slot.key == 0) return kNotFound;
    if (slot.hash == hash && slot.key_size == norm.size() + 1 &&
        arena_[slot.key] == static_cast<char>(script) &&
        std::string_view(arena_).substr(slot.key + 1, norm.size()) == norm) {
      return i;
    }
  }
}

size_t IndexTokenizer::StemCache::Put(nlp::Script script, std::string_view norm, uint64_t hash,
                                      std::string_view stem) {
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
  return i;
}

std::optional<std::string_view> IndexTokenizer::StemCache::NameKey(size_t slot) const {
  const Slot& s = slots_[slot];
  if (s.name_key == kKeyUnknown) return std::nullopt;
  return std::string_view(arena_).substr(s.name_key, s.name_key_size);
}

bool IndexTokenizer::StemCache::SetNameKey(size_t slot, std::string_view key) {
  if (arena_.size() + key.size() > kMaxArenaBytes) return false;
  Slot& s = slots_[slot];
  s.name_key = static_cast<uint32_t>(arena_.size());  // never 0: the arena starts with a byte
  s.name_key_size = static_cast<uint32_t>(key.size());
  arena_.append(key);
  return true;
}

// The stem depends only on the script and the normalized form (ScriptStemmer::Stem), so a
// cached stem is exactly what the stemmer would return.
size_t IndexTokenizer::Lookup(const nlp::TokenView& token) {
  const uint64_t hash = StemCache::Hash(token.script, token.norm);
  if (const size_t slot = stems_.Find(token.script, token.norm, hash);
      slot != StemCache::kNotFound) {
    return slot;
  }
  stemmer_.Stem(token, &stem_);
  return stems_.Put(token.script, token.norm, hash, stem_);
}

std::string_view IndexTokenizer::Key(const nlp::TokenView& token, size_t slot) {
  if (!IsNameCandidate(token)) return {};
  if (std::optional<std::string_view> cached = stems_.NameKey(slot)) return *cached;
  key_ = NameKeyToken(keyer_.NameKey(token.norm));
  if (key_.size() <= 3) key_.clear();  // "=k:" plus at least one letter
  if (stems_.SetNameKey(slot, key_)) return *stems_.NameKey(slot);
  return key_;
}

}  // namespace pressmine::index
