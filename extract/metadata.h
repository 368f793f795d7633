// What a page says about itself outside its body text (internal to extract/): <title>, <meta>
// tags, JSON-LD blocks, <html lang>. Collected in one iterative walk of the gumbo tree; JSON-LD
// is parsed with RapidJSON (iteratively: a hostile page's nesting cannot exhaust the stack).
#ifndef PRESSMINE_EXTRACT_METADATA_H_
#define PRESSMINE_EXTRACT_METADATA_H_

#include <gumbo.h>

#include <string>
#include <utility>
#include <vector>

namespace pressmine::extract {

// The article-like object of a JSON-LD block (NewsArticle, Article, BlogPosting, ...).
struct JsonLdArticle {
  std::string type;
  std::string headline;
  std::string date_published;
  std::string date_created;
  std::string date_modified;
  std::string author;
  std::string publisher;
};

struct PageMetadata {
  std::string title_tag;  // text of <title>
  std::string html_lang;  // <html lang>, as written
  // <meta> tags as (lower-cased name, property, itemprop or http-equiv; content), in page order.
  std::vector<std::pair<std::string, std::string>> metas;
  // Article-like JSON-LD objects, the most article-like (a *Article or *Posting type) first.
  std::vector<JsonLdArticle> json_ld;

  // The first meta content for `key` (lower-case), or "".
  std::string Meta(std::string_view key) const;
};

PageMetadata CollectMetadata(const GumboNode* root);

// The <body> element of a parsed document (gumbo always creates one), or `root` itself.
const GumboNode* FindBody(const GumboNode* root);

}  // namespace pressmine::extract

#endif  // PRESSMINE_EXTRACT_METADATA_H_
