// FactStore: one wide table of facts (a column per typed field, shared where two types have
// the same kind of field), indexed for the CLI's filters. See fact_store.h.
#include "index/fact_store.h"

#include <algorithm>
#include <array>
#include <set>

namespace pressmine::index {
namespace {

using extract::Fact;
using extract::FactType;

constexpr std::string_view kComponent = "facts";

// Version 1. Shared columns: name (official / program), key (official / program / commitment
// actor), org (official org / program's responsible body), period (figure / program), value and
// unit (figure).
constexpr std::string_view kV1 = R"sql(
CREATE TABLE facts(
  id            INTEGER PRIMARY KEY,
  doc_id        INTEGER NOT NULL,
  type          TEXT NOT NULL,
  lang          TEXT NOT NULL,
  sentence      INTEGER NOT NULL,
  begin_offset  INTEGER NOT NULL,
  end_offset    INTEGER NOT NULL,
  evidence      TEXT NOT NULL,
  sentence_text TEXT NOT NULL,
  published     TEXT NOT NULL DEFAULT '',
  when_begin    TEXT NOT NULL DEFAULT '',
  when_end      TEXT NOT NULL DEFAULT '',
  date_value    TEXT NOT NULL DEFAULT '',
  date_end      TEXT NOT NULL DEFAULT '',
  date_relative INTEGER NOT NULL DEFAULT 0,
  name          TEXT NOT NULL DEFAULT '',
  position      TEXT NOT NULL DEFAULT '',
  position_text TEXT NOT NULL DEFAULT '',
  org           TEXT NOT NULL DEFAULT '',
  key           TEXT NOT NULL DEFAULT '',
  value         REAL,
  unit          TEXT NOT NULL DEFAULT '',
  indicator     TEXT NOT NULL DEFAULT '',
  period        TEXT NOT NULL DEFAULT '',
  change_value  REAL,
  change_unit   TEXT NOT NULL DEFAULT '',
  change_dir    TEXT NOT NULL DEFAULT '',
  change_base   TEXT NOT NULL DEFAULT '',
  kind          TEXT NOT NULL DEFAULT '',
  budget        TEXT NOT NULL DEFAULT '',
  actor         TEXT NOT NULL DEFAULT '',
  action        TEXT NOT NULL DEFAULT '',
  target        TEXT NOT NULL DEFAULT '',
  modality      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX facts_by_doc ON facts(doc_id);
CREATE INDEX facts_by_type ON facts(type, when_begin);
CREATE INDEX facts_by_key ON facts(key) WHERE key != '';
CREATE INDEX facts_by_indicator ON facts(indicator) WHERE indicator != '';
)sql";

// Version 2: links between the versions of one story in two languages (a Russian and an
// English release of the same event), found by SameStoryScore. doc_a < doc_b.
constexpr std::string_view kV2 =
    "CREATE TABLE story_links(doc_a INTEGER NOT NULL, doc_b INTEGER NOT NULL, "
    "score REAL NOT NULL, PRIMARY KEY(doc_a, doc_b)) WITHOUT ROWID;"
    "CREATE INDEX story_links_by_b ON story_links(doc_b);";

// Version 3: story candidates are looked up by publication date; without this index every new
// release scanned every stored fact (update spent most of its indexing time there).
constexpr std::string_view kV3 =
    "CREATE INDEX facts_by_published ON facts(published, lang, doc_id) "
    "WHERE published IS NOT NULL AND published != '';";

// Version 4: no change. It once cleared the value of percentage figures that repeated their
// change ("decreased by 9%" stored as 9 percent with a 9 percent decrease), but a level reached
// by a change ("rose to 95%", «снизился до 82%») was stored the same way, and SQL cannot tell the
// two apart. Such figures get no value from `pressmine refacts`, which re-extracts them. Kept as
// a step so that databases it already ran on keep their version.
constexpr std::string_view kV4 = "";

constexpr std::array<Migration, 4> kMigrations = {{
    {1, "facts table with typed columns and filter indexes", kV1, nullptr},
    {2, "story links between languages", kV2, nullptr},
    {3, "facts by publication date, for story candidates", kV3, nullptr},
    {4, "none: stored change-only figures need refacts", kV4, nullptr},
}};

// "2025" -> 2025-01-01 / 2025-12-31, "2025-12" -> 2025-12-01 / 2025-12-31; full dates as they
// are; anything else (year-less "--01-28", "") -> "".
std::string Expand(const std::string& iso, bool end) {
  const auto digits = [&](size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i)
      if (i >= iso.size() || iso[i] < '0' || iso[i] > '9') return false;
    return true;
  };
  if (iso.size() == 4 && digits(0, 4)) return iso + (end ? "-12-31" : "-01-01");
  if (iso.size() == 7 && digits(0, 4) && iso[4] == '-' && digits(5, 2))
    return iso + (end ? "-31" : "-01");
  if (iso.size() >= 10 && digits(0, 4) && iso[4] == '-' && digits(5, 2) && iso[7] == '-' &&
      digits(8, 2)) {
    return iso.substr(0, 10);
  }
  return "";
}

// The time range of a fact; see the header.
std::pair<std::string, std::string> WhenOf(const Fact& f, const std::string& published) {
  std::string first, last;
  auto split = [&](const std::string& v) {
    const size_t slash = v.find('/');
    first = v.substr(0, slash);
    last = slash == std::string::npos ? first : v.substr(slash + 1);
  };
  switch (f.type) {
    case FactType::kDate:
      split(f.date.Iso());
      break;
    case FactType::kFigure:
      split(f.figure.period);
      break;
    case FactType::kProgram:
      split(f.program.period);
      break;
    case FactType::kCommitment:
      split(f.commitment.target);
      break;
    case FactType::kOfficial:
      break;
  }
  std::string b = Expand(first, false), e = Expand(last, true);
  if (b.empty() || e.empty()) b = Expand(published, false), e = Expand(published, true);
  return {b, e};
}

constexpr std::string_view kColumns =
    "id, doc_id, type, lang, sentence, begin_offset, end_offset, evidence, sentence_text, "
    "published, "
    "date_value, date_end, date_relative, name, position, position_text, org, key, value, unit, "
    "indicator, "
    "period, change_value, change_unit, change_dir, change_base, kind, budget, actor, action, "
    "target, modality";

StoredFact ReadRow(const Statement& st) {
  StoredFact s;
  int c = 0;
  s.id = st.ColumnInt(c++);
  s.doc_id = st.ColumnInt(c++);
  Fact& f = s.fact;
  f.type = extract::ParseFactType(st.ColumnText(c++)).value_or(FactType::kDate);
  f.lang = ParseLanguageCode(st.ColumnText(c++)).value_or(Language::kUnknown);
  f.sentence = static_cast<int>(st.ColumnInt(c++));
  f.begin = static_cast<size_t>(st.ColumnInt(c++));
  f.end = static_cast<size_t>(st.ColumnInt(c++));
  f.text = st.ColumnText(c++);
  f.sentence_text = st.ColumnText(c++);
  s.published = st.ColumnText(c++);
  f.date.value = st.ColumnText(c++);
  f.date.end = st.ColumnText(c++);
  f.date.relative = st.ColumnInt(c++) != 0;
  const std::string name = st.ColumnText(c++);
  f.official.position = st.ColumnText(c++);
  f.official.position_text = st.ColumnText(c++);
  const std::string org = st.ColumnText(c++);
  const std::string key = st.ColumnText(c++);
  if (!st.ColumnIsNull(c)) f.figure.value = st.ColumnDouble(c);
  ++c;
  f.figure.unit = st.ColumnText(c++);
  f.figure.indicator = st.ColumnText(c++);
  const std::string period = st.ColumnText(c++);
  if (!st.ColumnIsNull(c)) {
    extract::ChangeValue ch;
    ch.value = st.ColumnDouble(c++);
    ch.unit = st.ColumnText(c++);
    ch.direction = st.ColumnText(c++);
    ch.base = st.ColumnText(c++);
    f.figure.change = ch;
  } else {
    c += 4;
  }
  f.program.kind = st.ColumnText(c++);
  f.program.budget = st.ColumnText(c++);
  f.commitment.actor = st.ColumnText(c++);
  f.commitment.action = st.ColumnText(c++);
  f.commitment.target = st.ColumnText(c++);
  f.commitment.modality = st.ColumnText(c++);
  switch (f.type) {
    case FactType::kOfficial:
      f.official.name = name, f.official.org = org, f.official.key = key;
      break;
    case FactType::kProgram:
      f.program.name = name, f.program.responsible = org, f.program.key = key,
      f.program.period = period;
      break;
    case FactType::kFigure:
      f.figure.period = period;
      break;
    case FactType::kCommitment:
      f.commitment.actor_key = key;
      break;
    case FactType::kDate:
      break;
  }
  return s;
}

}  // namespace

