// pressmine reindex : rebuild the full-text index from the stored documents.
#include <chrono>
#include <iostream>

#include "index/document_store.h"
#include "index/schema.h"
#include "tools/command.h"

namespace pressmine::tools {
namespace {

class ReindexCommand final : public Command {
 public:
  explicit ReindexCommand(CLI::App& app) {
    cmd_ = app.add_subcommand(
        "reindex", "Rebuild the full-text index from stored documents (after a tokenizer or lexicon change)");
    cmd_->add_flag("--json", json_, "Print the summary as JSON");
  }

  CLI::App* subcommand() const override { return cmd_; }

  int Run(const GlobalOptions& global) override {
    Result<Database> db = OpenDatabase(global, /*must_exist=*/true);
    if (!db.ok()) {
      PrintError("reindex", db.status().message());
      return kExitRuntimeError;
    }
    const auto start = std::chrono::steady_clock::now();
    if (Status st = index::RebuildFullTextIndex(*db); !st.ok()) {
      PrintError("reindex", st.message());
      return kExitRuntimeError;
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    Result<index::DocumentStore> store = index::DocumentStore::Open(*db);
    Result<index::CorpusStats> stats = store.ok() ? store->Stats() : store.status();
    const int64_t documents = stats.ok() ? stats->documents : -1;
    if (json_) {
      std::cout << "{\"documents\":" << documents << ",\"seconds\":" << seconds << "}\n";
    } else {
      std::cout << "reindex: " << documents << " documents in " << seconds << " s\n";
    }
    return kExitOk;
  }

 private:
  CLI::App* cmd_;
  bool json_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeReindexCommand(CLI::App& app) {
  return std::make_unique<ReindexCommand>(app);
}

}  // namespace pressmine::tools
