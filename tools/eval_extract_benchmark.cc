// Runs pressmine's HTML extractor over the public article-extraction benchmark (181 pages, see
// its README) and writes predictions in the benchmark's format ({"<id>": {"articleBody":
// "..."}}), ready for its score.py. Also prints the same score computed here, the worst pages,
// and, with --show ID, one page's extraction next to its ground truth.
//
//   eval_extract_benchmark ../shared/benchmarks/article-extraction --out predictions.json
#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <map>

#include "base/file.h"
#include "extract/article.h"
#include "tools/extract_pages.h"

namespace pressmine::tools {
namespace {

int Run(const std::string& bench_dir, const std::string& out_path, const std::string& show,
        int worst) {
  auto truth_bytes = ReadFile(std::filesystem::path(bench_dir) / "ground-truth.json");
  if (!truth_bytes.ok()) {
    std::fprintf(stderr, "%s\n", truth_bytes.status().ToString().c_str());
    return 1;
  }
  rapidjson::Document truth;
  truth.Parse(truth_bytes->c_str());
  if (truth.HasParseError() || !truth.IsObject()) {
    std::fprintf(stderr, "%s/ground-truth.json: not a JSON object\n", bench_dir.c_str());
    return 1;
  }
  auto pages = ReadPages(std::filesystem::path(bench_dir) / "html");
  if (!pages.ok()) {
    std::fprintf(stderr, "%s\n", pages.status().ToString().c_str());
    return 1;
  }
  rapidjson::StringBuffer buffer;
  rapidjson::PrettyWriter<rapidjson::StringBuffer> writer(buffer);
  writer.StartObject();
  double precision_sum = 0, recall_sum = 0;
  int precision_n = 0, recall_n = 0;
  std::vector<std::pair<double, std::string>> per_page;
  for (const PageFile& page : *pages) {
    auto it = truth.FindMember(page.id.c_str());
    if (it == truth.MemberEnd()) continue;
    extract::HtmlOptions options;
    if (it->value.HasMember("url") && it->value["url"].IsString())
      options.url = it->value["url"].GetString();
    auto article = extract::ExtractFromHtml(page.html, options);
    const std::string body = article.ok() ? article->Text() : std::string();
    writer.Key(page.id.c_str());
    writer.StartObject();
    writer.Key("articleBody");
    writer.String(body.c_str(), static_cast<rapidjson::SizeType>(body.size()));
    writer.EndObject();
    const std::string expected =
        it->value.HasMember("articleBody") && it->value["articleBody"].IsString()
            ? it->value["articleBody"].GetString()
            : "";
    const ShingleScore s = ScoreText(expected, body);
    if (s.tp + s.fp > 0) {
      precision_sum += s.Precision();
      ++precision_n;
    }
    if (s.tp + s.fn > 0) {
      recall_sum += s.Recall();
      ++recall_n;
    }
    const double p = s.Precision(), r = s.Recall();
    per_page.emplace_back(p + r > 0 ? 2 * p * r / (p + r) : 0, page.id);
    if (page.id == show) {
      std::printf(
          "== %s\nurl: %s\ntitle: %s\npublished: %s (%s)\nP %.3f R %.3f\n--- extracted\n%s\n--- "
          "truth\n%s\n",
          page.id.c_str(), options.url.c_str(), article.ok() ? article->title.c_str() : "",
          article.ok() ? article->published.c_str() : "",
          article.ok() ? article->date_evidence.c_str() : "", p, r, body.c_str(), expected.c_str());
    }
  }
  writer.EndObject();
  if (!out_path.empty()) {
    Status st =
        WriteFileAtomically(out_path, std::string_view(buffer.GetString(), buffer.GetSize()));
    if (!st.ok()) {
      std::fprintf(stderr, "%s\n", st.ToString().c_str());
      return 1;
    }
  }
  std::sort(per_page.begin(), per_page.end());
  for (int k = 0; k < worst && k < static_cast<int>(per_page.size()); ++k) {
    std::printf("worst %.3f %s\n", per_page[static_cast<size_t>(k)].first,
                per_page[static_cast<size_t>(k)].second.c_str());
  }
  const double p = precision_n ? precision_sum / precision_n : 0;
  const double r = recall_n ? recall_sum / recall_n : 0;
  std::printf("pages %zu  F1 %.3f  precision %.3f  recall %.3f\n", per_page.size(),
              p + r > 0 ? 2 * p * r / (p + r) : 0, p, r);
  return 0;
}

}  // namespace
}  // namespace pressmine::tools

int main(int argc, char** argv) {
  CLI::App app{"Score pressmine's article extraction on the public article-extraction benchmark"};
  std::string dir, out, show;
  int worst = 0;
  app.add_option("benchmark_dir", dir, "folder with html/*.html.gz and ground-truth.json")
      ->required();
  app.add_option("--out", out, "write predictions JSON here (input for score.py)");
  app.add_option("--show", show, "print one page's extraction and ground truth");
  app.add_option("--worst", worst, "list the N pages with the lowest F1");
  CLI11_PARSE(app, argc, argv);
  return pressmine::tools::Run(dir, out, show, worst);
}
