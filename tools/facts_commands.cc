// pressmine facts / officials / timeline / refacts : the analysts' view of what releases state.
#include <chrono>
#include <iostream>

#include "extract/facts.h"
#include "index/document_store.h"
#include "index/fact_store.h"
#include "tools/command.h"
#include "tools/document_indexer.h"
#include "tools/facts_json.h"
#include "tools/json_writer.h"

namespace pressmine::tools {
namespace {

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

// RFC 4180 quoting: fields with commas, quotes or line breaks are quoted, quotes doubled.
std::string Csv(std::string_view field) {
  if (field.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(field);
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string Number(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

// The fields of a fact for text and CSV output: what, value, detail.
struct FactColumns {
  std::string what, value, detail;
};

FactColumns Columns(const extract::Fact& f) {
  switch (f.type) {
    case extract::FactType::kDate:
      return {"date", f.date.Iso(), f.date.relative ? "relative" : ""};
    case extract::FactType::kOfficial:
      return {f.official.name, f.official.position, f.official.org};
    case extract::FactType::kFigure: {
      std::string change;
      if (f.figure.change) {
        change = f.figure.change->direction + " " + Number(f.figure.change->value) + " " +
                 f.figure.change->unit;
        if (!f.figure.change->base.empty()) change += " vs " + f.figure.change->base;
      }
      // A figure that states only a change shows the change as its value; the period stays the
      // detail either way.
      if (!f.figure.value) return {f.figure.indicator, change, f.figure.period};
      const std::string& period = f.figure.period;
      return {f.figure.indicator, Number(*f.figure.value) + " " + f.figure.unit,
              period + (period.empty() || change.empty() ? "" : "; ") + change};
    }
    case extract::FactType::kProgram:
      return {f.program.name, f.program.kind, f.program.period};
    case extract::FactType::kCommitment:
      return {f.commitment.modality, f.commitment.target, f.commitment.actor};
  }
  return {};
}

Result<Database> OpenOrReport(const GlobalOptions& global, std::string_view command) {
  Result<Database> db = OpenDatabase(global, /*must_exist=*/true);
  if (!db.ok()) PrintError(command, db.status().message());
  return db;
}

class FactsCommand final : public Command {
 public:
  explicit FactsCommand(CLI::App& app) {
    cmd_ = app.add_subcommand("facts", "List facts stated in releases: dates, officials, figures, programs, commitments");
    cmd_->add_option("--type", filter_.type, "Only this type")
        ->check(CLI::IsMember({"date", "official", "figure", "program", "commitment"}));
    cmd_->add_option("--query", filter_.query, "Facts whose evidence or sentence contains this text");
    cmd_->add_option("--official", filter_.official, "Facts about this official (any spelling, either script)");
    cmd_->add_option("--indicator", filter_.indicator,
                     "Figures of this indicator (\"maternal mortality\", «материнская смертность», maternal_mortality)");
    cmd_->add_option("--lang", filter_.lang, "Only facts from releases in this language")
        ->check(CLI::IsMember({"ru", "en", "other"}));
    cmd_->add_option("--from", filter_.from, "Facts about this date or later (YYYY, YYYY-MM, YYYY-MM-DD)");
    cmd_->add_option("--to", filter_.to, "Facts about this date or earlier");
    cmd_->add_option("--doc", filter_.doc, "Facts of one document (its id)");
    cmd_->add_option("--limit", filter_.limit, "At most this many facts (0: all)")->capture_default_str();
    cmd_->add_option("--format", format_, "text, json or csv")->capture_default_str()
        ->check(CLI::IsMember({"text", "json", "csv"}));
  }
  CLI::App* subcommand() const override { return cmd_; }

  int Run(const GlobalOptions& global) override {
    Result<Database> db = OpenOrReport(global, "facts");
    if (!db.ok()) return kExitRuntimeError;
    Result<index::FactStore> store = index::FactStore::Open(*db);
    Result<extract::FactExtractor> extractor =
        store.ok() ? extract::FactExtractor::Create() : Result<extract::FactExtractor>(store.status());
    if (!extractor.ok()) {
      PrintError("facts", extractor.status().message());
      return kExitRuntimeError;
    }
    Result<index::FactQuery> q = MakeFactQuery(filter_, *extractor);
    if (!q.ok()) {
      PrintError("facts", "--" + q.status().message());
      return kExitUsage;
    }
    Result<std::vector<index::StoredFact>> facts = store->Query(*q);
    if (!facts.ok()) {
      PrintError("facts", facts.status().message());
      return kExitRuntimeError;
    }
    if (format_ == "json") {
      JsonOut out;
      WriteFacts(out, *facts);
      out.Print();
    } else if (format_ == "csv") {
      std::cout << "type,doc,published,lang,what,value,detail,text\n";
      for (const index::StoredFact& s : *facts) {
        const FactColumns c = Columns(s.fact);
        std::cout << extract::FactTypeName(s.fact.type) << "," << s.doc_id << "," << Csv(s.published)
                  << "," << LanguageCode(s.fact.lang) << "," << Csv(c.what) << "," << Csv(c.value)
                  << "," << Csv(c.detail) << "," << Csv(s.fact.text) << "\n";
      }
    } else {
      if (facts->empty()) std::cout << "No facts match.\n";
      for (const index::StoredFact& s : *facts) {
        const FactColumns c = Columns(s.fact);
        std::cout << "#" << s.doc_id << " " << (s.published.empty() ? "undated" : s.published.substr(0, 10))
                  << " " << LanguageCode(s.fact.lang) << "  " << extract::FactTypeName(s.fact.type)
                  << ": " << c.what << (c.value.empty() ? "" : " = " + c.value)
                  << (c.detail.empty() ? "" : " (" + c.detail + ")") << "\n      \"" << s.fact.text
                  << "\"\n";
      }
    }
    return kExitOk;
  }

 private:
  CLI::App* cmd_;
  FactsFilter filter_;
  std::string format_ = "text";
};

class OfficialsCommand final : public Command {
 public:
  explicit OfficialsCommand(CLI::App& app) {
    cmd_ = app.add_subcommand("officials", "Officials named in releases: positions over time, releases per language");
    cmd_->add_flag("--json", json_, "Print one JSON object for scripts");
  }
  CLI::App* subcommand() const override { return cmd_; }

  int Run(const GlobalOptions& global) override {
    Result<Database> db = OpenOrReport(global, "officials");
    if (!db.ok()) return kExitRuntimeError;
    Result<index::FactStore> store = index::FactStore::Open(*db);
    Result<std::vector<index::OfficialSummary>> officials =
        store.ok() ? store->Officials() : Result<std::vector<index::OfficialSummary>>(store.status());
    if (!officials.ok()) {
      PrintError("officials", officials.status().message());
      return kExitRuntimeError;
    }
    if (json_) {
      JsonOut out;
      WriteOfficials(out, *officials);
      out.Print();
      return kExitOk;
    }
    if (officials->empty()) std::cout << "No officials found.\n";
    for (const index::OfficialSummary& o : *officials) {
      std::string names;
      for (const auto& [name, n] : o.names) names += (names.empty() ? "" : " / ") + name;
      std::cout << names;
      for (const auto& [lang, n] : o.docs_by_lang) std::cout << "  [" << lang << ": " << n << "]";
      std::cout << "\n";
      for (const auto& [position, span] : o.positions) {
        std::cout << "    " << position << (o.org.empty() ? "" : ", " + o.org);
        if (!span.first.empty()) {
          std::cout << "  " << span.first.substr(0, 10);
          if (span.second != span.first) std::cout << " .. " << span.second.substr(0, 10);
        }
        std::cout << "\n";
      }
    }
    return kExitOk;
  }

 private:
  CLI::App* cmd_;
  bool json_ = false;
};

class TimelineCommand final : public Command {
 public:
  explicit TimelineCommand(CLI::App& app) {
    cmd_ = app.add_subcommand("timeline", "Reported values of one indicator over time, from releases in both languages");
    cmd_->add_option("indicator", indicator_words_,
                     "Indicator: \"maternal mortality\", «материнская смертность» or maternal_mortality")
        ->required();
    cmd_->add_flag("--json", json_, "Print one JSON object for scripts");
  }
  CLI::App* subcommand() const override { return cmd_; }

  int Run(const GlobalOptions& global) override {
    Result<Database> db = OpenOrReport(global, "timeline");
    if (!db.ok()) return kExitRuntimeError;
    Result<extract::FactExtractor> extractor = extract::FactExtractor::Create();
    Result<index::FactStore> store = index::FactStore::Open(*db);
    if (!extractor.ok() || !store.ok()) {
      PrintError("timeline", (!extractor.ok() ? extractor.status() : store.status()).message());
      return kExitRuntimeError;
    }
    Result<std::string> indicator = ResolveIndicator(*extractor, Join(indicator_words_));
    if (!indicator.ok()) {
      PrintError("timeline", indicator.status().message());
      return kExitUsage;
    }
    Result<Timeline> timeline = LoadTimeline(*store, *indicator);
    if (!timeline.ok()) {
      PrintError("timeline", timeline.status().message());
      return kExitRuntimeError;
    }
    if (json_) {
      JsonOut out;
      WriteTimeline(out, *timeline);
      out.Print();
      return kExitOk;
    }
    const std::vector<index::TimelinePoint>* points = &timeline->points;
    std::cout << *indicator << ": " << points->size() << " reported values\n";
    for (const index::TimelinePoint& p : *points) {
      std::cout << "  " << p.period << "  ";
      if (p.value) std::cout << Number(*p.value) << " " << p.unit;
      if (p.change) {
        std::cout << "  (" << p.change->direction << " " << Number(p.change->value) << " "
                  << p.change->unit << ")";
      }
      std::cout << "  #" << p.doc_id << " " << LanguageCode(p.lang) << " "
                << (p.published.empty() ? "undated" : p.published.substr(0, 10)) << "\n";
    }
    if (!timeline->commitments.empty()) std::cout << "commitments in the same releases:\n";
    for (const TimelineCommitment& c : timeline->commitments) {
      std::cout << "  by " << c.fact.commitment.target << "  " << c.fact.commitment.modality
                << ": " << c.fact.text << "  #" << c.doc_id << " " << LanguageCode(c.fact.lang)
                << "\n";
    }
    return kExitOk;
  }

 private:
  CLI::App* cmd_;
  std::vector<std::string> indicator_words_;
  bool json_ = false;
};

class RefactsCommand final : public Command {
 public:
  explicit RefactsCommand(CLI::App& app) {
    cmd_ = app.add_subcommand("refacts", "Extract the facts of every stored release again (after the rules changed)");
    cmd_->add_flag("--json", json_, "Print the summary as JSON");
  }
  CLI::App* subcommand() const override { return cmd_; }

  int Run(const GlobalOptions& global) override {
    // Documents per transaction: a kill loses at most one batch of re-extraction.
    constexpr int kBatch = 200;
    Result<Database> db = OpenOrReport(global, "refacts");
    if (!db.ok()) return kExitRuntimeError;
    Result<DocumentIndexer> indexer = DocumentIndexer::Open(*db);
    if (!indexer.ok()) {
      PrintError("refacts", indexer.status().message());
      return kExitRuntimeError;
    }
    const auto start = std::chrono::steady_clock::now();
    int64_t documents = 0;
    size_t facts = 0;
    Status st = [&]() -> Status {
      int64_t last_id = 0;
      for (;;) {
        PM_ASSIGN_OR_RETURN(Statement ids,
                            db->Prepare("SELECT id FROM documents WHERE id > ?1 ORDER BY id LIMIT ?2"));
        ids.Bind(1, last_id).Bind(2, kBatch);
        std::vector<int64_t> batch;
        for (;;) {
          PM_ASSIGN_OR_RETURN(bool row, ids.Step());
          if (!row) break;
          batch.push_back(ids.ColumnInt(0));
        }
        if (batch.empty()) return Status::Ok();
        PM_ASSIGN_OR_RETURN(Transaction tx, Transaction::Begin(*db));
        for (int64_t id : batch) {
          PM_ASSIGN_OR_RETURN(std::optional<index::DocumentRecord> doc, indexer->documents().Get(id));
          if (!doc) continue;
          PM_ASSIGN_OR_RETURN(size_t n, indexer->Refacts(*doc));
          facts += n;
          ++documents;
        }
        PM_RETURN_IF_ERROR(tx.Commit());
        last_id = batch.back();
        if (StderrIsTerminal() && !json_) std::cerr << "\rrefacts: " << documents << " documents" << std::flush;
      }
    }();
    if (StderrIsTerminal() && !json_ && documents > 0) std::cerr << "\r";
    if (!st.ok()) {
      PrintError("refacts", st.message());
      return kExitRuntimeError;
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (json_) {
      std::cout << "{\"documents\":" << documents << ",\"facts\":" << facts << ",\"seconds\":" << seconds << "}\n";
    } else {
      std::cout << "refacts: " << facts << " facts from " << documents << " documents in " << seconds << " s\n";
    }
    return kExitOk;
  }

 private:
  CLI::App* cmd_;
  bool json_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeFactsCommand(CLI::App& app) { return std::make_unique<FactsCommand>(app); }
std::unique_ptr<Command> MakeOfficialsCommand(CLI::App& app) { return std::make_unique<OfficialsCommand>(app); }
std::unique_ptr<Command> MakeTimelineCommand(CLI::App& app) { return std::make_unique<TimelineCommand>(app); }
std::unique_ptr<Command> MakeRefactsCommand(CLI::App& app) { return std::make_unique<RefactsCommand>(app); }

}  // namespace pressmine::tools