std::span<const Migration> FactMigrations() { return kMigrations; }

struct FactStore::StatementCache {
  std::optional<Statement> story_candidates, link_story, translations;
};

FactStore::FactStore(Database* db) : db_(db), cache_(std::make_shared<StatementCache>()) {}

Result<FactStore> FactStore::Open(Database& db) {
  PM_RETURN_IF_ERROR(ApplyMigrations(db, kComponent, kMigrations));
  return FactStore(&db);
}

Result<std::optional<FactStore>> FactStore::OpenIfCurrent(Database& db) {
  PM_ASSIGN_OR_RETURN(int version, SchemaVersion(db, kComponent));
  if (version != kMigrations.back().version) return std::optional<FactStore>();
  PM_ASSIGN_OR_RETURN(FactStore store, Open(db));
  return std::optional<FactStore>(std::move(store));
}

Result<std::vector<std::pair<int64_t, std::string>>> FactStore::StoryCandidates(
    int64_t doc_id, const std::string& published, Language lang, int max_days) {
  std::vector<std::pair<int64_t, std::string>> out;
  if (published.size() < 10 || lang == Language::kUnknown) return out;
  // The string range [day - max_days, day + max_days + 1) lets facts_by_published narrow the
  // rows; the julianday test keeps the exact day distance for the rows inside it. SQLite 3.40
  // uses the partial index only when the query repeats its IS NOT NULL term.
  PM_ASSIGN_OR_RETURN(
      Statement * stmt,
      PrepareCached(
          *db_, cache_->story_candidates,
          "SELECT DISTINCT doc_id, published FROM facts WHERE published IS NOT NULL AND "
          "published != '' AND "
          "published >= date(substr(?3, 1, 10), '-' || ?4 || ' days') AND "
          "published < date(substr(?3, 1, 10), '+' || (?4 + 1) || ' days') AND "
          "doc_id != ?1 AND lang != ?2 AND "
          "abs(julianday(substr(published, 1, 10)) - julianday(substr(?3, 1, 10))) <= ?4"));
  Statement& s = *stmt;
  s.Bind(1, doc_id).Bind(2, LanguageCode(lang)).Bind(3, published).Bind(4, max_days);
  for (;;) {
    PM_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.emplace_back(s.ColumnInt(0), s.ColumnText(1));
  }
  return out;
}

