// Scores pressmine's HTML extraction on the project's own evaluation set of ministry pages
// (corpora/extract-eval: pages/*.html and truth.json, see generate.py there): text F1 by
// 4-token shingles (as the public benchmark's score.py), title and publication-date accuracy.
// Pages are decoded to UTF-8 the way the crawler does (crawler/charset.h), so the
// windows-1251 page is read as fetched.
//
//   eval_extract corpora/extract-eval [--verbose] [--min-f1 0.95] [--min-date-accuracy 0.95]
//
// With the --min-* flags it exits 1 when a mean falls below them (the ctest "extract_eval").
#include <rapidjson/document.h>

#include <CLI/CLI.hpp>
#include <cstdio>

#include "base/file.h"
#include "crawler/charset.h"
#include "extract/article.h"
#include "extract/text_util.h"
#include "tools/extract_pages.h"

namespace pressmine::tools {
namespace {

struct Options {
  std::string dir;
  bool verbose = false;
  double min_f1 = 0;
  double min_date_accuracy = 0;
};

std::string Str(const rapidjson::Value& obj, const char* key) {
  auto it = obj.FindMember(key);
  return it != obj.MemberEnd() && it->value.IsString() ? it->value.GetString() : "";
}

int Run(const Options& opt) {
  const std::filesystem::path dir(opt.dir);
  auto truth_bytes = ReadFile(dir / "truth.json");
  if (!truth_bytes.ok()) {
    std::fprintf(stderr, "%s\n", truth_bytes.status().ToString().c_str());
    return 2;
  }
  rapidjson::Document truth;
  truth.Parse(truth_bytes->c_str());
  if (truth.HasParseError() || !truth.IsObject()) {
    std::fprintf(stderr, "%s: not a JSON object\n", (dir / "truth.json").c_str());
    return 2;
  }
  auto pages = ReadPages(dir / "pages");
  if (!pages.ok()) {
    std::fprintf(stderr, "%s\n", pages.status().ToString().c_str());
    return 2;
  }
  int n = 0, dates_ok = 0, times_ok = 0, times_n = 0, titles_ok = 0;
  double f1_sum = 0, p_sum = 0, r_sum = 0;
  for (const PageFile& page : *pages) {
    auto it = truth.FindMember(page.id.c_str());
    if (it == truth.MemberEnd()) {
      std::fprintf(stderr, "%s: no ground truth\n", page.id.c_str());
      return 2;
    }
    const rapidjson::Value& t = it->value;
    ++n;
    crawler::DecodeOptions decode;
    auto utf8 = crawler::DecodeToUtf8(page.html, decode);
    extract::HtmlOptions options;
    options.url = Str(t, "url");
    Result<extract::Article> article = utf8.ok() ? extract::ExtractFromHtml(utf8->utf8, options)
                                                 : Result<extract::Article>(utf8.status());
    const std::string text = article.ok() ? article->Text() : "";
    const ShingleScore s = ScoreText(Str(t, "text"), text);
    const double p = s.Precision(), r = s.Recall();
    const double f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
    f1_sum += f1;
    p_sum += p;
    r_sum += r;
    const std::string want_date = Str(t, "published");
    const std::string got_date = article.ok() ? article->published : "";
    const bool date_ok = got_date.substr(0, 10) == want_date.substr(0, 10);
    dates_ok += date_ok;
    if (want_date.size() > 10) {
      ++times_n;
      times_ok += got_date == want_date;
    }
    const bool title_ok = article.ok() && extract::FoldForCompare(article->title) ==
                                              extract::FoldForCompare(Str(t, "title"));
    titles_ok += title_ok;
    if (opt.verbose || f1 < 0.95 || !date_ok) {
      std::printf(
          "%-22s F1 %.3f (P %.3f R %.3f)  date %s %-16s (want %s) via %s  title %s%s\n",
          page.id.c_str(), f1, p, r, date_ok ? "ok " : "BAD", got_date.c_str(), want_date.c_str(),
          article.ok() ? article->date_evidence.c_str() : "-", title_ok ? "ok" : "differs: ",
          title_ok ? ""
                   : (article.ok() ? article->title.c_str() : article.status().ToString().c_str()));
    }
  }
  if (n == 0) {
    std::fprintf(stderr, "%s: no pages\n", opt.dir.c_str());
    return 2;
  }
  const double mean_f1 = f1_sum / n, date_accuracy = static_cast<double>(dates_ok) / n;
  std::printf(
      "pages %d  mean F1 %.3f (P %.3f R %.3f)  date accuracy %.3f (%d/%d)  time accuracy %.3f "
      "(%d/%d)  title accuracy %.3f (%d/%d)\n",
      n, mean_f1, p_sum / n, r_sum / n, date_accuracy, dates_ok, n,
      times_n ? static_cast<double>(times_ok) / times_n : 1.0, times_ok, times_n,
      static_cast<double>(titles_ok) / n, titles_ok, n);
  if (mean_f1 < opt.min_f1 || date_accuracy < opt.min_date_accuracy) {
    std::printf("FAILED: mean F1 must be >= %.2f and date accuracy >= %.2f\n", opt.min_f1,
                opt.min_date_accuracy);
    return 1;
  }
  return 0;
}

}  // namespace
}  // namespace pressmine::tools

int main(int argc, char** argv) {
  CLI::App app{"Score pressmine's article extraction on the ministry-page evaluation set"};
  pressmine::tools::Options opt;
  app.add_option("eval_dir", opt.dir, "folder with pages/ and truth.json")->required();
  app.add_flag("--verbose", opt.verbose, "one line per page");
  app.add_option("--min-f1", opt.min_f1, "exit 1 when the mean text F1 is lower");
  app.add_option("--min-date-accuracy", opt.min_date_accuracy,
                 "exit 1 when date accuracy is lower");
  CLI11_PARSE(app, argc, argv);
  return pressmine::tools::Run(opt);
}
