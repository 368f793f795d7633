#include "tools/apply_changes.h"

#include <array>

#include "crawler/changes.h"
#include "extract/article.h"
#include "index/document_store.h"
#include "index/schema.h"
#include "tools/document_indexer.h"

namespace pressmine::tools {
namespace {

// Changes per transaction: each is a whole page to extract, so batches stay small enough that
// a kill loses little work and a concurrent reader waits briefly.
constexpr size_t kChangesPerBatch = 100;
// Leaf pages of FTS5 segment merging after a run that indexed something: each batch adds
// segments, and a bounded merge keeps their number (and query cost) from growing night after
// night, for tens of milliseconds.
constexpr int kMergePagesPerRun = 1000;

constexpr std::string_view kCursorName = "crawler_changes";

// The cursor lives with the pipeline that advances it, under its own schema component.
constexpr std::array<Migration, 1> kPipelineMigrations = {{
    {1, "pipeline cursors",
     "CREATE TABLE pipeline_cursors(name TEXT PRIMARY KEY, seq INTEGER NOT NULL, "
     "updated_at TEXT NOT NULL) WITHOUT ROWID;"},
}};

Result<int64_t> ReadCursor(Database& db) {
  PM_ASSIGN_OR_RETURN(Statement s, db.Prepare("SELECT seq FROM pipeline_cursors WHERE name = ?1"));
  s.Bind(1, kCursorName);
  PM_ASSIGN_OR_RETURN(bool row, s.Step());
  return row ? s.ColumnInt(0) : int64_t{0};
}

Status WriteCursor(Database& db, int64_t seq, const std::string& now) {
  PM_ASSIGN_OR_RETURN(Statement s,
                      db.Prepare("INSERT INTO pipeline_cursors(name, seq, updated_at) "
                                 "VALUES(?1, ?2, ?3) ON CONFLICT(name) DO UPDATE SET "
                                 "seq = excluded.seq, updated_at = excluded.updated_at"));
  s.Bind(1, kCursorName).Bind(2, seq).Bind(3, now);
  return s.Run();
}

Language HintFor(const std::map<std::string, SourceHints>& sources, const std::string& source) {
  auto it = sources.find(source);
  if (it == sources.end()) return Language::kUnknown;
  return ParseLanguageCode(it->second.lang).value_or(Language::kUnknown);
}

}  // namespace

Result<ApplyReport> ApplyCrawledChanges(Database& db, const Clock& clock,
                                        const std::map<std::string, SourceHints>& sources,
                                        const std::atomic<bool>* stop) {
  PM_RETURN_IF_ERROR(ApplyMigrations(db, "pipeline", kPipelineMigrations));
  PM_RETURN_IF_ERROR(crawler::EnsureCrawlerSchema(db));
  PM_ASSIGN_OR_RETURN(DocumentIndexer indexer, DocumentIndexer::Open(db));
  ApplyReport report;
  for (;;) {
    if (stop != nullptr && stop->load()) {
      return Status::Interrupted("stopped; the next update resumes after change " +
                                 std::to_string(report.cursor));
    }
    const std::string now = FormatIsoUtc(clock.NowUnixSeconds());
    PM_ASSIGN_OR_RETURN(Transaction tx, Transaction::Begin(db));
    PM_ASSIGN_OR_RETURN(int64_t cursor, ReadCursor(db));
    report.cursor = cursor;
    PM_ASSIGN_OR_RETURN(std::vector<crawler::PageChange> changes,
                        crawler::ReadChanges(db, cursor, kChangesPerBatch));
    if (changes.empty()) break;  // caught up; the empty transaction rolls back
    for (const crawler::PageChange& change : changes) {
      if (change.kind == crawler::PageChange::Kind::kRemoved) {
        PM_ASSIGN_OR_RETURN(bool marked, indexer.documents().MarkRemoved(change.url, now));
        if (marked) ++report.removed;
        continue;
      }
      if (!change.is_article) {
        ++report.not_articles;
        continue;
      }
      extract::HtmlOptions options;
      options.url = change.final_url.empty() ? change.url : change.final_url;
      options.lang_hint = HintFor(sources, change.source);
      if (auto it = sources.find(change.source); it != sources.end()) options.rules = it->second.rules;
      Result<extract::Article> article = extract::ExtractFromHtml(change.html, options);
      if (!article.ok()) {
        ++report.rejected;
        if (report.rejections.size() < kMaxRejectionsKept) {
          report.rejections.push_back({change.url, article.status().message()});
        }
        continue;
      }
      index::DocumentRecord doc;
      doc.url = change.url;
      doc.source = change.source;
      doc.lang = article->lang;
      doc.title = std::move(article->title);
      doc.published = std::move(article->published);
      doc.date_evidence = std::move(article->date_evidence);
      doc.author = std::move(article->author);
      doc.site = std::move(article->site);
      doc.text = article->Text();
      PM_ASSIGN_OR_RETURN(index::PutResult put, indexer.Index(doc, now));
      switch (put.outcome) {
        case index::PutOutcome::kAdded: ++report.added; break;
        case index::PutOutcome::kUpdated: ++report.updated; break;
        case index::PutOutcome::kUnchanged: ++report.unchanged; break;
        case index::PutOutcome::kDuplicate: ++report.duplicates; break;
      }
    }
    report.cursor = changes.back().seq;
    PM_RETURN_IF_ERROR(WriteCursor(db, report.cursor, now));
    PM_RETURN_IF_ERROR(tx.Commit());
  }
  if (report.added + report.updated > 0) {
    PM_RETURN_IF_ERROR(index::MergeFullTextIndex(db, kMergePagesPerRun));
  }
  return report;
}

}  // namespace pressmine::tools
