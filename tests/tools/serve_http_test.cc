// `pressmine serve` over HTTP: the real binary on a free loopback port, the fixture database,
// cpp-httplib's client. Routing, headers, status codes and the safety guards.
#include <gtest/gtest.h>
#include <httplib.h>
#include <rapidjson/document.h>

#include <filesystem>
#include <regex>

#include "tests/support/temp_dir.h"
#include "tests/tools/serve_fixture.h"
#include "tests/tools/serve_process.h"

namespace pressmine::tools {
namespace {

class ServeHttpTest : public ::testing::Test {
 protected:
  void SetUp() override {
    BuildServeFixture(dir_.File("serve.db"));
    ASSERT_TRUE(server_.Start(PRESSMINE_BINARY, dir_.File("serve.db"), {})) << server_.error();
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_.port());
    client_->set_read_timeout(30, 0);
  }
  void TearDown() override { server_.Stop(); }

  httplib::Result Get(const std::string& path) { return client_->Get(path.c_str()); }

  static rapidjson::Document Json(const httplib::Result& r) {
    rapidjson::Document d;
    d.Parse(r->body.c_str());
    EXPECT_FALSE(d.HasParseError()) << r->body;
    return d;
  }

  testing::TempDir dir_;
  ServeProcess server_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(ServeHttpTest, ListensOnLoopbackAndAnnouncesTheAddress) {
  EXPECT_EQ(server_.url().rfind("http://127.0.0.1:", 0), 0u) << server_.first_line();
  EXPECT_NE(server_.first_line().find("read-only"), std::string::npos);
}

TEST_F(ServeHttpTest, EveryEndpointAnswersJson) {
  auto search =
      Get("/api/search?q=%D0%9A%D0%B0%D0%B4%D1%8B%D1%80%D0%B0%D0%BB%D0%B8%D0%B5%D0%B2"
          "&lang=en&limit=1");  // Кадыралиев
  ASSERT_TRUE(search);
  EXPECT_EQ(search->status, 200);
  EXPECT_EQ(search->get_header_value("Content-Type"), "application/json; charset=utf-8");
  auto found = Json(search);
  EXPECT_EQ(found["total"].GetInt(), 2);
  ASSERT_EQ(found["hits"].Size(), 1u);
  EXPECT_STREQ(found["hits"][0]["lang"].GetString(), "en");
  // How the request's time divides, for the load test and a browser's network panel.
  const std::regex timing(R"(wait;dur=[0-9.]+, search;dur=[0-9.]+, app;dur=[0-9.]+)");
  EXPECT_TRUE(std::regex_match(search->get_header_value("Server-Timing"), timing))
      << search->get_header_value("Server-Timing");

  const std::string id = std::to_string(found["hits"][0]["id"].GetInt64());
  auto doc = Get("/api/doc/" + id);
  ASSERT_TRUE(doc);
  EXPECT_EQ(doc->status, 200);
  EXPECT_EQ(Json(doc)["history"].Size(), 1u);

  auto stats = Get("/api/stats");
  ASSERT_TRUE(stats);
  EXPECT_EQ(stats->status, 200);
  EXPECT_EQ(Json(stats)["documents"].GetInt(), 10 + kCheckupReleases);

  auto facts = Get("/api/facts?type=official&official=Erkinov");
  ASSERT_TRUE(facts);
  EXPECT_EQ(facts->status, 200);
  EXPECT_EQ(Json(facts)["facts"].Size(), 2u);
  auto officials = Get("/api/officials");
  ASSERT_TRUE(officials);
  EXPECT_EQ(officials->status, 200);
  EXPECT_GE(Json(officials)["officials"].Size(), 2u);
  auto timeline = Get("/api/timeline?indicator=maternal%20mortality");
  ASSERT_TRUE(timeline);
  EXPECT_EQ(timeline->status, 200);
  EXPECT_STREQ(Json(timeline)["indicator"].GetString(), "maternal_mortality");
}

TEST_F(ServeHttpTest, BadInputGetsJsonErrors) {
  struct Case {
    std::string path;
    int status;
  };
  for (const Case& c : std::vector<Case>{{"/api/search", 400},
                                         {"/api/search?q=x&limit=abc", 400},
                                         {"/api/search?q=x&lang=fr", 400},
                                         {"/api/search?q=%28unclosed", 400},
                                         {"/api/search?q=x&unknown=1", 400},
                                         {"/api/doc/abc", 400},
                                         {"/api/doc/", 400},
                                         {"/api/doc/999999", 404},
                                         {"/api/nothing", 404},
                                         {"/api/facts?type=rumour", 400},
                                         {"/api/facts?doc=x", 400},
                                         {"/api/timeline", 400},
                                         {"/api/timeline?indicator=happiness", 400},
                                         {"/api/officials?x=1", 400},
                                         {"/api/facts/1", 404}}) {
    auto r = Get(c.path);
    ASSERT_TRUE(r) << c.path;
    EXPECT_EQ(r->status, c.status) << c.path;
    auto body = Json(r);
    ASSERT_TRUE(body.IsObject() && body.HasMember("error")) << c.path;
    EXPECT_EQ(body["status"].GetInt(), c.status);
  }
}

TEST_F(ServeHttpTest, ServesThePageAndItsFilesOnly) {
  auto page = Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_EQ(page->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(page->body.find("<script src=\"/app.js\""), std::string::npos);
  for (const char* path :
       {"/app.js", "/app.css", "/favicon.svg", "/highlight.js", "/chart.js", "/views.js"}) {
    auto r = Get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 200) << path;
    EXPECT_FALSE(r->body.empty()) << path;
  }
  for (const char* path : {"/../CMakeLists.txt", "/etc/passwd", "/www/app.js", "/app.js/x"}) {
    auto r = Get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 404) << path;
  }
}

TEST_F(ServeHttpTest, EveryResponseCarriesTheSecurityHeaders) {
  for (const char* path : {"/", "/app.js", "/api/stats", "/api/search", "/missing"}) {
    auto r = Get(path);
    ASSERT_TRUE(r) << path;
    const std::string csp = r->get_header_value("Content-Security-Policy");
    EXPECT_NE(csp.find("default-src 'none'"), std::string::npos) << path;
    EXPECT_NE(csp.find("script-src 'self'"), std::string::npos) << path;
    EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos) << path;
    EXPECT_NE(csp.find("require-trusted-types-for 'script'"), std::string::npos) << path;
    EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff") << path;
    EXPECT_EQ(r->get_header_value("X-Frame-Options"), "DENY") << path;
  }
}

