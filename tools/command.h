// The shape of a `pressmine` subcommand (internal to tools/).
//
// Each command registers its CLI11 subcommand with its options bound to its own members, and is
// run after parsing. Exit codes follow one rule across the tool: 0 success, 1 runtime error
// (a file, the network or the database failed), 2 usage error (bad flags, a malformed query).
#ifndef PRESSMINE_TOOLS_COMMAND_H_
#define PRESSMINE_TOOLS_COMMAND_H_

#include <CLI/CLI.hpp>

#include <memory>
#include <string>

#include "base/sqlite.h"
#include "base/status.h"

namespace pressmine::tools {

enum ExitCode : int { kExitOk = 0, kExitRuntimeError = 1, kExitUsage = 2 };

struct GlobalOptions {
  std::string db_path = "pressmine.db";
};

class Command {
 public:
  virtual ~Command() = default;
  virtual CLI::App* subcommand() const = 0;
  virtual int Run(const GlobalOptions& global) = 0;
};

std::unique_ptr<Command> MakeIngestCommand(CLI::App& app);
std::unique_ptr<Command> MakeSearchCommand(CLI::App& app);
std::unique_ptr<Command> MakeStatsCommand(CLI::App& app);
std::unique_ptr<Command> MakeExtractCommand(CLI::App& app);
std::unique_ptr<Command> MakeReindexCommand(CLI::App& app);
std::unique_ptr<Command> MakeCrawlCommand(CLI::App& app);
std::unique_ptr<Command> MakeUpdateCommand(CLI::App& app);
std::unique_ptr<Command> MakeFactsCommand(CLI::App& app);
std::unique_ptr<Command> MakeOfficialsCommand(CLI::App& app);
std::unique_ptr<Command> MakeTimelineCommand(CLI::App& app);
std::unique_ptr<Command> MakeRefactsCommand(CLI::App& app);
std::unique_ptr<Command> MakeServeCommand(CLI::App& app);

// Opens the database for a command. `must_exist` commands (search, stats) refuse to create an
// empty file at a mistyped path. Migrates the index schema.
Result<Database> OpenDatabase(const GlobalOptions& global, bool must_exist);

// "pressmine: <command>: <message>" on stderr.
void PrintError(std::string_view command, std::string_view message);

// Maps a Status to the exit code: kInvalidArgument is the user's input (2), the rest is 1.
int ExitCodeFor(const Status& status);

bool StdoutIsTerminal();
bool StderrIsTerminal();

}  // namespace pressmine::tools

#endif  // PRESSMINE_TOOLS_COMMAND_H_
