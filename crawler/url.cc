// URL canonicalization: a small hand-written RFC 3986 parser rather than a general library,
// because what we need is narrow (absolute http(s) only) and the canonical form is a policy
// (tracking parameters, sorted query) that no library applies for us.
#include "crawler/url.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include "crawler/internal/ascii.h"

namespace pressmine::crawler {
namespace {

// Longest URL we accept: sitemaps.org caps URLs at 2048 characters, browsers near 2 KB-64 KB;
// anything longer is a crawler trap (session ids, calendars).
constexpr size_t kMaxUrlLength = 4096;

// Query parameters that identify a click rather than a page.
constexpr std::array<std::string_view, 10> kTrackingParams = {
    "fbclid",    "gclid",  "yclid",  "dclid", "msclkid",
    "_openstat", "mc_cid", "mc_eid", "_ga",   "igshid"};

bool IsUnreserved(unsigned char c) {
  return std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

// Characters that may appear raw in a path or query besides unreserved ones and '%'.
bool IsAllowedRaw(unsigned char c, bool in_query) {
  if (IsUnreserved(c)) return true;
  switch (c) {
    case '!':
    case '$':
    case '&':
    case '\'':
    case '(':
    case ')':
    case '*':
    case '+':
    case ',':
    case ';':
    case '=':
    case ':':
    case '@':
    case '/':
      return true;
    case '?':
      return in_query;
    default:
      return false;
  }
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void AppendEscaped(std::string& out, unsigned char c) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out += '%';
  out += kHex[c >> 4];
  out += kHex[c & 15];
}

// Normalizes percent-encoding: decodes unreserved, upper-cases escapes, escapes what must be.
std::string NormalizeEscapes(std::string_view s, bool in_query) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '%' && i + 2 < s.size() && HexValue(s[i + 1]) >= 0 && HexValue(s[i + 2]) >= 0) {
      const unsigned char v =
          static_cast<unsigned char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2]));
      if (IsUnreserved(v)) {
        out += static_cast<char>(v);
      } else {
        AppendEscaped(out, v);
      }
      i += 2;
    } else if (IsAllowedRaw(c, in_query)) {
      out += static_cast<char>(c);
    } else {
      AppendEscaped(out, c);  // also a lone '%'
    }
  }
  return out;
}

// RFC 3986 5.2.4.
std::string RemoveDotSegments(std::string_view path) {
  std::vector<std::string_view> out;
  size_t i = 0;
  const bool absolute = !path.empty() && path[0] == '/';
  if (absolute) i = 1;
  bool trailing_slash = false;
  while (i <= path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    const std::string_view seg = path.substr(i, j - i);
    const bool last = j == path.size();
    if (seg == ".") {
      trailing_slash = last;
    } else if (seg == "..") {
      if (!out.empty()) out.pop_back();
      trailing_slash = last;
    } else {
      out.push_back(seg);
      trailing_slash = false;
    }
    i = j + 1;
  }
  std::string result = absolute ? "/" : "";
  for (size_t k = 0; k < out.size(); ++k) {
    if (k > 0) result += '/';
    result += out[k];
  }
  if (trailing_slash && (result.empty() || result.back() != '/')) result += '/';
  return result;
}

std::string CanonicalQuery(std::string_view query) {
  std::vector<std::string> params;
  size_t i = 0;
  while (i <= query.size()) {
    size_t j = query.find('&', i);
    if (j == std::string_view::npos) j = query.size();
    std::string_view p = query.substr(i, j - i);
    i = j + 1;
    if (p.empty()) continue;
    const std::string_view name = p.substr(0, p.find('='));
    if (IsTrackingParameter(name)) continue;
    params.push_back(NormalizeEscapes(p, true));
  }
  std::stable_sort(params.begin(), params.end());
  std::string out;
  for (const std::string& p : params) {
    if (!out.empty()) out += '&';
    out += p;
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && static_cast<unsigned char>(s.front()) <= ' ') s.remove_prefix(1);
  while (!s.empty() && static_cast<unsigned char>(s.back()) <= ' ') s.remove_suffix(1);
  return s;
}

// A reference split into its five RFC 3986 components (without canonicalization).
struct RawRef {
  bool has_scheme = false, has_authority = false, has_query = false;
  std::string scheme, authority, path, query;
};

RawRef SplitRef(std::string_view s) {
  RawRef r;
  // Fragment first: everything after '#' is dropped.
  s = s.substr(0, s.find('#'));
  const size_t colon = s.find(':');
  const size_t delim = s.find_first_of("/?");
  if (colon != std::string_view::npos && colon > 0 &&
      (delim == std::string_view::npos || colon < delim)) {
    const std::string_view scheme = s.substr(0, colon);
    const bool valid =
        std::isalpha(static_cast<unsigned char>(scheme[0])) &&
        std::all_of(scheme.begin(), scheme.end(), [](char c) {
          return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
        });
    if (valid) {
      r.has_scheme = true;
      r.scheme = internal::LowerAscii(scheme);
      s.remove_prefix(colon + 1);
    }
  }
  if (s.size() >= 2 && s[0] == '/' && s[1] == '/') {
    s.remove_prefix(2);
    const size_t end = s.find_first_of("/?");
    r.has_authority = true;
    r.authority = std::string(s.substr(0, end));
    s = end == std::string_view::npos ? std::string_view() : s.substr(end);
  }
  const size_t q = s.find('?');
  r.path = std::string(s.substr(0, q));
  if (q != std::string_view::npos) {
    r.has_query = true;
    r.query = std::string(s.substr(q + 1));
  }
  return r;
}

