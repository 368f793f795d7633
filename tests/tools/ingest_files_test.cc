#include "tools/ingest_files.h"

#include <gtest/gtest.h>

#include "index/document_store.h"
#include "index/search.h"
#include "tests/support/temp_dir.h"

namespace pressmine::tools {
namespace {

constexpr int64_t kNow = 1795824000;  // 2026-11-28T00:00:00Z

class IngestFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::Open(dir_.File("i.db"));
    ASSERT_TRUE(db.ok());
    db_.emplace(std::move(*db));
  }

  Result<IngestReport> Ingest(std::vector<std::string> paths, IngestOptions options = {}) {
    return IngestPaths(*db_, paths, options, clock_);
  }

  index::DocumentRecord OnlyDocument() {
    auto store = index::DocumentStore::Open(*db_);
    auto doc = store->Get(1);
    EXPECT_TRUE(doc.ok() && doc->has_value());
    return doc.ok() && doc->has_value() ? **doc : index::DocumentRecord{};
  }

  testing::TempDir dir_;
  FixedClock clock_{kNow};
  std::optional<Database> db_;
};

TEST_F(IngestFilesTest, TxtDateLineBecomesPublishedAndDirectoriesAreWalked) {
  dir_.Write("in/ru/a.txt",
             " date 2026-02-10 11:30\nРубрика\n\nВ Таласе открыли новый центр семейной медицины\n\n"
             "Центр рассчитан на 12 тысяч жителей района.\n");
  dir_.Write("in/en/b.txt",
             " date 2026-02-11 The Ministry of Health opened a family medicine centre in Talas.\n");
  dir_.Write("in/notes.md", "not a release");
  auto r = Ingest({dir_.File("in")});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->added, 2);
  EXPECT_EQ(r->ignored, 1);
  EXPECT_EQ(r->rejected, 0);
  auto store = index::DocumentStore::Open(*db_);
  auto en = store->Get(1);  // files are taken in sorted order: en/ before ru/
  auto ru = store->Get(2);
  ASSERT_TRUE(en.ok() && en->has_value() && ru.ok() && ru->has_value());
  EXPECT_EQ((*en)->published, "2026-02-11");
  EXPECT_EQ((*en)->lang, Language::kEnglish);
  EXPECT_EQ((*ru)->published, "2026-02-10T11:30");
  EXPECT_EQ((*ru)->title, "В Таласе открыли новый центр семейной медицины");
  EXPECT_EQ((*ru)->lang, Language::kRussian);
  EXPECT_EQ((*ru)->url, "file://" + dir_.File("in/ru/a.txt"));
  EXPECT_EQ((*ru)->first_seen, "2026-11-28T00:00:00Z");
}

TEST_F(IngestFilesTest, ReingestIsUnchangedAndAnEditIsANewVersion) {
  const std::string path = dir_.Write("r.txt", " date 2026-03-01\nThe ministry reported 48 cases.\n");
  ASSERT_EQ(Ingest({path})->added, 1);
  auto again = Ingest({path});
  EXPECT_EQ(again->added, 0);
  EXPECT_EQ(again->unchanged, 1);
  dir_.Write("r.txt", " date 2026-03-01\nThe ministry reported 48 cases, up from 36.\n");
  auto edited = Ingest({path});
  EXPECT_EQ(edited->updated, 1);
  auto store = index::DocumentStore::Open(*db_);
  auto history = store->History(1);
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[0].text, "The ministry reported 48 cases.");
}

TEST_F(IngestFilesTest, BadFilesAreRejectedWithReasonsAndDoNotStopTheOthers) {
  dir_.Write("d/1-binary.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  dir_.Write("d/2-cp1251.txt", "\xCC\xE8\xED\xE7\xE4\xF0\xE0\xE2 \xEF\xF0\xEE\xE2\xE5\xEB");
  dir_.Write("d/3-empty.txt", " date 2026-01-01\n\n");
  dir_.Write("d/4-good.txt", "Минздрав сообщил о снижении младенческой смертности до 13,5.\n");
  auto r = Ingest({dir_.File("d")});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->added, 1);
  EXPECT_EQ(r->rejected, 3);
  ASSERT_EQ(r->rejections.size(), 3u);
  EXPECT_NE(r->rejections[0].path.find("1-binary.txt"), std::string::npos);
  EXPECT_NE(r->rejections[0].reason.find("binary"), std::string::npos);
  EXPECT_NE(r->rejections[1].reason.find("not valid UTF-8 and no charset declared"), std::string::npos);
  EXPECT_NE(r->rejections[2].reason.find("no text"), std::string::npos);
}

TEST_F(IngestFilesTest, HtmlWithDeclaredLegacyCharsetIsStoredAsUtf8) {
  const std::string path = dir_.Write(
      "p.html",
      "<html><head><meta charset=\"windows-1251\"><title>\xCC\xE8\xED\xE7\xE4\xF0\xE0\xE2</title>"
      "</head><body><p>\xCC\xE8\xED\xE7\xE4\xF0\xE0\xE2 \xEF\xF0\xEE\xE2\xE5\xEB "
      "\xF1\xEE\xE2\xE5\xF9\xE0\xED\xE8\xE5 \xF1 \xE2\xF0\xE0\xF7\xE0\xEC\xE8.</p></body></html>");
  IngestOptions options;
  options.url = "https://med.example.kg/ru/news/7";
  options.source = "kg-health-ru";
  auto r = Ingest({path}, options);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->added, 1) << (r->rejections.empty() ? "" : r->rejections[0].reason);
  const index::DocumentRecord doc = OnlyDocument();
  EXPECT_EQ(doc.title, "Минздрав");
  EXPECT_NE(doc.text.find("Минздрав провел совещание с врачами."), std::string::npos) << doc.text;
  EXPECT_EQ(doc.url, "https://med.example.kg/ru/news/7");
  EXPECT_EQ(doc.source, "kg-health-ru");
}

TEST_F(IngestFilesTest, LangFlagOverridesDetection) {
  const std::string path = dir_.Write("x.txt", "Short English words in a Russian source section.\n");
  IngestOptions options;
  options.lang = Language::kRussian;
  ASSERT_EQ(Ingest({path}, options)->added, 1);
  EXPECT_EQ(OnlyDocument().lang, Language::kRussian);
}

TEST_F(IngestFilesTest, UsageErrorsForMissingPathsAndUrlWithSeveralFiles) {
  auto missing = Ingest({dir_.File("nope")});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Status::Code::kInvalidArgument);
  EXPECT_NE(missing.status().message().find("nope"), std::string::npos);
  dir_.Write("two/a.txt", "one text here for the test");
  dir_.Write("two/b.txt", "another text here for the test");
  IngestOptions options;
  options.url = "https://example.org/x";
  auto several = Ingest({dir_.File("two")}, options);
  ASSERT_FALSE(several.ok());
  EXPECT_NE(several.status().message().find("--url"), std::string::npos);
}

}  // namespace
}  // namespace pressmine::tools
