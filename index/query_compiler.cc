#include "index/query_compiler.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "index/fts_tokenizer.h"
#include "nlp/analyzer.h"
#include "nlp/language_detect.h"
#include "nlp/translit.h"

namespace pressmine::index {
namespace {

// As in the tokenizer: shorter words are too ambiguous for a cross-script key.
constexpr size_t kMinNameKeyBytes = 4;

bool StartsUppercase(std::string_view word) {
  const auto* s = reinterpret_cast<const uint8_t*>(word.data());
  const int32_t n = static_cast<int32_t>(word.size());
  int32_t i = 0;
  UChar32 c;
  U8_NEXT(s, i, n, c);
  return c > 0 && (u_isupper(c) || u_istitle(c));
}

bool HasLowercase(std::string_view word) {
  const auto* s = reinterpret_cast<const uint8_t*>(word.data());
  const int32_t n = static_cast<int32_t>(word.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c > 0 && u_islower(c)) return true;
  }
  return false;
}

void CollectText(const QueryNode& node, std::string& out) {
  if (node.kind == QueryNode::Kind::kTerm || node.kind == QueryNode::Kind::kPhrase) {
    out += node.text;
    out += ' ';
  }
  for (const QueryNode& c : node.children) CollectText(c, out);
}

std::string AnyOf(const std::vector<std::string>& alternatives) {
  if (alternatives.size() == 1) return alternatives[0];
  std::string out = "(";
  for (size_t i = 0; i < alternatives.size(); ++i) {
    if (i > 0) out += " OR ";
    out += alternatives[i];
  }
  return out + ")";
}

// A word the lexicon may translate as part of a longer term: a plain positive word.
bool Groupable(const QueryNode& n) {
  return n.kind == QueryNode::Kind::kTerm && !n.prefix;
}

}  // namespace

struct QueryCompiler::Impl {
  nlp::NameKeyer keyer;
  nlp::Analyzer analyzer;
  std::shared_ptr<const nlp::Lexicon> lexicon;

  std::vector<std::string> Stems(std::string_view text) {
    std::vector<std::string> stems;
    if (!analyzer.Stems(text, &stems).ok()) stems.clear();
    return stems;
  }

  void AddTranslations(std::span<const std::string> stems, std::vector<std::string>& out) {
    if (!lexicon || stems.empty()) return;
    size_t added = 0;
    for (const nlp::Translation& t : lexicon->Lookup(stems)) {
      if (added == kMaxTranslationsPerTerm) break;
      std::vector<std::string> tokens(t.stems.begin(), t.stems.end());
      if (tokens.empty()) continue;
      out.push_back(VerbatimFtsString(tokens));
      ++added;
    }
  }

  // A word or phrase: itself, its translations and (for a name) its transliteration key.
  std::string Term(const QueryNode& node) {
    QueryNode plain = node;
    plain.title_only = false;
    std::vector<std::string> alternatives{QuotedTerm(plain)};
    if (!node.prefix) AddTranslations(Stems(node.text), alternatives);
    if (!node.prefix && node.kind == QueryNode::Kind::kTerm && node.text.size() >= kMinNameKeyBytes &&
        StartsUppercase(node.text) && HasLowercase(node.text)) {
      const std::string key = keyer.NameKey(node.text);
      if (!key.empty()) alternatives.push_back(VerbatimFtsString({NameKeyToken(key)}));
    }
    const std::string any = AnyOf(alternatives);
    return node.title_only ? "title : " + any : any;
  }

  // Consecutive words that together are a lexicon term: the words as typed (all of them) or
  // any translation of the whole term.
  std::string LexiconTerm(const QueryNode& group) {
    std::string typed = "(";
    std::vector<std::string> stems;
    for (size_t i = 0; i < group.children.size(); ++i) {
      if (i > 0) typed += " AND ";
      QueryNode word = group.children[i];
      word.title_only = false;  // the group as a whole carries the column
      typed += QuotedTerm(word);
      for (std::string& s : Stems(group.children[i].text)) stems.push_back(std::move(s));
    }
    std::vector<std::string> alternatives{typed + ")"};
    AddTranslations(stems, alternatives);
    return AnyOf(alternatives);
  }

