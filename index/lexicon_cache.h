// The bilingual lexicon for query expansion, built once and cached in the database.
//
// Building from mueller7-dict takes about a second; loading the serialized blob takes a few
// milliseconds. The cache row records a fingerprint of the sources (the compiled-in glossary,
// the dictionary files' sizes and times, the blob format), so a new glossary or dictionary
// rebuilds it on the next search. A read-only database gets a lexicon built in memory.
#ifndef PRESSMINE_INDEX_LEXICON_CACHE_H_
#define PRESSMINE_INDEX_LEXICON_CACHE_H_

#include <filesystem>
#include <memory>

#include "base/sqlite.h"
#include "base/status.h"
#include "nlp/lexicon.h"

namespace pressmine::index {

struct LexiconSources {
  // Where Debian's mueller7-dict installs its files. When they are missing the lexicon is the
  // glossary alone (the description says so; `pressmine search --explain` shows it).
  std::filesystem::path mueller_dir = "/usr/share/dictd";
};

Result<std::shared_ptr<const nlp::Lexicon>> LoadLexicon(Database& db,
                                                        const LexiconSources& sources = {});

}  // namespace pressmine::index

#endif  // PRESSMINE_INDEX_LEXICON_CACHE_H_
