// Link extraction from HTML with gumbo (an HTML5-conformant parser, so broken markup yields
// the same tree a browser builds).
//
// One walk over the tree collects <base href>, <a>/<area> links, <link rel=alternate> feeds,
// rel=next pagination, <link rel=canonical> and <meta name=robots>. Resolution happens after
// the walk because <base> applies to every link in the document wherever it appears.
#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <set>
#include <sstream>

#include "crawler/discovery.h"
#include "crawler/url.h"

namespace pressmine::crawler {
namespace {

// The one owner of a GumboOutput.
struct GumboDeleter {
  void operator()(GumboOutput* out) const { gumbo_destroy_output(&kGumboDefaultOptions, out); }
};
using GumboPtr = std::unique_ptr<GumboOutput, GumboDeleter>;

// A page with more links than this is a sitemap-like dump or a trap; the rest are ignored.
constexpr size_t kMaxLinksPerPage = 5000;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string Attr(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  return a ? std::string(a->value) : std::string();
}

// rel is a space-separated token list.
bool HasToken(const std::string& list, std::string_view token) {
  std::istringstream in(Lower(list));
  std::string t;
  while (in >> t) {
    if (t == token) return true;
  }
  return false;
}

struct RawLinks {
  std::string base;
  std::vector<std::string> links, feeds, next;
  std::string canonical;
  std::string robots_meta;
};

void Walk(const GumboNode* node, RawLinks& raw) {
  std::vector<const GumboNode*> stack = {node};  // iterative: deep markup must not overflow
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE) continue;
    const GumboElement& e = n->v.element;
    switch (e.tag) {
      case GUMBO_TAG_BASE:
        if (raw.base.empty()) raw.base = Attr(e, "href");
        break;
      case GUMBO_TAG_A:
      case GUMBO_TAG_AREA: {
        const std::string href = Attr(e, "href");
        const std::string rel = Attr(e, "rel");
        if (href.empty()) break;
        if (HasToken(rel, "next")) raw.next.push_back(href);
        if (!HasToken(rel, "nofollow") && raw.links.size() < kMaxLinksPerPage)
          raw.links.push_back(href);
        break;
      }
      case GUMBO_TAG_LINK: {
        const std::string rel = Attr(e, "rel");
        const std::string href = Attr(e, "href");
        if (href.empty()) break;
        const std::string type = Lower(Attr(e, "type"));
        if (HasToken(rel, "alternate") &&
            (type == "application/rss+xml" || type == "application/atom+xml")) {
          raw.feeds.push_back(href);
        }
        if (HasToken(rel, "next")) raw.next.push_back(href);
        if (HasToken(rel, "canonical") && raw.canonical.empty()) raw.canonical = href;
        break;
      }
      case GUMBO_TAG_META:
        if (Lower(Attr(e, "name")) == "robots") raw.robots_meta += " " + Lower(Attr(e, "content"));
        break;
      default:
        break;
    }
    // Push children in reverse so they pop in document order.
    for (unsigned i = e.children.length; i > 0; --i) {
      stack.push_back(static_cast<const GumboNode*>(e.children.data[i - 1]));
    }
  }
}

std::vector<std::string> ResolveAll(std::string_view base, const std::vector<std::string>& hrefs) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const std::string& h : hrefs) {
    Result<std::string> u = Resolve(base, h);
    if (u.ok() && seen.insert(*u).second) out.push_back(std::move(u).value());
  }
  return out;
}

}  // namespace

PageLinks ExtractLinks(std::string_view html, std::string_view url) {
  PageLinks out;
  GumboPtr doc(gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size()));
  if (!doc) return out;
  RawLinks raw;
  Walk(doc->root, raw);
  std::string base(url);
  if (!raw.base.empty()) {
    Result<std::string> b = Resolve(url, raw.base);
    if (b.ok()) base = std::move(b).value();
  }
  out.links = ResolveAll(base, raw.links);
  out.feeds = ResolveAll(base, raw.feeds);
  out.next = ResolveAll(base, raw.next);
  if (!raw.canonical.empty()) {
    Result<std::string> c = Resolve(base, raw.canonical);
    if (c.ok()) out.canonical = std::move(c).value();
  }
  out.nofollow = raw.robots_meta.find("nofollow") != std::string::npos ||
                 raw.robots_meta.find("none") != std::string::npos;
  out.noindex = raw.robots_meta.find("noindex") != std::string::npos ||
                raw.robots_meta.find("none") != std::string::npos;
  return out;
}

}  // namespace pressmine::crawler
