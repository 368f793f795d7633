// HTML pages, first cut: the <title> and the visible text of <body>, one paragraph per block
// element. Article-body detection (boilerplate removal, dates, bylines) replaces this.
#include <gumbo.h>

#include "extract/article.h"
#include "extract/gumbo_document.h"
#include "extract/text_util.h"
#include "nlp/language_detect.h"

namespace pressmine::extract {
namespace {

bool IsInvisible(GumboTag tag) {
  return tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_NOSCRIPT ||
         tag == GUMBO_TAG_TEMPLATE || tag == GUMBO_TAG_HEAD || tag == GUMBO_TAG_IFRAME;
}

bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
    case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_LI: case GUMBO_TAG_TR: case GUMBO_TAG_BR: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_NAV:
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_TABLE: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE: case GUMBO_TAG_MAIN: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FIGURE:
      return true;
    default:
      return false;
  }
}

// Iterative walk: deeply nested garbage must not overflow the stack.
void CollectText(const GumboNode* root, std::string& out) {
  struct Frame { const GumboNode* node; size_t next_child; };
  std::vector<Frame> stack{{root, 0}};
  while (!stack.empty()) {
    Frame& f = stack.back();
    const GumboNode* node = f.node;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
        node->type == GUMBO_NODE_CDATA) {
      out.append(node->v.text.text);
      stack.pop_back();
      continue;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT &&
        node->type != GUMBO_NODE_TEMPLATE) {
      stack.pop_back();
      continue;
    }
    const GumboVector& children =
        node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
    if (f.next_child == 0 && node->type == GUMBO_NODE_ELEMENT) {
      if (IsInvisible(node->v.element.tag)) {
        stack.pop_back();
        continue;
      }
      if (IsBlock(node->v.element.tag)) out.append("\n\n");
    }
    if (f.next_child < children.length) {
      const auto* child = static_cast<const GumboNode*>(children.data[f.next_child++]);
      stack.push_back({child, 0});
      continue;
    }
    if (node->type == GUMBO_NODE_ELEMENT && IsBlock(node->v.element.tag)) out.append("\n\n");
    stack.pop_back();
  }
}

const GumboNode* FindFirst(const GumboNode* root, GumboTag tag) {
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type != GUMBO_NODE_ELEMENT) continue;
    if (node->v.element.tag == tag) return node;
    const GumboVector& children = node->v.element.children;
    for (size_t i = children.length; i-- > 0;) {
      stack.push_back(static_cast<const GumboNode*>(children.data[i]));
    }
  }
  return nullptr;
}

}  // namespace

Result<Article> ExtractFromHtml(std::string_view html, const HtmlOptions& options) {
  GumboDocument doc(html);
  Article article;
  if (const GumboNode* title = FindFirst(doc.root(), GUMBO_TAG_TITLE)) {
    std::string raw;
    CollectText(title, raw);
    article.title = CollapseWhitespace(raw);
  }
  if (const GumboNode* body = FindFirst(doc.root(), GUMBO_TAG_BODY)) {
    std::string raw;
    CollectText(body, raw);
    article.paragraphs = SplitParagraphs(raw);
  }
  if (article.paragraphs.empty()) return Status::InvalidArgument("no article text found");
  article.lang = nlp::DetectLanguage(article.title + "\n" + article.Text(), options.lang_hint);
  return article;
}

}  // namespace pressmine::extract
