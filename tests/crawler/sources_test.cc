#include "crawler/sources.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace pressmine::crawler {
namespace {

constexpr const char* kGood = R"json({
  "user_agent": "pressmine/1.0 (+https://example.org/contact)",
  "sources": [{
    "name": "kg-health-ru", "lang": "ru",
    "seeds": ["https://MED.kg/ru/news?utm_source=x"],
    "allow": ["^https://med\\.kg/ru/"], "deny": ["/print/"],
    "article": "/ru/news/[0-9]+", "max_depth": 2, "delay_ms": 1500
  }]})json";

TEST(SourcesTest, ParsesAndCompiles) {
  Result<SourcesFile> f = ParseSources(kGood, "s.json");
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  ASSERT_EQ(f->sources.size(), 1u);
  const Source& s = f->sources[0];
  EXPECT_EQ(s.name, "kg-health-ru");
  EXPECT_EQ(s.seeds[0], "https://med.kg/ru/news");  // canonical
  EXPECT_EQ(s.max_depth, 2);
  EXPECT_EQ(s.max_pages, 5000);  // default
  EXPECT_EQ(s.delay_ms, 1500);
  EXPECT_EQ(s.connections, 1);  // default: one request at a time per host
  EXPECT_FALSE(s.allow_private);
  EXPECT_TRUE(s.InScope("https://med.kg/ru/news/12"));
  EXPECT_FALSE(s.InScope("https://med.kg/ru/print/12"));
  EXPECT_FALSE(s.InScope("https://med.kg/en/news/12"));
  EXPECT_TRUE(s.IsArticle("https://med.kg/ru/news/12"));
  EXPECT_FALSE(s.IsArticle("https://med.kg/ru/news?page=2"));
  EXPECT_EQ(RobotsToken(f->user_agent), "pressmine");
  EXPECT_NE(f->Find("kg-health-ru"), nullptr);
  EXPECT_EQ(f->Find("nope"), nullptr);
}

struct BadCase {
  const char* json;
  const char* expect;  // substring of the error message
};

TEST(SourcesTest, ErrorsNameFileSourceAndField) {
  const BadCase cases[] = {
      {"{", "s.json: malformed JSON"},
      {"[]", "top level must be an object"},
      {R"({"sources": []})", "no sources"},
      {R"({"sources": [{"seeds": ["https://a.kg/"], "allow": ["a"]}]})",
       "source #0, field \"name\": missing"},
      {R"({"sources": [{"name": "x", "seeds": ["https://a.kg/"], "allow": ["("]}]})",
       "source \"x\", field \"allow\": bad regular expression \"(\""},
      {R"({"sources": [{"name": "x", "seeds": ["https://a.kg/"], "allow": ["a"], "article": "[z-a]"}]})",
       "field \"article\": bad regular expression"},
      {R"({"sources": [{"name": "x", "seeds": ["ftp://a.kg/"], "allow": ["a"]}]})",
       "field \"seeds\""},
      {R"({"sources": [{"name": "x", "seeds": ["https://a.kg/"], "allow": ["^https://b"]}]})",
       "outside the allow/deny scope"},
      {R"({"sources": [{"name": "x", "seeds": ["https://a.kg/"], "allow": ["a"], "connections": 0}]})",
       "source \"x\", field \"connections\""},
      {R"({"sources": [{"name": "x", "seeds": ["https://a.kg/"], "allow": ["a"], "connections": 65}]})",
       "field \"connections\""},
      {R"({"sources": [{"name": "x", "seeds": ["https://a.kg/"], "allow": ["a"], "lang": "kk"}]})",
       "field \"lang\""},
      {R"({"sources": [{"name": "x", "seeds": ["https://a.kg/"], "allow": ["a"], "max_pages": 0}]})",
       "field \"max_pages\": 0 is outside"},
      {R"({"sources": [{"name": "x", "seeds": ["https://a.kg/"], "allow": ["a"], "delay": 5}]})",
       "field \"delay\": unknown field"},
      {R"({"sources": [{"name": "x", "seeds": "https://a.kg/", "allow": ["a"]}]})",
       "field \"seeds\": must be an array"},
      {R"({"sources": [{"name": "x", "seeds": ["https://a.kg/"], "allow": ["a"]},
                       {"name": "x", "seeds": ["https://a.kg/"], "allow": ["a"]}]})",
       "duplicate source name"},
      {R"({"sources": [{"name": "Bad Name", "seeds": ["https://a.kg/"], "allow": ["a"]}]})",
       "field \"name\""},
      {R"({"sources": [{"name": "x", "allow": ["a"]}]})", "no seeds"},
      {R"({"user_agent": "", "sources": [{"name": "x", "seeds": ["https://a.kg/"]}]})",
       "field \"allow\""},
  };
  for (const BadCase& c : cases) {
    Result<SourcesFile> f = ParseSources(c.json, "s.json");
    ASSERT_FALSE(f.ok()) << c.json;
    EXPECT_EQ(f.status().code(), Status::Code::kInvalidArgument);
    EXPECT_NE(f.status().message().find(c.expect), std::string::npos)
        << "got: " << f.status().message() << "\nwant: " << c.expect;
    EXPECT_NE(f.status().message().find("s.json"), std::string::npos) << f.status().message();
  }
}

TEST(SourcesTest, OptionalExtractRules) {
  auto f = ParseSources(R"({"sources": [{"name": "kz", "seeds": ["https://gov.example/ru/news"],
      "allow": ["^https://gov\\.example/"],
      "extract": {"content": ".news-body", "published": "time[datetime]",
                  "remove": [".share", ".related"]}}]})",
                        "s.json");
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  const Source& s = f->sources[0];
  EXPECT_EQ(s.extract.content, ".news-body");
  EXPECT_EQ(s.extract.title, "");
  EXPECT_EQ(s.extract.published, "time[datetime]");
  EXPECT_EQ(s.extract.remove, (std::vector<std::string>{".share", ".related"}));

  auto bad = ParseSources(R"({"sources": [{"name": "kz", "seeds": ["https://gov.example/"],
      "allow": ["^https://gov\\.example/"], "extract": {"body": ".x"}}]})",
                          "s.json");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("s.json, source \"kz\", field \"extract\""),
            std::string::npos)
      << bad.status().message();
  EXPECT_NE(bad.status().message().find("body"), std::string::npos) << bad.status().message();
}

TEST(SourcesTest, BundledSourceFilesLoad) {
  const std::filesystem::path dir =
      std::filesystem::path(PRESSMINE_SOURCE_DIR) / "corpora" / "sources";
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    ++files;
    Result<SourcesFile> f = LoadSourcesFile(entry.path());
    EXPECT_TRUE(f.ok()) << f.status().ToString();
  }
  EXPECT_GE(files, 2);
  EXPECT_EQ(LoadSourcesFile(dir / "missing.json").status().code(), Status::Code::kNotFound);
}

}  // namespace
}  // namespace pressmine::crawler
