// The start-tag scanner against a full HTML5 parse (gumbo, which link extraction used before):
// on real pages both must find the same links. Sets are compared, not sequences: tree
// construction reorders misnested markup and clones <a> elements (the adoption agency), which
// changes neither which links a page has nor, after deduplication, what the crawler queues.
#include <gtest/gtest.h>
#include <gumbo.h>

#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "base/file.h"
#include "crawler/charset.h"
#include "crawler/internal/gzip.h"
#include "crawler/internal/html_tags.h"

namespace pressmine::crawler::internal {
namespace {

namespace fs = std::filesystem;

// "a /x", "link alternate /rss.xml", "base /ru/": tag, rel (links only) and href.
using LinkSet = std::set<std::string>;

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string Key(const std::string& tag, const std::string& rel, const std::string& href) {
  return tag + (tag == "link" ? " " + Lower(rel) : "") + " " + href;
}

LinkSet WithGumbo(const std::string& html) {
  struct Deleter {
    void operator()(GumboOutput* out) const { gumbo_destroy_output(&kGumboDefaultOptions, out); }
  };
  std::unique_ptr<GumboOutput, Deleter> doc(
      gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size()));
  LinkSet out;
  std::vector<const GumboNode*> stack = {doc->root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE) continue;
    const GumboElement& e = n->v.element;
    // Only HTML elements: an SVG <a> is xlink's business, and the crawler skipped it before too.
    if (e.tag_namespace == GUMBO_NAMESPACE_HTML &&
        (e.tag == GUMBO_TAG_A || e.tag == GUMBO_TAG_AREA || e.tag == GUMBO_TAG_LINK ||
         e.tag == GUMBO_TAG_BASE)) {
      const GumboAttribute* href = gumbo_get_attribute(&e.attributes, "href");
      const GumboAttribute* rel = gumbo_get_attribute(&e.attributes, "rel");
      if (href && *href->value) {
        out.insert(Key(gumbo_normalized_tagname(e.tag), rel ? rel->value : "", href->value));
      }
    }
    for (unsigned i = e.children.length; i > 0; --i)
      stack.push_back(static_cast<const GumboNode*>(e.children.data[i - 1]));
  }
  return out;
}

LinkSet WithScanner(const std::string& html) {
  LinkSet out;
  ForEachStartTag(html, {"a", "area", "link", "base"}, [&](const HtmlTag& t) {
    if (!t.Attr("href").empty()) out.insert(Key(t.name, t.Attr("rel"), t.Attr("href")));
  });
  return out;
}

// Lines in one set and not the other, for the failure message.
std::string Difference(const LinkSet& a, const LinkSet& b) {
  std::string out;
  for (const std::string& x : a) {
    if (!b.count(x)) out += "\n  " + x;
  }
  return out;
}

void ExpectSameLinks(const fs::path& file, const std::string& html, int* pages, int* links) {
  const LinkSet g = WithGumbo(html), s = WithScanner(html);
  EXPECT_EQ(g, s) << file << "\n only gumbo:" << Difference(g, s)
                  << "\n only the scanner:" << Difference(s, g);
  ++*pages;
  *links += static_cast<int>(g.size());
}

TEST(HtmlTagsGumboTest, SameLinksOnOurFixturePages) {
  int pages = 0, links = 0;
  for (const auto& e :
       fs::recursive_directory_iterator(fs::path(PRESSMINE_SOURCE_DIR) / "corpora")) {
    if (e.path().extension() != ".html" && e.path().extension() != ".htm") continue;
    auto bytes = ReadFile(e.path());
    ASSERT_TRUE(bytes.ok());
    // The crawler extracts links from UTF-8 (some fixtures are windows-1251, as served).
    DecodeOptions options;
    options.detect_undeclared = true;
    auto text = DecodeToUtf8(*bytes, options);
    ASSERT_TRUE(text.ok()) << e.path();
    ExpectSameLinks(e.path(), text->utf8, &pages, &links);
  }
  EXPECT_GE(pages, 70);
  EXPECT_GE(links, 500);
}

// The public article-extraction benchmark's pages (real news sites), when ../shared is there.
TEST(HtmlTagsGumboTest, SameLinksOnPublicNewsPages) {
  const fs::path dir =
      fs::path(PRESSMINE_SOURCE_DIR).parent_path() / "shared/benchmarks/article-extraction/html";
  if (!fs::is_directory(dir)) GTEST_SKIP() << dir << " is not there";
  int pages = 0, links = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() != ".gz") continue;
    auto gz = ReadFile(e.path());
    ASSERT_TRUE(gz.ok());
    auto html = Gunzip(*gz, 64u << 20);
    ASSERT_TRUE(html.ok()) << e.path();
    ExpectSameLinks(e.path(), *html, &pages, &links);
  }
  EXPECT_GT(pages, 100);
}

}  // namespace
}  // namespace pressmine::crawler::internal
