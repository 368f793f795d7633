#include "crawler/charset.h"

#include <gtest/gtest.h>

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
      "</head><body>" + kCp1251 + "</body></html>";
  EXPECT_EQ(SniffHtmlMetaCharset(html), "windows-1251");
  auto d = DecodeToUtf8(html);
  ASSERT_TRUE(d.ok());
  EXPECT_NE(d->utf8.find("Минздрав"), std::string::npos);
  EXPECT_EQ(d->source, "meta");
  EXPECT_EQ(SniffHtmlMetaCharset("<meta charset='UTF-8'>"), "utf-8");
}

TEST(CharsetTest, UndeclaredLegacyBytesAreRefusedUnlessDetectionIsOn) {
  std::string text;
  for (int i = 0; i < 20; ++i) text += kCp1251 + " \xEF\xF0\xEE\xE2\xE5\xEB \xF1\xEE\xE2\xE5\xF9\xE0\xED\xE8\xE5. ";
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

}  // namespace
}  // namespace pressmine::crawler
