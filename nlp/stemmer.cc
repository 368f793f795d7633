#include "nlp/stemmer.h"

#include <libstemmer.h>

#include <utility>

namespace pressmine::nlp {

void Stemmer::Deleter::operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }

Result<Stemmer> Stemmer::Create(std::string_view algorithm) {
  const std::string name(algorithm);
  sb_stemmer* s = sb_stemmer_new(name.c_str(), "UTF_8");
  if (s == nullptr) {
    return Status::InvalidArgument("Snowball has no stemmer \"" + name + "\" for UTF-8");
  }
  return Stemmer(s);
}

void Stemmer::Stem(std::string_view word, std::string* out) {
  if (word.empty() || word.size() > kMaxWordBytes) {
    out->assign(word);
    return;
  }
  const sb_symbol* stem =
      sb_stemmer_stem(stemmer_.get(), reinterpret_cast<const sb_symbol*>(word.data()),
                      static_cast<int>(word.size()));
  if (stem == nullptr) {
    out->assign(word);
    return;
  }
  // The buffer belongs to the stemmer and is overwritten by the next call: copy now.
  out->assign(reinterpret_cast<const char*>(stem),
              static_cast<size_t>(sb_stemmer_length(stemmer_.get())));
}

Result<ScriptStemmer> ScriptStemmer::Create() {
  PM_ASSIGN_OR_RETURN(Stemmer ru, Stemmer::Create("russian"));
  PM_ASSIGN_OR_RETURN(Stemmer en, Stemmer::Create("english"));
  return ScriptStemmer(std::move(ru), std::move(en));
}

void ScriptStemmer::Stem(std::string_view norm, Script script, std::string* out) {
  switch (script) {
    case Script::kCyrillic:
      russian_.Stem(norm, out);
      return;
    case Script::kLatin:
      english_.Stem(norm, out);
      return;
    case Script::kNone:
    case Script::kMixed:
    case Script::kOther:
      break;
  }
  out->assign(norm);
}

}  // namespace pressmine::nlp
