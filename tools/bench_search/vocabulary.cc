#include "tools/bench_search/vocabulary.h"

#include <charconv>

#include "pressmine_bench_search_data.h"

namespace pressmine::bench {
namespace {

// Data lines of a TSV file: not empty, not a '#' comment; each split at tabs, with its line
// number for error messages.
struct Line {
  int number;
  std::vector<std::string> fields;
};

Result<std::vector<Line>> ReadTsv(std::string_view file, size_t columns) {
  const std::string_view text = BenchDataFile(file);
  if (text.empty()) return Status::Internal(std::string(file) + ": not embedded");
  std::vector<Line> out;
  int number = 0;
  for (const std::string& raw : Split(text, '\n')) {
    ++number;
    if (raw.empty() || raw[0] == '#') continue;
    Line line{number, Split(raw, '\t')};
    if (line.fields.size() != columns) {
      return Status::Internal("corpora/bench/" + std::string(file) + ":" + std::to_string(number) +
                              ": " + std::to_string(line.fields.size()) + " columns, expected " +
                              std::to_string(columns));
    }
    out.push_back(std::move(line));
  }
  return out;
}

Status LineError(std::string_view file, const Line& line, std::string_view what) {
  return Status::Internal("corpora/bench/" + std::string(file) + ":" + std::to_string(line.number) +
                          ": " + std::string(what));
}

Result<RuForms> Forms(std::string_view file, const Line& line, const std::string& field) {
  const std::vector<std::string> parts = Split(field, '|');
  if (parts.size() != kCaseCount) return LineError(file, line, "expected 6 case forms: " + field);
  RuForms forms;
  for (size_t i = 0; i < parts.size(); ++i) forms[i] = parts[i];
  return forms;
}

Result<int> Number(std::string_view file, const Line& line, const std::string& field) {
  int value = 0;
  const auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), value);
  if (ec != std::errc() || end != field.data() + field.size() || value < 0) {
    return LineError(file, line, "not a number: " + field);
  }
  return value;
}

}  // namespace

Case ParseCase(std::string_view name) {
  static constexpr std::array<std::string_view, kCaseCount> kNames = {"nom", "gen", "dat",
                                                                      "acc", "ins", "pre"};
  for (size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == name) return static_cast<Case>(i);
  }
  return kCaseCount;
}

std::vector<std::string> Split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    const size_t at = s.find(sep, start);
    if (at == std::string_view::npos) {
      out.emplace_back(s.substr(start));
      return out;
    }
    out.emplace_back(s.substr(start, at - start));
    start = at + 1;
  }
}

std::string_view BenchDataFile(std::string_view name) {
  return BenchData("bench/" + std::string(name));
}

const Position* Vocabulary::FindPosition(std::string_view id) const {
  for (const Position& p : positions) {
    if (p.id == id) return &p;
  }
  return nullptr;
}

Result<Vocabulary> Vocabulary::Load() {
  Vocabulary v;
  {
    constexpr std::string_view f = "sources.tsv";
    PM_ASSIGN_OR_RETURN(std::vector<Line> lines, ReadTsv(f, 10));
    for (const Line& l : lines) {
      Source s;
      s.id = l.fields[0];
      PM_ASSIGN_OR_RETURN(s.weight, Number(f, l, l.fields[1]));
      s.group = l.fields[2];
      PM_ASSIGN_OR_RETURN(s.ministry_ru, Forms(f, l, l.fields[3]));
      s.short_ru = l.fields[4];
      s.ministry_en = l.fields[5];
      s.short_en = l.fields[6];
      s.currency_ru = l.fields[7];
      s.currency_en = l.fields[8];
      PM_ASSIGN_OR_RETURN(s.en_percent, Number(f, l, l.fields[9]));
      v.sources.push_back(std::move(s));
    }
  }
  {
    constexpr std::string_view f = "regions.tsv";
    PM_ASSIGN_OR_RETURN(std::vector<Line> lines, ReadTsv(f, 4));
    for (const Line& l : lines) {
      Region r;
      r.id = l.fields[0];
      r.group = l.fields[1];
      PM_ASSIGN_OR_RETURN(r.ru, Forms(f, l, l.fields[2]));
      r.en = l.fields[3];
      v.regions.push_back(std::move(r));
    }
  }
  {
    constexpr std::string_view f = "positions.tsv";
    PM_ASSIGN_OR_RETURN(std::vector<Line> lines, ReadTsv(f, 3));
    for (const Line& l : lines) {
      Position p;
      p.id = l.fields[0];
      PM_ASSIGN_OR_RETURN(p.ru, Forms(f, l, l.fields[1]));
      p.en = l.fields[2];
      v.positions.push_back(std::move(p));
    }
  }
  {
    constexpr std::string_view f = "persons.tsv";
    PM_ASSIGN_OR_RETURN(std::vector<Line> lines, ReadTsv(f, 8));
    for (const Line& l : lines) {
      Person p;
      p.id = l.fields[0];
      p.group = l.fields[1];
      if (l.fields[2] != "m" && l.fields[2] != "f") return LineError(f, l, "gender must be m or f");
      p.female = l.fields[2] == "f";
      p.position = l.fields[3];
      if (v.FindPosition(p.position) == nullptr) {
        return LineError(f, l, "unknown position " + p.position);
      }
      PM_ASSIGN_OR_RETURN(p.first_ru, Forms(f, l, l.fields[4]));
      PM_ASSIGN_OR_RETURN(p.surname_ru, Forms(f, l, l.fields[5]));
      p.first_en = l.fields[6];
      p.surnames_en = Split(l.fields[7], ';');
      v.persons.push_back(std::move(p));
    }
  }
  {
    constexpr std::string_view f = "concepts.tsv";
    PM_ASSIGN_OR_RETURN(std::vector<Line> lines, ReadTsv(f, 5));
    for (const Line& l : lines) {
      Concept c;
      c.id = l.fields[0];
      c.kind = l.fields[1];
      PM_ASSIGN_OR_RETURN(c.weight, Number(f, l, l.fields[2]));
      PM_ASSIGN_OR_RETURN(c.ru, Forms(f, l, l.fields[3]));
      c.en = Split(l.fields[4], ';');
      v.concepts.push_back(std::move(c));
    }
  }
  {
    constexpr std::string_view f = "templates.tsv";
    PM_ASSIGN_OR_RETURN(std::vector<Line> lines, ReadTsv(f, 4));
    for (const Line& l : lines) {
      v.templates.push_back({l.fields[0], l.fields[1], l.fields[2], l.fields[3]});
    }
  }
  {
    constexpr std::string_view f = "months.tsv";
    PM_ASSIGN_OR_RETURN(std::vector<Line> lines, ReadTsv(f, 3));
    if (lines.size() != 12) return Status::Internal("corpora/bench/months.tsv: expected 12 months");
    for (size_t i = 0; i < 12; ++i) {
      v.months_ru[i] = lines[i].fields[1];
      v.months_en[i] = lines[i].fields[2];
    }
  }
  if (v.sources.empty() || v.regions.empty() || v.persons.empty() || v.concepts.empty()) {
    return Status::Internal("corpora/bench: a vocabulary file is empty");
  }
  return v;
}

}  // namespace pressmine::bench
