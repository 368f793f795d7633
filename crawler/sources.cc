#include "crawler/sources.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <set>

#include "base/file.h"
#include "crawler/url.h"

namespace pressmine::crawler {
namespace {

// A page budget above this is a typo, not a plan: one source is one ministry's news section.
constexpr int kMaxPagesLimit = 10'000'000;
// Politeness floor/ceiling: below 0 is meaningless, above 10 minutes makes a run never end.
constexpr int kMaxDelayMs = 600'000;
// More parallel connections than this to one host is an attack, not a crawl.
constexpr int kMaxConnections = 64;
constexpr int kMaxDepthLimit = 100;

bool ValidName(std::string_view name) {
  if (name.empty() || name.size() > 64) return false;
  for (char c : name) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    if (!ok) return false;
  }
  return true;
}

class FieldReader {
 public:
  FieldReader(const rapidjson::Value& obj, std::string context)
      : obj_(obj), context_(std::move(context)) {}

  Status Error(std::string_view field, std::string_view why) const {
    return Status::InvalidArgument(context_ + ", field \"" + std::string(field) +
                                   "\": " + std::string(why));
  }

  Status String(const char* field, std::string* out, bool required) const {
    auto it = obj_.FindMember(field);
    if (it == obj_.MemberEnd()) return required ? Error(field, "missing") : Status::Ok();
    if (!it->value.IsString()) return Error(field, "must be a string");
    *out = std::string(it->value.GetString(), it->value.GetStringLength());
    return Status::Ok();
  }

  Status Strings(const char* field, std::vector<std::string>* out) const {
    auto it = obj_.FindMember(field);
    if (it == obj_.MemberEnd()) return Status::Ok();
    if (!it->value.IsArray()) return Error(field, "must be an array of strings");
    for (const auto& v : it->value.GetArray()) {
      if (!v.IsString()) return Error(field, "must be an array of strings");
      out->emplace_back(v.GetString(), v.GetStringLength());
    }
    return Status::Ok();
  }

  Status Int(const char* field, int* out, int min, int max) const {
    auto it = obj_.FindMember(field);
    if (it == obj_.MemberEnd()) return Status::Ok();
    if (!it->value.IsInt()) return Error(field, "must be an integer");
    const int v = it->value.GetInt();
    if (v < min || v > max) {
      return Error(field, std::to_string(v) + " is outside " + std::to_string(min) + ".." +
                              std::to_string(max));
    }
    *out = v;
    return Status::Ok();
  }

  Status Bool(const char* field, bool* out) const {
    auto it = obj_.FindMember(field);
    if (it == obj_.MemberEnd()) return Status::Ok();
    if (!it->value.IsBool()) return Error(field, "must be true or false");
    *out = it->value.GetBool();
    return Status::Ok();
  }

  Status Unknown(const std::set<std::string_view>& known) const {
    for (const auto& m : obj_.GetObject()) {
      const std::string_view name(m.name.GetString(), m.name.GetStringLength());
      if (!known.count(name)) return Error(name, "unknown field (a typo?)");
    }
    return Status::Ok();
  }

 private:
  const rapidjson::Value& obj_;
  std::string context_;
};

Result<std::regex> CompilePattern(const std::string& pattern, std::string_view context,
                                  std::string_view field) {
  try {
    return std::regex(pattern, std::regex::ECMAScript | std::regex::optimize);
  } catch (const std::regex_error& e) {
    return Status::InvalidArgument(std::string(context) + ", field \"" + std::string(field) +
                                   "\": bad regular expression \"" + pattern + "\": " + e.what());
  }
}

Status CanonicalizeAll(std::vector<std::string>& urls, std::string_view context,
                       std::string_view field) {
  for (std::string& u : urls) {
    Result<std::string> c = Canonicalize(u);
    if (!c.ok()) {
      return c.status().WithContext(std::string(context) + ", field \"" + std::string(field) +
                                    "\"");
    }
    u = std::move(c).value();
  }
  return Status::Ok();
}

bool SearchAny(const std::vector<std::regex>& res, std::string_view s) {
  for (const std::regex& re : res) {
    if (std::regex_search(s.begin(), s.end(), re)) return true;
  }
  return false;
}

}  // namespace

