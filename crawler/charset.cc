#include "crawler/charset.h"

#include <unicode/localpointer.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>

#include "crawler/internal/ascii.h"

namespace pressmine::crawler {
namespace {

// The HTML standard's prescan looks at the first 1024 bytes; real ministry pages put long
// scripts before <meta>, so we look further.
constexpr size_t kMetaScanBytes = 4096;
// Binary files (images, PDFs, archives) almost always have a NUL early on.
constexpr size_t kBinaryScanBytes = 8192;
// The detector needs a reasonable sample; more does not help and costs time.
constexpr size_t kDetectSampleBytes = 65536;

// Canonical ICU name for a charset label, or empty when ICU does not know it.
std::string CanonicalCharset(std::string_view label) {
  // The common case, without opening an ICU converter for every page.
  const std::string lower = internal::LowerAscii(label);
  if (lower == "utf-8" || lower == "utf8") return "UTF-8";
  std::string name(label);
  UErrorCode status = U_ZERO_ERROR;
  icu::LocalUConverterPointer conv(ucnv_open(name.c_str(), &status));
  if (U_FAILURE(status)) return std::string();
  const char* canonical = ucnv_getName(conv.getAlias(), &status);
  if (U_FAILURE(status)) return std::string();
  return canonical;
}

Result<std::string> ConvertToUtf8(std::string_view bytes, const std::string& charset) {
  UErrorCode status = U_ZERO_ERROR;
  icu::LocalUConverterPointer conv(ucnv_open(charset.c_str(), &status));
  if (U_FAILURE(status)) return Status::InvalidArgument("unknown charset \"" + charset + "\"");
  icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), conv.getAlias(),
                          status);
  if (U_FAILURE(status)) {
    return Status::InvalidArgument("cannot convert from " + charset + ": " + u_errorName(status));
  }
  std::string out;
  text.toUTF8String(out);
  return out;
}

std::string StripUtf8Bom(std::string_view bytes) {
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  return std::string(bytes);
}

std::string BomCharset(std::string_view bytes) {
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") return "UTF-8";
  if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFF\xFE") return "UTF-16LE";
  if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFE\xFF") return "UTF-16BE";
  return std::string();
}

// The IANA (or MIME) name of an ICU converter name: ICU's own canonical names are internal
// ("ibm-5347_P100-1998" for windows-1251) and mean nothing to readers of the database.
std::string StandardName(const std::string& icu_name) {
  for (const char* standard : {"IANA", "MIME"}) {
    UErrorCode status = U_ZERO_ERROR;
    const char* name = ucnv_getStandardName(icu_name.c_str(), standard, &status);
    if (U_SUCCESS(status) && name != nullptr && *name != '\0') return name;
  }
  return icu_name;
}

Result<DecodedText> Decode(std::string_view bytes, std::string_view label, std::string source) {
  const std::string charset = CanonicalCharset(label);
  if (charset.empty())
    return Status::InvalidArgument("unknown charset \"" + std::string(label) + "\"");
  if (charset == "UTF-8") {
    if (!IsValidUtf8(bytes))
      return Status::InvalidArgument("declared UTF-8 but the bytes are not valid UTF-8");
    return DecodedText{StripUtf8Bom(bytes), charset, std::move(source)};
  }
  PM_ASSIGN_OR_RETURN(std::string utf8, ConvertToUtf8(bytes, charset));
  if (utf8.size() >= 3 && utf8.compare(0, 3, "\xEF\xBB\xBF") == 0) utf8.erase(0, 3);
  return DecodedText{std::move(utf8), StandardName(charset), std::move(source)};
}

bool LooksBinary(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, std::min(bytes.size(), kBinaryScanBytes));
  return head.find('\0') != std::string_view::npos;
}

}  // namespace

