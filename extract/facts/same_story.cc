// SameStoryScore: do two documents' facts tell one story (a Russian and an English release)?
//
// Translations share what does not translate: people (official keys are language-independent),
// numbers with their units, program keys and full dates. Each kind that both documents have
// contributes the share of the smaller set found in the other (an overlap coefficient: a short
// English summary of a long Russian release still scores high), weighted by how telling a match
// is — a shared official or figure is strong evidence, a shared date weak. Releases published
// more than max_days apart are never one story.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>

#include "extract/facts.h"

namespace pressmine::extract {
namespace {

struct Weighted {
  FactType type;
  double weight;
};
constexpr Weighted kWeights[] = {{FactType::kOfficial, 0.4},
                                 {FactType::kFigure, 0.35},
                                 {FactType::kProgram, 0.15},
                                 {FactType::kDate, 0.1}};

std::string KeyOf(const Fact& f) {
  switch (f.type) {
    case FactType::kOfficial:
      return f.official.key;
    case FactType::kFigure: {
      char buf[96];
      if (f.figure.value) {
        std::snprintf(buf, sizeof buf, "%.6g %s", *f.figure.value, f.figure.unit.c_str());
      } else if (f.figure.change) {
        std::snprintf(buf, sizeof buf, "%s %.6g %s", f.figure.change->direction.c_str(),
                      f.figure.change->value, f.figure.change->unit.c_str());
      } else {
        return "";
      }
      return buf;
    }
    case FactType::kProgram:
      return f.program.key;
    case FactType::kDate:
      return f.date.value.size() == 10 ? f.date.value : std::string();
    case FactType::kCommitment:
      return "";
  }
  return "";
}

// Days since 1970-01-01 of an ISO date, or nullopt.
std::optional<long> Days(std::string_view iso) {
  if (iso.size() < 10) return std::nullopt;
  int y = std::atoi(std::string(iso.substr(0, 4)).c_str());
  const int m = std::atoi(std::string(iso.substr(5, 2)).c_str());
  const int d = std::atoi(std::string(iso.substr(8, 2)).c_str());
  if (m < 1 || m > 12 || d < 1) return std::nullopt;
  // Howard Hinnant's days_from_civil.
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

}  // namespace

double SameStoryScore(const std::vector<Fact>& a, std::string_view a_published,
                      const std::vector<Fact>& b, std::string_view b_published, int max_days) {
  const auto da = Days(a_published), db = Days(b_published);
  if (da && db && std::labs(*da - *db) > max_days) return 0;
  double score = 0, weight = 0;
  for (const Weighted& w : kWeights) {
    std::set<std::string> sa, sb;
    for (const Fact& f : a)
      if (f.type == w.type && !KeyOf(f).empty()) sa.insert(KeyOf(f));
    for (const Fact& f : b)
      if (f.type == w.type && !KeyOf(f).empty()) sb.insert(KeyOf(f));
    if (sa.empty() || sb.empty()) continue;
    size_t common = 0;
    for (const std::string& k : sa) common += sb.count(k);
    score += w.weight * static_cast<double>(common) /
             static_cast<double>(std::min(sa.size(), sb.size()));
    weight += w.weight;
  }
  return weight == 0 ? 0 : score / weight;
}

}  // namespace pressmine::extract
