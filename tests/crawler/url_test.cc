#include "crawler/url.h"

#include <gtest/gtest.h>

namespace pressmine::crawler {
namespace {

struct CanonCase {
  const char* in;
  const char* out;  // nullptr: must fail
};

TEST(UrlTest, Canonicalize) {
  const CanonCase cases[] = {
      {"HTTP://Med.KG/ru/news", "http://med.kg/ru/news"},
      {"https://med.kg:443/ru/", "https://med.kg/ru/"},
      {"http://med.kg:80", "http://med.kg/"},
      {"http://med.kg:8080/a", "http://med.kg:8080/a"},
      {"https://med.kg./a#top", "https://med.kg/a"},
      {"https://user:pw@med.kg/a", "https://med.kg/a"},
      {"https://med.kg/a/./b/../c", "https://med.kg/a/c"},
      {"https://med.kg/a/b/..", "https://med.kg/a/"},
      {"https://med.kg/../../x", "https://med.kg/x"},
      {"https://med.kg/%7euser/%2fx", "https://med.kg/~user/%2Fx"},
      {"https://med.kg/новости", "https://med.kg/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8"},
      {"https://med.kg/a b", "https://med.kg/a%20b"},
      {"https://med.kg/n?b=2&a=1", "https://med.kg/n?a=1&b=2"},
      {"https://med.kg/n?utm_source=tg&id=5&fbclid=x&UTM_Medium=y", "https://med.kg/n?id=5"},
      {"https://med.kg/n?", "https://med.kg/n"},
      {"https://med.kg/n?a=1&&b", "https://med.kg/n?a=1&b"},
      {"https://[::1]:8080/x", "https://[::1]:8080/x"},
      {"ftp://med.kg/a", nullptr},
      {"mailto:press@med.kg", nullptr},
      {"/ru/news", nullptr},
      {"https:///nohost", nullptr},
      {"https://med.kg:99999/", nullptr},
      {"https://med.kg:8a/", nullptr},
  };
  for (const CanonCase& c : cases) {
    Result<std::string> got = Canonicalize(c.in);
    if (c.out == nullptr) {
      EXPECT_FALSE(got.ok()) << c.in << " -> " << (got.ok() ? *got : "");
    } else {
      ASSERT_TRUE(got.ok()) << c.in << ": " << got.status().ToString();
      EXPECT_EQ(*got, c.out) << c.in;
    }
  }
}

TEST(UrlTest, ErrorNamesTheUrl) {
  Result<std::string> got = Canonicalize("gopher://med.kg/");
  ASSERT_FALSE(got.ok());
  EXPECT_NE(got.status().message().find("gopher://med.kg/"), std::string::npos);
}

struct ResolveCase {
  const char* base;
  const char* ref;
  const char* out;
};

TEST(UrlTest, ResolveFollowsRfc3986) {
  const char* base = "http://a/b/c/d;p?q";
  // RFC 3986 5.4.1 normal examples (fragments dropped by canonicalization).
  const ResolveCase cases[] = {
      {base, "g", "http://a/b/c/g"},
      {base, "./g", "http://a/b/c/g"},
      {base, "g/", "http://a/b/c/g/"},
      {base, "/g", "http://a/g"},
      {base, "//g", "http://g/"},
      {base, "?y", "http://a/b/c/d;p?y"},
      {base, "g?y", "http://a/b/c/g?y"},
      {base, "#s", "http://a/b/c/d;p?q"},
      {base, "g#s", "http://a/b/c/g"},
      {base, "", "http://a/b/c/d;p?q"},
      {base, ".", "http://a/b/c/"},
      {base, "./", "http://a/b/c/"},
      {base, "..", "http://a/b/"},
      {base, "../g", "http://a/b/g"},
      {base, "../..", "http://a/"},
      {base, "../../g", "http://a/g"},
      {base, "../../../g", "http://a/g"},
      {"https://med.kg/ru/news", " /ru/news/123 ", "https://med.kg/ru/news/123"},
      {"https://med.kg/ru/news", "HTTPS://MED.KG/ru/news?page=2", "https://med.kg/ru/news?page=2"},
      {"https://med.kg/ru/news/", "..\\about", "https://med.kg/ru/about"},
  };
  for (const ResolveCase& c : cases) {
    Result<std::string> got = Resolve(c.base, c.ref);
    ASSERT_TRUE(got.ok()) << c.ref << ": " << got.status().ToString();
    EXPECT_EQ(*got, c.out) << "ref " << c.ref;
  }
  EXPECT_FALSE(Resolve(base, "javascript:void(0)").ok());
  EXPECT_FALSE(Resolve(base, "mailto:a@b").ok());
  EXPECT_FALSE(Resolve(base, "tel:+996312").ok());
}

TEST(UrlTest, HostKeyAndPath) {
  EXPECT_EQ(HostKey("https://med.kg/ru/news?page=2"), "https://med.kg");
  EXPECT_EQ(HostKey("http://127.0.0.1:8080/x"), "http://127.0.0.1:8080");
  EXPECT_EQ(HostKey("not a url"), "");
  EXPECT_EQ(PathAndQuery("https://med.kg/ru/news?page=2"), "/ru/news?page=2");
  EXPECT_EQ(PathAndQuery("https://med.kg"), "/");
}

}  // namespace
}  // namespace pressmine::crawler
