#include "nlp/analyzer.h"

#include <utility>

namespace pressmine::nlp {

Result<Analyzer> Analyzer::Create() {
  PM_ASSIGN_OR_RETURN(Tokenizer tokenizer, Tokenizer::Create());
  PM_ASSIGN_OR_RETURN(ScriptStemmer stemmer, ScriptStemmer::Create());
  return Analyzer(std::move(tokenizer), std::move(stemmer));
}

Status Analyzer::Stems(std::string_view text, std::vector<std::string>* out) {
  out->clear();
  return tokenizer_.ForEachToken(text, [&](const TokenView& t) {
    stemmer_.Stem(t, &stem_);
    out->push_back(stem_);
    return true;
  });
}

Result<std::string> Analyzer::StemPhrase(std::string_view text) {
  std::string phrase;
  Status st = tokenizer_.ForEachToken(text, [&](const TokenView& t) {
    stemmer_.Stem(t, &stem_);
    if (!phrase.empty()) phrase.push_back(' ');
    phrase += stem_;
    return true;
  });
  if (!st.ok()) return st;
  return phrase;
}

}  // namespace pressmine::nlp
