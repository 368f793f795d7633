#include "tools/command.h"

#include <unistd.h>

#include <filesystem>
#include <iostream>

#include "index/document_store.h"

namespace pressmine::tools {

Result<Database> OpenDatabase(const GlobalOptions& global, bool must_exist) {
  std::error_code ec;
  if (must_exist && !std::filesystem::exists(global.db_path, ec)) {
    return Status::NotFound("no database at " + global.db_path +
                            " (run `pressmine ingest` first, or pass --db PATH)");
  }
  DatabaseOptions options;
  options.create_if_missing = !must_exist;
  PM_ASSIGN_OR_RETURN(Database db, Database::Open(global.db_path, options));
  // Opening the store migrates an older index schema and refuses a newer one.
  PM_ASSIGN_OR_RETURN(index::DocumentStore store, index::DocumentStore::Open(db));
  (void)store;
  return db;
}

void PrintError(std::string_view command, std::string_view message) {
  std::cerr << "pressmine: ";
  if (!command.empty()) std::cerr << command << ": ";
  std::cerr << message << "\n";
}

int ExitCodeFor(const Status& status) {
  if (status.ok()) return kExitOk;
  return status.code() == Status::Code::kInvalidArgument ? kExitUsage : kExitRuntimeError;
}

bool StdoutIsTerminal() { return isatty(STDOUT_FILENO) == 1; }
bool StderrIsTerminal() { return isatty(STDERR_FILENO) == 1; }

}  // namespace pressmine::tools