Status FactStore::LinkStory(int64_t a, int64_t b, double score) {
  PM_ASSIGN_OR_RETURN(
      Statement * s,
      PrepareCached(*db_, cache_->link_story,
                    "INSERT INTO story_links(doc_a, doc_b, score) VALUES(?1, ?2, ?3) "
                    "ON CONFLICT(doc_a, doc_b) DO UPDATE SET score = excluded.score"));
  s->Bind(1, std::min(a, b)).Bind(2, std::max(a, b)).Bind(3, score);
  return s->Run();
}

Result<std::vector<int64_t>> FactStore::Translations(int64_t doc_id) {
  PM_ASSIGN_OR_RETURN(Statement * stmt,
                      PrepareCached(*db_, cache_->translations,
                                    "SELECT doc_b FROM story_links WHERE doc_a = ?1 UNION "
                                    "SELECT doc_a FROM story_links WHERE doc_b = ?1 ORDER BY 1"));
  Statement& s = *stmt;
  s.Bind(1, doc_id);
  std::vector<int64_t> out;
  for (;;) {
    PM_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(s.ColumnInt(0));
  }
  return out;
}

Status FactStore::DeleteDocumentFacts(int64_t doc_id) {
  PM_ASSIGN_OR_RETURN(Statement del, db_->Prepare("DELETE FROM facts WHERE doc_id = ?1"));
  del.Bind(1, doc_id);
  return del.Run();
}

