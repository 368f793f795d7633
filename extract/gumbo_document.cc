#include "extract/gumbo_document.h"

#include <strings.h>

#include <cctype>
#include <string>

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

size_t DepthLimitedPrefix(std::string_view html, size_t max_depth) {
  static constexpr std::string_view kNoNesting[] = {
      // void elements
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
      "track", "wbr", "keygen", "!doctype",
      // elements the parser closes by itself when a sibling starts
      "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot",
      "colgroup", "rb", "rt", "rp", "rtc"};
  size_t depth = 0;
  size_t i = 0;
  const size_t n = html.size();
  while (i < n) {
    const size_t lt = html.find('<', i);
    if (lt == std::string_view::npos || lt + 1 >= n) break;
    i = lt + 1;
    if (html.compare(lt, 4, "<!--") == 0) {
      const size_t close = html.find("-->", lt + 4);
      if (close == std::string_view::npos) break;
      i = close + 3;
      continue;
    }
    const bool closing = html[i] == '/';
    size_t name_start = closing ? i + 1 : i;
    size_t name_end = name_start;
    while (name_end < n && (std::isalnum(static_cast<unsigned char>(html[name_end])) ||
                            html[name_end] == '!' || html[name_end] == '-')) {
      ++name_end;
    }
    if (name_end == name_start) continue;  // "a < b" in text
    std::string name(html.substr(name_start, name_end - name_start));
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const size_t gt = html.find('>', name_end);
    if (gt == std::string_view::npos) break;
    i = gt + 1;
    bool nests = true;
    for (std::string_view v : kNoNesting) nests = nests && name != v;
    if (!nests) continue;
    if (closing) {
      if (depth > 0) --depth;
      continue;
    }
    if (html[gt - 1] == '/') continue;  // self-closing
    if (name == "script" || name == "style" || name == "textarea" || name == "title") {
      // Raw text: skip to the end tag without counting what is inside.
      const std::string end_tag = "</" + name;
      size_t close = i;
      while (true) {
        close = html.find("</", close);
        if (close == std::string_view::npos) return n;
        if (close + end_tag.size() <= n &&
            strncasecmp(html.data() + close, end_tag.data(), end_tag.size()) == 0) {
          break;
        }
        close += 2;
      }
      i = close;
      continue;
    }
    if (++depth > max_depth) return lt;
  }
  return n;
}

}  // namespace pressmine::extract
