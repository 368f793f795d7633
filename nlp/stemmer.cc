#include "nlp/stemmer.h"

#include <libstemmer.h>

#include <utility>

#include "nlp/internal/tsv.h"
#include "pressmine_nlp_data.h"

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
  constexpr std::string_view kExceptionsFile = "lexicon/stem_exceptions_ru.txt";
  const std::string_view list = data::EmbeddedFile(kExceptionsFile);
  if (list.empty()) return Status::Internal(std::string(kExceptionsFile) + ": not compiled in");
  std::unordered_set<std::string> exceptions;
  Status st = internal::ForEachTsvRow(list, [&](const internal::TsvRow& row) {
    exceptions.emplace(row.fields[0]);
    return Status::Ok();
  });
  PM_RETURN_IF_ERROR(st.WithContext(kExceptionsFile));
  return ScriptStemmer(std::move(ru), std::move(en), std::move(exceptions));
}

void ScriptStemmer::Stem(std::string_view norm, Script script, std::string* out) {
  switch (script) {
    case Script::kCyrillic:
      russian_.Stem(norm, out);
      // "дефицит", "дефиците" -> "дефиц": give back the "ит" of a listed noun.
      if (out->size() + 4 <= norm.size() && norm.compare(out->size(), 4, "\xD0\xB8\xD1\x82") == 0 &&
          norm.substr(0, out->size()) == *out &&
          russian_exceptions_.count(std::string(norm.substr(0, out->size() + 4))) > 0) {
        out->append("\xD0\xB8\xD1\x82");  // ит
      }
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
