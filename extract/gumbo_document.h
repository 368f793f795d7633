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

}  // namespace pressmine::extract

#endif  // PRESSMINE_EXTRACT_GUMBO_DOCUMENT_H_
