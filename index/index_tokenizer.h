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

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

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
  // Words stemmed after the cache is full are stemmed without it until it is cleared.
  static constexpr size_t kMaxCachedStems = size_t{1} << 17;

  static Result<IndexTokenizer> Create();

  // Calls `sink(const IndexToken&)` per position, in order; `sink` returns false to stop.
  // Keys are computed only `with_keys`. The views are valid until `sink` returns.
  template <typename Sink>
  Status ForEachToken(std::string_view text, bool with_keys, Sink&& sink) {
    return words_.ForEachToken(text, [&](const nlp::TokenView& token) {
      IndexToken t;
      t.stem = Stem(token);
      t.begin = token.begin;
      t.end = token.end;
      if (with_keys) t.key = Key(token);
      return static_cast<bool>(sink(t));
    });
  }

 private:
  IndexTokenizer(nlp::Tokenizer words, nlp::ScriptStemmer stemmer, nlp::NameKeyer keyer)
      : words_(std::move(words)), stemmer_(std::move(stemmer)), keyer_(std::move(keyer)) {}
  const std::string& Stem(const nlp::TokenView& token);
  std::string_view Key(const nlp::TokenView& token);

  nlp::Tokenizer words_;
  nlp::ScriptStemmer stemmer_;
  nlp::NameKeyer keyer_;
  std::unordered_map<std::string, std::string> stems_;  // script byte + norm -> stem
  std::string cache_key_;                               // scratch
  std::string stem_;                                    // scratch
  std::string key_;                                     // scratch
};

}  // namespace pressmine::index

#endif  // PRESSMINE_INDEX_INDEX_TOKENIZER_H_
