// gzip decompression for .xml.gz sitemaps (served as files, not as Content-Encoding, so curl
// does not decode them for us).
#ifndef PRESSMINE_CRAWLER_INTERNAL_GZIP_H_
#define PRESSMINE_CRAWLER_INTERNAL_GZIP_H_

#include <string>
#include <string_view>

#include "base/status.h"

namespace pressmine::crawler::internal {

// True when `bytes` start with the gzip magic number.
bool LooksGzipped(std::string_view bytes);

// Inflates gzip data. Fails (kInvalidArgument) on corrupt data or when the output would exceed
// `max_bytes` (a "zip bomb": sitemaps.org caps an uncompressed sitemap at 50 MB).
Result<std::string> Gunzip(std::string_view bytes, size_t max_bytes);

}  // namespace pressmine::crawler::internal

#endif  // PRESSMINE_CRAWLER_INTERNAL_GZIP_H_
