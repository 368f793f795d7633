#include "index/query_compiler.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "index/fts_tokenizer.h"
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

}  // namespace

struct QueryCompiler::Impl {
  nlp::NameKeyer keyer;

  std::string Term(const QueryNode& node, const CompileOptions& options) {
    QueryNode plain = node;
    plain.title_only = false;
    std::vector<std::string> alternatives{QuotedTerm(plain)};
    if (options.cross_language && !node.prefix && node.kind == QueryNode::Kind::kTerm &&
        node.text.size() >= kMinNameKeyBytes && StartsUppercase(node.text) &&
        HasLowercase(node.text)) {
      const std::string key = keyer.NameKey(node.text);
      if (!key.empty()) alternatives.push_back(VerbatimFtsString({NameKeyToken(key)}));
    }
    std::string out;
    if (alternatives.size() == 1) {
      out = alternatives[0];
    } else {
      out = "(";
      for (size_t i = 0; i < alternatives.size(); ++i) {
        if (i > 0) out += " OR ";
        out += alternatives[i];
      }
      out += ")";
    }
    return node.title_only ? "title : " + out : out;
  }
};

Result<QueryCompiler> QueryCompiler::Create() {
  PM_ASSIGN_OR_RETURN(nlp::NameKeyer keyer, nlp::NameKeyer::Create());
  return QueryCompiler(std::make_unique<Impl>(Impl{std::move(keyer)}));
}

QueryCompiler::QueryCompiler(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
QueryCompiler::QueryCompiler(QueryCompiler&&) noexcept = default;
QueryCompiler& QueryCompiler::operator=(QueryCompiler&&) noexcept = default;
QueryCompiler::~QueryCompiler() = default;

CompiledQuery QueryCompiler::Compile(const QueryNode& root, const CompileOptions& options) {
  CompiledQuery out;
  out.fts = ToFts5(root, [&](const QueryNode& term) { return impl_->Term(term, options); });
  std::string text;
  CollectText(root, text);
  const nlp::ScriptCounts counts = nlp::CountScripts(text);
  if (counts.cyrillic > 0 && counts.latin == 0) out.language = Language::kRussian;
  if (counts.latin > 0 && counts.cyrillic == 0) out.language = Language::kEnglish;
  return out;
}

}  // namespace pressmine::index
