// Start tags and their attributes, read from HTML by the tokenizer rules of the HTML5 standard
// (section 13.2.5) without building a tree.
//
// Link discovery needs only a handful of elements (<a>, <area>, <link>, <base>, <meta>) and
// their attributes, none of which tree construction changes; a full parse (gumbo) cost more
// than half of the crawler's CPU time. The scanner follows the tokenizer where it matters for
// finding tags: comments and bogus comments, <script>/<style>/<textarea>/<title> and the other
// raw-text elements (no tags inside), quoted and unquoted attribute values (a '>' inside quotes
// does not end the tag), the first of duplicate attributes winning, a tag cut off by the end of
// input being dropped, and character references in attribute values.
#ifndef PRESSMINE_CRAWLER_INTERNAL_HTML_TAGS_H_
#define PRESSMINE_CRAWLER_INTERNAL_HTML_TAGS_H_

#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pressmine::crawler::internal {

struct HtmlTag {
  std::string name;                                        // lower case
  std::vector<std::pair<std::string, std::string>> attrs;  // lower-case names, decoded values

  // The attribute's value, or empty when absent.
  const std::string& Attr(std::string_view attr_name) const;
};

// Calls `visit` for each start tag named in `wanted` (lower case), in document order.
void ForEachStartTag(std::string_view html, std::initializer_list<std::string_view> wanted,
                     const std::function<void(const HtmlTag&)>& visit);

// Decodes character references (&amp;, &#38;, &#x26;, ...) as in an attribute value.
std::string DecodeAttributeValue(std::string_view raw);

}  // namespace pressmine::crawler::internal

#endif  // PRESSMINE_CRAWLER_INTERNAL_HTML_TAGS_H_
