// The article body of a page (internal to extract/).
//
// Approach: readability's (Mozilla Readability.js, itself after Arc90's) candidate scoring on a
// FlatDom, with trafilatura-style clean-up of what it returns. Every block of text of 25+
// characters scores 1 + its commas + one point per 100 characters (at most 3), credited fully to
// its parent, half to its grandparent and a third per level beyond, up to five levels; class
// and id words add or take 25 (hints.h); each candidate's score is scaled by one minus its link
// density. The best candidate may be replaced by an ancestor that holds several near-best ones,
// or by a better-scoring ancestor; its siblings join when they score well or read as prose.
// Inside the chosen blocks, lists, tables and divs that look like furniture (readability's
// conditional cleaning: link density, images per paragraph, nothing but a few characters) are
// dropped, and so are paragraphs that are page furniture by their words: share bars, "Read
// also" headings together with everything after them in their container, link-only lines
// (bylines and rubrics are links), the title repeated, and lines holding only a date.
//
// A strict pass drops blocks whose class or id only suggests furniture; when it leaves almost
// nothing (a site that names its main column "sidebar-layout"), a lenient pass keeps them.
#ifndef PRESSMINE_EXTRACT_CONTENT_H_
#define PRESSMINE_EXTRACT_CONTENT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/dom.h"

namespace pressmine::extract {

struct ContentResult {
  std::vector<std::string> paragraphs;
  // The DOM nodes the text was taken from, in document order (empty when none was found).
  std::vector<int32_t> roots;
  size_t chars = 0;  // characters in `paragraphs`
};

// `title` (may be empty) is dropped where the body repeats it.
ContentResult ExtractContent(const FlatDom& dom, std::string_view title);

// Every visible paragraph of the page, furniture included: the last resort when the content
// heuristics find nothing.
std::vector<std::string> AllVisibleParagraphs(const FlatDom& dom);

}  // namespace pressmine::extract

#endif  // PRESSMINE_EXTRACT_CONTENT_H_
