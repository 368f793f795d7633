// Extraction speed on one core: gumbo's parse alone, then pressmine's full HTML extraction
// (parse, metadata, body, dates), over the same pages held in memory. Prints pages/s and MB/s
// of input HTML for each. Use tools/bench_extract.sh to run it beside readability-lxml.
//
//   bench_extract ../shared/benchmarks/article-extraction/html [--min-seconds 3]
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>

#include "extract/article.h"
#include "extract/gumbo_document.h"
#include "tools/extract_pages.h"

namespace pressmine::tools {
namespace {

struct Timing {
  double seconds = 0;
  size_t pages = 0;
  size_t bytes = 0;
};

// Runs `fn` over every page, repeating whole passes until `min_seconds` have passed.
template <typename Fn>
Timing Measure(const std::vector<PageFile>& pages, double min_seconds, Fn fn) {
  Timing t;
  const auto start = std::chrono::steady_clock::now();
  do {
    for (const PageFile& p : pages) {
      fn(p.html);
      ++t.pages;
      t.bytes += p.html.size();
    }
    t.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  } while (t.seconds < min_seconds);
  return t;
}

void Print(const char* name, const Timing& t) {
  std::printf("%-28s %8.1f pages/s  %7.2f MB/s  (%zu pages in %.2f s)\n", name, t.pages / t.seconds,
              t.bytes / t.seconds / 1e6, t.pages, t.seconds);
}

}  // namespace
}  // namespace pressmine::tools

int main(int argc, char** argv) {
  using namespace pressmine;
  CLI::App app{"Measure HTML extraction speed on one core"};
  std::string dir;
  double min_seconds = 3;
  app.add_option("pages_dir", dir, "folder of *.html / *.html.gz pages")->required();
  app.add_option("--min-seconds", min_seconds,
                 "repeat passes over the pages for at least this long");
  CLI11_PARSE(app, argc, argv);
  auto pages = tools::ReadPages(dir);
  if (!pages.ok()) {
    std::fprintf(stderr, "%s\n", pages.status().ToString().c_str());
    return 1;
  }
  if (pages->empty()) {
    std::fprintf(stderr, "%s: no pages\n", dir.c_str());
    return 1;
  }
  size_t total = 0;
  for (const auto& p : *pages) total += p.html.size();
  std::printf("%zu pages, %.1f MB of HTML, one thread\n", pages->size(), total / 1e6);
  size_t sink = 0;
  tools::Print("gumbo parse only",
               tools::Measure(*pages, min_seconds, [&](const std::string& html) {
                 extract::GumboDocument doc(html);
                 sink += doc.root() != nullptr;
               }));
  tools::Print("pressmine full extraction",
               tools::Measure(*pages, min_seconds, [&](const std::string& html) {
                 auto a = extract::ExtractFromHtml(html);
                 sink += a.ok() ? a->paragraphs.size() : 0;
               }));
  return sink == 0 ? 1 : 0;
}
