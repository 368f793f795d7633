// Search options for tests that are not about the dictionary: the lexicon from the compiled-in
// glossary alone builds in milliseconds, where mueller7 takes a second per test process.
#ifndef PRESSMINE_TESTS_SUPPORT_SEARCH_OPTIONS_H_
#define PRESSMINE_TESTS_SUPPORT_SEARCH_OPTIONS_H_

#include "index/search.h"

namespace pressmine::testing {

inline index::SearcherOptions GlossaryOnly() {
  index::SearcherOptions options;
  options.lexicon.mueller_dir.clear();
  return options;
}

}  // namespace pressmine::testing

#endif  // PRESSMINE_TESTS_SUPPORT_SEARCH_OPTIONS_H_
