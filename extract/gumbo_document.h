// The one owner of GumboOutput* (internal to extract/).
#ifndef PRESSMINE_EXTRACT_GUMBO_DOCUMENT_H_
#define PRESSMINE_EXTRACT_GUMBO_DOCUMENT_H_

#include <gumbo.h>

#include <string>
#include <string_view>

namespace pressmine::extract {

class GumboDocument {
 public:
  // Parses HTML; gumbo recovers from any malformed input, so this never fails. The input is
  // copied because gumbo's nodes point into the buffer they were parsed from.
  explicit GumboDocument(std::string_view html);
  GumboDocument(const GumboDocument&) = delete;
  GumboDocument& operator=(const GumboDocument&) = delete;
  ~GumboDocument();

  const GumboNode* root() const { return output_->root; }

 private:
  std::string html_;
  GumboOutput* output_;
};

// The length of the longest prefix of `html` in which no element is nested deeper than
// `max_depth`, as estimated by a linear scan of the tags (void elements, elements the parser
// closes by itself such as <p> and <li>, comments and raw text are not counted). html.size()
// when the whole input is within the limit.
size_t DepthLimitedPrefix(std::string_view html, size_t max_depth);

}  // namespace pressmine::extract

#endif  // PRESSMINE_EXTRACT_GUMBO_DOCUMENT_H_
