// The publication date of a page, with the evidence for it (internal to extract/).
//
// Sources, most reliable first:
//   1. JSON-LD datePublished (then dateCreated) of the page's article object;
//   2. <meta> publication tags (article:published_time, pubdate, DC.date.issued, ...) and
//      itemprop="datePublished" anywhere;
//   3. <time datetime> near the title or inside the article;
//   4. a date in the URL path (/2026/01/26/, 2026-01-26, 20260126);
//   5. a date written in the text near the title (nlp::FindDates), e.g. "26 января 2026, 17:11".
// Modified dates (dateModified, article:modified_time, og:updated_time, a <time> marked
// "updated", text after "Обновлено:") are collected separately and never become the
// publication date. When the winning source has no time of day but a weaker one gives the same
// day with a time, the time is kept.
#ifndef PRESSMINE_EXTRACT_PAGE_DATES_H_
#define PRESSMINE_EXTRACT_PAGE_DATES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/dom.h"
#include "extract/metadata.h"

namespace pressmine::extract {

struct DatedEvidence {
  std::string iso;       // empty when not found
  std::string evidence;  // e.g. "json-ld:datePublished", "url", "text"
};

struct PageDates {
  DatedEvidence published;
  DatedEvidence modified;
};

// `title_node` is the heading that holds the title (-1 when unknown); `content_roots` are the
// blocks the article text came from.
PageDates FindPageDates(const FlatDom& dom, const PageMetadata& meta, int32_t title_node,
                        const std::vector<int32_t>& content_roots, std::string_view url);

// A date in a URL's path (the query and fragment are ignored), or nullopt-like empty string.
std::string DateFromUrl(std::string_view url);

}  // namespace pressmine::extract

#endif  // PRESSMINE_EXTRACT_PAGE_DATES_H_