  // Rewrites runs of sibling words inside each AND that form a multi-word lexicon key into one
  // lexicon_term group, so that "maternal mortality" is translated as a unit.
  void GroupLexiconTerms(QueryNode& node) {
    for (QueryNode& c : node.children) GroupLexiconTerms(c);
    if (!lexicon || node.kind != QueryNode::Kind::kAnd || node.lexicon_term) return;
    std::vector<QueryNode> out;
    size_t i = 0;
    while (i < node.children.size()) {
      if (!Groupable(node.children[i])) {
        out.push_back(std::move(node.children[i++]));
        continue;
      }
      // The run of groupable words from i, with each stem's word.
      size_t end = i;
      std::vector<std::string> stems;
      std::vector<size_t> word_of_stem;
      while (end < node.children.size() && Groupable(node.children[end]) &&
             node.children[end].title_only == node.children[i].title_only) {
        for (std::string& s : Stems(node.children[end].text)) {
          stems.push_back(std::move(s));
          word_of_stem.push_back(end);
        }
        ++end;
      }
      size_t next = i;  // words before `next` are placed
      for (const nlp::TermMatch& m : lexicon->FindTerms(stems)) {
        const size_t first = word_of_stem[m.begin];
        const size_t last = word_of_stem[m.begin + m.length - 1];
        const bool starts_word = m.begin == 0 || word_of_stem[m.begin - 1] != first;
        const bool ends_word =
            m.begin + m.length == stems.size() || word_of_stem[m.begin + m.length] != last;
        if (first == last || first < next || !starts_word || !ends_word) continue;
        while (next < first) out.push_back(std::move(node.children[next++]));
        QueryNode group;
        group.kind = QueryNode::Kind::kAnd;
        group.lexicon_term = true;
        group.title_only = node.children[first].title_only;
        for (size_t w = first; w <= last; ++w) group.children.push_back(std::move(node.children[w]));
        out.push_back(std::move(group));
        next = last + 1;
      }
      while (next < end) out.push_back(std::move(node.children[next++]));
      i = end;
    }
    node.children = std::move(out);
    if (node.children.size() == 1 && node.children[0].lexicon_term) {
      QueryNode only = std::move(node.children[0]);
      node = std::move(only);
    }
  }
};

Result<QueryCompiler> QueryCompiler::Create(std::shared_ptr<const nlp::Lexicon> lexicon) {
  PM_ASSIGN_OR_RETURN(nlp::NameKeyer keyer, nlp::NameKeyer::Create());
  PM_ASSIGN_OR_RETURN(nlp::Analyzer analyzer, nlp::Analyzer::Create());
  return QueryCompiler(
      std::make_unique<Impl>(Impl{std::move(keyer), std::move(analyzer), std::move(lexicon)}));
}

QueryCompiler::QueryCompiler(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
QueryCompiler::QueryCompiler(QueryCompiler&&) noexcept = default;
QueryCompiler& QueryCompiler::operator=(QueryCompiler&&) noexcept = default;
QueryCompiler::~QueryCompiler() = default;

CompiledQuery QueryCompiler::Compile(const QueryNode& root, const CompileOptions& options) {
  CompiledQuery out;
  if (!options.cross_language) {
    out.fts = ToFts5(root);
  } else {
    QueryNode tree = root;
    impl_->GroupLexiconTerms(tree);
    out.fts = ToFts5(tree, [&](const QueryNode& node) -> std::optional<std::string> {
      if (node.lexicon_term) {
        const std::string group = impl_->LexiconTerm(node);
        return node.title_only ? "title : " + group : group;
      }
      if (node.kind == QueryNode::Kind::kTerm || node.kind == QueryNode::Kind::kPhrase) {
        return impl_->Term(node);
      }
      return std::nullopt;
    });
  }
  std::string text;
  CollectText(root, text);
  const nlp::ScriptCounts counts = nlp::CountScripts(text);
  if (counts.cyrillic > 0 && counts.latin == 0) out.language = Language::kRussian;
  if (counts.latin > 0 && counts.cyrillic == 0) out.language = Language::kEnglish;
  return out;
}

}  // namespace pressmine::index
