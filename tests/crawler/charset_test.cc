#include "crawler/charset.h"

#include <gtest/gtest.h>
#include <unicode/utf8.h>

namespace pressmine::crawler {
namespace {

// "Минздрав" in windows-1251 and in KOI8-R.
const std::string kCp1251 = "\xCC\xE8\xED\xE7\xE4\xF0\xE0\xE2";
const std::string kKoi8r = "\xED\xC9\xCE\xDA\xC4\xD2\xC1\xD7";

TEST(CharsetTest, Utf8PassesThroughAndBomIsDropped) {
  auto d = DecodeToUtf8("\xEF\xBB\xBFМинздрав");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->utf8, "Минздрав");
  EXPECT_EQ(d->source, "bom");
}

TEST(CharsetTest, DeclaredCharsetWins) {
  DecodeOptions opts;
  opts.declared_charset = "koi8-r";
  auto d = DecodeToUtf8(kKoi8r, opts);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->utf8, "Минздрав");
  EXPECT_EQ(d->source, "declared");
}

TEST(CharsetTest, MetaCharsetInHtml) {
  const std::string html =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">"
      "</head><body>" +
      kCp1251 + "</body></html>";
  EXPECT_EQ(SniffHtmlMetaCharset(html), "windows-1251");
  auto d = DecodeToUtf8(html);
  ASSERT_TRUE(d.ok());
  EXPECT_NE(d->utf8.find("Минздрав"), std::string::npos);
  EXPECT_EQ(d->source, "meta");
  EXPECT_EQ(SniffHtmlMetaCharset("<meta charset='UTF-8'>"), "utf-8");
}

TEST(CharsetTest, UndeclaredLegacyBytesAreRefusedUnlessDetectionIsOn) {
  std::string text;
  for (int i = 0; i < 20; ++i)
    text += kCp1251 + " \xEF\xF0\xEE\xE2\xE5\xEB \xF1\xEE\xE2\xE5\xF9\xE0\xED\xE8\xE5. ";
  auto refused = DecodeToUtf8(text);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("no charset declared"), std::string::npos);
  DecodeOptions opts;
  opts.detect_undeclared = true;
  auto detected = DecodeToUtf8(text, opts);
  ASSERT_TRUE(detected.ok()) << detected.status().ToString();
  EXPECT_EQ(detected->source, "detected");
  EXPECT_NE(detected->utf8.find("Минздрав провел совещание"), std::string::npos) << detected->utf8;
}

TEST(CharsetTest, BinaryAndUnknownCharsetAreClearErrors) {
  auto bin = DecodeToUtf8(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  ASSERT_FALSE(bin.ok());
  EXPECT_NE(bin.status().message().find("binary"), std::string::npos);
  DecodeOptions opts;
  opts.declared_charset = "no-such-charset";
  auto unknown = DecodeToUtf8("abc", opts);
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().message().find("no-such-charset"), std::string::npos);
}

// IsValidUtf8 checks bytes without decoding; ICU's decoder is the reference. Every one- and
// two-byte sequence, every three-byte one, and four-byte ones over all leads and second bytes.
bool IcuValid(std::string_view bytes) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const int32_t length = static_cast<int32_t>(bytes.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

TEST(CharsetTest, Utf8ValidationAgreesWithIcu) {
  std::string b;
  int checked = 0;
  auto check = [&](std::string text) {
    ASSERT_EQ(IsValidUtf8(text), IcuValid(text)) << ::testing::PrintToString(text);
    // Also behind eight ASCII bytes, where the word-at-a-time path runs first.
    text = "abcdefgh" + text;
    ASSERT_EQ(IsValidUtf8(text), IcuValid(text)) << ::testing::PrintToString(text);
    ++checked;
  };
  for (int a = 0; a < 256; ++a) {
    check(std::string(1, static_cast<char>(a)));
    for (int c = 0; c < 256; ++c) {
      check(std::string{static_cast<char>(a), static_cast<char>(c)});
      if (a >= 0xE0 && a <= 0xEF) {
        for (int d = 0; d < 256; d += 1)
          check(std::string{static_cast<char>(a), static_cast<char>(c), static_cast<char>(d)});
      }
      if (a >= 0xF0) {
        for (int d : {0x41, 0x80, 0xBF, 0xC0})
          for (int e : {0x41, 0x80, 0xBF})
            check(std::string{static_cast<char>(a), static_cast<char>(c), static_cast<char>(d),
                              static_cast<char>(e)});
      }
    }
  }
  EXPECT_GT(checked, 1'000'000);
  EXPECT_TRUE(IsValidUtf8("Минздрав 🏥 ok"));
}

}  // namespace
}  // namespace pressmine::crawler
