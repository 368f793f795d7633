// `pressmine crawl` and `pressmine update` as cron and a person see them: the real binary
// against nginx serving the bundled sample site.
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>

#include "base/file.h"
#include "tests/crawler/nginx_server.h"
#include "tests/support/cli_runner.h"
#include "tests/support/temp_dir.h"

namespace pressmine::tools {
namespace {

namespace fs = std::filesystem;
using crawler::testing::NginxServer;
using testing::RunResult;
using testing::ShellQuote;

// Articles in the sample site (see tests/crawler/crawl_nginx_test.cc).
constexpr int kArticles = 22;

class CrawlCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!crawler::testing::NginxAvailable())
      GTEST_SKIP() << "/usr/sbin/nginx missing: apt-get install nginx-light";
    const fs::path src(PRESSMINE_SOURCE_DIR);
    std::string error;
    server_ = NginxServer::Start(src / "corpora/sites/sample", "", &error);
    ASSERT_NE(server_, nullptr) << error;
    auto text = ReadFile(src / "corpora/sources/sample.json");
    ASSERT_TRUE(text.ok());
    const std::string json = server_->RetargetSources(*text);
    sources_ = dir_.Write("sources.json", json);
  }

  RunResult Run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", dir_.File("pm.db")});
    args.insert(args.end(), {"--sources", sources_});
    return testing::RunPressmine(dir_, args);
  }

  testing::TempDir dir_;
  std::unique_ptr<NginxServer> server_;
  std::string sources_;
};

TEST_F(CrawlCliTest, UpdateJsonSummaryHasEveryField) {
  RunResult r = Run({"update", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  rapidjson::Document doc;
  doc.Parse(r.out.c_str());
  ASSERT_FALSE(doc.HasParseError()) << r.out;
  ASSERT_TRUE(doc.HasMember("crawl") && doc["crawl"].IsObject()) << r.out;
  const auto& crawl = doc["crawl"];
  for (const char* key : {"new", "changed", "unchanged", "removed", "failed", "skipped_robots",
                          "deferred", "redirects", "requests"}) {
    ASSERT_TRUE(crawl.HasMember(key) && crawl[key].IsInt()) << key << " in " << r.out;
  }
  EXPECT_EQ(crawl["new"].GetInt(), kArticles);
  EXPECT_EQ(crawl["changed"].GetInt(), 0);
  EXPECT_GE(crawl["failed"].GetInt(), 1) << "the sample has a page that always answers 503";
  // Per source and per host, adding up to the totals.
  ASSERT_TRUE(crawl["sources"].IsObject());
  int source_new = 0;
  for (const auto& s : crawl["sources"].GetObject()) source_new += s.value["new"].GetInt();
  EXPECT_EQ(source_new, kArticles);
  EXPECT_TRUE(crawl["sources"].HasMember("sample-ru"));
  EXPECT_TRUE(crawl["sources"].HasMember("sample-en"));
  ASSERT_TRUE(crawl["hosts"].IsObject());
  ASSERT_TRUE(crawl["hosts"].HasMember(server_->origin().c_str())) << r.out;
  const auto& host = crawl["hosts"][server_->origin().c_str()];
  EXPECT_EQ(host["requests"].GetInt(), crawl["requests"].GetInt());
  EXPECT_GE(host["throttled"].GetInt(), 1) << "429/503 answers";
  EXPECT_TRUE(host.HasMember("failed"));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // nginx logs after sending
  EXPECT_EQ(crawl["requests"].GetInt(), static_cast<int>(server_->AccessLog().size()));
  ASSERT_TRUE(doc.HasMember("index") && doc["index"].IsObject()) << r.out;
  for (const char* key : {"added", "updated", "unchanged", "duplicates", "removed", "not_articles",
                          "rejected", "cursor"}) {
    EXPECT_TRUE(doc["index"].HasMember(key)) << key;
  }
  EXPECT_GT(doc["index"]["added"].GetInt(), 0);
  EXPECT_EQ(r.err.find('\r'), std::string::npos) << "no progress when not on a terminal";
}

// The sample's measles release says «14 случаев» in Russian and "Fourteen cases" in English;
// the nightly job links the two as one story.
TEST_F(CrawlCliTest, UpdateLinksTheSampleMeaslesStoryAcrossLanguages) {
  ASSERT_EQ(Run({"update"}).exit_code, 0);
  auto hit_of = [&](const char* query, const std::string& path) {
    RunResult r = testing::RunPressmine(
        dir_, {"--db", dir_.File("pm.db"), "search", query, "--mono", "--json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    rapidjson::Document d;
    d.Parse(r.out.c_str());
    std::pair<int64_t, std::vector<int64_t>> found{0, {}};
    if (d.HasParseError() || !d.HasMember("hits")) return found;
    for (const auto& h : d["hits"].GetArray()) {
      const std::string url = h["url"].GetString();
      if (url.size() < path.size() || url.compare(url.size() - path.size(), path.size(), path))
        continue;
      found.first = h["id"].GetInt64();
      for (const auto& t : h["translations"].GetArray()) found.second.push_back(t["id"].GetInt64());
    }
    return found;
  };
  const auto en = hit_of("measles", "/en/news/2002.html");
  const auto ru = hit_of("кори", "/ru/news/1004.html");
  ASSERT_NE(en.first, 0);
  ASSERT_NE(ru.first, 0);
  EXPECT_EQ(en.second, std::vector<int64_t>{ru.first});
  EXPECT_EQ(ru.second, std::vector<int64_t>{en.first});
}

TEST_F(CrawlCliTest, QuietUnderCronVerboseOnRequest) {
  // Not a terminal: no progress; the one summary line goes to stderr because a page failed.
  RunResult r = Run({"crawl"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err.find('\r'), std::string::npos);
  EXPECT_NE(r.err.find("crawl: 22 new, 0 changed"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("failed"), std::string::npos) << r.err;

  RunResult v = Run({"crawl", "--verbose"});
  ASSERT_EQ(v.exit_code, 0) << v.err;
  EXPECT_NE(v.err.find("unchanged 304 " + server_->origin() + "/ru/news/"), std::string::npos)
      << v.err;
  EXPECT_NE(v.err.find("robots.txt 200 " + server_->origin() + "/robots.txt"), std::string::npos)
      << v.err;
}

TEST_F(CrawlCliTest, ProgressOnATerminalShowsQueuedErrorsAndHosts) {
  if (access("/usr/bin/script", X_OK) != 0) GTEST_SKIP() << "util-linux's script is missing";
  // script(1) gives the command a pseudo-terminal, as a person running it would have.
  std::string cmd = ShellQuote(PRESSMINE_BINARY) + " --db " + ShellQuote(dir_.File("pm.db")) +
                    " crawl --sources " + ShellQuote(sources_);
  cmd = "script -qec " + ShellQuote(cmd) + " /dev/null >" + ShellQuote(dir_.File("tty")) +
        " 2>&1 </dev/null";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  const std::string out = testing::Slurp(dir_.File("tty"));
  // The status line is redrawn in place: carriage return, erase line, then the line.
  EXPECT_NE(out.find("\r\x1b[Kcrawl: "), std::string::npos) << out;
  EXPECT_NE(out.find(" queued, "), std::string::npos) << out;
  EXPECT_NE(out.find(" errors"), std::string::npos) << out;
  EXPECT_NE(out.find("| " + server_->origin() + " "), std::string::npos) << "per host: " << out;
  EXPECT_NE(out.find("crawl: 22 new, 0 changed"), std::string::npos) << "the summary: " << out;
}

}  // namespace
}  // namespace pressmine::tools
