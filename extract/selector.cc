// A hand-written tokenizer and matcher for the subset documented in selector.h. Matching a
// complex selector goes right to left, as browsers do: the last compound must match the element
// itself, then each earlier compound an ancestor (descendant) or the parent (child), with
// backtracking over ancestors for descendant steps.
#include "extract/selector.h"

#include <algorithm>
#include <cctype>

namespace pressmine::extract {
namespace {

bool IsNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

const GumboNode* ParentElement(const GumboNode* n) {
  const GumboNode* p = n->parent;
  return p != nullptr && p->type == GUMBO_NODE_ELEMENT ? p : nullptr;
}

std::string_view TagName(const GumboNode* element) {
  if (element->v.element.tag != GUMBO_TAG_UNKNOWN) {
    return gumbo_normalized_tagname(element->v.element.tag);
  }
  GumboStringPiece piece = element->v.element.original_tag;
  gumbo_tag_from_original_text(&piece);
  return std::string_view(piece.data, piece.length);
}

const GumboAttribute* FindAttribute(const GumboNode* element, const std::string& name) {
  return gumbo_get_attribute(&element->v.element.attributes, name.c_str());
}

bool HasWord(std::string_view list, std::string_view word) {
  size_t i = 0;
  while (i < list.size()) {
    while (i < list.size() && std::isspace(static_cast<unsigned char>(list[i]))) ++i;
    size_t j = i;
    while (j < list.size() && !std::isspace(static_cast<unsigned char>(list[j]))) ++j;
    if (j > i && list.substr(i, j - i) == word) return true;
    i = j;
  }
  return false;
}

class Parser {
 public:
  explicit Parser(std::string_view text) : s_(text) {}

  Status Error(std::string_view expected) const {
    return Status::InvalidArgument("selector \"" + std::string(s_) + "\": expected " +
                                   std::string(expected) + " at character " +
                                   std::to_string(pos_ + 1));
  }
  void SkipSpace() {
    while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
  }
  bool AtEnd() const { return pos_ >= s_.size(); }
  char Peek() const { return pos_ < s_.size() ? s_[pos_] : '\0'; }

  std::string Name() {
    const size_t start = pos_;
    while (pos_ < s_.size() && IsNameChar(s_[pos_])) ++pos_;
    return std::string(s_.substr(start, pos_ - start));
  }

