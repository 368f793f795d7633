// A recursive-descent parser over a small lexer. Grammar:
//
//   query   := or_expr? EOF
//   or_expr := and_expr ("OR" and_expr)*
//   and_expr:= unary ("AND"? unary)*
//   unary   := "-" primary | primary
//   primary := "(" or_expr ")" | PHRASE | WORD ["*"] | FIELD ":" (WORD | PHRASE)
//
// Filters (lang:, source:, date:) are lifted out of the tree while parsing and constrain the
// whole query wherever they stand outside parentheses ("a OR b lang:ru" reads, as in web search
// engines, as (a OR b) in Russian). Inside parentheses or negated they would need a meaning a
// filter on the whole match cannot give, so they are refused there.
#include "index/query.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <charconv>

namespace pressmine::index {
namespace {

// Deeply nested parentheses are a typo or an attack, never a real query.
constexpr int kMaxNesting = 32;
// More terms than this is not a search but a document pasted into the box.
constexpr int kMaxTerms = 256;

struct Token {
  enum class Kind { kWord, kPhrase, kLParen, kRParen, kOr, kAnd, kEnd };
  Kind kind = Kind::kEnd;
  std::string text;
  std::string field;   // "title", "lang", "source", "date" when written as field:value
  bool negated = false;
  bool prefix = false;
  int column = 0;      // 1-based character column where the token starts
};

// Control characters count as space: they can only be noise in a query, and the index reserves
// one of them as a marker (fts_tokenizer.h).
bool IsSpace(char c) { return static_cast<unsigned char>(c) <= ' ' || c == '\x7f'; }

bool IsKnownField(std::string_view f) {
  return f == "title" || f == "lang" || f == "source" || f == "date";
}

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  Result<std::vector<Token>> Run() {
    std::vector<Token> tokens;
    for (;;) {
      while (pos_ < text_.size() && IsSpace(text_[pos_])) ++pos_;
      if (pos_ >= text_.size()) break;
      Token t;
      t.column = Column(pos_);
      const char c = text_[pos_];
      if (c == '(') {
        t.kind = Token::Kind::kLParen;
        ++pos_;
      } else if (c == ')') {
        t.kind = Token::Kind::kRParen;
        ++pos_;
      } else {
        if (c == '-' && pos_ + 1 < text_.size() && !IsSpace(text_[pos_ + 1])) {
          t.negated = true;
          ++pos_;
        }
        PM_RETURN_IF_ERROR(ReadOperand(t));
      }
      tokens.push_back(std::move(t));
    }
    Token end;
    end.column = Column(text_.size());
    tokens.push_back(end);
    return tokens;
  }

 private:
  int Column(size_t byte_pos) const {
    int col = 1;
    for (size_t i = 0; i < byte_pos && i < text_.size(); ++i) {
      if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++col;
    }
    return col;
  }

  Status ReadOperand(Token& t) {
    // field:value, where the field is one we know; otherwise the colon is part of a word.
    const size_t colon = FindWordEnd(pos_, /*stop_at_colon=*/true);
    if (colon < text_.size() && text_[colon] == ':' &&
        IsKnownField(text_.substr(pos_, colon - pos_))) {
      t.field = std::string(text_.substr(pos_, colon - pos_));
      pos_ = colon + 1;
      if (pos_ >= text_.size() || IsSpace(text_[pos_]) || text_[pos_] == ')') {
        return Status::InvalidArgument("\"" + t.field + ":\" at column " +
                                       std::to_string(t.column) + " needs a value");
      }
    }
    if (text_[pos_] == '"') return ReadPhrase(t);
    const size_t end = FindWordEnd(pos_, /*stop_at_colon=*/false);
    std::string word(text_.substr(pos_, end - pos_));
    pos_ = end;
    if (t.field.empty() && !t.negated) {
      if (word == "OR") {
        t.kind = Token::Kind::kOr;
        return Status::Ok();
      }
      if (word == "AND") {
        t.kind = Token::Kind::kAnd;
        return Status::Ok();
      }
    }
    if (!word.empty() && word.back() == '*') {
      word.pop_back();
      t.prefix = true;
      if (word.empty() || word.back() == '*') {
        return Status::InvalidArgument("\"*\" at column " + std::to_string(t.column) +
                                       " must follow the start of a word, as in immun*");
      }
    }
    t.kind = Token::Kind::kWord;
    t.text = std::move(word);
    return Status::Ok();
  }

