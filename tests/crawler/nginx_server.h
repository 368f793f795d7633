// A throw-away nginx for integration tests: serves a copy of a fixture site on a free loopback
// port, with a generated config whose prefix, pid file and logs live in a temporary directory.
// Never port 80, never the system service. nginx runs in the foreground as our child process
// (daemon off, master_process off) and is killed by the destructor.
#ifndef PRESSMINE_TESTS_CRAWLER_NGINX_SERVER_H_
#define PRESSMINE_TESTS_CRAWLER_NGINX_SERVER_H_

#include <sys/types.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace pressmine::crawler::testing {

// One line of the access log (format "pm" in the generated config).
struct AccessLogLine {
  double time = 0;  // $msec: when the response was completed, seconds with ms resolution
  std::string method;
  std::string uri;
  int status = 0;
  std::string if_none_match;
  std::string if_modified_since;
  std::string user_agent;
};

class NginxServer {
 public:
  // Copies `site` to a fresh temp dir, writes `extra_locations` into the server block and
  // starts nginx. Returns null and sets *error (with nginx's error log) on failure.
  static std::unique_ptr<NginxServer> Start(const std::filesystem::path& site,
                                            const std::string& extra_locations, std::string* error);
  ~NginxServer();

  int port() const { return port_; }
  std::string origin() const { return "http://127.0.0.1:" + std::to_string(port_); }
  // The served copy of the site; tests may edit it.
  const std::filesystem::path& root() const { return root_; }
  const std::filesystem::path& dir() const { return dir_; }
  std::vector<AccessLogLine> AccessLog() const;
  // `sources_json` (a sources file written for the sample site at 127.0.0.1:8080) with every
  // ":8080/" pointing at this server's port instead.
  std::string RetargetSources(std::string sources_json) const;

 private:
  NginxServer() = default;
  std::filesystem::path dir_, root_;
  int port_ = 0;
  pid_t pid_ = -1;
};

// True when /usr/sbin/nginx exists (tests skip otherwise, naming the package to install).
bool NginxAvailable();

}  // namespace pressmine::crawler::testing

#endif  // PRESSMINE_TESTS_CRAWLER_NGINX_SERVER_H_
