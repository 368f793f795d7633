// Text to stems: the Tokenizer and the ScriptStemmer together, as the index and the lexicon use
// them, so that a phrase in the lexicon and the same phrase in a document or a query produce the
// same stems.
#ifndef PRESSMINE_NLP_ANALYZER_H_
#define PRESSMINE_NLP_ANALYZER_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "nlp/stemmer.h"
#include "nlp/tokenizer.h"

namespace pressmine::nlp {

// Owns a Tokenizer and a ScriptStemmer. Not thread-safe; movable.
class Analyzer {
 public:
  static Result<Analyzer> Create();

  // The stems of every token of `text`, in order, appended to *out after clearing it.
  Status Stems(std::string_view text, std::vector<std::string>* out);

  // The stems joined by single spaces: the key form Lexicon uses ("материнск смертност").
  Result<std::string> StemPhrase(std::string_view text);

  Tokenizer& tokenizer() { return tokenizer_; }
  ScriptStemmer& stemmer() { return stemmer_; }

 private:
  Analyzer(Tokenizer t, ScriptStemmer s) : tokenizer_(std::move(t)), stemmer_(std::move(s)) {}
  Tokenizer tokenizer_;
  ScriptStemmer stemmer_;
  std::string stem_;
};

}  // namespace pressmine::nlp

#endif  // PRESSMINE_NLP_ANALYZER_H_