// Well-formedness per the Unicode standard's table 3-7 (no overlongs, no surrogates, nothing
// past U+10FFFF), checked byte by byte without decoding: every page passes through here.
bool IsValidUtf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const size_t n = bytes.size();
  auto cont = [&](size_t at, uint8_t lo = 0x80, uint8_t hi = 0xBF) {
    return at < n && s[at] >= lo && s[at] <= hi;
  };
  size_t i = 0;
  while (i < n) {
    const uint8_t c = s[i];
    if (c < 0x80) {
      ++i;
      // Markup is mostly ASCII: after an ASCII byte, skip eight at a time while they all are.
      for (uint64_t word; i + 8 <= n; i += 8) {
        std::memcpy(&word, s + i, sizeof word);
        if ((word & 0x8080808080808080ull) != 0) break;
      }
    } else if (c >= 0xC2 && c <= 0xDF) {
      // Cyrillic text is runs of these: take the run in a tight loop.
      do {
        if (i + 1 >= n || (s[i + 1] & 0xC0) != 0x80) return false;
        i += 2;
      } while (i < n && s[i] >= 0xC2 && s[i] <= 0xDF);
    } else if (c >= 0xE0 && c <= 0xEF) {
      const uint8_t lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
      if (!cont(i + 1, lo, hi) || !cont(i + 2)) return false;
      i += 3;
    } else if (c >= 0xF0 && c <= 0xF4) {
      const uint8_t lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
      if (!cont(i + 1, lo, hi) || !cont(i + 2) || !cont(i + 3)) return false;
      i += 4;
    } else {
      return false;  // a continuation byte first, C0/C1 (overlong) or F5..FF
    }
  }
  return true;
}

std::string SniffHtmlMetaCharset(std::string_view html) {
  const std::string_view head = html.substr(0, std::min(html.size(), kMetaScanBytes));
  for (size_t pos = head.find('<'); pos != std::string_view::npos; pos = head.find('<', pos + 1)) {
    if (internal::LowerAscii(head.substr(pos + 1, 4)) != "meta") continue;
    const size_t end = head.find('>', pos);
    if (end == std::string_view::npos) break;
    const std::string lowered = internal::LowerAscii(head.substr(pos, end - pos));
    const std::string_view tag(lowered);
    pos = end;
    size_t at = tag.find("charset");
    if (at == std::string_view::npos) continue;
    at += 7;
    while (at < tag.size() && (tag[at] == ' ' || tag[at] == '=')) ++at;
    while (at < tag.size() && (tag[at] == '"' || tag[at] == '\'')) ++at;
    size_t stop = at;
    while (stop < tag.size() &&
           (std::isalnum(static_cast<unsigned char>(tag[stop])) || tag[stop] == '-' ||
            tag[stop] == '_' || tag[stop] == ':' || tag[stop] == '.')) {
      ++stop;
    }
    if (stop > at) return std::string(tag.substr(at, stop - at));
  }
  return std::string();
}

Result<DecodedText> DecodeToUtf8(std::string_view bytes, const DecodeOptions& options) {
  if (!options.declared_charset.empty()) return Decode(bytes, options.declared_charset, "declared");
  if (std::string bom = BomCharset(bytes); !bom.empty()) return Decode(bytes, bom, "bom");
  if (LooksBinary(bytes)) return Status::InvalidArgument("binary data (NUL bytes), not text");
  if (options.sniff_html_meta) {
    if (std::string meta = SniffHtmlMetaCharset(bytes); !meta.empty()) {
      return Decode(bytes, meta, "meta");
    }
  }
  if (IsValidUtf8(bytes)) return DecodedText{std::string(bytes), "UTF-8", "utf-8"};
  if (!options.detect_undeclared) {
    return Status::InvalidArgument("not valid UTF-8 and no charset declared");
  }
  UErrorCode status = U_ZERO_ERROR;
  icu::LocalUCharsetDetectorPointer detector(ucsdet_open(&status));
  const std::string_view sample = bytes.substr(0, std::min(bytes.size(), kDetectSampleBytes));
  ucsdet_setText(detector.getAlias(), sample.data(), static_cast<int32_t>(sample.size()), &status);
  const UCharsetMatch* match = ucsdet_detect(detector.getAlias(), &status);
  if (U_FAILURE(status) || match == nullptr) {
    return Status::InvalidArgument("not valid UTF-8 and the charset could not be detected");
  }
  const char* name = ucsdet_getName(match, &status);
  if (U_FAILURE(status) || name == nullptr) {
    return Status::InvalidArgument("not valid UTF-8 and the charset could not be detected");
  }
  return Decode(bytes, name, "detected");
}

}  // namespace pressmine::crawler
