// Snowball stemming, per token by script.
//
// Russian and English press releases quote each other's names and terms ("внедрение
// NGS-диагностики", "the Ministry of Health of the Kyrgyz Republic (МЗ КР)"), so the language is
// chosen per token, not per document: Cyrillic tokens go to Snowball's Russian stemmer, Latin ones
// to its English (Porter2) stemmer, and everything else (numbers, other scripts, tokens mixing
// scripts) is its own stem. Input is a token's normalized form (lowercase, ё folded to е), as
// Tokenizer produces it; the stemmers are not meant for raw text.
//
// One correction is applied on top of Snowball: Russian nouns in -ит (дефицит, гепатит, кредит)
// lose "-ит" as if it were a verb ending in the nominative and the prepositional ("дефицит",
// "дефиците" -> "дефиц") but keep it in the other cases ("дефицита" -> "дефицит"); for the nouns
// listed in corpora/lexicon/stem_exceptions_ru.txt the "ит" is given back, so all forms meet.
#ifndef PRESSMINE_NLP_STEMMER_H_
#define PRESSMINE_NLP_STEMMER_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>

#include "base/status.h"
#include "nlp/tokenizer.h"

struct sb_stemmer;

namespace pressmine::nlp {

// One Snowball stemmer (libstemmer_c), owned. Not thread-safe (Snowball keeps per-stemmer state);
// movable, not copyable.
class Stemmer {
 public:
  // Words longer than this (bytes) are returned unchanged: no real word is, and garbage tokens
  // (base64 runs, long URLs) need not cost stemming time.
  static constexpr size_t kMaxWordBytes = 128;

  // `algorithm` is a Snowball name such as "russian" or "english"; the encoding is UTF-8.
  // kInvalidArgument if libstemmer does not know it.
  static Result<Stemmer> Create(std::string_view algorithm);

  // Stems `word` into *out (replacing its content). libstemmer's result buffer is only valid
  // until the next call, so it is copied at once. On allocation failure inside libstemmer the
  // word itself is returned.
  void Stem(std::string_view word, std::string* out);
  std::string Stem(std::string_view word) {
    std::string out;
    Stem(word, &out);
    return out;
  }

 private:
  struct Deleter {
    void operator()(sb_stemmer* s) const;
  };
  explicit Stemmer(sb_stemmer* s) : stemmer_(s) {}
  std::unique_ptr<sb_stemmer, Deleter> stemmer_;
};

// The Russian and English stemmers, chosen by a token's script. Not thread-safe; movable.
class ScriptStemmer {
 public:
  // kInternal if a stemmer or the compiled-in exception list is missing.
  static Result<ScriptStemmer> Create();

  // Stems a normalized token of the given script into *out; see the file comment for which
  // stemmer applies. Numbers and other scripts are copied unchanged.
  void Stem(std::string_view norm, Script script, std::string* out);
  std::string Stem(std::string_view norm, Script script) {
    std::string out;
    Stem(norm, script, &out);
    return out;
  }
  void Stem(const TokenView& token, std::string* out) { Stem(token.norm, token.script, out); }

 private:
  ScriptStemmer(Stemmer ru, Stemmer en, std::unordered_set<std::string> exceptions)
      : russian_(std::move(ru)),
        english_(std::move(en)),
        russian_exceptions_(std::move(exceptions)) {}
  Stemmer russian_;
  Stemmer english_;
  std::unordered_set<std::string> russian_exceptions_;  // nominatives that are their own stems
};

}  // namespace pressmine::nlp

#endif  // PRESSMINE_NLP_STEMMER_H_
