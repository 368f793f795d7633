#include "crawler/robots.h"

#include <gtest/gtest.h>

namespace pressmine::crawler {
namespace {

struct Case {
  const char* path;
  bool allowed;
};

void Check(const Robots& r, std::initializer_list<Case> cases, const char* what) {
  for (const Case& c : cases) EXPECT_EQ(r.Allowed(c.path), c.allowed) << what << ": " << c.path;
}

TEST(RobotsTest, LongestMatchWinsAndAllowWinsTies) {
  const Robots r = Robots::Parse(
      "User-agent: *\n"
      "Disallow: /ru/admin\n"
      "Allow: /ru/admin/public\n"
      "Disallow: /search\n"
      "Allow: /search\n"  // tie: allow wins
      "Disallow: /en/\n"
      "Allow: /en/news/\n",
      "pressmine");
  Check(r,
        {{"/", true},
         {"/ru/news/1", true},
         {"/ru/admin", false},
         {"/ru/admin/x", false},
         {"/ru/admin/public/y", true},
         {"/search?q=x", true},
         {"/en/about", false},
         {"/en/news/5", true},
         {"/robots.txt", true}},
        "longest match");
}

TEST(RobotsTest, WildcardsAndEndAnchor) {
  const Robots r = Robots::Parse(
      "user-agent: *\n"
      "disallow: /*.pdf$\n"
      "disallow: /*?print=\n"
      "disallow: /tmp*/x\n",
      "pressmine");
  Check(r,
        {{"/doc.pdf", false},
         {"/doc.pdf?x=1", true},
         {"/a/b/c.pdf", false},
         {"/news/1?print=1", false},
         {"/news/1?page=1&print=1", true},  // "?print=" needs '?' right before
         {"/tmp/x", false},
         {"/tmp123/x/y", false},
         {"/tmp/y", true}},
        "wildcards");
}

TEST(RobotsTest, GroupSelection) {
  const std::string txt =
      "User-agent: Googlebot\n"
      "Disallow: /\n"
      "\n"
      "User-agent: PressMine\n"
      "User-agent: otherbot\n"
      "Disallow: /private\n"
      "Crawl-delay: 2.5\n"
      "\n"
      "User-agent: *\n"
      "Disallow: /ru/\n"
      "Crawl-delay: 10\n"
      "Sitemap: https://example.kg/sitemap.xml\n"
      "User-agent: pressmine\n"  // a second group for us: merged
      "Disallow: /drafts\n";
  const Robots ours = Robots::Parse(txt, "pressmine");
  Check(ours, {{"/ru/news", true}, {"/private/x", false}, {"/drafts/1", false}, {"/", true}},
        "ours");
  ASSERT_TRUE(ours.crawl_delay_ms().has_value());
  EXPECT_EQ(*ours.crawl_delay_ms(), 2500);
  ASSERT_EQ(ours.sitemaps().size(), 1u);
  EXPECT_EQ(ours.sitemaps()[0], "https://example.kg/sitemap.xml");

  const Robots other = Robots::Parse(txt, "wget");
  Check(other, {{"/ru/news", false}, {"/private/x", true}}, "star group");
  EXPECT_EQ(*other.crawl_delay_ms(), 10000);
}

TEST(RobotsTest, CommentsBlankDisallowAndJunk) {
  const Robots r = Robots::Parse(
      "\xEF\xBB\xBF# comment\r\n"
      "User-agent: * # all\r\n"
      "Disallow:\r\n"  // empty: no rule
      "Disallow: /a # trailing comment\r\n"
      "garbage line without colon\r\n"
      "Host: med.kg\r\n",
      "pressmine");
  Check(r, {{"/", true}, {"/a", false}, {"/b", true}}, "comments");
  EXPECT_FALSE(r.crawl_delay_ms().has_value());
}

TEST(RobotsTest, PercentEncodingComparesNormalized) {
  const Robots r =
      Robots::Parse("User-agent: *\nDisallow: /%7ejoe/\nDisallow: /новости/архив\n", "pressmine");
  Check(r,
        {{"/~joe/index.html", false},
         {"/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/%D0%B0%D1%80%D1%85%D0%B8%D0%B2/1", false},
         {"/%d0%bd%d0%be%d0%b2%d0%be%d1%81%d1%82%d0%b8/", true}},
        "percent");
}

TEST(RobotsTest, StatusClasses) {
  EXPECT_TRUE(Robots::FromResponse(404, "", "pressmine").Allowed("/anything"));
  EXPECT_TRUE(Robots::FromResponse(410, "", "pressmine").Allowed("/anything"));
  EXPECT_FALSE(Robots::FromResponse(503, "", "pressmine").Allowed("/anything"));
  EXPECT_FALSE(Robots::FromResponse(500, "", "pressmine").Allowed("/"));
  EXPECT_FALSE(Robots::FromResponse(0, "", "pressmine").Allowed("/"));
  EXPECT_TRUE(Robots::FromResponse(0, "", "pressmine").Allowed("/robots.txt"));
  EXPECT_FALSE(
      Robots::FromResponse(200, "User-agent: *\nDisallow: /\n", "pressmine").Allowed("/x"));
  EXPECT_TRUE(Robots::FromResponse(200, "", "pressmine").Allowed("/x"));
}

TEST(RobotsTest, HostileWildcardsTerminate) {
  std::string rule = "User-agent: *\nDisallow: /";
  for (int i = 0; i < 200; ++i) rule += "*a";
  rule += "b\n";
  const Robots r = Robots::Parse(rule, "pressmine");
  EXPECT_TRUE(r.Allowed("/" + std::string(5000, 'a')));
}

}  // namespace
}  // namespace pressmine::crawler
