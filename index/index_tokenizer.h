// The tokens the index stores for a text: each word's Snowball stem and, for a capitalized
// word that may be a name, its transliteration key (=k:...) at the same position. The FTS5
// tokenizer (fts_tokenizer.h) feeds them to FTS5; snippets (snippet.h) use them to find a
// query's matches in a text exactly as the index matched it.
//
// Keeps a bounded stem cache: press-release vocabulary is Zipfian, so a few tens of thousands
// of forms cover almost every token, and Snowball was an eighth of bulk indexing time without
// it. Not thread-safe; movable.
#ifndef PRESSMINE_INDEX_INDEX_TOKENIZER_H_
#define PRESSMINE_INDEX_INDEX_TOKENIZER_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "nlp/stemmer.h"
#include "nlp/tokenizer.h"
#include "nlp/translit.h"

namespace pressmine::index {

// One position of a text: its stem and, when the word may be a name, its key token.
struct IndexToken {
  std::string_view stem;
  std::string_view key;  // "=k:..." or empty
  size_t begin = 0;      // byte offsets of the word in the text
  size_t end = 0;
};

class IndexTokenizer {
 public:
  // The stem cache holds at most this many words, then starts again empty.
  static constexpr size_t kMaxCachedStems = size_t{1} << 17;

  static Result<IndexTokenizer> Create();

  // Calls `sink(const IndexToken&)` per position, in order; `sink` returns false to stop.
  // Keys are computed only `with_keys`. The views are valid until `sink` returns.
  template <typename Sink>
  Status ForEachToken(std::string_view text, bool with_keys, Sink&& sink) {
    return words_.ForEachToken(text, [&](const nlp::TokenView& token) {
      IndexToken t;
      const size_t slot = Lookup(token);
      if (with_keys) t.key = Key(token, slot);  // before the stem's view: a key may grow the arena
      t.stem = stems_.Stem(slot);
      t.begin = token.begin;
      t.end = token.end;
      return static_cast<bool>(sink(t));
    });
  }

 private:
  IndexTokenizer(nlp::Tokenizer words, nlp::ScriptStemmer stemmer, nlp::NameKeyer keyer)
      : words_(std::move(words)), stemmer_(std::move(stemmer)), keyer_(std::move(keyer)) {}
  // (script, normalized form) -> stem and name key token, open addressing over one arena of
  // bytes: a node-based map's allocation and pointer chasing cost as much as the stemming it
  // saved. A word's key depends on its normalized form alone, so it is cached beside the stem
  // the first time the word is capitalized.
  class StemCache {
   public:
    static constexpr size_t kNotFound = SIZE_MAX;
    StemCache();
    // The slot of a cached word, or kNotFound.
    size_t Find(nlp::Script script, std::string_view norm, uint64_t hash) const;
    // Caches a word's stem and returns its slot (valid until the next Put).
    size_t Put(nlp::Script script, std::string_view norm, uint64_t hash, std::string_view stem);
    std::string_view Stem(size_t slot) const {
      return std::string_view(arena_).substr(slots_[slot].stem, slots_[slot].stem_size);
    }
    // The word's key token ("" for none), or nullopt when not computed yet.
    std::optional<std::string_view> NameKey(size_t slot) const;
    // Caches the key token; returns false when the arena is full (the key is then not cached).
    bool SetNameKey(size_t slot, std::string_view key);
    static uint64_t Hash(nlp::Script script, std::string_view norm);

   private:
    static constexpr uint32_t kKeyUnknown = 0;
    struct Slot {
      uint64_t hash = 0;
      uint32_t key = 0;  // arena offset of the script byte + norm; 0 = empty slot
      uint32_t key_size = 0;
      uint32_t stem = 0;
      uint32_t stem_size = 0;
      uint32_t name_key = kKeyUnknown;  // arena offset of the key token, once computed
      uint32_t name_key_size = 0;
    };
    std::vector<Slot> slots_;
    std::string arena_;
    size_t used_ = 0;
  };

  // The cache slot of a word, stemming and caching it on a miss.
  size_t Lookup(const nlp::TokenView& token);
  // The word's key token when it may be a name, else "".
  std::string_view Key(const nlp::TokenView& token, size_t slot);


  nlp::Tokenizer words_;
  nlp::ScriptStemmer stemmer_;
  nlp::NameKeyer keyer_;
  StemCache stems_;
  std::string stem_;  // scratch
  std::string key_;   // scratch
};

}  // namespace pressmine::index

#endif  // PRESSMINE_INDEX_INDEX_TOKENIZER_H_
