#include "tools/facts_json.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <set>

#include "index/query.h"

namespace pressmine::tools {
namespace {

// Figures are decimals scaled in binary ("1,1 тыс." is 1.1 * 1000 = 1100.0000000000002), so
// values are rounded to 15 significant digits, as the stated figure had far fewer. Whole
// numbers print without a fraction (9200000, not 9200000.0), as people write them; a value JSON
// cannot hold (NaN, infinity) is null rather than invalid output.
void Number(JsonOut& out, double raw);

// A figure that states only a change has no value: null.
void Number(JsonOut& out, const std::optional<double>& value) {
  if (value)
    Number(out, *value);
  else
    out.w().Null();
}

void Number(JsonOut& out, double raw) {
  if (!std::isfinite(raw)) {
    out.w().Null();
    return;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.15g", raw);
  const double v = std::strtod(buf, nullptr);
  if (v == std::floor(v) && std::fabs(v) < 9007199254740992.0) {
    out.w().Int64(static_cast<int64_t>(v));
  } else {
    out.w().Double(v);
  }
}

// Writes the key and value unless the value is empty (optional fields are left out).
void Optional(JsonOut& out, std::string_view key, std::string_view value) {
  if (value.empty()) return;
  out.Key(key);
  out.String(value);
}

Status BadValue(std::string_view name, std::string_view value, std::string_view why) {
  return Status::InvalidArgument(std::string(name) + " \"" + std::string(value) + "\" " +
                                 std::string(why));
}

}  // namespace

Result<std::string> ResolveIndicator(extract::FactExtractor& extractor, std::string_view typed) {
  std::string id = extractor.IndicatorId(typed);
  if (id.empty()) {
    return BadValue("indicator", typed,
                    "names no known indicator (see corpora/facts/indicators.tsv)");
  }
  return id;
}

Result<index::FactQuery> MakeFactQuery(const FactsFilter& filter,
                                       extract::FactExtractor& extractor) {
  index::FactQuery q;
  if (!filter.type.empty()) {
    q.type = extract::ParseFactType(filter.type);
    if (!q.type) {
      return BadValue("type", filter.type,
                      "is not a fact type: use date, official, figure, program or commitment");
    }
  }
  if (!filter.lang.empty()) {
    q.lang = ParseLanguageCode(filter.lang);
    if (!q.lang || *q.lang == Language::kUnknown) {
      return BadValue("lang", filter.lang, "is not a language: use ru, en or other");
    }
  }
  for (auto [name, value] : {std::pair{"from", &filter.from}, {"to", &filter.to}}) {
    if (!value->empty() && !index::IsIsoDatePrefix(*value)) {
      return BadValue(name, *value, "is not a date: use YYYY, YYYY-MM or YYYY-MM-DD");
    }
  }
  if (filter.doc < 0) return BadValue("doc", std::to_string(filter.doc), "is not a document id");
  if (filter.limit < 0) {
    return BadValue("limit", std::to_string(filter.limit), "must be 0 (all) or more");
  }
  if (!filter.official.empty()) {
    q.official_key = extractor.OfficialKey(filter.official);
    if (q.official_key.empty()) return BadValue("official", filter.official, "has no letters");
  }
  if (!filter.indicator.empty()) {
    PM_ASSIGN_OR_RETURN(q.indicator, ResolveIndicator(extractor, filter.indicator));
  }
  if (filter.doc > 0) q.doc_id = filter.doc;
  q.text = filter.query;
  q.from = filter.from;
  q.to = filter.to;
  q.limit = filter.limit;
  return q;
}

void WriteFact(JsonOut& out, const extract::Fact& f, std::string_view doc, bool with_offsets) {
  auto& w = out.w();
  w.StartObject();
  out.Key("type");
  out.String(extract::FactTypeName(f.type));
  out.Key("doc");
  out.String(doc);
  Optional(out, "lang", LanguageCode(f.lang));
  out.Key("text");
  out.String(f.text);
  out.Key("sentence");
  w.Int(f.sentence);
  if (with_offsets) {
    // Not "begin"/"end": a date fact's "end" is the end of its period.
    out.Key("span_begin");
    w.Uint64(f.begin);
    out.Key("span_end");
    w.Uint64(f.end);
  }
  switch (f.type) {
    case extract::FactType::kDate:
      Optional(out, "value", f.date.value);
      Optional(out, "end", f.date.end);
      if (f.date.relative) {
        out.Key("relative");
        w.Bool(true);
      }
      break;
    case extract::FactType::kOfficial:
      Optional(out, "name", f.official.name);
      Optional(out, "position", f.official.position);
      Optional(out, "org", f.official.org);
      Optional(out, "key", f.official.key);
      break;
    case extract::FactType::kFigure:
      out.Key("value");
      Number(out, f.figure.value);
      Optional(out, "unit", f.figure.unit);
      Optional(out, "indicator", f.figure.indicator);
      Optional(out, "period", f.figure.period);
      if (f.figure.change) {
        out.Key("change");
        w.StartObject();
        out.Key("value");
        Number(out, f.figure.change->value);
        Optional(out, "unit", f.figure.change->unit);
        Optional(out, "direction", f.figure.change->direction);
        Optional(out, "base", f.figure.change->base);
        w.EndObject();
      }
      break;
    case extract::FactType::kProgram:
      Optional(out, "name", f.program.name);
      Optional(out, "kind", f.program.kind);
      Optional(out, "period", f.program.period);
      Optional(out, "budget", f.program.budget);
      Optional(out, "responsible", f.program.responsible);
      Optional(out, "key", f.program.key);
      break;
    case extract::FactType::kCommitment:
      Optional(out, "actor", f.commitment.actor);
      Optional(out, "action", f.commitment.action);
      Optional(out, "target", f.commitment.target);
      Optional(out, "modality", f.commitment.modality);
      break;
  }
  w.EndObject();
}

std::string FactToJson(const extract::Fact& fact, std::string_view doc) {
  JsonOut out;
  WriteFact(out, fact, doc);
  return std::string(out.str());
}

void WriteFacts(JsonOut& out, const std::vector<index::StoredFact>& facts) {
  auto& w = out.w();
  w.StartObject();
  out.Key("facts");
  w.StartArray();
  for (const index::StoredFact& s : facts) WriteFact(out, s.fact, std::to_string(s.doc_id));
  w.EndArray();
  w.EndObject();
}

void WriteOfficials(JsonOut& out, const std::vector<index::OfficialSummary>& officials) {
  auto& w = out.w();
  w.StartObject();
  out.Key("officials");
  w.StartArray();
  for (const index::OfficialSummary& o : officials) {
    w.StartObject();
    out.Key("key");
    out.String(o.key);
    out.Key("names");
    w.StartObject();
    for (const auto& [name, n] : o.names) {
      out.Key(name);
      w.Int64(n);
    }
    w.EndObject();
    out.Key("positions");
    w.StartArray();
    for (const auto& [position, span] : o.positions) {
      w.StartObject();
      out.Key("position");
      out.String(position);
      out.Key("first");
      out.StringOrNull(span.first);
      out.Key("last");
      out.StringOrNull(span.second);
      w.EndObject();
    }
    w.EndArray();
    out.Key("org");
    out.StringOrNull(o.org);
    out.Key("docs_by_lang");
    w.StartObject();
    for (const auto& [lang, n] : o.docs_by_lang) {
      out.Key(lang);
      w.Int64(n);
    }
    w.EndObject();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

Result<Timeline> LoadTimeline(index::FactStore& store, const std::string& indicator) {
  Timeline t;
  t.indicator = indicator;
  PM_ASSIGN_OR_RETURN(t.points, store.Timeline(indicator));
  std::set<int64_t> docs;
  for (const index::TimelinePoint& p : t.points) docs.insert(p.doc_id);
  // One query per release while they are few; past that, one scan of all commitments is
  // cheaper than thousands of lookups.
  constexpr size_t kPerDocumentQueries = 64;
  std::vector<index::StoredFact> found;
  index::FactQuery q;
  q.type = extract::FactType::kCommitment;
  if (docs.size() <= kPerDocumentQueries) {
    for (int64_t doc : docs) {
      q.doc_id = doc;
      PM_ASSIGN_OR_RETURN(std::vector<index::StoredFact> some, store.Query(q));
      for (index::StoredFact& s : some) found.push_back(std::move(s));
    }
  } else {
    PM_ASSIGN_OR_RETURN(found, store.Query(q));
  }
  for (index::StoredFact& s : found) {
    if (s.fact.commitment.target.empty() || !docs.contains(s.doc_id)) continue;
    t.commitments.push_back({s.doc_id, std::move(s.published), std::move(s.fact)});
  }
  std::stable_sort(t.commitments.begin(), t.commitments.end(),
                   [](const TimelineCommitment& a, const TimelineCommitment& b) {
                     return a.fact.commitment.target < b.fact.commitment.target;
                   });
  return t;
}

void WriteTimeline(JsonOut& out, const Timeline& t) {
  auto& w = out.w();
  w.StartObject();
  out.Key("indicator");
  out.String(t.indicator);
  out.Key("points");
  w.StartArray();
  for (const index::TimelinePoint& p : t.points) {
    w.StartObject();
    out.Key("period");
    out.String(p.period);
    out.Key("value");
    Number(out, p.value);
    out.Key("unit");
    out.String(p.unit);
    if (p.change) {
      out.Key("change");
      w.StartObject();
      out.Key("value");
      Number(out, p.change->value);
      out.Key("unit");
      out.String(p.change->unit);
      out.Key("direction");
      out.String(p.change->direction);
      w.EndObject();
    }
    out.Key("doc");
    w.Int64(p.doc_id);
    out.Key("lang");
    out.String(LanguageCode(p.lang));
    out.Key("published");
    out.StringOrNull(p.published);
    out.Key("text");
    out.String(p.text);
    w.EndObject();
  }
  w.EndArray();
  out.Key("commitments");
  w.StartArray();
  for (const TimelineCommitment& c : t.commitments) {
    const extract::CommitmentValue& v = c.fact.commitment;
    w.StartObject();
    out.Key("target");
    out.String(v.target);
    out.Key("modality");
    out.StringOrNull(v.modality);
    out.Key("actor");
    out.StringOrNull(v.actor);
    out.Key("action");
    out.StringOrNull(v.action);
    out.Key("doc");
    w.Int64(c.doc_id);
    out.Key("lang");
    out.String(LanguageCode(c.fact.lang));
    out.Key("published");
    out.StringOrNull(c.published);
    out.Key("text");
    out.String(c.fact.text);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

}  // namespace pressmine::tools