Status FactStore::PutDocumentFacts(int64_t doc_id, const std::string& published,
                                   const std::vector<Fact>& facts) {
  // A savepoint, so this works inside the caller's batch transaction as well as alone.
  PM_ASSIGN_OR_RETURN(Savepoint tx, Savepoint::Begin(*db_));
  PM_RETURN_IF_ERROR(DeleteDocumentFacts(doc_id));
  PM_ASSIGN_OR_RETURN(
      Statement ins,
      db_->Prepare(
          "INSERT INTO facts(doc_id, type, lang, sentence, begin_offset, end_offset, evidence, "
          "sentence_text, published, when_begin, when_end, date_value, date_end, date_relative, "
          "name, "
          "position, position_text, org, key, value, unit, indicator, period, change_value, "
          "change_unit, "
          "change_dir, change_base, kind, budget, actor, action, target, modality) VALUES (?1, ?2, "
          "?3, ?4, "
          "?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, "
          "?23, ?24, "
          "?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33)"));
  for (const Fact& f : facts) {
    ins.Reset();
    const auto [when_b, when_e] = WhenOf(f, published);
    std::string name, org, key, period;
    switch (f.type) {
      case FactType::kOfficial:
        name = f.official.name, org = f.official.org, key = f.official.key;
        break;
      case FactType::kProgram:
        name = f.program.name, org = f.program.responsible, key = f.program.key,
        period = f.program.period;
        break;
      case FactType::kFigure:
        period = f.figure.period;
        break;
      case FactType::kCommitment:
        key = f.commitment.actor_key;
        break;
      case FactType::kDate:
        break;
    }
    ins.Bind(1, doc_id)
        .Bind(2, extract::FactTypeName(f.type))
        .Bind(3, LanguageCode(f.lang))
        .Bind(4, f.sentence)
        .Bind(5, static_cast<int64_t>(f.begin))
        .Bind(6, static_cast<int64_t>(f.end))
        .Bind(7, f.text)
        .Bind(8, f.sentence_text)
        .Bind(9, published)
        .Bind(10, when_b)
        .Bind(11, when_e)
        .Bind(12, f.date.value)
        .Bind(13, f.date.end)
        .Bind(14, f.date.relative ? 1 : 0)
        .Bind(15, name)
        .Bind(16, f.official.position)
        .Bind(17, f.official.position_text)
        .Bind(18, org)
        .Bind(19, key);
    if (f.type == FactType::kFigure && f.figure.value)
      ins.Bind(20, *f.figure.value);
    else
      ins.BindNull(20);
    ins.Bind(21, f.figure.unit).Bind(22, f.figure.indicator).Bind(23, period);
    if (f.figure.change) {
      ins.Bind(24, f.figure.change->value)
          .Bind(25, f.figure.change->unit)
          .Bind(26, f.figure.change->direction)
          .Bind(27, f.figure.change->base);
    } else {
      ins.BindNull(24).Bind(25, "").Bind(26, "").Bind(27, "");
    }
    ins.Bind(28, f.program.kind)
        .Bind(29, f.program.budget)
        .Bind(30, f.commitment.actor)
        .Bind(31, f.commitment.action)
        .Bind(32, f.commitment.target)
        .Bind(33, f.commitment.modality);
    PM_RETURN_IF_ERROR(ins.Run());
  }
  return tx.Release();
}

Result<std::vector<StoredFact>> FactStore::Query(const FactQuery& q) {
  std::string sql = "SELECT " + std::string(kColumns) + " FROM facts WHERE 1";
  // Each filter adds a clause whose '$' placeholders all stand for its one parameter.
  struct Param {
    std::string text;
    std::optional<int64_t> number;
  };
  std::vector<Param> params;
  auto add = [&](std::string_view clause, Param value) {
    params.push_back(std::move(value));
    const std::string placeholder = "?" + std::to_string(params.size());
    sql += " AND ";
    for (const char c : clause) {
      if (c == '$')
        sql += placeholder;
      else
        sql += c;
    }
  };
  if (q.type) add("type = $", {std::string(extract::FactTypeName(*q.type)), {}});
  if (q.lang) add("lang = $", {std::string(LanguageCode(*q.lang)), {}});
  if (q.doc_id) add("doc_id = $", {"", *q.doc_id});
  if (!q.official_key.empty())
    add("key = $ AND type IN ('official', 'commitment')", {q.official_key, {}});
  if (!q.indicator.empty()) add("instr(indicator, $) > 0", {q.indicator, {}});
  if (!q.text.empty()) add("(evidence LIKE $ OR sentence_text LIKE $)", {"%" + q.text + "%", {}});
  if (!q.from.empty()) {
    std::string from = Expand(q.from, false);
    if (from.empty()) return Status::InvalidArgument("from: not an ISO date: " + q.from);
    add("when_end >= $", {std::move(from), {}});
  }
  if (!q.to.empty()) {
    std::string to = Expand(q.to, true);
    if (to.empty()) return Status::InvalidArgument("to: not an ISO date: " + q.to);
    add("when_begin <= $", {std::move(to), {}});
  }
  sql += " ORDER BY published, doc_id, sentence, begin_offset";
  if (q.limit > 0) sql += " LIMIT " + std::to_string(q.limit);
  PM_ASSIGN_OR_RETURN(Statement st, db_->Prepare(sql));
  for (size_t i = 0; i < params.size(); ++i) {
    if (params[i].number)
      st.Bind(static_cast<int>(i + 1), *params[i].number);
    else
      st.Bind(static_cast<int>(i + 1), params[i].text);
  }
  std::vector<StoredFact> out;
  while (true) {
    PM_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    out.push_back(ReadRow(st));
  }
  return out;
}

