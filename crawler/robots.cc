// RFC 9309 robots.txt.
//
// Parsing: the file is split into groups; a group is one or more consecutive user-agent lines
// followed by rules. A user-agent line after rules starts a new group. Sitemap lines are global.
// All groups whose user-agent equals our product token (case-insensitive) are merged; if none,
// all "*" groups are merged (RFC 9309 2.2.1). Rules with an empty path are ignored.
//
// Matching: each rule's path is compared from the start of the URL's path and query; '*'
// matches any run of characters and a final '$' anchors the end. The longest pattern (in
// octets) among matching rules decides; an Allow wins a tie (2.2.2). Both the rule and the URL
// are percent-normalized the same way (upper-case escapes, unreserved decoded) so "/%7euser"
// and "/~user" compare equal.
#include "crawler/robots.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

#include "crawler/internal/ascii.h"

namespace pressmine::crawler {
namespace {

// A Crawl-delay above this is treated as this: a site asking for one request a minute still
// gets crawled, slowly, rather than stalling the run forever.
constexpr int kMaxCrawlDelayMs = 60'000;

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

int Hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = internal::LowerAscii(c);
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// Same normalization as url.cc applies to paths, plus escaping of raw non-ASCII bytes, so that
// a rule written with UTF-8 letters matches the escaped URL.
std::string NormalizePath(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '%' && i + 2 < s.size() && Hex(s[i + 1]) >= 0 && Hex(s[i + 2]) >= 0) {
      const unsigned char v = static_cast<unsigned char>(Hex(s[i + 1]) * 16 + Hex(s[i + 2]));
      if (std::isalnum(v) || v == '-' || v == '.' || v == '_' || v == '~') {
        out += static_cast<char>(v);
      } else {
        out += '%';
        out += kHex[v >> 4];
        out += kHex[v & 15];
      }
      i += 2;
    } else if (c >= 0x80 || c == ' ') {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

// Does `pattern` (with '*' and optional final '$') match a prefix of `path` (or all of it
// when anchored)? Iterative wildcard matching with backtracking to the last '*': linear in
// practice, and no recursion for hostile patterns such as "/*a*a*a*a*b".
bool Matches(std::string_view pattern, std::string_view path) {
  bool anchored = false;
  if (!pattern.empty() && pattern.back() == '$') {
    anchored = true;
    pattern.remove_suffix(1);
  }
  size_t p = 0, s = 0;
  size_t star_p = std::string_view::npos, star_s = 0;
  while (true) {
    if (p == pattern.size()) {
      if (!anchored || s == path.size()) return true;
      // anchored but text left: backtrack
    } else if (pattern[p] == '*') {
      star_p = p++;
      star_s = s;
      continue;
    } else if (s < path.size() && pattern[p] == path[s]) {
      ++p;
      ++s;
      continue;
    }
    if (star_p == std::string_view::npos || star_s >= path.size()) return false;
    p = star_p + 1;
    s = ++star_s;
  }
}

}  // namespace

Robots Robots::AllowAll() { return Robots(); }

Robots Robots::DisallowAll() {
  Robots r;
  r.disallow_all_ = true;
  return r;
}

Robots Robots::FromResponse(int http_status, std::string_view body, std::string_view token) {
  if (http_status >= 200 && http_status < 300) return Parse(body, token);
  if (http_status >= 400 && http_status < 500) return AllowAll();
  return DisallowAll();  // 5xx, unresolved redirects, transport failure (0)
}

Robots Robots::Parse(std::string_view body, std::string_view token) {
  body = body.substr(0, std::min(body.size(), kMaxRobotsBytes));
  if (body.size() >= 3 && body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  const std::string want = internal::LowerAscii(token);

  struct Group {
    std::vector<std::string> agents;
    std::vector<Rule> rules;
    std::optional<int> delay;
  };
  std::vector<Group> groups;
  Robots out;
  bool in_agents = false;  // the previous significant line was a user-agent line

  size_t pos = 0;
  while (pos < body.size()) {
    size_t end = body.find_first_of("\r\n", pos);
    if (end == std::string_view::npos) end = body.size();
    std::string_view line = body.substr(pos, end - pos);
    pos = end + 1;
    line = line.substr(0, line.find('#'));
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string key = internal::LowerAscii(Trim(line.substr(0, colon)));
    const std::string_view value = Trim(line.substr(colon + 1));
    if (key == "user-agent") {
      if (!in_agents) groups.emplace_back();
      in_agents = true;
      // The product token ends at the first character outside [a-zA-Z_-] (2.2.1).
      std::string agent;
      for (char c : value) {
        if (std::isalpha(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '*') {
          agent += internal::LowerAscii(c);
        } else {
          break;
        }
      }
      groups.back().agents.push_back(agent);
      continue;
    }
    if (key == "sitemap") {
      if (!value.empty()) out.sitemaps_.emplace_back(value);
      continue;  // global: does not end a run of user-agent lines
    }
    if (key == "allow" || key == "disallow") {
      in_agents = false;
      if (groups.empty() || value.empty()) continue;  // rules before any user-agent are ignored
      groups.back().rules.push_back(Rule{key == "allow", NormalizePath(value)});
      continue;
    }
    if (key == "crawl-delay") {
      in_agents = false;
      if (groups.empty()) continue;
      char* endp = nullptr;
      const std::string v(value);
      const double seconds = std::strtod(v.c_str(), &endp);
      if (endp != v.c_str() && std::isfinite(seconds) && seconds >= 0) {
        groups.back().delay =
            static_cast<int>(std::min(seconds * 1000.0, double{kMaxCrawlDelayMs}));
      }
      continue;
    }
    // Unknown keys (host, clean-param, ...) neither add rules nor split groups.
  }

  auto merge = [&](std::string_view agent) {
    bool found = false;
    for (const Group& g : groups) {
      if (std::find(g.agents.begin(), g.agents.end(), agent) == g.agents.end()) continue;
      found = true;
      out.rules_.insert(out.rules_.end(), g.rules.begin(), g.rules.end());
      if (g.delay) out.crawl_delay_ms_ = std::max(out.crawl_delay_ms_.value_or(0), *g.delay);
    }
    return found;
  };
  if (want.empty() || !merge(want)) merge("*");
  return out;
}

bool Robots::Allowed(std::string_view path_and_query) const {
  if (path_and_query == "/robots.txt") return true;
  if (disallow_all_) return false;
  const std::string path = NormalizePath(path_and_query.empty() ? "/" : path_and_query);
  size_t best_len = 0;
  bool best_allow = true;
  bool any = false;
  for (const Rule& r : rules_) {
    if (!Matches(r.pattern, path)) continue;
    const size_t len = r.pattern.size();
    if (!any || len > best_len || (len == best_len && r.allow && !best_allow)) {
      best_len = len;
      best_allow = r.allow;
      any = true;
    }
  }
  return !any || best_allow;
}

}  // namespace pressmine::crawler
