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
  // "time[datetime]", "url", "text", "txt-header". Empty when `published` is.
  std::string date_evidence;
  Language lang = Language::kUnknown;
  std::string author;
  std::string site;
  // Main text, one entry per paragraph (headings, list items and table rows are paragraphs too).
  std::vector<std::string> paragraphs;

  // The paragraphs joined by blank lines.
  std::string Text() const;
};

struct HtmlOptions {
  // The page's URL when known: a date in the path is evidence, and relative links resolve.
  std::string url;
  // The language the source declares, used only when the text cannot decide.
  Language lang_hint = Language::kUnknown;
};

// Fails with kInvalidArgument ("no article text found") when the page holds no text at all.
Result<Article> ExtractFromHtml(std::string_view utf8_html, const HtmlOptions& options = {});

// Fails with kInvalidArgument when the text is empty after the date line.
Result<Article> ExtractFromPlainText(std::string_view utf8_text, Language lang_hint = Language::kUnknown);

}  // namespace pressmine::extract

#endif  // PRESSMINE_EXTRACT_ARTICLE_H_
