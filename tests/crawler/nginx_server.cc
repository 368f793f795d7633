#include "tests/crawler/nginx_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

namespace pressmine::crawler::testing {
namespace {

namespace fs = std::filesystem;

constexpr const char* kNginx = "/usr/sbin/nginx";

int FreePort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = 0;
  int port = 0;
  if (bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0) {
    socklen_t len = sizeof a;
    getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    port = ntohs(a.sin_port);
  }
  close(fd);
  return port;
}

bool CanConnect(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = htons(static_cast<uint16_t>(port));
  const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  close(fd);
  return ok;
}

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Config(const fs::path& dir, const fs::path& root, int port, const std::string& extra) {
  const std::string d = dir.string();
  std::string user = geteuid() == 0 ? "user root;\n" : "";
  return user + "daemon off;\nmaster_process off;\nworker_processes 1;\npid " + d +
         "/nginx.pid;\nerror_log " + d +
         "/error.log warn;\n"
         "events { worker_connections 64; }\n"
         "http {\n"
         "  log_format pm "
         "'$msec\\t$request_method\\t$request_uri\\t$status\\t$http_if_none_match\\t"
         "$http_if_modified_since\\t$http_user_agent';\n"
         "  access_log " +
         d +
         "/access.log pm;\n"
         "  client_body_temp_path " +
         d + "/tmp/body;\n  proxy_temp_path " + d +
         "/tmp/proxy;\n"
         "  fastcgi_temp_path " +
         d + "/tmp/fastcgi;\n  uwsgi_temp_path " + d +
         "/tmp/uwsgi;\n"
         "  scgi_temp_path " +
         d +
         "/tmp/scgi;\n"
         "  types { text/html html; text/plain txt; application/xml xml; application/gzip gz; }\n"
         "  default_type text/html;\n"
         "  server {\n"
         "    listen 127.0.0.1:" +
         std::to_string(port) +
         ";\n"
         "    root " +
         root.string() +
         ";\n"
         "    location = /ru/rss.xml { types { } default_type application/rss+xml; }\n"
         "    location = /en/atom.xml { types { } default_type application/atom+xml; }\n"
         // A CMS migration: the old article address redirects to the new one.
         "    location = /ru/news/1005-old.html { return 301 /ru/news/1005.html; }\n"
         // An off-site redirect that must not be followed.
         "    location = /go/partner { return 302 http://partner.example/; }\n"
         "    location = /ru/news/1099.html { return 410; }\n"
         "    location = /ru/news/1097.html { add_header Retry-After 1 always; return 503; }\n"
         "    location = /ru/news/1096.html { add_header Retry-After 1 always; return 429; }\n" +
         extra +
         "  }\n"
         "}\n";
}

}  // namespace

bool NginxAvailable() { return access(kNginx, X_OK) == 0; }

std::unique_ptr<NginxServer> NginxServer::Start(const fs::path& site, const std::string& extra,
                                                std::string* error) {
  static std::atomic<int> counter{0};
  std::unique_ptr<NginxServer> s(new NginxServer());
  s->dir_ = fs::temp_directory_path() /
            ("pm_nginx_" + std::to_string(getpid()) + "_" + std::to_string(counter++));
  fs::remove_all(s->dir_);
  fs::create_directories(s->dir_ / "tmp");
  s->root_ = s->dir_ / "site";
  fs::copy(site, s->root_, fs::copy_options::recursive);
  for (int attempt = 0; attempt < 5; ++attempt) {
    s->port_ = FreePort();
    const fs::path conf = s->dir_ / "nginx.conf";
    std::ofstream(conf) << Config(s->dir_, s->root_, s->port_, extra);
    const pid_t pid = fork();
    if (pid == 0) {
      const std::string prefix = s->dir_.string() + "/";
      const std::string err = s->dir_.string() + "/error.log";
      const std::string c = conf.string();
      execl(kNginx, kNginx, "-p", prefix.c_str(), "-e", err.c_str(), "-c", c.c_str(),
            static_cast<char*>(nullptr));
      _exit(127);
    }
    s->pid_ = pid;
    for (int i = 0; i < 200; ++i) {  // up to 10 s
      if (CanConnect(s->port_)) return s;
      int status = 0;
      if (waitpid(pid, &status, WNOHANG) == pid) {  // exited: port taken or bad config
        s->pid_ = -1;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    if (s->pid_ > 0) {
      kill(s->pid_, SIGKILL);
      waitpid(s->pid_, nullptr, 0);
      s->pid_ = -1;
    }
  }
  *error = "nginx did not start; error.log:\n" + ReadAll(s->dir_ / "error.log");
  return nullptr;
}

NginxServer::~NginxServer() {
  if (pid_ > 0) {
    kill(pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
  }
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

std::vector<AccessLogLine> NginxServer::AccessLog() const {
  std::vector<AccessLogLine> out;
  std::ifstream in(dir_ / "access.log");
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    size_t start = 0;
    for (;;) {
      const size_t tab = line.find('\t', start);
      f.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    if (f.size() < 7) continue;
    AccessLogLine l;
    l.time = std::stod(f[0]);
    l.method = f[1];
    l.uri = f[2];
    l.status = std::stoi(f[3]);
    l.if_none_match = f[4] == "-" ? "" : f[4];
    l.if_modified_since = f[5] == "-" ? "" : f[5];
    l.user_agent = f[6];
    out.push_back(std::move(l));
  }
  return out;
}

std::string NginxServer::RetargetSources(std::string sources_json) const {
  const std::string port = ":" + std::to_string(port_) + "/";
  for (size_t p = 0; (p = sources_json.find(":8080/", p)) != std::string::npos; p += port.size())
    sources_json.replace(p, 6, port);
  return sources_json;
}

}  // namespace pressmine::crawler::testing
