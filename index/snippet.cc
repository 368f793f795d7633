#include "index/snippet.h"

#include <algorithm>
#include <cstdint>

#include "index/fts_tokenizer.h"

namespace pressmine::index {
namespace {

bool IsWordChar(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }

size_t SkipSpaces(std::string_view s, size_t i) {
  while (i < s.size() && s[i] == ' ') ++i;
  return i;
}

struct Position {
  size_t begin = 0;
  size_t end = 0;
};

// The distinct tokens of a query's phrases (a prefix token apart from the same whole token).
// Each word of the text is compared with them once, as it is tokenized, and keeps only which
// of them it matched: the stems and keys themselves live in the tokenizer's cache only until the
// next word, and copying two strings per word was most of a snippet's cost.
class PhraseTokens {
 public:
  explicit PhraseTokens(const std::vector<SnippetPhrase>& phrases) {
    for (const SnippetPhrase& phrase : phrases) {
      std::vector<size_t>& ids = ids_.emplace_back();
      for (size_t j = 0; j < phrase.tokens.size(); ++j) {
        const bool prefix = phrase.prefix && j + 1 == phrase.tokens.size();
        ids.push_back(Intern(phrase.tokens[j], prefix));
      }
    }
    words_ = (tokens_.size() + 63) / 64;
  }

  bool has_keys() const {
    return std::any_of(tokens_.begin(), tokens_.end(),
                       [](const Token& t) { return t.text.rfind("=k:", 0) == 0; });
  }

  // Appends the match bits of one word of the text.
  void Add(const IndexToken& word) {
    const size_t base = bits_.size();
    bits_.resize(base + words_, 0);
    for (size_t v = 0; v < tokens_.size(); ++v) {
      const Token& t = tokens_[v];
      const bool match = t.text.rfind("=k:", 0) == 0 ? word.key == t.text
                         : t.prefix                  ? word.stem.substr(0, t.text.size()) == t.text
                                                     : word.stem == t.text;
      if (match) bits_[base + v / 64] |= uint64_t{1} << (v % 64);
    }
  }

  // Whether token j of phrase k matched the text's word at `position`.
  bool Matches(size_t k, size_t j, size_t position) const {
    const size_t v = ids_[k][j];
    return (bits_[position * words_ + v / 64] >> (v % 64)) & 1;
  }

 private:
  struct Token {
    std::string text;
    bool prefix;
  };
  size_t Intern(const std::string& text, bool prefix) {
    for (size_t v = 0; v < tokens_.size(); ++v) {
      if (tokens_[v].text == text && tokens_[v].prefix == prefix) return v;
    }
    tokens_.push_back({text, prefix});
    return tokens_.size() - 1;
  }

