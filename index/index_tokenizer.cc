#include "index/index_tokenizer.h"

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

// The stem depends only on the script and the normalized form (ScriptStemmer::Stem), so a
// cached stem is exactly what the stemmer would return.
const std::string& IndexTokenizer::Stem(const nlp::TokenView& token) {
  cache_key_.assign(1, static_cast<char>(token.script));
  cache_key_.append(token.norm);
  if (auto it = stems_.find(cache_key_); it != stems_.end()) return it->second;
  stemmer_.Stem(token, &stem_);
  if (stems_.size() >= kMaxCachedStems) stems_.clear();
  stems_.emplace(cache_key_, stem_);
  return stem_;
}

std::string_view IndexTokenizer::Key(const nlp::TokenView& token) {
  if (!IsNameCandidate(token)) return {};
  key_ = NameKeyToken(keyer_.NameKey(token.norm));
  if (key_.size() <= 3) return {};  // "=k:" plus at least one letter
  return key_;
}

}  // namespace pressmine::index
