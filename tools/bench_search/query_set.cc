#include "tools/bench_search/query_set.h"

#include <algorithm>

#include "tools/bench_search/vocabulary.h"

namespace pressmine::bench {
namespace {

constexpr size_t kColumns = 9;

// An ISO date prefix bound: "2024" covers 2024-01-01..2024-12-31 when used as `to`.
bool AtOrAfter(const std::string& date, const std::string& from) {
  return date.compare(0, from.size(), from) >= 0;
}
bool AtOrBefore(const std::string& date, const std::string& to) {
  return date.compare(0, to.size(), to) <= 0;
}

}  // namespace

const std::vector<std::string>& QueryClasses() {
  static const std::vector<std::string> classes = {"word",   "phrase",   "name",   "cross",
                                                   "f-lang", "f-source", "f-date", "multi"};
  return classes;
}

bool BenchQuery::PassesFilters(const DocTruth& doc) const {
  if (!lang.empty() && doc.lang != lang) return false;
  if (!source.empty() && doc.source != source) return false;
  if (!from.empty() && !AtOrAfter(doc.published, from)) return false;
  if (!to.empty() && !AtOrBefore(doc.published, to)) return false;
  return true;
}

bool BenchQuery::Relevant(const DocTruth& doc) const {
  if (!PassesFilters(doc)) return false;
  for (const auto& any : rule) {
    const bool hit = std::any_of(any.begin(), any.end(), [&](const std::string& tag) {
      return std::binary_search(doc.tags.begin(), doc.tags.end(), tag);
    });
    if (!hit) return false;
  }
  return true;
}

std::vector<BenchQuery::Part> BenchQuery::Parts() const {
  std::vector<Part> parts;
  for (size_t i = 0; i < text.size();) {
    if (text[i] == ' ') {
      ++i;
    } else if (text[i] == '"') {
      const size_t close = text.find('"', i + 1);
      const size_t end = close == std::string::npos ? text.size() : close;
      parts.push_back({text.substr(i + 1, end - i - 1), true});
      i = end + 1;
    } else {
      const size_t end = std::min(text.find(' ', i), text.size());
      parts.push_back({text.substr(i, end - i), false});
      i = end;
    }
  }
  return parts;
}

Result<std::vector<BenchQuery>> ParseQuerySet(std::string_view tsv) {
  std::vector<BenchQuery> out;
  int number = 0;
  for (const std::string& line : Split(tsv, '\n')) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string> f = Split(line, '\t');
    auto bad = [&](std::string_view what) {
      return Status::InvalidArgument("queries.tsv:" + std::to_string(number) + ": " + std::string(what));
    };
    if (f.size() != kColumns) return bad("expected 9 columns");
    auto opt = [](const std::string& s) { return s == "-" ? std::string() : s; };
    BenchQuery q;
    q.id = f[0];
    q.cls = f[1];
    q.qlang = f[2];
    q.text = f[3];
    q.lang = opt(f[4]);
    q.source = opt(f[5]);
    q.from = opt(f[6]);
    q.to = opt(f[7]);
    for (const std::string& all : Split(f[8], '&')) q.rule.push_back(Split(all, '|'));
    const auto& classes = QueryClasses();
    if (std::find(classes.begin(), classes.end(), q.cls) == classes.end()) return bad("unknown class " + q.cls);
    if (q.qlang != "ru" && q.qlang != "en") return bad("qlang must be ru or en");
    if (!q.lang.empty() && q.lang != "ru" && q.lang != "en") return bad("lang must be ru, en or -");
    for (const auto& any : q.rule) {
      for (const std::string& tag : any) {
        if (tag.size() < 3 || tag[1] != ':') return bad("bad tag " + tag);
      }
    }
    if (std::any_of(out.begin(), out.end(), [&](const BenchQuery& o) { return o.id == q.id; })) {
      return bad("duplicate id " + q.id);
    }
    out.push_back(std::move(q));
  }
  return out;
}

}  // namespace pressmine::bench
