#include "extract/dom.h"

#include <strings.h>

#include <cctype>

#include "extract/hints.h"

namespace pressmine::extract {
namespace {

// Never rendered as text, or form controls whose labels are not article text.
bool IsInvisibleTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_MAP:
    case GUMBO_TAG_APPLET:
    case GUMBO_TAG_KEYGEN:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_DATALIST:
    case GUMBO_TAG_TITLE:
      return true;
    default:
      return false;
  }
}

// Furniture by tag: site navigation, side columns and page footers.
// Image captions describe a picture, not the story (and repeat its credit line).
bool IsFurnitureTag(GumboTag tag) {
  return tag == GUMBO_TAG_NAV || tag == GUMBO_TAG_ASIDE || tag == GUMBO_TAG_FOOTER ||
         tag == GUMBO_TAG_MENU || tag == GUMBO_TAG_FIGCAPTION;
}

// ARIA roles that mark furniture (readability's list plus the page banner and footer).
bool IsFurnitureRole(std::string_view role) {
  for (std::string_view r : {"navigation", "menu", "menubar", "complementary", "alert",
                             "alertdialog", "dialog", "banner", "contentinfo", "search"}) {
    if (role.size() == r.size() && strncasecmp(role.data(), r.data(), r.size()) == 0) return true;
  }
  return false;
}

bool ContainsNoCase(std::string_view haystack, std::string_view needle) {
  if (needle.size() > haystack.size()) return false;
  for (size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
    if (strncasecmp(haystack.data() + i, needle.data(), needle.size()) == 0) return true;
  }
  return false;
}

// hidden, aria-hidden="true", or an inline style that hides the element.
bool IsHidden(const GumboNode* element) {
  const GumboVector& attrs = element->v.element.attributes;
  for (size_t i = 0; i < attrs.length; ++i) {
    const auto* a = static_cast<const GumboAttribute*>(attrs.data[i]);
    if (strcasecmp(a->name, "hidden") == 0) return true;
    if (strcasecmp(a->name, "aria-hidden") == 0 && strcasecmp(a->value, "true") == 0) return true;
    if (strcasecmp(a->name, "style") == 0) {
      std::string compact;
      for (const char* p = a->value; *p; ++p) {
        if (!std::isspace(static_cast<unsigned char>(*p))) compact.push_back(*p);
      }
      if (ContainsNoCase(compact, "display:none") || ContainsNoCase(compact, "visibility:hidden"))
        return true;
    }
  }
  return false;
}

}  // namespace

std::string_view Attr(const GumboNode* element, const char* name) {
  if (element == nullptr || element->type != GUMBO_NODE_ELEMENT) return {};
  const GumboAttribute* a = gumbo_get_attribute(&element->v.element.attributes, name);
  return a ? std::string_view(a->value) : std::string_view();
}

bool IsBlockTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_HTML:
      return true;
    default:
      return false;
  }
}

int32_t CountChars(std::string_view text, int32_t* commas) {
  int32_t chars = 0;
  bool space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      space = true;
      continue;
    }
    if ((c & 0xC0) == 0x80) continue;  // UTF-8 continuation byte
    if (space && chars > 0) ++chars;
    space = false;
    ++chars;
    if (c == ',') ++*commas;
  }
  if (space && chars > 0) ++chars;  // a trailing space separates this node from the next
  return chars;
}

FlatDom FlatDom::Build(const GumboNode* root, const std::unordered_set<const GumboNode*>* skip) {
  FlatDom dom;
  struct Item {
    const GumboNode* node;
    int32_t parent;
    bool in_link;
    bool in_figure;
  };
  std::vector<Item> stack{{root, -1, false, false}};
  while (!stack.empty()) {
    Item item = stack.back();
    stack.pop_back();
    const GumboNode* g = item.node;
    if (dom.nodes_.size() >= kMaxDomNodes) {
      dom.truncated_ = true;
      break;
    }
    DomNode n;
    n.node = g;
    n.parent = item.parent;
    n.in_link = item.in_link;
    n.in_figure = item.in_figure;
    if (g->type == GUMBO_NODE_TEXT || g->type == GUMBO_NODE_WHITESPACE ||
        g->type == GUMBO_NODE_CDATA) {
      n.is_text = true;
      n.chars = CountChars(g->v.text.text, &n.commas);
      dom.nodes_.push_back(n);
      continue;
    }
    if (g->type != GUMBO_NODE_ELEMENT && g->type != GUMBO_NODE_TEMPLATE) continue;
    if (skip != nullptr && skip->count(g) > 0) continue;
    const GumboTag tag = g->v.element.tag;
    if (IsInvisibleTag(tag) || tag == GUMBO_TAG_INPUT || IsHidden(g)) continue;
    n.tag = tag;
    const ClassHints hints = ClassifyAttributes(Attr(g, "class"), Attr(g, "id"));
    const bool structural = tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HTML;
    n.class_weight = static_cast<int16_t>(hints.weight);
    if (!structural) {
      n.boilerplate = hints.boilerplate || IsFurnitureTag(tag) || IsFurnitureRole(Attr(g, "role"));
      // As in readability: links and table cells are not judged by their class.
      n.unlikely = hints.unlikely && tag != GUMBO_TAG_A && tag != GUMBO_TAG_TD;
    }
    if (tag == GUMBO_TAG_A && !Attr(g, "href").empty()) item.in_link = true;
    if (tag == GUMBO_TAG_FIGURE) item.in_figure = true;
    const int32_t index = static_cast<int32_t>(dom.nodes_.size());
    dom.nodes_.push_back(n);
    const GumboVector& children = g->v.element.children;
    for (size_t i = children.length; i-- > 0;) {
      stack.push_back(
          {static_cast<const GumboNode*>(children.data[i]), index, item.in_link, item.in_figure});
    }
  }
  // Subtree ends: children follow their parent in pre-order, so one reverse pass suffices.
  for (size_t i = 0; i < dom.nodes_.size(); ++i) dom.nodes_[i].end = static_cast<int32_t>(i + 1);
  for (size_t i = dom.nodes_.size(); i-- > 0;) {
    const int32_t p = dom.nodes_[i].parent;
    if (p >= 0 && dom.nodes_[static_cast<size_t>(p)].end < dom.nodes_[i].end) {
      dom.nodes_[static_cast<size_t>(p)].end = dom.nodes_[i].end;
    }
  }
  return dom;
}

}  // namespace pressmine::extract
