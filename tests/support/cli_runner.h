// Runs the real `pressmine` binary (PRESSMINE_BINARY) through the shell and captures its exit
// code, stdout and stderr, for tests of the command line.
#ifndef PRESSMINE_TESTS_SUPPORT_CLI_RUNNER_H_
#define PRESSMINE_TESTS_SUPPORT_CLI_RUNNER_H_

#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/temp_dir.h"

namespace pressmine::testing {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string ShellQuote(const std::string& s) {
  std::string q = "'";
  for (char c : s) {
    if (c == '\'') {
      q += "'\\''";
    } else {
      q += c;
    }
  }
  return q + "'";
}

inline std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// `env` is prepended to the command as shell assignments ("PRESSMINE_DB='x'"). Output goes
// through files in `dir`, with stdin closed, as under cron.
inline RunResult RunPressmine(const TempDir& dir, const std::vector<std::string>& args,
                              const std::string& env = "") {
  std::string cmd = env.empty() ? "" : env + " ";
  cmd += ShellQuote(PRESSMINE_BINARY);
  for (const std::string& a : args) cmd += " " + ShellQuote(a);
  cmd += " >" + ShellQuote(dir.File("out")) + " 2>" + ShellQuote(dir.File("err")) + " </dev/null";
  const int status = std::system(cmd.c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = Slurp(dir.File("out"));
  r.err = Slurp(dir.File("err"));
  return r;
}

}  // namespace pressmine::testing

#endif  // PRESSMINE_TESTS_SUPPORT_CLI_RUNNER_H_