  Status ReadPhrase(Token& t) {
    const size_t open = pos_;
    const size_t close = text_.find('"', open + 1);
    if (close == std::string_view::npos) {
      return Status::InvalidArgument("unterminated phrase: the quote at column " +
                                     std::to_string(Column(open)) + " is never closed");
    }
    t.kind = Token::Kind::kPhrase;
    t.text = std::string(text_.substr(open + 1, close - open - 1));
    pos_ = close + 1;
    if (pos_ < text_.size() && text_[pos_] == '*') {
      return Status::InvalidArgument("a phrase cannot be a prefix (column " +
                                     std::to_string(Column(pos_)) + ")");
    }
    return Status::Ok();
  }

  size_t FindWordEnd(size_t from, bool stop_at_colon) const {
    size_t i = from;
    while (i < text_.size() && !IsSpace(text_[i]) && text_[i] != '(' && text_[i] != ')' &&
           text_[i] != '"' && !(stop_at_colon && text_[i] == ':')) {
      ++i;
    }
    return i;
  }

  std::string_view text_;
  size_t pos_ = 0;
};

bool HasWordCharacter(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c >= 0 && u_isalnum(c)) return true;
  }
  return false;
}

class Parser {
 public:
  Parser(std::vector<Token> tokens, Query& query) : tokens_(std::move(tokens)), query_(query) {}

  Status Run() {
    if (Peek().kind == Token::Kind::kEnd) return Status::InvalidArgument("the query is empty");
    std::optional<QueryNode> root;
    PM_RETURN_IF_ERROR(ParseOr(0, root));
    if (Peek().kind == Token::Kind::kRParen) {
      return Status::InvalidArgument("unbalanced \")\" at column " + std::to_string(Peek().column));
    }
    if (Peek().kind != Token::Kind::kEnd) {
      return Status::InvalidArgument("unexpected input at column " + std::to_string(Peek().column));
    }
    if (root) PM_RETURN_IF_ERROR(CheckHasPositive(*root));
    query_.root = std::move(root);
    return Status::Ok();
  }

 private:
  const Token& Peek() const { return tokens_[pos_]; }
  const Token& Next() { return tokens_[pos_++]; }

  static bool StartsOperand(const Token& t) {
    return t.kind == Token::Kind::kWord || t.kind == Token::Kind::kPhrase ||
           t.kind == Token::Kind::kLParen;
  }

  // `out` stays empty when the whole expression was filters.
  Status ParseOr(int depth, std::optional<QueryNode>& out) {
    std::vector<QueryNode> alternatives;
    bool saw_or = false;
    for (;;) {
      std::optional<QueryNode> operand;
      const size_t start = pos_;
      PM_RETURN_IF_ERROR(ParseAnd(depth, /*filters_allowed=*/depth == 0, operand));
      if (operand) {
        alternatives.push_back(std::move(*operand));
      } else if (pos_ > start && (saw_or || Peek().kind == Token::Kind::kOr)) {
        return Status::InvalidArgument("OR at column " + std::to_string(tokens_[pos_ - 1].column) +
                                       " needs words on both sides, not only filters");
      }
      if (Peek().kind != Token::Kind::kOr) break;
      const Token& op = Next();
      saw_or = true;
      if (!StartsOperand(Peek())) {
        return Status::InvalidArgument("OR at column " + std::to_string(op.column) +
                                       " needs a word after it");
      }
      if (alternatives.empty()) {
        return Status::InvalidArgument("OR at column " + std::to_string(op.column) +
                                       " needs a word before it");
      }
    }
    if (alternatives.size() == 1) {
      out = std::move(alternatives.front());
    } else if (!alternatives.empty()) {
      QueryNode node;
      node.kind = QueryNode::Kind::kOr;
      node.children = std::move(alternatives);
      out = std::move(node);
    }
    return Status::Ok();
  }

  Status ParseAnd(int depth, bool filters_allowed, std::optional<QueryNode>& out) {
    std::vector<QueryNode> operands;
    for (;;) {
      if (Peek().kind == Token::Kind::kAnd) {
        const Token& op = Next();
        if (operands.empty() || !StartsOperand(Peek())) {
          return Status::InvalidArgument("AND at column " + std::to_string(op.column) +
                                         " needs words on both sides");
        }
      }
      if (!StartsOperand(Peek())) break;
      std::optional<QueryNode> operand;
      PM_RETURN_IF_ERROR(ParseUnary(depth, filters_allowed, operand));
      if (operand) operands.push_back(std::move(*operand));
    }
    if (operands.empty() && Peek().kind == Token::Kind::kLParen) {
      return Status::InvalidArgument("empty parentheses at column " + std::to_string(Peek().column));
    }
    if (operands.size() == 1) {
      out = std::move(operands.front());
    } else if (!operands.empty()) {
      QueryNode node;
      node.kind = QueryNode::Kind::kAnd;
      node.children = std::move(operands);
      out = std::move(node);
    }
    return Status::Ok();
  }

