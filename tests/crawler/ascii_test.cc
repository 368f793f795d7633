// crawler/internal/ascii.h: the one case folding the crawler uses for protocol text.
#include "crawler/internal/ascii.h"

#include <gtest/gtest.h>

namespace pressmine::crawler::internal {
namespace {

TEST(AsciiTest, LowersOnlyAsciiLetters) {
  EXPECT_EQ(LowerAscii("Content-Type: TEXT/HTML; Charset=UTF-8"),
            "content-type: text/html; charset=utf-8");
  // UTF-8 bytes (and any byte past 0x7F) are left alone, whatever the locale would say.
  EXPECT_EQ(LowerAscii("МИНЗДРАВ.KG"), "МИНЗДРАВ.kg");
  EXPECT_EQ(LowerAscii(std::string_view("\xC0\xDE@[`{", 6)), std::string("\xC0\xDE@[`{", 6));
  EXPECT_EQ(LowerAscii('Z'), 'z');
  EXPECT_EQ(LowerAscii('['), '[');
}

TEST(AsciiTest, EqualsLowerAsciiComparesAgainstALowerCaseWord) {
  EXPECT_TRUE(EqualsLowerAscii("NoFollow", "nofollow"));
  EXPECT_TRUE(EqualsLowerAscii("", ""));
  EXPECT_FALSE(EqualsLowerAscii("nofollo", "nofollow"));
  EXPECT_FALSE(EqualsLowerAscii("NOFOLLOW", "NOFOLLOW")) << "the second side is lower case";
  static_assert(EqualsLowerAscii("SCRIPT", "script"));
}

}  // namespace
}  // namespace pressmine::crawler::internal
