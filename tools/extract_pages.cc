#include "tools/extract_pages.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <zlib.h>

#include <algorithm>
#include <map>

#include "base/file.h"

namespace pressmine::tools {
namespace {

Result<std::string> Gunzip(const std::string& bytes, const std::string& name) {
  z_stream z{};
  if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) return Status::Internal("zlib init failed");
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  std::string out;
  char buf[1 << 16];
  int rc = Z_OK;
  while (rc == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof(buf);
    rc = inflate(&z, Z_NO_FLUSH);
    out.append(buf, sizeof(buf) - z.avail_out);
  }
  inflateEnd(&z);
  if (rc != Z_STREAM_END) return Status::Corruption(name + ": not a complete gzip stream");
  return out;
}

std::vector<std::string> WordTokens(const std::string& text) {
  std::vector<std::string> tokens;
  std::string current;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c >= 0 && (u_isalnum(c) || c == '_')) {
      current.append(text, static_cast<size_t>(start), static_cast<size_t>(i - start));
    } else if (!current.empty()) {
      tokens.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) tokens.push_back(std::move(current));
  return tokens;
}

std::map<std::string, int> Shingles(const std::string& text) {
  constexpr size_t kN = 4;
  std::vector<std::string> t = WordTokens(text);
  std::map<std::string, int> out;
  if (t.empty()) return out;
  const size_t count = t.size() >= kN ? t.size() - kN + 1 : 1;
  for (size_t i = 0; i < count; ++i) {
    std::string key;
    for (size_t k = i; k < std::min(t.size(), i + kN); ++k) key += t[k] + '\x1f';
    ++out[key];
  }
  return out;
}

}  // namespace

Result<std::vector<PageFile>> ReadPages(const std::filesystem::path& dir) {
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    auto ends = [&](std::string_view s) {
      return name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0;
    };
    if (ends(".html") || ends(".htm") || ends(".html.gz")) files.push_back(entry.path());
  }
  if (ec) return Status::IoError(dir.string() + ": " + ec.message());
  std::sort(files.begin(), files.end());
  std::vector<PageFile> pages;
  for (const auto& path : files) {
    PM_ASSIGN_OR_RETURN(std::string bytes, ReadFile(path));
    std::string name = path.filename().string();
    PageFile page;
    if (name.size() > 3 && name.compare(name.size() - 3, 3, ".gz") == 0) {
      PM_ASSIGN_OR_RETURN(page.html, Gunzip(bytes, path.string()));
      name.resize(name.size() - 3);
    } else {
      page.html = std::move(bytes);
    }
    page.id = name.substr(0, name.rfind('.'));
    pages.push_back(std::move(page));
  }
  return pages;
}

ShingleScore ScoreText(const std::string& truth, const std::string& predicted) {
  std::map<std::string, int> a = Shingles(truth), b = Shingles(predicted);
  double tp = 0, fp = 0, fn = 0;
  for (const auto& [k, n] : a) {
    auto it = b.find(k);
    const int m = it == b.end() ? 0 : it->second;
    tp += std::min(n, m);
    fn += std::max(0, n - m);
  }
  for (const auto& [k, m] : b) {
    auto it = a.find(k);
    fp += std::max(0, m - (it == a.end() ? 0 : it->second));
  }
  ShingleScore s;
  const double sum = tp + fp + fn;
  if (sum > 0) s = {tp / sum, fp / sum, fn / sum};
  return s;
}

double ShingleScore::Precision() const {
  if (fp == 0 && fn == 0) return 1;
  if (tp == 0 && fp == 0) return 0;
  return tp / (tp + fp);
}

double ShingleScore::Recall() const {
  if (fp == 0 && fn == 0) return 1;
  if (tp == 0 && fn == 0) return 0;
  return tp / (tp + fn);
}

}  // namespace pressmine::tools