bool Source::InScope(std::string_view canonical_url) const {
  if (!allow_re || !SearchAny(*allow_re, canonical_url)) return false;
  return !(deny_re && SearchAny(*deny_re, canonical_url));
}

bool Source::IsArticle(std::string_view canonical_url) const {
  if (!article_re) return true;
  return std::regex_search(canonical_url.begin(), canonical_url.end(), *article_re);
}

const Source* SourcesFile::Find(std::string_view name) const {
  for (const Source& s : sources) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

std::string RobotsToken(std::string_view user_agent) {
  std::string token;
  for (char c : user_agent) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_';
    if (!ok) break;
    token += c;
  }
  return token;
}

Result<Source> CompileSource(Source s, std::string_view context) {
  const std::string ctx(context);
  if (!ValidName(s.name)) {
    return Status::InvalidArgument(ctx + ", field \"name\": \"" + s.name +
                                   "\" must be 1-64 characters of a-z, 0-9, '-', '_', '.'");
  }
  if (s.lang != "ru" && s.lang != "en" && s.lang != "auto") {
    return Status::InvalidArgument(ctx + ", field \"lang\": \"" + s.lang +
                                   "\" is not ru, en or auto");
  }
  if (s.seeds.empty() && s.sitemaps.empty() && s.feeds.empty()) {
    return Status::InvalidArgument(ctx +
                                   ", field \"seeds\": no seeds, sitemaps or feeds to start from");
  }
  if (s.allow.empty()) {
    return Status::InvalidArgument(
        ctx + ", field \"allow\": at least one pattern is needed to bound the crawl");
  }
  PM_RETURN_IF_ERROR(CanonicalizeAll(s.seeds, ctx, "seeds"));
  PM_RETURN_IF_ERROR(CanonicalizeAll(s.sitemaps, ctx, "sitemaps"));
  PM_RETURN_IF_ERROR(CanonicalizeAll(s.feeds, ctx, "feeds"));
  auto allow = std::make_shared<std::vector<std::regex>>();
  for (const std::string& p : s.allow) {
    PM_ASSIGN_OR_RETURN(std::regex re, CompilePattern(p, ctx, "allow"));
    allow->push_back(std::move(re));
  }
  auto deny = std::make_shared<std::vector<std::regex>>();
  for (const std::string& p : s.deny) {
    PM_ASSIGN_OR_RETURN(std::regex re, CompilePattern(p, ctx, "deny"));
    deny->push_back(std::move(re));
  }
  s.allow_re = std::move(allow);
  s.deny_re = std::move(deny);
  if (!s.article.empty()) {
    PM_ASSIGN_OR_RETURN(std::regex re, CompilePattern(s.article, ctx, "article"));
    s.article_re = std::make_shared<const std::regex>(std::move(re));
  }
  for (const std::string& seed : s.seeds) {
    if (!s.InScope(seed)) {
      return Status::InvalidArgument(ctx + ", field \"seeds\": " + seed +
                                     " is outside the allow/deny scope");
    }
  }
  return s;
}

