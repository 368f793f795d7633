#include "extract/gumbo_document.h"

namespace pressmine::extract {

GumboDocument::GumboDocument(std::string_view html)
    : html_(html), output_(gumbo_parse_with_options(&kGumboDefaultOptions, html_.data(), html_.size())) {}

GumboDocument::~GumboDocument() { gumbo_destroy_output(&kGumboDefaultOptions, output_); }

}  // namespace pressmine::extract
