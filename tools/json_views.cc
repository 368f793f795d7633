#include "tools/json_views.h"

#include "index/fact_store.h"
#include "tools/facts_json.h"

namespace pressmine::tools {

std::string ReadableFts(std::string fts) {
  for (char& c : fts) {
    if (c == '\x01') c = '^';
  }
  return fts;
}

Result<std::vector<index::DocumentHeading>> TranslationsOf(index::FactStore* facts,
                                                           index::DocumentStore& documents,
                                                           int64_t doc_id) {
  std::vector<index::DocumentHeading> out;
  if (facts == nullptr) return out;
  PM_ASSIGN_OR_RETURN(std::vector<int64_t> ids, facts->Translations(doc_id));
  for (int64_t id : ids) {
    PM_ASSIGN_OR_RETURN(std::optional<index::DocumentHeading> heading, documents.Heading(id));
    if (heading) out.push_back(std::move(*heading));  // a link outliving its document: skipped
  }
  return out;
}

Result<TranslationMap> FindTranslations(index::FactStore* facts, index::DocumentStore& documents,
                                        const std::vector<index::SearchHit>& hits) {
  TranslationMap translations;
  for (const index::SearchHit& h : hits) {
    PM_ASSIGN_OR_RETURN(std::vector<index::DocumentHeading> t,
                        TranslationsOf(facts, documents, h.id));
    if (!t.empty()) translations[h.id] = std::move(t);
  }
  return translations;
}

namespace {

// [{"id", "lang", "title"}]: what a link to each version shows, so a page needs no request per
// version to label it.
void WriteTranslations(JsonOut& out, const std::vector<index::DocumentHeading>& translations) {
  auto& w = out.w();
  w.StartArray();
  for (const index::DocumentHeading& t : translations) {
    w.StartObject();
    out.Key("id");
    w.Int64(t.id);
    out.Key("lang");
    out.String(LanguageCode(t.lang));
    out.Key("title");
    out.String(t.title);
    w.EndObject();
  }
  w.EndArray();
}

}  // namespace

void WriteSearchResults(JsonOut& out, const std::string& query, const index::SearchResults& r,
                        bool with_fts, const TranslationMap& translations) {
  auto& w = out.w();
  w.StartObject();
  out.Key("query");
  out.String(query);
  if (with_fts) {
    out.Key("fts");
    out.String(ReadableFts(r.fts_expression));
  }
  out.Key("total");
  w.Int64(r.total);
  out.Key("total_exact");
  w.Bool(r.total_exact);
  out.Key("hits");
  w.StartArray();
  for (const index::SearchHit& h : r.hits) {
    w.StartObject();
    out.Key("id");
    w.Int64(h.id);
    out.Key("url");
    out.StringOrNull(h.url);
    out.Key("source");
    out.String(h.source);
    out.Key("lang");
    out.String(LanguageCode(h.lang));
    out.Key("title");
    out.String(h.title);
    out.Key("published");
    out.StringOrNull(h.published);
    out.Key("score");
    w.Double(h.score);
    out.Key("snippet");
    out.String(h.snippet);
    out.Key("translations");
    static const std::vector<index::DocumentHeading> kNone;
    const auto it = translations.find(h.id);
    WriteTranslations(out, it == translations.end() ? kNone : it->second);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

void WriteStats(JsonOut& out, const index::CorpusStats& stats) {
  auto& w = out.w();
  w.StartObject();
  out.Key("documents");
  w.Int64(stats.documents);
  for (auto [key, map] : {std::pair{"by_lang", &stats.by_lang}, {"by_source", &stats.by_source},
                          {"by_month", &stats.by_month}}) {
    out.Key(key);
    w.StartObject();
    for (const auto& [k, v] : *map) {
      out.Key(k);
      w.Int64(v);
    }
    w.EndObject();
  }
  out.Key("undated");
  w.Int64(stats.undated);
  w.EndObject();
}

namespace {

void WriteDocumentFields(JsonOut& out, const index::DocumentRecord& d) {
  auto& w = out.w();
  out.Key("id");
  w.Int64(d.id);
  for (auto [key, value] :
       {std::pair<const char*, const std::string*>{"url", &d.url}, {"source", &d.source},
        {"title", &d.title}, {"published", &d.published}, {"date_evidence", &d.date_evidence},
        {"author", &d.author}, {"site", &d.site}, {"text", &d.text}, {"first_seen", &d.first_seen},
        {"last_seen", &d.last_seen}, {"removed_at", &d.removed_at}}) {
    out.Key(key);
    out.StringOrNull(*value);
  }
  out.Key("lang");
  out.String(LanguageCode(d.lang));
  out.Key("version");
  w.Int(d.version);
}

}  // namespace

void WriteDocument(JsonOut& out, const index::DocumentRecord& d) {
  out.w().StartObject();
  WriteDocumentFields(out, d);
  out.w().EndObject();
}

void WriteDocumentWithHistory(JsonOut& out, const index::DocumentRecord& doc,
                              const std::vector<index::DocumentRecord>& history,
                              const std::vector<index::StoredFact>* facts,
                              const std::vector<index::DocumentHeading>* translations) {
  auto& w = out.w();
  w.StartObject();
  WriteDocumentFields(out, doc);
  out.Key("history");
  w.StartArray();
  for (const index::DocumentRecord& v : history) WriteDocument(out, v);
  w.EndArray();
  if (facts != nullptr) {
    out.Key("facts");
    w.StartArray();
    for (const index::StoredFact& f : *facts) {
      WriteFact(out, f.fact, std::to_string(f.doc_id), /*with_offsets=*/true);
    }
    w.EndArray();
  }
  if (translations != nullptr) {
    out.Key("translations");
    WriteTranslations(out, *translations);
  }
  w.EndObject();
}

void WriteError(JsonOut& out, int http_status, std::string_view message) {
  auto& w = out.w();
  w.StartObject();
  out.Key("error");
  out.String(message);
  out.Key("status");
  w.Int(http_status);
  w.EndObject();
}

}  // namespace pressmine::tools
