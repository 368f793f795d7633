#include "tools/document_indexer.h"

namespace pressmine::tools {

Result<DocumentIndexer> DocumentIndexer::Open(Database& db) {
  PM_ASSIGN_OR_RETURN(index::DocumentStore documents, index::DocumentStore::Open(db));
  PM_ASSIGN_OR_RETURN(index::FactStore facts, index::FactStore::Open(db));
  PM_ASSIGN_OR_RETURN(extract::FactExtractor extractor, extract::FactExtractor::Create());
  return DocumentIndexer(std::move(documents), std::move(facts), std::move(extractor));
}

Result<index::PutResult> DocumentIndexer::Index(const index::DocumentRecord& doc,
                                                const std::string& now_iso) {
  PM_ASSIGN_OR_RETURN(index::PutResult put, documents_.Put(doc, now_iso));
  if (put.outcome == index::PutOutcome::kAdded || put.outcome == index::PutOutcome::kUpdated) {
    PM_RETURN_IF_ERROR(StoreFacts(put.id, doc).status());
  }
  return put;
}

Result<size_t> DocumentIndexer::Refacts(const index::DocumentRecord& doc) {
  return StoreFacts(doc.id, doc);
}

Result<size_t> DocumentIndexer::StoreFacts(int64_t id, const index::DocumentRecord& doc) {
  extract::FactOptions options;
  options.published = doc.published;
  options.lang = doc.lang;
  PM_ASSIGN_OR_RETURN(std::vector<extract::Fact> facts, extractor_.Extract(doc.text, options));
  PM_RETURN_IF_ERROR(facts_.PutDocumentFacts(id, doc.published, facts));

  PM_ASSIGN_OR_RETURN(auto candidates,
                      facts_.StoryCandidates(id, doc.published, doc.lang, kStoryMaxDays));
  for (const auto& [other, other_published] : candidates) {
    index::FactQuery query;
    query.doc_id = other;
    PM_ASSIGN_OR_RETURN(std::vector<index::StoredFact> stored, facts_.Query(query));
    std::vector<extract::Fact> other_facts;
    other_facts.reserve(stored.size());
    for (index::StoredFact& s : stored) other_facts.push_back(std::move(s.fact));
    const double score =
        extract::SameStoryScore(facts, doc.published, other_facts, other_published, kStoryMaxDays);
    if (score > kStoryLinkThreshold) PM_RETURN_IF_ERROR(facts_.LinkStory(id, other, score));
  }
  return facts.size();
}

}  // namespace pressmine::tools
