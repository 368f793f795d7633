// The one "index this release" step that ingest, update and refacts share: store the document
// (index/document_store.h), extract its facts (extract/facts.h) and store them
// (index/fact_store.h), and link it to its version in the other language when the facts say
// they are one story.
//
// Facts are extracted only when a document is added or its content changed. Each document's
// writes happen inside the caller's transaction (callers batch documents for speed).
// Not thread-safe.
#ifndef PRESSMINE_TOOLS_DOCUMENT_INDEXER_H_
#define PRESSMINE_TOOLS_DOCUMENT_INDEXER_H_

#include <memory>
#include <string>

#include "base/sqlite.h"
#include "base/status.h"
#include "extract/facts.h"
#include "index/document_store.h"
#include "index/fact_store.h"

namespace pressmine::tools {

// Two releases are linked as one story above this SameStoryScore (the ru/en seeds score ~0.8;
// unrelated releases of the same day below 0.3).
inline constexpr double kStoryLinkThreshold = 0.5;
// Versions of one story are published within this many days of each other.
inline constexpr int kStoryMaxDays = 3;

class DocumentIndexer {
 public:
  // `db` must outlive the indexer. Opens (and migrates) the document and fact stores.
  static Result<DocumentIndexer> Open(Database& db);

  Result<index::PutResult> Index(const index::DocumentRecord& doc, const std::string& now_iso);

  // Extracts the facts of a stored document again and relinks it (after the rules changed).
  // Returns the number of facts stored.
  Result<size_t> Refacts(const index::DocumentRecord& doc);

  index::DocumentStore& documents() { return documents_; }
  index::FactStore& facts() { return facts_; }

 private:
  DocumentIndexer(index::DocumentStore documents, index::FactStore facts,
                  extract::FactExtractor extractor)
      : documents_(std::move(documents)), facts_(std::move(facts)), extractor_(std::move(extractor)) {}

  Result<size_t> StoreFacts(int64_t id, const index::DocumentRecord& doc);

  index::DocumentStore documents_;
  index::FactStore facts_;
  extract::FactExtractor extractor_;
};

}  // namespace pressmine::tools

#endif  // PRESSMINE_TOOLS_DOCUMENT_INDEXER_H_