Result<SourcesFile> ParseSources(std::string_view json, std::string_view file_name) {
  const std::string file(file_name);
  rapidjson::Document doc;
  doc.Parse(json.data(), json.size());
  if (doc.HasParseError()) {
    return Status::InvalidArgument(file + ": malformed JSON at byte " +
                                   std::to_string(doc.GetErrorOffset()) + ": " +
                                   rapidjson::GetParseError_En(doc.GetParseError()));
  }
  if (!doc.IsObject()) return Status::InvalidArgument(file + ": the top level must be an object");
  SourcesFile out;
  FieldReader top(doc, file);
  PM_RETURN_IF_ERROR(top.Unknown({"user_agent", "sources", "note"}));
  PM_RETURN_IF_ERROR(top.String("user_agent", &out.user_agent, false));
  if (out.user_agent.empty()) out.user_agent = std::string(kDefaultUserAgent);
  if (RobotsToken(out.user_agent).empty()) {
    return top.Error("user_agent", "must start with a product token such as \"pressmine/1.0\"");
  }
  // Through a const reference: RapidJSON 1.1.0's non-const iterator comparison is ambiguous
  // under C++20's reversed operators (clang warns).
  const rapidjson::Value& root = doc;
  auto it = root.FindMember("sources");
  if (it == root.MemberEnd() || !it->value.IsArray())
    return top.Error("sources", "missing or not an array");
  std::set<std::string> names;
  size_t index = 0;
  for (const auto& v : it->value.GetArray()) {
    std::string ctx = file + ", source #" + std::to_string(index++);
    if (!v.IsObject()) return Status::InvalidArgument(ctx + ": must be an object");
    Source s;
    PM_RETURN_IF_ERROR(FieldReader(v, ctx).String("name", &s.name, true));
    ctx = file + ", source \"" + s.name + "\"";
    FieldReader r(v, ctx);
    PM_RETURN_IF_ERROR(r.Unknown({"name", "lang", "seeds", "sitemaps", "feeds", "allow", "deny",
                                  "article", "max_depth", "max_pages", "delay_ms", "connections",
                                  "allow_private", "note", "extract"}));
    PM_RETURN_IF_ERROR(r.String("lang", &s.lang, false));
    PM_RETURN_IF_ERROR(r.Strings("seeds", &s.seeds));
    PM_RETURN_IF_ERROR(r.Strings("sitemaps", &s.sitemaps));
    PM_RETURN_IF_ERROR(r.Strings("feeds", &s.feeds));
    PM_RETURN_IF_ERROR(r.Strings("allow", &s.allow));
    PM_RETURN_IF_ERROR(r.Strings("deny", &s.deny));
    PM_RETURN_IF_ERROR(r.String("article", &s.article, false));
    PM_RETURN_IF_ERROR(r.Int("max_depth", &s.max_depth, 0, kMaxDepthLimit));
    PM_RETURN_IF_ERROR(r.Int("max_pages", &s.max_pages, 1, kMaxPagesLimit));
    PM_RETURN_IF_ERROR(r.Int("delay_ms", &s.delay_ms, 0, kMaxDelayMs));
    PM_RETURN_IF_ERROR(r.Int("connections", &s.connections, 1, kMaxConnections));
    PM_RETURN_IF_ERROR(r.Bool("allow_private", &s.allow_private));
    PM_RETURN_IF_ERROR(r.String("note", &s.note, false));
    if (auto ex = v.FindMember("extract"); ex != v.MemberEnd()) {
      if (!ex->value.IsObject()) return r.Error("extract", "must be an object");
      FieldReader e(ex->value, ctx + ", field \"extract\"");
      PM_RETURN_IF_ERROR(e.Unknown({"content", "title", "published", "remove"}));
      PM_RETURN_IF_ERROR(e.String("content", &s.extract.content, false));
      PM_RETURN_IF_ERROR(e.String("title", &s.extract.title, false));
      PM_RETURN_IF_ERROR(e.String("published", &s.extract.published, false));
      PM_RETURN_IF_ERROR(e.Strings("remove", &s.extract.remove));
    }
    if (!names.insert(s.name).second)
      return r.Error("name", "duplicate source name \"" + s.name + "\"");
    PM_ASSIGN_OR_RETURN(Source compiled, CompileSource(std::move(s), ctx));
    out.sources.push_back(std::move(compiled));
  }
  if (out.sources.empty()) return top.Error("sources", "no sources");
  return out;
}

Result<SourcesFile> LoadSourcesFile(const std::filesystem::path& path) {
  PM_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  return ParseSources(text, path.string());
}

}  // namespace pressmine::crawler