  std::vector<Token> tokens_;
  std::vector<std::vector<size_t>> ids_;  // phrase -> its tokens' indices in tokens_
  size_t words_ = 0;                      // 64-bit words of match bits per text word
  std::vector<uint64_t> bits_;
};

struct Hit {
  size_t first = 0;  // positions [first, first + length)
  size_t length = 0;
  size_t phrase = 0;
};

}  // namespace

std::vector<SnippetPhrase> SnippetPhrases(std::string_view fts, IndexTokenizer& tokenizer) {
  std::vector<SnippetPhrase> out;
  int depth = 0;
  int skip_depth = -1;     // inside a title- or meta-only group opened at this depth
  bool skip_next = false;  // the next phrase or group is title- or meta-only
  size_t i = 0;
  while (i < fts.size()) {
    const char c = fts[i];
    if (c == '"') {
      std::string content;
      i = ReadFtsString(fts, i, &content);
      SnippetPhrase phrase;
      phrase.prefix = i < fts.size() && fts[i] == '*';
      const bool skip = skip_next || skip_depth >= 0;
      skip_next = false;
      if (skip) continue;
      if (!content.empty() && content.front() == kVerbatimMarker) {
        size_t start = 1;
        while (start <= content.size()) {
          size_t end = content.find(kVerbatimMarker, start);
          if (end == std::string::npos) end = content.size();
          if (end > start) phrase.tokens.push_back(content.substr(start, end - start));
          start = end + 1;
        }
      } else {
        (void)tokenizer.ForEachToken(content, false, [&](const IndexToken& t) {
          phrase.tokens.emplace_back(t.stem);
          return true;
        });
      }
      if (!phrase.tokens.empty()) out.push_back(std::move(phrase));
    } else if (c == '(') {
      ++depth;
      if (skip_next && skip_depth < 0) skip_depth = depth;
      skip_next = false;
      ++i;
    } else if (c == ')') {
      if (depth == skip_depth) skip_depth = -1;
      --depth;
      ++i;
    } else if (c == '{') {  // a column set such as {title text}: not title-only
      const size_t close = fts.find('}', i);
      i = close == std::string_view::npos ? fts.size() : close + 1;
    } else if (IsWordChar(c)) {
      size_t end = i;
      while (end < fts.size() && IsWordChar(fts[end])) ++end;
      const std::string_view word = fts.substr(i, end - i);
      const size_t next = SkipSpaces(fts, end);
      if (next < fts.size() && fts[next] == ':' && (word == "title" || word == "meta")) {
        skip_next = true;
        i = next + 1;
      } else {
        i = end;
      }
    } else {
      ++i;
    }
  }
  return out;
}

std::string MakeSnippet(std::string_view text, const std::vector<SnippetPhrase>& phrases,
                        IndexTokenizer& tokenizer, const SnippetOptions& options) {
  PhraseTokens tokens(phrases);
  std::vector<Position> pos;
  const Status st = tokenizer.ForEachToken(text, tokens.has_keys(), [&](const IndexToken& t) {
    tokens.Add(t);
    pos.push_back({t.begin, t.end});
    return true;
  });
  const size_t n = pos.size();
  if (!st.ok() || n == 0) return std::string();

  std::vector<Hit> hits;
  for (size_t k = 0; k < phrases.size(); ++k) {
    const size_t len = phrases[k].tokens.size();
    for (size_t p = 0; p + len <= n; ++p) {
      bool all = true;
      for (size_t j = 0; j < len && all; ++j) all = tokens.Matches(k, j, p + j);
      if (all) hits.push_back({p, len, k});
    }
  }
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.first < b.first; });

  // The window with the most distinct phrases (then the most matches), earliest on ties.
  const size_t width = static_cast<size_t>(std::max(options.tokens, 1));
  size_t start = 0;
  if (!hits.empty()) {
    size_t best_score = 0, best_first = 0, best_end = 0;
    std::vector<bool> seen(phrases.size());
    for (size_t h = 0; h < hits.size(); ++h) {
      std::fill(seen.begin(), seen.end(), false);
      size_t distinct = 0, count = 0, end = 0;
      for (size_t g = h; g < hits.size() && hits[g].first + hits[g].length <= hits[h].first + width;
           ++g) {
        if (!seen[hits[g].phrase]) ++distinct;
        seen[hits[g].phrase] = true;
        ++count;
        end = std::max(end, hits[g].first + hits[g].length);
      }
      const size_t score = distinct * hits.size() + count;
      if (score > best_score) {
        best_score = score;
        best_first = hits[h].first;
        best_end = end;
      }
    }
    // Centre the matches in the window.
    const size_t slack = width > best_end - best_first ? width - (best_end - best_first) : 0;
    start = best_first > slack / 2 ? best_first - slack / 2 : 0;
  }
  size_t end = std::min(n, start + width);
  if (end - start < width) start = end > width ? end - width : 0;

  std::string out;
  size_t cursor = start > 0 ? pos[start].begin : 0;
  const size_t stop = end < n ? pos[end - 1].end : text.size();
  if (start > 0) out += options.ellipsis;
  for (size_t h = 0; h < hits.size(); ++h) {
    size_t a = std::max(hits[h].first, start);
    size_t b = std::min(hits[h].first + hits[h].length, end);
    while (h + 1 < hits.size() && hits[h + 1].first < b) {  // overlapping matches: one mark
      ++h;
      b = std::min(std::max(b, hits[h].first + hits[h].length), end);
    }
    if (a >= b || pos[a].begin < cursor) continue;
    out.append(text.substr(cursor, pos[a].begin - cursor));
    out += options.open;
    out.append(text.substr(pos[a].begin, pos[b - 1].end - pos[a].begin));
    out += options.close;
    cursor = pos[b - 1].end;
  }
  if (stop > cursor) out.append(text.substr(cursor, stop - cursor));
  if (end < n) out += options.ellipsis;
  return out;
}

}  // namespace pressmine::index
