#include "extract/metadata.h"

#include <rapidjson/document.h>

#include <algorithm>
#include <cctype>

#include "extract/dom.h"
#include "extract/text_util.h"

namespace pressmine::extract {
namespace {

// JSON-LD blocks larger than this are not parsed (real ones are a few KiB; an articleBody
// copy may reach a few hundred).
constexpr size_t kMaxJsonLdBytes = 2 << 20;
// Objects visited per JSON-LD block.
constexpr size_t kMaxJsonLdValues = 100000;

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// Text of the node's subtree (text nodes only), not collapsed.
std::string SubtreeText(const GumboNode* node) {
  std::string out;
  std::vector<const GumboNode*> stack{node};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
        n->type == GUMBO_NODE_CDATA) {
      out.append(n->v.text.text);
    } else if (n->type == GUMBO_NODE_ELEMENT) {
      const GumboVector& c = n->v.element.children;
      for (size_t i = c.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(c.data[i]));
    }
  }
  return out;
}

// A string, an object's "name" / "@value", or a list of those. Real values nest two or three
// levels ({"author": [{"@type": "Person", "name": "..."}]}); deeper ones are not followed, so a
// hostile block cannot recurse without bound.
constexpr int kMaxJsonStringDepth = 4;

std::string JsonString(const rapidjson::Value& v, int depth = 0) {
  if (depth > kMaxJsonStringDepth) return {};
  if (v.IsString()) return CollapseWhitespace(std::string_view(v.GetString(), v.GetStringLength()));
  if (v.IsObject()) {
    auto it = v.FindMember("name");
    if (it != v.MemberEnd()) return JsonString(it->value, depth + 1);
    it = v.FindMember("@value");
    if (it != v.MemberEnd()) return JsonString(it->value, depth + 1);
  }
  if (v.IsArray() && !v.Empty()) {
    std::string joined;
    for (const auto& e : v.GetArray()) {
      std::string s = JsonString(e, depth + 1);
      if (s.empty()) continue;
      if (!joined.empty()) joined += ", ";
      joined += s;
    }
    return joined;
  }
  return {};
}

std::string TypeOf(const rapidjson::Value& obj) {
  auto it = obj.FindMember("@type");
  if (it == obj.MemberEnd()) return {};
  if (it->value.IsString()) return it->value.GetString();
  if (it->value.IsArray()) {
    for (const auto& t : it->value.GetArray()) {
      if (t.IsString()) return t.GetString();
    }
  }
  return {};
}

bool IsArticleType(std::string_view type) {
  return type.find("Article") != std::string_view::npos ||
         type.find("Posting") != std::string_view::npos || type == "Report";
}

void ParseJsonLd(std::string_view text, std::vector<JsonLdArticle>* out) {
  if (text.size() > kMaxJsonLdBytes) return;
  rapidjson::Document doc;
  doc.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseStopWhenDoneFlag>(text.data(),
                                                                                text.size());
  if (doc.HasParseError()) return;
  std::vector<const rapidjson::Value*> stack{&doc};
  size_t visited = 0;
  while (!stack.empty() && visited++ < kMaxJsonLdValues) {
    const rapidjson::Value* v = stack.back();
    stack.pop_back();
    if (v->IsArray()) {
      for (auto it = v->End(); it != v->Begin();) stack.push_back(&*--it);
      continue;
    }
    if (!v->IsObject()) continue;
    auto field = [&](const char* name) {
      auto it = v->FindMember(name);
      return it == v->MemberEnd() ? std::string() : JsonString(it->value);
    };
    JsonLdArticle a;
    a.type = TypeOf(*v);
    a.headline = field("headline");
    a.date_published = field("datePublished");
    a.date_created = field("dateCreated");
    a.date_modified = field("dateModified");
    if (!a.headline.empty() || !a.date_published.empty() || IsArticleType(a.type)) {
      a.author = field("author");
      a.publisher = field("publisher");
      out->push_back(std::move(a));
    }
    // Nested objects: @graph, mainEntity, and the like.
    for (auto it = v->MemberEnd(); it != v->MemberBegin();) {
      --it;
      if (it->value.IsObject() || it->value.IsArray()) stack.push_back(&it->value);
    }
  }
}

}  // namespace

std::string PageMetadata::Meta(std::string_view key) const {
  for (const auto& [k, v] : metas) {
    if (k == key && !v.empty()) return v;
  }
  return {};
}

const GumboNode* FindBody(const GumboNode* root) {
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == GUMBO_TAG_BODY) return n;
    const GumboVector* c = n->type == GUMBO_NODE_DOCUMENT  ? &n->v.document.children
                           : n->type == GUMBO_NODE_ELEMENT ? &n->v.element.children
                                                           : nullptr;
    // <body> is a child of <html>: two levels are enough.
    if (c && (n->type == GUMBO_NODE_DOCUMENT || n->v.element.tag == GUMBO_TAG_HTML)) {
      for (size_t i = c->length; i-- > 0;)
        stack.push_back(static_cast<const GumboNode*>(c->data[i]));
    }
  }
  return root;
}

PageMetadata CollectMetadata(const GumboNode* root) {
  PageMetadata meta;
  std::vector<std::string> ld_blocks;
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    const GumboVector* children = nullptr;
    if (n->type == GUMBO_NODE_DOCUMENT) {
      children = &n->v.document.children;
    } else if (n->type == GUMBO_NODE_ELEMENT) {
      const GumboTag tag = n->v.element.tag;
      children = &n->v.element.children;
      if (tag == GUMBO_TAG_HTML && meta.html_lang.empty()) {
        meta.html_lang = std::string(Attr(n, "lang"));
      } else if (tag == GUMBO_TAG_TITLE && meta.title_tag.empty() &&
                 n->v.element.tag_namespace == GUMBO_NAMESPACE_HTML) {
        meta.title_tag = CollapseWhitespace(SubtreeText(n));
        continue;
      } else if (tag == GUMBO_TAG_META) {
        std::string_view content = Attr(n, "content");
        if (content.empty()) content = Attr(n, "datetime");
        for (const char* key : {"property", "name", "itemprop", "http-equiv"}) {
          std::string_view k = Attr(n, key);
          if (!k.empty()) meta.metas.emplace_back(Lower(k), CollapseWhitespace(content));
        }
        continue;
      } else if (tag == GUMBO_TAG_SCRIPT) {
        if (Lower(Attr(n, "type")) == "application/ld+json") ld_blocks.push_back(SubtreeText(n));
        continue;
      } else if (tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_SVG) {
        continue;
      }
    }
    if (children) {
      for (size_t i = children->length; i-- > 0;) {
        stack.push_back(static_cast<const GumboNode*>(children->data[i]));
      }
    }
  }
  for (const std::string& block : ld_blocks) ParseJsonLd(block, &meta.json_ld);
  std::stable_partition(meta.json_ld.begin(), meta.json_ld.end(),
                        [](const JsonLdArticle& a) { return IsArticleType(a.type); });
  return meta;
}

}  // namespace pressmine::extract
