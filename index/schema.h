// The index stage's tables, as migrations of component "index" (internal to index/).
#ifndef PRESSMINE_INDEX_SCHEMA_H_
#define PRESSMINE_INDEX_SCHEMA_H_

#include <span>
#include <string>
#include <string_view>

#include "base/sqlite.h"

namespace pressmine::index {

inline constexpr std::string_view kSchemaComponent = "index";

// Ordered migrations; the last one's version is the current schema.
std::span<const Migration> IndexMigrations();

// The SQL expression for a row's `meta` column (fts_tokenizer.h's reserved tokens) from SQL
// expressions for its language code, source and publication date (NULL when undated). Whatever
// writes documents_fts must give FTS5 exactly these bytes, also to 'delete' a row.
std::string FtsMetaSql(std::string_view lang, std::string_view source, std::string_view published);

// Registers the tokenizer on `db` and applies IndexMigrations().
Status MigrateIndex(Database& db);

// Re-tokenizes every document (after a tokenizer or lexicon change), in one transaction, then
// optimizes.
Status RebuildFullTextIndex(Database& db);

// Merges the full-text index into one segment: after a bulk load, queries read one b-tree per
// term instead of one per segment. Rewrites the whole index (seconds at 100k releases).
Status OptimizeFullTextIndex(Database& db);

// A bounded step of the same merging (FTS5 'merge' with about `pages` leaf pages of work), cheap
// enough to run after every nightly batch so that segments do not pile up.
Status MergeFullTextIndex(Database& db, int pages);

}  // namespace pressmine::index

#endif  // PRESSMINE_INDEX_SCHEMA_H_
