// pressmine ingest PATH... : add local releases to the database.
#include <iostream>

#include "tools/command.h"
#include "tools/ingest_files.h"
#include "tools/json_writer.h"

namespace pressmine::tools {
namespace {

class IngestCommand final : public Command {
 public:
  explicit IngestCommand(CLI::App& app) {
    cmd_ = app.add_subcommand("ingest", "Add local .html/.htm/.txt files or directories (recursively)");
    cmd_->add_option("paths", paths_, "Files or directories")->required();
    cmd_->add_option("--lang", lang_, "Language of every file: ru|en (default: detected from the text)")
        ->check(CLI::IsMember({"ru", "en", "other"}));
    cmd_->add_option("--source", source_, "Source name stored with each document")
        ->capture_default_str();
    cmd_->add_option("--url", url_, "URL of the document (only with a single file; default file://PATH)");
    cmd_->add_flag("--json", json_, "Print the summary as JSON");
    cmd_->footer(
        "A .txt may open with a line \" date YYYY-MM-DD[ HH:MM]\"; the date becomes the release's\n"
        "publication date. Re-ingesting identical content adds nothing; changed content at the same\n"
        "URL keeps the earlier version. Exit code 1 when any file was rejected.");
  }

  CLI::App* subcommand() const override { return cmd_; }

  int Run(const GlobalOptions& global) override {
    Result<Database> db = OpenDatabase(global, /*must_exist=*/false);
    if (!db.ok()) {
      PrintError("ingest", db.status().message());
      return kExitRuntimeError;
    }
    IngestOptions options;
    if (!lang_.empty()) options.lang = ParseLanguageCode(lang_);
    options.source = source_;
    options.url = url_;

    const bool show_progress = StderrIsTerminal() && !json_;
    int done = 0;
    auto progress = [&](const std::string&, FileOutcome) {
      if (show_progress && ++done % 100 == 0) std::cerr << "\ringest: " << done << " files" << std::flush;
    };
    Result<IngestReport> report = IngestPaths(*db, paths_, options, Clock::System(), progress);
    if (show_progress && done >= 100) std::cerr << "\r";
    if (!report.ok()) {
      PrintError("ingest", report.status().message());
      return ExitCodeFor(report.status());
    }
    for (const auto& r : report->rejections) PrintError("ingest", r.path + ": " + r.reason);
    if (json_) {
      JsonOut out;
      out.w().StartObject();
      for (auto [key, value] : {std::pair{"added", report->added}, {"updated", report->updated},
                                {"unchanged", report->unchanged}, {"duplicates", report->duplicates},
                                {"rejected", report->rejected}, {"ignored", report->ignored}}) {
        out.Key(key);
        out.w().Int(value);
      }
      out.Key("rejections");
      out.w().StartArray();
      for (const auto& r : report->rejections) {
        out.w().StartObject();
        out.Key("path");
        out.String(r.path);
        out.Key("reason");
        out.String(r.reason);
        out.w().EndObject();
      }
      out.w().EndArray();
      out.w().EndObject();
      out.Print();
    } else {
      std::cout << "ingest: " << report->added << " added, " << report->updated << " updated, "
                << report->unchanged << " unchanged, " << report->rejected << " rejected";
      if (report->duplicates > 0) std::cout << ", " << report->duplicates << " duplicates";
      if (report->ignored > 0) std::cout << " (" << report->ignored << " other files ignored)";
      std::cout << "\n";
    }
    return report->rejected > 0 ? kExitRuntimeError : kExitOk;
  }

 private:
  CLI::App* cmd_;
  std::vector<std::string> paths_;
  std::string lang_;
  std::string source_ = "local";
  std::string url_;
  bool json_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeIngestCommand(CLI::App& app) { return std::make_unique<IngestCommand>(app); }

}  // namespace pressmine::tools
