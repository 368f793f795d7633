// CSS-like selectors for per-source extraction overrides (the sources file's "extract" rules).
//
// A deliberately small subset, enough to name a ministry template's article container, headline
// or date line: compound selectors of a tag name or *, #id, .class, [attr], [attr=value],
// [attr~=word], [attr^=prefix], [attr*=part]; combined by descendant (space) or child (>);
// several selectors separated by commas. No pseudo-classes, no sibling combinators. Debian 12
// ships no CSS selector engine for gumbo, and libxml2's XPath would need a second HTML parse.
//
// Matching is case-insensitive for tag names and case-sensitive for classes, ids and values, as
// in HTML. Immutable after parsing; safe to share across threads.
#ifndef PRESSMINE_EXTRACT_SELECTOR_H_
#define PRESSMINE_EXTRACT_SELECTOR_H_

#include <gumbo.h>

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace pressmine::extract {

class Selector {
 public:
  // kInvalidArgument naming the position and what was expected.
  static Result<Selector> Parse(std::string_view text);

  bool Matches(const GumboNode* element) const;

  // Every matching element under `root` (inclusive), in document order; nested matches are
  // skipped when an ancestor already matched, so text is never taken twice.
  std::vector<const GumboNode*> FindAll(const GumboNode* root) const;

  const std::string& text() const { return text_; }

 private:
  struct Attribute {
    enum class Op { kExists, kEquals, kWord, kPrefix, kContains };
    std::string name;
    Op op = Op::kExists;
    std::string value;
  };
  struct Compound {
    std::string tag;  // lower case; empty or "*" for any
    std::vector<Attribute> attributes;  // #id and .class are attributes too
    bool child_of_previous = false;     // joined to the previous compound by '>'
  };
  using Complex = std::vector<Compound>;  // left to right

  static bool MatchesCompound(const Compound& c, const GumboNode* element);
  static bool MatchesComplex(const Complex& complex, const GumboNode* element);

  std::string text_;
  std::vector<Complex> alternatives_;
};

}  // namespace pressmine::extract

#endif  // PRESSMINE_EXTRACT_SELECTOR_H_
