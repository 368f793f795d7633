#include "index/fts_tokenizer.h"

#include <sqlite3.h>

#include <memory>
#include <new>

#include "index/fts_rank.h"
#include "index/index_tokenizer.h"

namespace pressmine::index {
namespace {

// One per FTS5 table instance; FTS5 serializes calls on a connection, and our connections are
// single-threaded, so the nlp objects need no locking.
struct PressmineTokenizer {
  IndexTokenizer tokens;
};

int EmitVerbatim(void* ctx, std::string_view text,
                 int (*emit)(void*, int, const char*, int, int, int)) {
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(kVerbatimMarker, start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) {
      const int rc = emit(ctx, 0, text.data() + start, static_cast<int>(end - start),
                          static_cast<int>(start), static_cast<int>(end));
      if (rc != SQLITE_OK) return rc;
    }
    start = end + 1;
  }
  return SQLITE_OK;
}

int Create(void*, const char**, int, Fts5Tokenizer** out) noexcept {
  *out = nullptr;
  try {
    Result<IndexTokenizer> tokens = IndexTokenizer::Create();
    if (!tokens.ok()) return SQLITE_ERROR;
    auto* t = new (std::nothrow) PressmineTokenizer{std::move(tokens).value()};
    if (t == nullptr) return SQLITE_NOMEM;
    *out = reinterpret_cast<Fts5Tokenizer*>(t);
    return SQLITE_OK;
  } catch (const std::bad_alloc&) {
    return SQLITE_NOMEM;
  } catch (...) {
    return SQLITE_ERROR;
  }
}

void Delete(Fts5Tokenizer* p) noexcept { delete reinterpret_cast<PressmineTokenizer*>(p); }

int Tokenize(Fts5Tokenizer* p, void* ctx, int flags, const char* text, int length,
             int (*emit)(void*, int, const char*, int, int, int)) noexcept {
  try {
    auto* t = reinterpret_cast<PressmineTokenizer*>(p);
    const std::string_view input(text, length < 0 ? 0 : static_cast<size_t>(length));
    if (!input.empty() && input.front() == kVerbatimMarker) return EmitVerbatim(ctx, input, emit);
    // Keys are indexed beside the stem; queries ask for keys explicitly (query_compiler.h), so
    // a query term is only its stem, and snippet() and highlight() (FTS5_TOKENIZE_AUX) find
    // matches by position, which the stem alone gives: neither needs the keys.
    const bool with_keys = (flags & (FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_AUX)) == 0;
    int rc = SQLITE_OK;
    Status st = t->tokens.ForEachToken(input, with_keys, [&](const IndexToken& token) {
      const int begin = static_cast<int>(token.begin);
      const int end = static_cast<int>(token.end);
      rc = emit(ctx, 0, token.stem.data(), static_cast<int>(token.stem.size()), begin, end);
      if (rc == SQLITE_OK && !token.key.empty()) {
        rc = emit(ctx, FTS5_TOKEN_COLOCATED, token.key.data(), static_cast<int>(token.key.size()),
                  begin, end);
      }
      return rc == SQLITE_OK;
    });
    if (rc != SQLITE_OK) return rc;  // FTS5 asked us to stop (or failed): pass its code on
    return st.ok() ? SQLITE_OK : SQLITE_ERROR;
  } catch (const std::bad_alloc&) {
    return SQLITE_NOMEM;
  } catch (...) {
    return SQLITE_ERROR;
  }
}

fts5_api* GetFts5Api(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK) return nullptr;
  sqlite3_bind_pointer(stmt, 1, &api, "fts5_api_ptr", nullptr);
  sqlite3_step(stmt);
  sqlite3_finalize(stmt);
  return api;
}

std::string Reserved(std::string_view kind, std::string_view value) {
  std::string out = "=";
  out += kind;
  out += ':';
  out += value;
  return out;
}

}  // namespace

Status RegisterPressmineTokenizer(Database& db) {
  fts5_api* api = GetFts5Api(db.raw());
  if (api == nullptr) return Status::Unsupported(db.path() + ": this SQLite has no FTS5");
  fts5_tokenizer tokenizer{Create, Delete, Tokenize};
  const std::string name(kTokenizerName);
  const int rc = api->xCreateTokenizer(api, name.c_str(), nullptr, &tokenizer, nullptr);
  if (rc != SQLITE_OK) return db.LastError(rc, "registering the pressmine tokenizer");
  if (const int rank_rc = RegisterRankFunction(api); rank_rc != SQLITE_OK) {
    return db.LastError(rank_rc, "registering the pm_bm25 rank function");
  }
  return Status::Ok();
}

std::string NameKeyToken(std::string_view key) { return Reserved("k", key); }
std::string LanguageToken(Language lang) { return Reserved("l", LanguageCode(lang)); }
std::string SourceToken(std::string_view source) { return Reserved("s", source); }
std::string YearToken(std::string_view yyyy) { return Reserved("y", yyyy); }
std::string MonthToken(std::string_view yyyy_mm) { return Reserved("m", yyyy_mm); }

size_t ReadFtsString(std::string_view fts, size_t open, std::string* content) {
  size_t i = open + 1;
  for (; i < fts.size(); ++i) {
    if (fts[i] != '"') {
      if (content != nullptr) *content += fts[i];
    } else if (i + 1 < fts.size() && fts[i + 1] == '"') {
      if (content != nullptr) *content += '"';
      ++i;
    } else {
      return i + 1;
    }
  }
  return i;
}

std::string VerbatimFtsString(const std::vector<std::string>& tokens) {
  std::string out = "\"";
  for (const std::string& t : tokens) {
    out += kVerbatimMarker;
    for (char c : t) {
      if (c == '"') out += '"';
      out += c;
    }
  }
  out += '"';
  return out;
}

}  // namespace pressmine::index