  Status ParseUnary(int depth, bool filters_allowed, std::optional<QueryNode>& out) {
    const Token& t = Next();
    if (++terms_ > kMaxTerms) {
      return Status::InvalidArgument("the query has more than " + std::to_string(kMaxTerms) +
                                     " terms");
    }
    if (t.kind == Token::Kind::kLParen) {
      if (depth + 1 > kMaxNesting) {
        return Status::InvalidArgument("parentheses nested more than " +
                                       std::to_string(kMaxNesting) + " deep");
      }
      std::optional<QueryNode> inner;
      PM_RETURN_IF_ERROR(ParseOr(depth + 1, inner));
      if (Peek().kind != Token::Kind::kRParen) {
        return Status::InvalidArgument("the \"(\" at column " + std::to_string(t.column) +
                                       " is never closed");
      }
      Next();
      if (!inner) {
        return Status::InvalidArgument("empty parentheses at column " + std::to_string(t.column));
      }
      out = std::move(inner);
      return Status::Ok();
    }
    if (!t.field.empty() && t.field != "title") {
      if (t.negated || !filters_allowed) {
        return Status::InvalidArgument("the filter \"" + t.field + ":" + t.text +
                                       "\" at column " + std::to_string(t.column) +
                                       " applies to the whole query; it cannot be negated or "
                                       "used inside OR or parentheses");
      }
      return ApplyFilter(t);
    }
    if (!HasWordCharacter(t.text)) {
      return Status::InvalidArgument("\"" + t.text + "\" at column " + std::to_string(t.column) +
                                     " has no letters or digits to search for");
    }
    QueryNode node;
    node.kind = t.kind == Token::Kind::kPhrase ? QueryNode::Kind::kPhrase : QueryNode::Kind::kTerm;
    node.text = t.text;
    node.prefix = t.prefix;
    node.title_only = t.field == "title";
    if (t.negated) {
      QueryNode neg;
      neg.kind = QueryNode::Kind::kNot;
      neg.children.push_back(std::move(node));
      out = std::move(neg);
    } else {
      out = std::move(node);
    }
    return Status::Ok();
  }

  Status ApplyFilter(const Token& t) {
    if (t.field == "lang") {
      std::optional<Language> lang = ParseLanguageCode(t.text);
      if (!lang || (*lang != Language::kRussian && *lang != Language::kEnglish &&
                    *lang != Language::kOther)) {
        return Status::InvalidArgument("lang:" + t.text + " at column " + std::to_string(t.column) +
                                       ": the language must be ru, en or other");
      }
      if (query_.lang && *query_.lang != *lang) {
        return Status::InvalidArgument("two different lang: filters; a release has one language");
      }
      query_.lang = lang;
      return Status::Ok();
    }
    if (t.field == "source") {
      query_.sources.push_back(t.text);
      return Status::Ok();
    }
    // date:
    if (query_.dates) return Status::InvalidArgument("more than one date: filter");
    DateRange range;
    const size_t dots = t.text.find("..");
    if (dots == std::string::npos) {
      range.from = range.to = t.text;
    } else {
      range.from = t.text.substr(0, dots);
      range.to = t.text.substr(dots + 2);
    }
    const bool ok = (range.from.empty() || IsIsoDatePrefix(range.from)) &&
                    (range.to.empty() || IsIsoDatePrefix(range.to)) &&
                    !(range.from.empty() && range.to.empty());
    if (!ok) {
      return Status::InvalidArgument("date:" + t.text + " at column " + std::to_string(t.column) +
                                     ": use YYYY, YYYY-MM or YYYY-MM-DD, or a range FROM..TO");
    }
    if (!range.from.empty() && !range.to.empty() && ExclusiveUpperBound(range.to) <= range.from) {
      return Status::InvalidArgument("date:" + t.text + ": the range ends before it starts");
    }
    query_.dates = std::move(range);
    return Status::Ok();
  }

