// Runs `pressmine serve --port 0` as a child process for a test: waits until the server prints
// the address it listens on (it prints after the socket is listening, so connections are
// accepted from then on), and stops it with SIGTERM on destruction.
#ifndef PRESSMINE_TESTS_TOOLS_SERVE_PROCESS_H_
#define PRESSMINE_TESTS_TOOLS_SERVE_PROCESS_H_

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <vector>

namespace pressmine::tools {

class ServeProcess {
 public:
  ServeProcess() = default;
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;
  ~ServeProcess() { Stop(); }

  // Starts `binary --db db serve --port 0 extra...`. Returns false (with `error` set) when the
  // process exits or prints nothing within `wait`.
  bool Start(const std::string& binary, const std::string& db, std::vector<std::string> extra,
             std::chrono::seconds wait = std::chrono::seconds(30)) {
    int out[2];
    if (pipe(out) != 0) return Fail("pipe failed");
    std::vector<std::string> args = {binary, "--db", db, "serve", "--port", "0"};
    args.insert(args.end(), extra.begin(), extra.end());
    pid_ = fork();
    if (pid_ < 0) return Fail("fork failed");
    if (pid_ == 0) {
      dup2(out[1], STDOUT_FILENO);
      close(out[0]);
      close(out[1]);
      std::vector<char*> argv;
      for (std::string& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(binary.c_str(), argv.data());
      _exit(127);
    }
    close(out[1]);
    out_fd_ = out[0];
    const auto deadline = std::chrono::steady_clock::now() + wait;
    while (line_.find('\n') == std::string::npos) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return Fail("the server printed no address in time");
      pollfd p{out_fd_, POLLIN, 0};
      if (poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
      char buf[512];
      const ssize_t n = read(out_fd_, buf, sizeof buf);
      if (n <= 0) return Fail("the server exited before listening");
      line_.append(buf, static_cast<size_t>(n));
    }
    // "pressmine: serving http://127.0.0.1:PORT/ from ..."
    const size_t scheme = line_.find("http://");
    if (scheme == std::string::npos) return Fail("unexpected first line: " + line_);
    const size_t slash = line_.find('/', scheme + 7);
    url_ = line_.substr(scheme, slash - scheme);
    port_ = std::stoi(url_.substr(url_.rfind(':') + 1));
    return true;
  }

  // Sends SIGTERM and waits; returns the exit status as waitpid reports it (-1 if not running).
  int Stop() {
    if (pid_ <= 0) return -1;
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    if (out_fd_ >= 0) close(out_fd_);
    out_fd_ = -1;
    return status;
  }

  const std::string& url() const { return url_; }  // "http://127.0.0.1:PORT"
  int port() const { return port_; }
  const std::string& first_line() const { return line_; }
  const std::string& error() const { return error_; }

 private:
  bool Fail(std::string why) {
    error_ = std::move(why);
    Stop();
    return false;
  }

  pid_t pid_ = -1;
  int out_fd_ = -1;
  std::string line_;
  std::string url_;
  int port_ = 0;
  std::string error_;
};

}  // namespace pressmine::tools

#endif  // PRESSMINE_TESTS_TOOLS_SERVE_PROCESS_H_