Result<UrlParts> FromRaw(const RawRef& r, std::string_view original) {
  auto bad = [&](std::string_view why) {
    return Status::InvalidArgument("URL \"" + std::string(original.substr(0, 200)) +
                                   "\": " + std::string(why));
  };
  if (!r.has_scheme) return bad("not absolute (no scheme)");
  if (r.scheme != "http" && r.scheme != "https") return bad("scheme is not http or https");
  if (!r.has_authority) return bad("no host");
  UrlParts u;
  u.scheme = r.scheme;
  std::string_view auth = r.authority;
  if (const size_t at = auth.rfind('@'); at != std::string_view::npos) auth.remove_prefix(at + 1);
  std::string_view host = auth;
  std::string_view port;
  if (!auth.empty() && auth[0] == '[') {
    const size_t close = auth.find(']');
    if (close == std::string_view::npos) return bad("unterminated IPv6 address");
    host = auth.substr(0, close + 1);
    if (close + 1 < auth.size()) {
      if (auth[close + 1] != ':') return bad("junk after IPv6 address");
      port = auth.substr(close + 2);
    }
  } else if (const size_t c = auth.rfind(':'); c != std::string_view::npos) {
    host = auth.substr(0, c);
    port = auth.substr(c + 1);
  }
  u.host = internal::LowerAscii(host);
  if (!u.host.empty() && u.host.back() == '.') u.host.pop_back();
  if (u.host.empty()) return bad("empty host");
  for (unsigned char c : u.host) {
    if (c <= ' ' || c == '/' || c == '\\' || c == '%' || c >= 0x7f)
      return bad("bad character in host");
  }
  if (!port.empty()) {
    if (port.size() > 5 || !std::all_of(port.begin(), port.end(), [](char c) {
          return std::isdigit(static_cast<unsigned char>(c));
        })) {
      return bad("bad port");
    }
    const int p = std::stoi(std::string(port));
    if (p <= 0 || p > 65535) return bad("port out of range");
    const int def = u.scheme == "https" ? 443 : 80;
    u.port = p == def ? 0 : p;
  }
  u.path = RemoveDotSegments(NormalizeEscapes(r.path, false));
  if (u.path.empty() || u.path[0] != '/') u.path.insert(0, "/");
  u.query = CanonicalQuery(r.query);
  if (u.path.size() + u.query.size() + u.host.size() > kMaxUrlLength) return bad("too long");
  return u;
}

}  // namespace

bool IsTrackingParameter(std::string_view name) {
  const std::string lower = internal::LowerAscii(name);
  if (lower.rfind("utm_", 0) == 0) return true;
  return std::find(kTrackingParams.begin(), kTrackingParams.end(), lower) != kTrackingParams.end();
}

std::string UrlParts::Spec() const {
  std::string out = scheme + "://" + host;
  if (port != 0) out += ":" + std::to_string(port);
  out += path;
  if (!query.empty()) out += "?" + query;
  return out;
}

Result<UrlParts> ParseUrl(std::string_view url) {
  url = Trim(url);
  if (url.size() > kMaxUrlLength) {
    return Status::InvalidArgument("URL \"" + std::string(url.substr(0, 200)) + "...\": too long");
  }
  return FromRaw(SplitRef(url), url);
}

Result<std::string> Canonicalize(std::string_view url) {
  PM_ASSIGN_OR_RETURN(UrlParts u, ParseUrl(url));
  return u.Spec();
}

Result<std::string> Resolve(std::string_view base, std::string_view ref) {
  ref = Trim(ref);
  if (ref.size() > kMaxUrlLength) {
    return Status::InvalidArgument("link \"" + std::string(ref.substr(0, 200)) + "...\": too long");
  }
  // Browsers treat backslashes in http(s) URLs as slashes; so do some CMS templates.
  std::string cleaned(ref);
  for (char& c : cleaned) {
    if (c == '\\') c = '/';
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  std::erase(cleaned, ' ');  // whitespace inside hrefs is stripped by browsers as well
  const RawRef r = SplitRef(cleaned);
  if (r.has_scheme) return Canonicalize(cleaned);
  const RawRef b = SplitRef(base);
  RawRef t;
  t.has_scheme = true;
  t.scheme = b.scheme;
  if (r.has_authority) {
    t.has_authority = true;
    t.authority = r.authority;
    t.path = r.path;
    t.has_query = r.has_query;
    t.query = r.query;
  } else {
    t.has_authority = b.has_authority;
    t.authority = b.authority;
    if (r.path.empty()) {
      t.path = b.path;
      t.has_query = r.has_query || b.has_query;
      t.query = r.has_query ? r.query : b.query;
    } else {
      if (r.path[0] == '/') {
        t.path = r.path;
      } else {
        const size_t slash = b.path.rfind('/');
        t.path =
            (slash == std::string::npos ? std::string("/") : b.path.substr(0, slash + 1)) + r.path;
      }
      t.has_query = r.has_query;
      t.query = r.query;
    }
  }
  PM_ASSIGN_OR_RETURN(UrlParts u, FromRaw(t, ref));
  return u.Spec();
}

std::string HostKey(std::string_view canonical_url) {
  Result<UrlParts> u = ParseUrl(canonical_url);
  if (!u.ok()) return std::string();
  std::string out = u->scheme + "://" + u->host;
  if (u->port != 0) out += ":" + std::to_string(u->port);
  return out;
}

std::string PathAndQuery(std::string_view canonical_url) {
  Result<UrlParts> u = ParseUrl(canonical_url);
  if (!u.ok()) return "/";
  return u->query.empty() ? u->path : u->path + "?" + u->query;
}

}  // namespace pressmine::crawler