  std::string_view s_;
  size_t pos_ = 0;
};

}  // namespace

Result<Selector> Selector::Parse(std::string_view text) {
  Selector sel;
  sel.text_ = std::string(text);
  Parser p(text);
  p.SkipSpace();
  if (p.AtEnd()) return p.Error("a selector");
  Complex complex;
  bool child_next = false;
  while (true) {
    p.SkipSpace();
    Compound c;
    c.child_of_previous = child_next;
    child_next = false;
    if (p.Peek() == '*') {
      ++p.pos_;
      c.tag = "*";
    } else if (IsNameChar(p.Peek())) {
      c.tag = Lower(p.Name());
    }
    for (;;) {
      const char ch = p.Peek();
      if (ch == '#' || ch == '.') {
        ++p.pos_;
        std::string name = p.Name();
        if (name.empty()) return p.Error(ch == '#' ? "an id after '#'" : "a class after '.'");
        c.attributes.push_back({ch == '#' ? "id" : "class",
                                ch == '#' ? Attribute::Op::kEquals : Attribute::Op::kWord, name});
      } else if (ch == '[') {
        ++p.pos_;
        p.SkipSpace();
        Attribute a;
        a.name = Lower(p.Name());
        if (a.name.empty()) return p.Error("an attribute name after '['");
        p.SkipSpace();
        if (p.Peek() != ']') {
          const char op = p.Peek();
          if (op == '=') {
            a.op = Attribute::Op::kEquals;
          } else if (op == '~' || op == '^' || op == '*') {
            a.op = op == '~' ? Attribute::Op::kWord
                   : op == '^' ? Attribute::Op::kPrefix : Attribute::Op::kContains;
            ++p.pos_;
            if (p.Peek() != '=') return p.Error("'=' after '" + std::string(1, op) + "'");
          } else {
            return p.Error("']' or an operator (=, ~=, ^=, *=)");
          }
          ++p.pos_;
          p.SkipSpace();
          if (p.Peek() == '"' || p.Peek() == '\'') {
            const char quote = p.Peek();
            const size_t close = text.find(quote, p.pos_ + 1);
            if (close == std::string_view::npos) return p.Error("a closing quote");
            a.value = std::string(text.substr(p.pos_ + 1, close - p.pos_ - 1));
            p.pos_ = close + 1;
          } else {
            a.value = p.Name();
            if (a.value.empty()) return p.Error("a value");
          }
          p.SkipSpace();
        }
        if (p.Peek() != ']') return p.Error("']'");
        ++p.pos_;
        c.attributes.push_back(std::move(a));
      } else {
        break;
      }
    }
    if (c.tag.empty() && c.attributes.empty()) return p.Error("a tag, '*', '#', '.' or '['");
    complex.push_back(std::move(c));
    const size_t before_space = p.pos_;
    p.SkipSpace();
    if (p.AtEnd() || p.Peek() == ',') {
      sel.alternatives_.push_back(std::move(complex));
      complex.clear();
      if (p.AtEnd()) break;
      ++p.pos_;  // ','
      p.SkipSpace();
      if (p.AtEnd()) return p.Error("a selector after ','");
      continue;
    }
    if (p.Peek() == '>') {
      ++p.pos_;
      child_next = true;
      continue;
    }
    if (p.pos_ == before_space) return p.Error("a combinator (space or '>'), ',' or the end");
  }
  return sel;
}

bool Selector::MatchesCompound(const Compound& c, const GumboNode* e) {
  if (!c.tag.empty() && c.tag != "*" && Lower(TagName(e)) != c.tag) return false;
  for (const Attribute& a : c.attributes) {
    const GumboAttribute* attr = FindAttribute(e, a.name);
    if (attr == nullptr) return false;
    const std::string_view value(attr->value);
    switch (a.op) {
      case Attribute::Op::kExists: break;
      case Attribute::Op::kEquals:
        if (value != a.value) return false;
        break;
      case Attribute::Op::kWord:
        if (!HasWord(value, a.value)) return false;
        break;
      case Attribute::Op::kPrefix:
        if (value.substr(0, a.value.size()) != a.value) return false;
        break;
      case Attribute::Op::kContains:
        if (value.find(a.value) == std::string_view::npos) return false;
        break;
    }
  }
  return true;
}

bool Selector::MatchesComplex(const Complex& complex, const GumboNode* element) {
  // Right to left with backtracking: state = (compound index, element).
  struct Frame {
    size_t index;
    const GumboNode* element;
  };
  std::vector<Frame> stack{{complex.size() - 1, element}};
  while (!stack.empty()) {
    const Frame f = stack.back();
    stack.pop_back();
    if (!MatchesCompound(complex[f.index], f.element)) continue;
    if (f.index == 0) return true;
    const bool child = complex[f.index].child_of_previous;
    for (const GumboNode* a = ParentElement(f.element); a != nullptr; a = ParentElement(a)) {
      stack.push_back({f.index - 1, a});
      if (child) break;
    }
  }
  return false;
}

bool Selector::Matches(const GumboNode* element) const {
  if (element == nullptr || element->type != GUMBO_NODE_ELEMENT) return false;
  for (const Complex& c : alternatives_) {
    if (MatchesComplex(c, element)) return true;
  }
  return false;
}

std::vector<const GumboNode*> Selector::FindAll(const GumboNode* root) const {
  std::vector<const GumboNode*> found;
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_DOCUMENT) continue;
    if (n->type == GUMBO_NODE_ELEMENT && Matches(n)) {
      found.push_back(n);
      continue;  // an ancestor matched: its descendants' text is already included
    }
    const GumboVector& children =
        n->type == GUMBO_NODE_DOCUMENT ? n->v.document.children : n->v.element.children;
    for (size_t i = children.length; i-- > 0;) {
      stack.push_back(static_cast<const GumboNode*>(children.data[i]));
    }
  }
  return found;
}

}  // namespace pressmine::extract