Result<std::vector<OfficialSummary>> FactStore::Officials() {
  PM_ASSIGN_OR_RETURN(
      Statement st, db_->Prepare("SELECT key, name, position, org, lang, published, doc_id FROM "
                                 "facts WHERE type = 'official' AND key != '' ORDER BY published"));
  std::map<std::string, OfficialSummary> by_key;
  std::map<std::string, std::set<std::pair<std::string, int64_t>>> docs;  // key -> (lang, doc)
  while (true) {
    PM_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    const std::string key = st.ColumnText(0);
    OfficialSummary& o = by_key[key];
    o.key = key;
    ++o.names[st.ColumnText(1)];
    const std::string published = st.ColumnText(5).substr(0, 10);
    auto [it, fresh] = o.positions.try_emplace(st.ColumnText(2), published, published);
    if (!fresh) it->second.second = published;
    if (!st.ColumnText(3).empty()) o.org = st.ColumnText(3);
    docs[key].insert({st.ColumnText(4), st.ColumnInt(6)});
  }
  std::vector<OfficialSummary> out;
  for (auto& [key, o] : by_key) {
    for (const auto& [lang, doc] : docs[key]) ++o.docs_by_lang[lang];
    out.push_back(std::move(o));
  }
  auto total = [](const OfficialSummary& o) {
    int64_t n = 0;
    for (const auto& [lang, c] : o.docs_by_lang) n += c;
    return n;
  };
  std::stable_sort(out.begin(), out.end(), [&](const OfficialSummary& a, const OfficialSummary& b) {
    return total(a) > total(b);
  });
  return out;
}

Result<std::vector<TimelinePoint>> FactStore::Timeline(const std::string& indicator) {
  PM_ASSIGN_OR_RETURN(
      Statement st,
      db_->Prepare(
          "SELECT period, value, unit, change_value, change_unit, change_dir, change_base, "
          "published, doc_id, lang, evidence FROM facts WHERE type = 'figure' AND "
          "indicator = ?1 ORDER BY CASE WHEN period != '' THEN period ELSE "
          "substr(published, 1, 4) END, published, doc_id, sentence"));
  st.Bind(1, indicator);
  std::vector<TimelinePoint> out;
  while (true) {
    PM_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    TimelinePoint p;
    p.published = st.ColumnText(7);
    p.period = st.ColumnText(0).empty() ? p.published.substr(0, 4) : st.ColumnText(0);
    if (!st.ColumnIsNull(1)) p.value = st.ColumnDouble(1);
    p.unit = st.ColumnText(2);
    if (!st.ColumnIsNull(3)) {
      p.change = extract::ChangeValue{st.ColumnDouble(3), st.ColumnText(4), st.ColumnText(5),
                                      st.ColumnText(6)};
    }
    p.doc_id = st.ColumnInt(8);
    p.lang = ParseLanguageCode(st.ColumnText(9)).value_or(Language::kUnknown);
    p.text = st.ColumnText(10);
    out.push_back(std::move(p));
  }
  return out;
}

Result<std::map<std::string, int64_t>> FactStore::CountByType() {
  PM_ASSIGN_OR_RETURN(Statement st, db_->Prepare("SELECT type, count(*) FROM facts GROUP BY type"));
  std::map<std::string, int64_t> out;
  while (true) {
    PM_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    out[st.ColumnText(0)] = st.ColumnInt(1);
  }
  return out;
}

}  // namespace pressmine::index
