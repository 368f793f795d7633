// DocumentStore: the index stage's documents, their earlier versions and their full-text index.
//
// A document is the current version of one release, keyed by URL when the URL is known.
// Storing the same content again changes nothing but last_seen; storing changed content at a
// known URL moves the previous version to document_versions (analysts track edits) and replaces
// the current one; content identical to another document (same hash, another URL) is a
// duplicate and is not added. Every Put runs inside the caller's transaction or its own.
//
// Thread-safety: one DocumentStore per Database, used from one thread.
#ifndef PRESSMINE_INDEX_DOCUMENT_STORE_H_
#define PRESSMINE_INDEX_DOCUMENT_STORE_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/language.h"
#include "base/sqlite.h"
#include "base/status.h"

namespace pressmine::index {

struct DocumentRecord {
  int64_t id = 0;           // assigned by the store
  std::string url;          // empty when unknown
  std::string source;
  Language lang = Language::kUnknown;
  std::string title;
  std::string published;    // ISO "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM"; empty when unknown
  std::string date_evidence;
  std::string author;
  std::string site;
  std::string text;         // paragraphs separated by blank lines
  std::string content_hash; // computed by the store
  int version = 1;
  std::string first_seen;   // ISO UTC timestamps, set by the store
  std::string last_seen;
  std::string removed_at;   // when its URL started answering 404/410; empty while it is live
};

enum class PutOutcome { kAdded, kUpdated, kUnchanged, kDuplicate };

// What a link to a document shows: its language and title, without its text.
struct DocumentHeading {
  int64_t id = 0;
  Language lang = Language::kUnknown;
  std::string title;
};

struct PutResult {
  PutOutcome outcome;
  int64_t id;  // the stored document (for kDuplicate, the one it duplicates)
};

struct CorpusStats {
  int64_t documents = 0;
  std::map<std::string, int64_t> by_lang;
  std::map<std::string, int64_t> by_source;
  std::map<std::string, int64_t> by_month;  // "2026-01"; undated documents are not counted here
  int64_t undated = 0;
};

// Hex of a 128-bit hash over what makes a release's content: title, date and text.
std::string ContentHash(const DocumentRecord& doc);

class DocumentStore {
 public:
  // Creates or migrates the index schema in `db`; `db` must outlive the store.
  static Result<DocumentStore> Open(Database& db);

  // `now_iso` is the time to record as first/last seen.
  Result<PutResult> Put(const DocumentRecord& doc, const std::string& now_iso);

  // Marks the document at `url` as removed from its site (kept, still searchable). Returns
  // whether a live document was marked. Storing it again later clears the mark.
  Result<bool> MarkRemoved(const std::string& url, const std::string& now_iso);

  Result<std::optional<DocumentRecord>> Get(int64_t id);
  Result<std::optional<DocumentHeading>> Heading(int64_t id);
  // All versions of a document, oldest first, ending with the current one.
  Result<std::vector<DocumentRecord>> History(int64_t id);

  Result<CorpusStats> Stats();

 private:
  struct StatementCache;
  explicit DocumentStore(Database* db);
  // Put's statements, prepared once: preparing them per document was a sixth of indexing time.
  Result<Statement*> Cached(std::optional<Statement> StatementCache::*slot, std::string_view sql);
  // The full-text index row of a document (see schema.cc, version 5).
  Status IndexText(int64_t id, const DocumentRecord& doc);
  Status UnindexText(int64_t id);

  Database* db_;
  std::shared_ptr<StatementCache> cache_;
};

}  // namespace pressmine::index

#endif  // PRESSMINE_INDEX_DOCUMENT_STORE_H_
