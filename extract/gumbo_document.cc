#include "extract/gumbo_document.h"

namespace pressmine::extract {

namespace {

// Parse errors are not used, and recording them costs time and memory on garbage input.
GumboOptions ParseOptions() {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  return options;
}

const GumboOptions kOptions = ParseOptions();

}  // namespace

GumboDocument::GumboDocument(std::string_view html)
    : html_(html), output_(gumbo_parse_with_options(&kOptions, html_.data(), html_.size())) {}

GumboDocument::~GumboDocument() { gumbo_destroy_output(&kOptions, output_); }

}  // namespace pressmine::extract