TEST_F(ServeHttpTest, RefusesOtherHostsAndMethods) {
  httplib::Headers rebinding = {{"Host", "attacker.example:" + std::to_string(server_.port())}};
  auto r = client_->Get("/api/stats", rebinding);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);
  auto local =
      client_->Get("/api/stats", {{"Host", "localhost:" + std::to_string(server_.port())}});
  ASSERT_TRUE(local);
  EXPECT_EQ(local->status, 200);
  auto post = client_->Post("/api/search", "q=x", "application/x-www-form-urlencoded");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
}

TEST_F(ServeHttpTest, LeavesTheDatabaseUnchanged) {
  const auto before = std::filesystem::last_write_time(dir_.File("serve.db"));
  const auto size = std::filesystem::file_size(dir_.File("serve.db"));
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(Get("/api/search?q=x&sort=date"));
  EXPECT_EQ(std::filesystem::last_write_time(dir_.File("serve.db")), before);
  EXPECT_EQ(std::filesystem::file_size(dir_.File("serve.db")), size);
}

TEST_F(ServeHttpTest, StopsCleanlyOnSigterm) {
  const int status = server_.Stop();
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

TEST(ServeStartTest, AMissingDatabaseIsAnErrorNotAnEmptyServer) {
  testing::TempDir dir;
  ServeProcess server;
  EXPECT_FALSE(server.Start(PRESSMINE_BINARY, dir.File("missing.db"), {}));
  EXPECT_FALSE(std::filesystem::exists(dir.File("missing.db")));
}

}  // namespace
}  // namespace pressmine::tools
