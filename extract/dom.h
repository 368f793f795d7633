// A flat, pre-order copy of a page's <body> (internal to extract/).
//
// Scoring and emitting text need parents, subtree ranges and per-node counts many times over;
// gumbo's pointer tree gives none of these cheaply. FlatDom stores each visible element and
// text node once, in document order, so a subtree is the index range [i, end) and bottom-up
// sums are one reverse pass. Invisible content (script, style, hidden attributes, form
// controls) is not copied at all; page furniture recognised by tag, role or class/id words
// (hints.h) is copied but flagged, because dates often sit in it.
//
// A FlatDom borrows the GumboOutput it was built from: the GumboDocument must outlive it.
// Building is iterative (deep garbage nesting cannot overflow the stack) and stops at
// kMaxDomNodes.
#ifndef PRESSMINE_EXTRACT_DOM_H_
#define PRESSMINE_EXTRACT_DOM_H_

#include <gumbo.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace pressmine::extract {

// More nodes than any real page has (large news pages have ~20k); past it the rest of the page
// is not copied, so a hostile page cannot make scoring quadratic in memory or time.
inline constexpr size_t kMaxDomNodes = 400000;

struct DomNode {
  const GumboNode* node = nullptr;
  int32_t parent = -1;
  int32_t end = 0;                   // one past the last descendant
  GumboTag tag = GUMBO_TAG_UNKNOWN;  // elements only
  bool is_text = false;
  bool in_link = false;      // inside an <a href>
  bool unlikely = false;     // class/id/role suggests furniture (dropped unless lenient)
  bool boilerplate = false;  // tag, role or class/id says furniture (always dropped)
  bool in_figure = false;
  int16_t class_weight = 0;  // hints.h ClassHints::weight
  int32_t chars = 0;         // text nodes: characters with whitespace runs counted once
  int32_t commas = 0;        // text nodes
};

class FlatDom {
 public:
  // Copies the subtree of `root` (normally <body>), leaving out the subtrees in `skip` (a
  // source's "remove" rules). `truncated` is set when kMaxDomNodes stopped the copy.
  static FlatDom Build(const GumboNode* root,
                       const std::unordered_set<const GumboNode*>* skip = nullptr);

  const std::vector<DomNode>& nodes() const { return nodes_; }
  const DomNode& operator[](size_t i) const { return nodes_[i]; }
  size_t size() const { return nodes_.size(); }
  bool truncated() const { return truncated_; }

  // Inclusive: a node is its own ancestor.
  bool IsAncestor(int32_t ancestor, int32_t node) const {
    return node >= ancestor && node < nodes_[static_cast<size_t>(ancestor)].end;
  }

 private:
  std::vector<DomNode> nodes_;
  bool truncated_ = false;
};

// The value of attribute `name` of an element, or "" when absent.
std::string_view Attr(const GumboNode* element, const char* name);

// Elements that start a new paragraph (the HTML flow-content blocks, plus br-like breaks).
bool IsBlockTag(GumboTag tag);

// Characters of `text` counted as CollapseWhitespace would leave them (ends trimmed per node
// only approximately: a leading space counts when the node does not start the text).
int32_t CountChars(std::string_view utf8, int32_t* commas);

}  // namespace pressmine::extract

#endif  // PRESSMINE_EXTRACT_DOM_H_
