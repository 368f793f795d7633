// FactStore: the facts of every stored document, in the same SQLite file as the index.
//
// The tables belong to their own schema component, "facts" (base/sqlite.h ApplyMigrations), so
// they migrate independently of the index's. A document's facts are replaced as a whole
// (PutDocumentFacts) whenever it is re-extracted; `doc_id` is the id DocumentStore gives the
// document (not a foreign key, so facts can be rebuilt without touching documents).
//
// Every fact row carries a time range [when_begin, when_end] of full ISO dates used by the
// --from/--to filters: a date fact's own value ("2025" -> 2025-01-01 .. 2025-12-31, periods to
// the end year), a figure's period, a commitment's target, otherwise the document's publication
// date. A fact overlapping the asked range matches.
//
// Thread-safety: as the Database it borrows (one thread at a time). The Database must outlive
// the store.
#ifndef PRESSMINE_INDEX_FACT_STORE_H_
#define PRESSMINE_INDEX_FACT_STORE_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/language.h"
#include "base/sqlite.h"
#include "base/status.h"
#include "extract/facts.h"

namespace pressmine::index {

struct StoredFact {
  int64_t id = 0;
  int64_t doc_id = 0;
  std::string published;  // the document's publication date, as given to PutDocumentFacts
  extract::Fact fact;     // sentence_text is stored and restored too
};

// Filters of FactStore::Query; empty fields do not filter. All given filters must hold.
struct FactQuery {
  std::optional<extract::FactType> type;
  std::optional<Language> lang;
  std::optional<int64_t> doc_id;
  // Official facts with this name key, and commitments whose actor has it (see
  // FactExtractor::OfficialKey: callers turn a typed name into a key).
  std::string official_key;
  // Figures whose indicator contains this text (case-sensitive ASCII ids: "maternal").
  std::string indicator;
  // Facts whose evidence or sentence contains this text (SQL LIKE, case-insensitive for ASCII).
  std::string text;
  // ISO dates (partial allowed: "2025", "2025-06"); the fact's time range must overlap.
  std::string from, to;
  // 0: no limit.
  int64_t limit = 0;
};

// One official across documents and languages.
struct OfficialSummary {
  std::string key;
  std::map<std::string, int64_t> names;  // name as written -> mentions
  // position -> [first, last] publication date it was seen with ("" when undated)
  std::map<std::string, std::pair<std::string, std::string>> positions;
  std::map<std::string, int64_t> docs_by_lang;  // "ru" / "en" -> documents mentioning
  std::string org;                              // the most recent non-empty organization
};

// One reported value of an indicator.
struct TimelinePoint {
  std::string period;  // the figure's period, or the publication year when none was stated
  // Absent when only a change was stated ("a 28.1% increase in ...").
  std::optional<double> value;
  std::string unit;
  std::optional<extract::ChangeValue> change;
  std::string published;
  int64_t doc_id = 0;
  Language lang = Language::kUnknown;
  std::string text;  // evidence
};

class FactStore {
 public:
  // Migrates the "facts" component in `db` and returns a store over it.
  static Result<FactStore> Open(Database& db);
  // For readers: the store when `db`'s facts are at this build's schema, nullopt when it never
  // stored facts, stored them under an older schema (creating or migrating tables is a writer's
  // job: the next `pressmine update` or `facts` does it) or under a newer build's schema, which
  // this build cannot read. Readers show documents and searches without facts then; writers
  // (Open) refuse a newer schema with a clear error.
  static Result<std::optional<FactStore>> OpenIfCurrent(Database& db);

  // Replaces all facts of `doc_id` with `facts`, atomically (a savepoint: inside the caller's
  // transaction when there is one). `published` is the
  // document's ISO publication date (may be empty).
  Status PutDocumentFacts(int64_t doc_id, const std::string& published,
                          const std::vector<extract::Fact>& facts);
  Status DeleteDocumentFacts(int64_t doc_id);

  // Matching facts ordered by document publication date, document and position in it.
  Result<std::vector<StoredFact>> Query(const FactQuery& query);

  // Officials grouped by key, most documents first.
  Result<std::vector<OfficialSummary>> Officials();

  // Figures whose indicator equals `indicator`, both languages, ordered by period then
  // publication date.
  Result<std::vector<TimelinePoint>> Timeline(const std::string& indicator);

  // Documents in another language than `lang` whose publication date is within `max_days` of
  // `published`, with their dates: the candidates for being the same story (SameStoryScore).
  Result<std::vector<std::pair<int64_t, std::string>>> StoryCandidates(
      int64_t doc_id, const std::string& published, Language lang, int max_days);
  // Records that documents `a` and `b` are one story in two languages.
  Status LinkStory(int64_t a, int64_t b, double score);
  // The other-language versions of `doc_id`.
  Result<std::vector<int64_t>> Translations(int64_t doc_id);

  // Number of stored facts per type name.
  Result<std::map<std::string, int64_t>> CountByType();

 private:
  // The statements run once per document while indexing (and per hit while searching),
  // prepared once (PrepareCached).
  struct StatementCache;
  explicit FactStore(Database* db);

  Database* db_;
  std::shared_ptr<StatementCache> cache_;
};

// The "facts" schema steps (for tools that inspect versions).
std::span<const Migration> FactMigrations();

}  // namespace pressmine::index

#endif  // PRESSMINE_INDEX_FACT_STORE_H_
