// The `pressmine` command line: parses the command, runs it, maps the outcome to an exit code.
#include <CLI/CLI.hpp>

#include <cstdlib>
#include <iostream>
#include <memory>
#include <vector>

#include "base/sqlite.h"
#include "tools/command.h"

int main(int argc, char** argv) {
  using namespace pressmine::tools;
  pressmine::ConfigureSqlite();  // before any command opens a database
  CLI::App app{
      "pressmine: crawl, extract and search government press releases in Russian and English.\n"
      "Every command keeps its state in one SQLite file.",
      "pressmine"};
  app.set_version_flag("--version", "pressmine 0.1.0");
  app.require_subcommand(1);
  app.fallthrough();  // --db may follow the command name too
  GlobalOptions global;
  if (const char* env = std::getenv("PRESSMINE_DB"); env != nullptr && *env != '\0') {
    global.db_path = env;
  }
  app.add_option("--db", global.db_path, "Database file (default ./pressmine.db, or $PRESSMINE_DB)");

  std::vector<std::unique_ptr<Command>> commands;
  commands.push_back(MakeCrawlCommand(app));
  commands.push_back(MakeUpdateCommand(app));
  commands.push_back(MakeIngestCommand(app));
  commands.push_back(MakeSearchCommand(app));
  commands.push_back(MakeStatsCommand(app));
  commands.push_back(MakeFactsCommand(app));
  commands.push_back(MakeOfficialsCommand(app));
  commands.push_back(MakeTimelineCommand(app));
  commands.push_back(MakeExtractCommand(app));
  commands.push_back(MakeRefactsCommand(app));
  commands.push_back(MakeReindexCommand(app));
  commands.push_back(MakeServeCommand(app));
  app.footer("Run `pressmine COMMAND --help` for a command's options.\n"
             "Exit codes: 0 success, 1 runtime error, 2 usage error.");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);  // prints help, version or the error
    return code == 0 ? kExitOk : kExitUsage;
  }
  for (const auto& command : commands) {
    if (command->subcommand()->parsed()) return command->Run(global);
  }
  return kExitUsage;
}