  // FTS5 cannot evaluate a pure negation ("-covid" alone, or "a OR -b").
  static Status CheckHasPositive(const QueryNode& node) {
    switch (node.kind) {
      case QueryNode::Kind::kNot:
        return Status::InvalidArgument("the query needs at least one word that must match; \"-" +
                                       node.children[0].text + "\" only excludes");
      case QueryNode::Kind::kOr:
        for (const QueryNode& c : node.children) PM_RETURN_IF_ERROR(CheckHasPositive(c));
        return Status::Ok();
      case QueryNode::Kind::kAnd: {
        bool positive = false;
        for (const QueryNode& c : node.children) {
          if (c.kind != QueryNode::Kind::kNot) {
            PM_RETURN_IF_ERROR(CheckHasPositive(c));
            positive = true;
          }
        }
        if (!positive) {
          return Status::InvalidArgument(
              "the query needs at least one word that must match besides the excluded ones");
        }
        return Status::Ok();
      }
      default:
        return Status::Ok();
    }
  }

  std::vector<Token> tokens_;
  size_t pos_ = 0;
  int terms_ = 0;
  Query& query_;
};

std::string QuoteFts(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

bool ParseInt(std::string_view s, int& out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

std::string Pad(int v, int width) {
  std::string s = std::to_string(v);
  while (static_cast<int>(s.size()) < width) s.insert(s.begin(), '0');
  return s;
}

}  // namespace

Result<Query> ParseQuery(std::string_view text) {
  Lexer lexer(text);
  PM_ASSIGN_OR_RETURN(std::vector<Token> tokens, lexer.Run());
  Query query;
  Parser parser(std::move(tokens), query);
  PM_RETURN_IF_ERROR(parser.Run());
  return query;
}

std::string QuotedTerm(const QueryNode& term) {
  std::string s = QuoteFts(term.text);
  if (term.prefix) s += "*";
  return term.title_only ? "title : " + s : s;
}

std::string ToFts5(const QueryNode& node, const NodeWriter& writer) {
  if (writer && node.kind != QueryNode::Kind::kNot) {
    if (std::optional<std::string> custom = writer(node)) return *custom;
  }
  switch (node.kind) {
    case QueryNode::Kind::kTerm:
    case QueryNode::Kind::kPhrase:
      return QuotedTerm(node);
    case QueryNode::Kind::kOr: {
      std::string s = "(";
      for (size_t i = 0; i < node.children.size(); ++i) {
        if (i > 0) s += " OR ";
        s += ToFts5(node.children[i], writer);
      }
      return s + ")";
    }
    case QueryNode::Kind::kAnd: {
      // FTS5's NOT is binary: (all positives) NOT n1 NOT n2.
      std::string positives;
      std::string negatives;
      for (const QueryNode& c : node.children) {
        if (c.kind == QueryNode::Kind::kNot) {
          negatives += " NOT " + ToFts5(c.children[0]);
        } else {
          if (!positives.empty()) positives += " AND ";
          positives += ToFts5(c, writer);
        }
      }
      return "(" + positives + ")" + negatives;
    }
    case QueryNode::Kind::kNot:
      return ToFts5(node.children[0]);  // only reached for a malformed tree; see CheckHasPositive
  }
  return std::string();
}

bool IsIsoDatePrefix(std::string_view d) {
  int y = 0, m = 0, day = 0;
  if (d.size() != 4 && d.size() != 7 && d.size() != 10) return false;
  if (!ParseInt(d.substr(0, 4), y) || y < 1000) return false;
  if (d.size() == 4) return true;
  if (d[4] != '-' || !ParseInt(d.substr(5, 2), m) || m < 1 || m > 12) return false;
  if (d.size() == 7) return true;
  return d[7] == '-' && ParseInt(d.substr(8, 2), day) && day >= 1 && day <= DaysInMonth(y, m);
}

std::string ExclusiveUpperBound(std::string_view to) {
  int y = 0, m = 0, d = 0;
  ParseInt(to.substr(0, 4), y);
  if (to.size() == 4) return Pad(y + 1, 4);
  ParseInt(to.substr(5, 2), m);
  if (to.size() == 7) return m == 12 ? Pad(y + 1, 4) + "-01" : Pad(y, 4) + "-" + Pad(m + 1, 2);
  ParseInt(to.substr(8, 2), d);
  if (d < DaysInMonth(y, m)) return Pad(y, 4) + "-" + Pad(m, 2) + "-" + Pad(d + 1, 2);
  if (m < 12) return Pad(y, 4) + "-" + Pad(m + 1, 2) + "-01";
  return Pad(y + 1, 4) + "-01-01";
}

}  // namespace pressmine::index
