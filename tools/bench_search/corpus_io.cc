#include "tools/bench_search/corpus_io.h"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "tools/bench_search/vocabulary.h"

namespace pressmine::bench {
namespace {

template <typename T>
std::string Joined(const std::vector<T>& items) {
  std::ostringstream out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out << ' ';
    out << items[i];
  }
  return out.str();
}

std::vector<std::string> Words(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

}  // namespace

std::string Escape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else {
      out += c;
    }
  }
  return out;
}

std::string Unescape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      const char n = s[++i];
      out += n == 'n' ? '\n' : n == 't' ? '\t' : n;
    } else {
      out += s[i];
    }
  }
  return out;
}

Status WriteCorpus(const std::string& path, const std::vector<GeneratedDoc>& docs, int64_t main_docs) {
  std::ofstream out(path, std::ios::binary);
  if (!out) return Status::IoError(path + ": cannot write");
  for (const GeneratedDoc& d : docs) {
    out << d.id << '\t' << (d.id <= main_docs ? "main" : "inc") << '\t' << d.lang << '\t' << d.source
        << '\t' << d.published << '\t' << Joined(d.tags) << '\t' << Escape(d.title) << '\t'
        << Escape(d.text) << '\n';
  }
  out.close();
  if (!out) return Status::IoError(path + ": write failed");
  return Status::Ok();
}

Result<std::vector<CorpusDoc>> ReadCorpus(const std::string& path, bool with_text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot read");
  std::vector<CorpusDoc> docs;
  std::string line;
  int64_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    const std::vector<std::string> f = Split(line, '\t');
    if (f.size() != 8) return Status::Corruption(path + ":" + std::to_string(number) + ": expected 8 columns");
    CorpusDoc d;
    d.truth.id = std::stoll(f[0]);
    d.incremental = f[1] == "inc";
    d.truth.lang = f[2];
    d.truth.source = f[3];
    d.truth.published = f[4];
    d.truth.tags = Words(f[5]);
    if (with_text) {
      d.title = Unescape(f[6]);
      d.text = Unescape(f[7]);
    }
    docs.push_back(std::move(d));
  }
  return docs;
}

double EngineResults::MetaNumber(const std::string& key) const {
  const auto it = meta.find(key);
  if (it == meta.end()) return std::nan("");
  try {
    return std::stod(it->second);
  } catch (...) {  // a note where a number was expected: treat as absent
    return std::nan("");
  }
}

Status WriteResults(const std::string& path, const EngineResults& r) {
  std::ofstream out(path, std::ios::binary);
  if (!out) return Status::IoError(path + ": cannot write");
  for (const auto& [k, v] : r.meta) out << "meta\t" << k << '\t' << v << '\n';
  for (const auto& [q, v] : r.latency_ms) out << "lat\t" << q << '\t' << Joined(v) << '\n';
  for (const auto& [q, v] : r.cpu_ms) out << "cpu\t" << q << '\t' << Joined(v) << '\n';
  for (const auto& [q, v] : r.top) out << "top\t" << q << '\t' << Joined(v) << '\n';
  for (const auto& [q, v] : r.all) out << "all\t" << q << '\t' << Joined(v) << '\n';
  for (const auto& [q, v] : r.errors) out << "err\t" << q << '\t' << v << '\n';
  out.close();
  if (!out) return Status::IoError(path + ": write failed");
  return Status::Ok();
}

Result<EngineResults> ReadResults(const std::string& path, const std::string& engine) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": no results");
  EngineResults r;
  r.engine = engine;
  std::string line;
  while (std::getline(in, line)) {
    const std::vector<std::string> f = Split(line, '\t');
    if (f.size() < 2) continue;
    const std::string value = f.size() >= 3 ? f[2] : "";
    if (f[0] == "meta") {
      r.meta[f[1]] = value;
    } else if (f[0] == "lat") {
      for (const std::string& w : Words(value)) r.latency_ms[f[1]].push_back(std::stod(w));
    } else if (f[0] == "cpu") {
      for (const std::string& w : Words(value)) r.cpu_ms[f[1]].push_back(std::stod(w));
    } else if (f[0] == "top" || f[0] == "all") {
      auto& ids = (f[0] == "top" ? r.top : r.all)[f[1]];
      for (const std::string& w : Words(value)) ids.push_back(std::stoll(w));
    } else if (f[0] == "err") {
      r.errors[f[1]] = value;
    }
  }
  return r;
}

}  // namespace pressmine::bench
