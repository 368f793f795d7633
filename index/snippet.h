// Snippets: the part of a release's text around a query's matches, with the matches marked.
//
// FTS5's snippet() re-runs the MATCH for the row and tokenizes the text twice (once to find
// sentence starts, once to highlight); for a page of ten results that was a fifth of a query's
// time. Here the text is tokenized once, by the index's own tokenizer (IndexTokenizer), and the
// query's phrases are matched against its tokens exactly as FTS5 matched them: a phrase is a
// run of consecutive positions whose stem or name key equals the phrase's tokens (the last one a
// prefix for "word"*). The phrases come from the FTS5 expression the search ran, so what is
// marked is what the index matched: translations, name keys and phrases included.
#ifndef PRESSMINE_INDEX_SNIPPET_H_
#define PRESSMINE_INDEX_SNIPPET_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "index/index_tokenizer.h"

namespace pressmine::index {

// One phrase of a query, as index tokens (stems, "=k:" name keys).
struct SnippetPhrase {
  std::vector<std::string> tokens;
  bool prefix = false;  // the last token is a prefix
};

// The phrases of an FTS5 expression written by the query compiler (every phrase a quoted
// string; verbatim token lists start with kVerbatimMarker, other strings are stemmed as FTS5's
// query tokenization does). Phrases restricted to the title (`title : ...`) are left out: the
// snippet shows the text.
std::vector<SnippetPhrase> SnippetPhrases(std::string_view fts, IndexTokenizer& tokenizer);

struct SnippetOptions {
  int tokens = 24;  // words in the snippet
  std::string open = "**";
  std::string close = "**";
  std::string ellipsis = "…";
};

// The window of `options.tokens` words holding the most distinct phrases, centred on them, with
// every match in it marked; the text's opening words when nothing matches.
std::string MakeSnippet(std::string_view text, const std::vector<SnippetPhrase>& phrases,
                        IndexTokenizer& tokenizer, const SnippetOptions& options);

}  // namespace pressmine::index

#endif  // PRESSMINE_INDEX_SNIPPET_H_
