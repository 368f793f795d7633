// The index stage's tables, as migrations of component "index" (internal to index/).
#ifndef PRESSMINE_INDEX_SCHEMA_H_
#define PRESSMINE_INDEX_SCHEMA_H_

#include <span>

#include "base/sqlite.h"

namespace pressmine::index {

inline constexpr std::string_view kSchemaComponent = "index";

// Ordered migrations; the last one's version is the current schema.
std::span<const Migration> IndexMigrations();

// Registers the tokenizer on `db` and applies IndexMigrations().
Status MigrateIndex(Database& db);

// Re-tokenizes every document (after a tokenizer or lexicon change), in one transaction.
Status RebuildFullTextIndex(Database& db);

}  // namespace pressmine::index

#endif  // PRESSMINE_INDEX_SCHEMA_H_
