// The index stage's tables, as migrations of component "index" (internal to index/).
#ifndef PRESSMINE_INDEX_SCHEMA_H_
#define PRESSMINE_INDEX_SCHEMA_H_

#include <span>

#include "base/sqlite.h"

namespace pressmine::index {

inline constexpr std::string_view kSchemaComponent = "index";

// Ordered migrations; the last one's version is the current schema.
std::span<const Migration> IndexMigrations();

// Applies IndexMigrations() to `db`.
Status MigrateIndex(Database& db);

}  // namespace pressmine::index

#endif  // PRESSMINE_INDEX_SCHEMA_H_
