#include "tools/ingest_files.h"

#include <algorithm>
#include <filesystem>

#include "base/file.h"
#include "crawler/charset.h"
#include "extract/article.h"
#include "index/document_store.h"
#include "tools/document_indexer.h"

namespace pressmine::tools {
namespace {

namespace fs = std::filesystem;

// Files per transaction: large enough that commits do not dominate, small enough that a kill
// loses little.
constexpr int kFilesPerTransaction = 200;

enum class FileKind { kHtml, kText, kOther };

FileKind KindOf(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (ext == ".html" || ext == ".htm") return FileKind::kHtml;
  if (ext == ".txt") return FileKind::kText;
  return FileKind::kOther;
}

struct Candidate {
  fs::path path;
  bool explicitly_named;
};

Result<std::vector<Candidate>> Collect(const std::vector<std::string>& paths, int& ignored) {
  std::vector<Candidate> out;
  for (const std::string& p : paths) {
    std::error_code ec;
    const fs::path path(p);
    if (!fs::exists(path, ec)) return Status::InvalidArgument(p + ": no such file or directory");
    if (fs::is_directory(path, ec)) {
      std::vector<fs::path> found;
      for (fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec), end;
           !ec && it != end; it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        if (KindOf(it->path()) == FileKind::kOther) {
          ++ignored;
          continue;
        }
        found.push_back(it->path());
      }
      if (ec) return Status::IoError(p + ": cannot list directory: " + ec.message());
      std::sort(found.begin(), found.end());  // deterministic order: ids follow file names
      for (fs::path& f : found) out.push_back({std::move(f), false});
    } else {
      out.push_back({path, true});
    }
  }
  return out;
}

// Reads, decodes and extracts one file; a non-OK status is the rejection reason.
Result<index::DocumentRecord> Prepare(const fs::path& path, const IngestOptions& options) {
  const FileKind kind = KindOf(path);
  if (kind == FileKind::kOther) {
    return Status::InvalidArgument("unsupported file type (use .html, .htm or .txt)");
  }
  PM_ASSIGN_OR_RETURN(std::string bytes, ReadFile(path));
  crawler::DecodeOptions decode;
  decode.sniff_html_meta = kind == FileKind::kHtml;
  PM_ASSIGN_OR_RETURN(crawler::DecodedText text, crawler::DecodeToUtf8(bytes, decode));

  const Language hint = options.lang.value_or(Language::kUnknown);
  std::error_code ec;
  const fs::path absolute = fs::absolute(path, ec);
  index::DocumentRecord doc;
  doc.url = !options.url.empty() ? options.url : "file://" + absolute.lexically_normal().string();
  extract::HtmlOptions html_options;
  html_options.url = doc.url;
  html_options.lang_hint = hint;
  PM_ASSIGN_OR_RETURN(extract::Article article,
                      kind == FileKind::kHtml ? extract::ExtractFromHtml(text.utf8, html_options)
                                              : extract::ExtractFromPlainText(text.utf8, hint));
  doc.source = options.source;
  doc.lang = options.lang ? *options.lang : article.lang;
  doc.title = std::move(article.title);
  doc.published = std::move(article.published);
  doc.date_evidence = std::move(article.date_evidence);
  doc.author = std::move(article.author);
  doc.site = std::move(article.site);
  doc.text = article.Text();
  return doc;
}

FileOutcome ToFileOutcome(index::PutOutcome o) {
  switch (o) {
    case index::PutOutcome::kAdded: return FileOutcome::kAdded;
    case index::PutOutcome::kUpdated: return FileOutcome::kUpdated;
    case index::PutOutcome::kUnchanged: return FileOutcome::kUnchanged;
    case index::PutOutcome::kDuplicate: return FileOutcome::kDuplicate;
  }
  return FileOutcome::kRejected;
}

}  // namespace

Result<IngestReport> IngestPaths(Database& db, const std::vector<std::string>& paths,
                                 const IngestOptions& options, const Clock& clock,
                                 const IngestProgress& progress) {
  IngestReport report;
  PM_ASSIGN_OR_RETURN(std::vector<Candidate> files, Collect(paths, report.ignored));
  if (!options.url.empty() && files.size() != 1) {
    return Status::InvalidArgument("--url names one document, but " +
                                   std::to_string(files.size()) + " files were given");
  }
  PM_ASSIGN_OR_RETURN(DocumentIndexer indexer, DocumentIndexer::Open(db));
  const std::string now = FormatIsoUtc(clock.NowUnixSeconds());

  std::optional<Transaction> tx;
  int in_batch = 0;
  for (const Candidate& file : files) {
    Result<index::DocumentRecord> doc = Prepare(file.path, options);
    FileOutcome outcome = FileOutcome::kRejected;
    if (!doc.ok()) {
      ++report.rejected;
      report.rejections.push_back({file.path.string(), doc.status().message()});
    } else {
      if (!tx) {
        PM_ASSIGN_OR_RETURN(Transaction t, Transaction::Begin(db));
        tx.emplace(std::move(t));
      }
      PM_ASSIGN_OR_RETURN(index::PutResult put, indexer.Index(*doc, now));
      outcome = ToFileOutcome(put.outcome);
      switch (outcome) {
        case FileOutcome::kAdded: ++report.added; break;
        case FileOutcome::kUpdated: ++report.updated; break;
        case FileOutcome::kUnchanged: ++report.unchanged; break;
        case FileOutcome::kDuplicate: ++report.duplicates; break;
        case FileOutcome::kRejected: break;
      }
      if (++in_batch == kFilesPerTransaction) {
        PM_RETURN_IF_ERROR(tx->Commit());
        tx.reset();
        in_batch = 0;
      }
    }
    if (progress) progress(file.path.string(), outcome);
  }
  if (tx) PM_RETURN_IF_ERROR(tx->Commit());
  return report;
}

}  // namespace pressmine::tools
