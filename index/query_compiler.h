// Compiles a parsed query (query.h) into the FTS5 expression the search runs, with
// cross-language expansion.
//
// Structured query translation: every query term becomes one OR group holding the term itself,
// its translations from the bilingual lexicon and, for a word that may be a name, its
// transliteration key. bm25 then weighs the group like one term, so a word with many
// translations does not outweigh the others. Consecutive words that form a lexicon entry
// ("maternal mortality") are translated as a unit, as a phrase. Translations are emitted as
// verbatim stems (the lexicon stores stems), so the tokenizer does not stem them again.
//
// Not thread-safe (owns nlp objects); create one per search or per thread.
#ifndef PRESSMINE_INDEX_QUERY_COMPILER_H_
#define PRESSMINE_INDEX_QUERY_COMPILER_H_

#include <memory>
#include <optional>
#include <string>

#include "base/language.h"
#include "base/status.h"
#include "index/query.h"
#include "nlp/lexicon.h"

namespace pressmine::index {

struct CompileOptions {
  bool cross_language = true;  // false: the words as typed, stemmed, nothing added (--mono)
};

// Translations used per term: the lexicon lists the best first, and beyond a handful they are
// rarer senses that add noise, not recall.
inline constexpr size_t kMaxTranslationsPerTerm = 6;

struct CompiledQuery {
  std::string fts;  // the MATCH expression over {title text}
  // The language the query is written in, by the script of its words; kUnknown when mixed or
  // without letters. Matches in this language rank first.
  Language language = Language::kUnknown;
};

class QueryCompiler {
 public:
  // `lexicon` may be null: then only name keys cross languages. kInternal when the nlp data
  // cannot be loaded (a build problem).
  static Result<QueryCompiler> Create(std::shared_ptr<const nlp::Lexicon> lexicon);

  QueryCompiler(QueryCompiler&&) noexcept;
  QueryCompiler& operator=(QueryCompiler&&) noexcept;
  ~QueryCompiler();

  CompiledQuery Compile(const QueryNode& root, const CompileOptions& options);

 private:
  struct Impl;
  explicit QueryCompiler(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace pressmine::index

#endif  // PRESSMINE_INDEX_QUERY_COMPILER_H_
