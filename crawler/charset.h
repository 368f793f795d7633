// Bytes -> UTF-8 for fetched pages and local files.
//
// Order of evidence, most reliable first: a charset the transport declares (HTTP Content-Type),
// a byte-order mark, the page's own <meta charset> / http-equiv declaration, valid UTF-8 as is,
// and, only when the caller allows guessing, ICU's charset detector (windows-1251 and KOI8-R are
// common on the ministry sites this is for). Conversion goes through ICU converters.
#ifndef PRESSMINE_CRAWLER_CHARSET_H_
#define PRESSMINE_CRAWLER_CHARSET_H_

#include <string>
#include <string_view>

#include "base/status.h"

namespace pressmine::crawler {

struct DecodeOptions {
  // From the transport, e.g. the charset parameter of Content-Type; empty when none.
  std::string declared_charset;
  // Look for <meta charset> in the first bytes of the document.
  bool sniff_html_meta = true;
  // When nothing is declared and the bytes are not valid UTF-8, guess with ICU's detector
  // instead of failing.
  bool detect_undeclared = false;
};

struct DecodedText {
  std::string utf8;
  std::string charset;  // the charset used, its IANA name ("UTF-8", "windows-1251", "KOI8-R")
  std::string source;   // "declared", "bom", "meta", "utf-8", "detected"
};

// Fails with kInvalidArgument naming the reason: binary data (NUL bytes), an unknown charset
// name, or undeclared non-UTF-8 bytes when detection is off.
Result<DecodedText> DecodeToUtf8(std::string_view bytes, const DecodeOptions& options = {});

// The charset named by a <meta charset=...> or <meta http-equiv content="...charset=...">
// within the first 4 KiB of HTML, or empty.
std::string SniffHtmlMetaCharset(std::string_view html);

// True when `bytes` is well-formed UTF-8.
bool IsValidUtf8(std::string_view bytes);

}  // namespace pressmine::crawler

#endif  // PRESSMINE_CRAWLER_CHARSET_H_
