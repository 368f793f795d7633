#include "crawler/internal/html_tags.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace pressmine::crawler::internal {
namespace {

// "name attr=value attr=value" per wanted start tag.
std::vector<std::string> Tags(std::string_view html) {
  std::vector<std::string> out;
  ForEachStartTag(html, {"a", "link", "meta"}, [&](const HtmlTag& t) {
    std::string s = t.name;
    for (const auto& [k, v] : t.attrs) s += " " + k + "=" + v;
    out.push_back(s);
  });
  return out;
}

using V = std::vector<std::string>;

TEST(HtmlTagsTest, AttributesQuotedUnquotedAndCase) {
  EXPECT_EQ(Tags("<A HREF=\"/x\" Rel='next'><a href=/y>y</a><a\nhref = /z\n>"),
            (V{"a href=/x rel=next", "a href=/y", "a href=/z"}));
  EXPECT_EQ(Tags("<a href='/a>b'>"), (V{"a href=/a>b"})) << "a quoted '>' does not end the tag";
  EXPECT_EQ(Tags("<a href=/1 href=/2>"), (V{"a href=/1"})) << "the first duplicate wins";
  EXPECT_EQ(Tags("<a download href=/f>"), (V{"a download= href=/f"}));
  EXPECT_EQ(Tags("<link rel=alternate href=/rss.xml/>"), (V{"link rel=alternate href=/rss.xml/"}));
  EXPECT_EQ(Tags("<abbr title=x><area href=/no>"), V{}) << "only the wanted tags";
}

TEST(HtmlTagsTest, CommentsScriptsAndRawText) {
  EXPECT_EQ(Tags("<!-- <a href=/c> --><a href=/1>"), (V{"a href=/1"}));
  EXPECT_EQ(Tags("<!--><a href=/1><!---><a href=/2>"), (V{"a href=/1", "a href=/2"}));
  EXPECT_EQ(Tags("<script>var s = '<a href=/s>';</script ><a href=/1>"), (V{"a href=/1"}));
  EXPECT_EQ(Tags("<SCRIPT>x</scriptx><a href=/s></SCRIPT><a href=/1>"), (V{"a href=/1"}));
  EXPECT_EQ(Tags("<style>a{}</style><title><a href=/t></title><a href=/1>"), (V{"a href=/1"}));
  EXPECT_EQ(Tags("<textarea><a href=/t></textarea><a href=/1>"), (V{"a href=/1"}));
  EXPECT_EQ(Tags("<!DOCTYPE html><?xml x?></ p><a href=/1>"), (V{"a href=/1"}));
  EXPECT_EQ(Tags("a < b and c <3 d <a href=/1>"), (V{"a href=/1"}));
  EXPECT_EQ(Tags("<plaintext><a href=/p>"), V{});
}

TEST(HtmlTagsTest, TruncatedInputDropsTheCutTag) {
  EXPECT_EQ(Tags("<a href=/1><a href=/2"), (V{"a href=/1"}));
  EXPECT_EQ(Tags("<a href='/1>"), V{});
  EXPECT_EQ(Tags("<!-- <a href=/1>"), V{});
  EXPECT_EQ(Tags("<script><a href=/1>"), V{});
  EXPECT_EQ(Tags("<"), V{});
}

TEST(HtmlTagsTest, CharacterReferencesInValues) {
  EXPECT_EQ(DecodeAttributeValue("/n?a=1&amp;b=2"), "/n?a=1&b=2");
  EXPECT_EQ(DecodeAttributeValue("&#47;x&#x2F;y&#X2f;"), "/x/y/");
  EXPECT_EQ(DecodeAttributeValue("&quot;&lt;&gt;&apos;"), "\"<>'");
  EXPECT_EQ(DecodeAttributeValue("&#1087;"), "п");
  EXPECT_EQ(DecodeAttributeValue("a&b &amp c &#; &#0;"), "a&b &amp c &#; \xEF\xBF\xBD");
  EXPECT_EQ(Tags("<a href=\"/s?q=1&amp;p=2\">"), (V{"a href=/s?q=1&p=2"}));
}

}  // namespace
}  // namespace pressmine::crawler::internal
