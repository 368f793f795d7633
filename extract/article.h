// An article: what pressmine keeps of one press release, whatever form it arrived in.
//
// ExtractFromHtml turns a page (already UTF-8; the crawler converts charsets) into the release's
// clean text, title, date and language. ExtractFromPlainText does the same for .txt releases, which
// may open with a " date YYYY-MM-DD[ HH:MM]" line. Both are pure functions of their input:
// thread-safe, no I/O.
#ifndef PRESSMINE_EXTRACT_ARTICLE_H_
#define PRESSMINE_EXTRACT_ARTICLE_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/language.h"
#include "base/status.h"

namespace pressmine::extract {

struct Article {
  std::string title;
  // ISO 8601: "2026-01-26" or "2026-01-26T17:11"; empty when no date was found.
  std::string published;
  // Where `published` came from, e.g. "json-ld:datePublished", "meta:article:published_time",
  // "itemprop:datePublished", "time[datetime]", "url", "text", "txt-header". Empty when
  // `published` is.
  std::string date_evidence;
  // When the page says it was last changed (dateModified, article:modified_time, "Обновлено:
  // ..."), same format; never used as `published`. Empty when unknown.
  std::string modified;
  std::string modified_evidence;
  Language lang = Language::kUnknown;
  std::string author;
  std::string site;
  // Main text, one entry per paragraph (headings, list items and table rows are paragraphs too).
  // The title is not repeated here.
  std::vector<std::string> paragraphs;
  // Conditions that limited extraction, in words, e.g. "input truncated ... (max_html_bytes)".
  std::vector<std::string> warnings;

  // The paragraphs joined by blank lines.
  std::string Text() const;
};

// Per-source overrides from the sources file ("extract" rules), for templates the generic
// scoring gets wrong. Each is a selector (selector.h); empty means "decide generically".
struct SiteRules {
  std::string content;    // the article body: the text of every match, in page order
  std::string title;      // the headline element
  std::string published;  // the element holding the publication date: its datetime/content
                          // attribute, else a date in its text
  std::vector<std::string> remove;  // never part of the article (share bars, related news)

  bool empty() const { return content.empty() && title.empty() && published.empty() && remove.empty(); }
};

// Checks every selector of `rules`; kInvalidArgument names the field ("extract.content: ...").
Status ValidateSiteRules(const SiteRules& rules);

struct HtmlOptions {
  // The page's URL when known: a date in the path is evidence, and relative links resolve.
  std::string url;
  // The language the source declares, used only when the text cannot decide. When unknown, the
  // page's <html lang> is used the same way.
  Language lang_hint = Language::kUnknown;
  // Input beyond this many bytes is not parsed: press releases are a few hundred KiB with all
  // their markup, and gumbo's time and memory grow with the input.
  size_t max_html_bytes = 8u << 20;
  // Input from the first element nested deeper than this is not parsed: gumbo's parse time is
  // superlinear in nesting depth (100k nested <div> take minutes), real pages stay under ~100,
  // and a hostile page must not stall a crawl. The depth is estimated by a linear pre-scan.
  size_t max_nesting_depth = 2000;
  // The source's overrides; a rule whose selector matches nothing falls back to the generic way
  // (with a warning), so a redesigned site degrades instead of losing its articles.
  SiteRules rules;
};

// The article of a page: boilerplate (navigation, share bars, related links, comments, cookie
// banners, footers) removed, title and dates from metadata or the text around the headline.
// Fails with kInvalidArgument ("no article text found", followed by the warnings when the
// input was cut by a limit) when the page holds no text at all.
Result<Article> ExtractFromHtml(std::string_view utf8_html, const HtmlOptions& options = {});

// Fails with kInvalidArgument when the text is empty after the date line.
Result<Article> ExtractFromPlainText(std::string_view utf8_text,
                                     Language lang_hint = Language::kUnknown);

}  // namespace pressmine::extract

#endif  // PRESSMINE_EXTRACT_ARTICLE_H_
