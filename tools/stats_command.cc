// pressmine stats : what the database holds.
#include <iostream>

#include "index/document_store.h"
#include "tools/command.h"
#include "tools/json_views.h"

namespace pressmine::tools {
namespace {

class StatsCommand final : public Command {
 public:
  explicit StatsCommand(CLI::App& app) {
    cmd_ = app.add_subcommand("stats", "Count documents by language, source and month");
    cmd_->add_flag("--json", json_, "Print one JSON object for scripts");
  }

  CLI::App* subcommand() const override { return cmd_; }

  int Run(const GlobalOptions& global) override {
    Result<Database> db = OpenDatabase(global, /*must_exist=*/true);
    if (!db.ok()) {
      PrintError("stats", db.status().message());
      return kExitRuntimeError;
    }
    Result<index::DocumentStore> store = index::DocumentStore::Open(*db);
    Result<index::CorpusStats> stats = store.ok() ? store->Stats() : store.status();
    if (!stats.ok()) {
      PrintError("stats", stats.status().message());
      return kExitRuntimeError;
    }
    if (json_) {
      JsonOut out;
      WriteStats(out, *stats);
      out.Print();
      return kExitOk;
    }
    std::cout << stats->documents << " documents (" << stats->undated << " undated)\n";
    for (auto [title, map] : {std::pair{"language", &stats->by_lang},
                              {"source", &stats->by_source}, {"month", &stats->by_month}}) {
      std::cout << "\nby " << title << ":\n";
      for (const auto& [k, v] : *map) std::cout << "  " << k << "\t" << v << "\n";
    }
    return kExitOk;
  }

 private:
  CLI::App* cmd_;
  bool json_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeStatsCommand(CLI::App& app) { return std::make_unique<StatsCommand>(app); }

}  // namespace pressmine::tools
