#include "index/lexicon_cache.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

#include <mutex>
#include <system_error>

#include "base/clock.h"

namespace pressmine::index {
namespace {

namespace fs = std::filesystem;

// Bumped when what goes into the lexicon changes in code rather than in its data files.
constexpr std::string_view kLexiconRecipe = "lexicon-1";

std::string FileStamp(const fs::path& p) {
  if (p.parent_path().empty()) return "none";
  std::error_code ec;
  const auto size = fs::file_size(p, ec);
  if (ec) return "absent";
  const auto time = fs::last_write_time(p, ec).time_since_epoch().count();
  return std::to_string(size) + "@" + std::to_string(time);
}

std::string Fingerprint(const LexiconSources& sources) {
  const std::string_view glossary = nlp::BuiltinGlossary();
  return std::string(kLexiconRecipe) + "|glossary:" +
         std::to_string(XXH3_64bits(glossary.data(), glossary.size())) +
         "|index:" + FileStamp(sources.mueller_dir / "mueller7.index") +
         "|dict:" + FileStamp(sources.mueller_dir / "mueller7.dict.dz");
}

bool MuellerInstalled(const LexiconSources& sources) {
  if (sources.mueller_dir.empty()) return false;
  std::error_code ec;
  return fs::exists(sources.mueller_dir / "mueller7.index", ec) &&
         fs::exists(sources.mueller_dir / "mueller7.dict.dz", ec);
}

// The last lexicon built or loaded in this process, by fingerprint: a process that opens many
// databases (tests, a server) builds it once.
struct ProcessCache {
  std::mutex mu;
  std::string fingerprint;
  std::shared_ptr<const nlp::Lexicon> lexicon;
};

ProcessCache& Cache() {
  static ProcessCache cache;
  return cache;
}

std::shared_ptr<const nlp::Lexicon> FromProcessCache(const std::string& fingerprint) {
  ProcessCache& c = Cache();
  std::lock_guard<std::mutex> lock(c.mu);
  return c.fingerprint == fingerprint ? c.lexicon : nullptr;
}

void ToProcessCache(const std::string& fingerprint, std::shared_ptr<const nlp::Lexicon> lexicon) {
  ProcessCache& c = Cache();
  std::lock_guard<std::mutex> lock(c.mu);
  c.fingerprint = fingerprint;
  c.lexicon = std::move(lexicon);
}

void StoreInDatabase(Database& db, const std::string& fingerprint, const nlp::Lexicon& lexicon) {
  Result<Statement> write = db.Prepare(
      "INSERT INTO lexicon_cache(id, fingerprint, description, blob, built_at) "
      "VALUES(1, ?1, ?2, ?3, ?4) ON CONFLICT(id) DO UPDATE SET fingerprint = excluded.fingerprint, "
      "description = excluded.description, blob = excluded.blob, built_at = excluded.built_at");
  if (!write.ok()) return;
  write->Bind(1, fingerprint).Bind(2, lexicon.description()).BindBlob(3, lexicon.Serialize())
      .Bind(4, FormatIsoUtc(Clock::System().NowUnixSeconds()));
  // A read-only or busy database keeps no cache; the lexicon in memory still serves.
  (void)write->Run();
}

}  // namespace

Result<std::shared_ptr<const nlp::Lexicon>> LoadLexicon(Database& db, const LexiconSources& sources) {
  const std::string fingerprint = Fingerprint(sources);
  if (auto cached = FromProcessCache(fingerprint)) return cached;
  PM_ASSIGN_OR_RETURN(Statement read,
                      db.Prepare("SELECT fingerprint, blob FROM lexicon_cache WHERE id = 1"));
  PM_ASSIGN_OR_RETURN(bool stored, read.Step());
  if (stored && read.ColumnText(0) == fingerprint) {
    Result<nlp::Lexicon> lexicon = nlp::Lexicon::Load(read.ColumnBlob(1));
    if (lexicon.ok()) {
      auto shared = std::make_shared<const nlp::Lexicon>(std::move(*lexicon));
      ToProcessCache(fingerprint, shared);
      return std::shared_ptr<const nlp::Lexicon>(std::move(shared));
    }
    // A damaged cache row is only a cache: rebuild below.
  }

  nlp::LexiconBuildOptions options;
  options.mueller_dir = MuellerInstalled(sources) ? sources.mueller_dir : fs::path();
  PM_ASSIGN_OR_RETURN(nlp::Lexicon lexicon, nlp::BuildLexicon(options));
  auto shared = std::make_shared<const nlp::Lexicon>(std::move(lexicon));
  StoreInDatabase(db, fingerprint, *shared);
  ToProcessCache(fingerprint, shared);
  return std::shared_ptr<const nlp::Lexicon>(std::move(shared));
}

}  // namespace pressmine::index
