// pressmine extract FILE : show what would be stored for one page, without storing it.
#include <iostream>

#include "base/file.h"
#include "crawler/charset.h"
#include "extract/article.h"
#include "tools/command.h"
#include "tools/json_writer.h"

namespace pressmine::tools {
namespace {

class ExtractCommand final : public Command {
 public:
  explicit ExtractCommand(CLI::App& app) {
    cmd_ = app.add_subcommand("extract", "Print the article extracted from one HTML or .txt file");
    cmd_->add_option("file", file_, "An .html/.htm page or a .txt release")->required();
    cmd_->add_option("--url", url_, "The page's URL (a date in it is evidence)");
    cmd_->add_flag("--json", json_, "Print one JSON object for scripts");
  }

  CLI::App* subcommand() const override { return cmd_; }

  int Run(const GlobalOptions&) override {
    Result<std::string> bytes = ReadFile(file_);
    if (!bytes.ok()) {
      PrintError("extract", bytes.status().message());
      return kExitRuntimeError;
    }
    const bool is_text = file_.size() >= 4 && file_.compare(file_.size() - 4, 4, ".txt") == 0;
    crawler::DecodeOptions decode;
    decode.sniff_html_meta = !is_text;
    Result<crawler::DecodedText> text = crawler::DecodeToUtf8(*bytes, decode);
    if (!text.ok()) {
      PrintError("extract", file_ + ": " + text.status().message());
      return kExitRuntimeError;
    }
    extract::HtmlOptions options;
    options.url = url_;
    Result<extract::Article> article = is_text ? extract::ExtractFromPlainText(text->utf8)
                                               : extract::ExtractFromHtml(text->utf8, options);
    if (!article.ok()) {
      PrintError("extract", file_ + ": " + article.status().message());
      return kExitRuntimeError;
    }
    if (json_) {
      JsonOut out;
      out.w().StartObject();
      for (auto [key, value] :
           {std::pair<const char*, std::string>{"title", article->title},
            {"published", article->published}, {"date_evidence", article->date_evidence},
            {"lang", std::string(LanguageCode(article->lang))}, {"author", article->author},
            {"site", article->site}, {"modified", article->modified},
            {"modified_evidence", article->modified_evidence}, {"text", article->Text()}}) {
        out.Key(key);
        out.StringOrNull(value);
      }
      out.Key("warnings");
      out.w().StartArray();
      for (const std::string& w : article->warnings) out.String(w);
      out.w().EndArray();
      out.w().EndObject();
      out.Print();
      return kExitOk;
    }
    std::cout << "title:     " << article->title << "\n"
              << "published: " << article->published
              << (article->date_evidence.empty() ? "" : " (" + article->date_evidence + ")") << "\n"
              << "lang:      " << LanguageCode(article->lang) << "\n";
    if (!article->author.empty()) std::cout << "author:    " << article->author << "\n";
    if (!article->site.empty()) std::cout << "site:      " << article->site << "\n";
    if (!article->modified.empty()) {
      std::cout << "modified:  " << article->modified << " (" << article->modified_evidence << ")\n";
    }
    for (const std::string& w : article->warnings) std::cout << "warning:   " << w << "\n";
    std::cout << "\n" << article->Text() << "\n";
    return kExitOk;
  }

 private:
  CLI::App* cmd_;
  std::string file_;
  std::string url_;
  bool json_ = false;
};

}  // namespace

std::unique_ptr<Command> MakeExtractCommand(CLI::App& app) { return std::make_unique<ExtractCommand>(app); }

}  // namespace pressmine::tools
