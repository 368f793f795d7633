// bench_search: the search benchmark of issue #3.
//
//   bench_search generate --dir DIR [--docs 100000] [--extra 1000] [--seed N]
//       writes DIR/corpus.tsv (docs main releases + extra for the incremental batch) and
//       DIR/queries.tsv
//   bench_search run --dir DIR --engine pressmine|fts5 [--reps 5]
//       indexes, queries and writes DIR/results-<engine>.tsv (pressmine also writes
//       results-pressmine-mono.tsv)
//   bench_search report --dir DIR [--verbose]
//       prints the comparison table over every results file
//
// scripts/bench_search.sh runs all of it, with Sphinx and Xapian in between.
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "tools/bench_search/corpus_io.h"
#include "tools/bench_search/engines.h"
#include "tools/bench_search/generator.h"
#include "tools/bench_search/query_set.h"
#include "tools/bench_search/report.h"
#include "tools/bench_search/vocabulary.h"

namespace {

using namespace pressmine;
using namespace pressmine::bench;

int Fail(const Status& st) {
  std::fprintf(stderr, "bench_search: %s\n", st.ToString().c_str());
  return 1;
}

int Generate(const std::string& dir, int64_t docs, int64_t extra, uint64_t seed) {
  Result<Vocabulary> vocabulary = Vocabulary::Load();
  if (!vocabulary.ok()) return Fail(vocabulary.status());
  GeneratorOptions options;
  options.seed = seed;
  options.expected_docs = docs;
  Result<CorpusGenerator> generator = CorpusGenerator::Create(*vocabulary, options);
  if (!generator.ok()) return Fail(generator.status());
  const auto t0 = std::chrono::steady_clock::now();
  const std::vector<GeneratedDoc> corpus = generator->Generate(docs + extra);
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::filesystem::create_directories(dir);
  if (Status st = WriteCorpus(dir + "/corpus.tsv", corpus, docs); !st.ok()) return Fail(st);
  std::ofstream q(dir + "/queries.tsv", std::ios::binary);
  q << BenchDataFile("queries.tsv");
  if (!q) return Fail(Status::IoError(dir + "/queries.tsv: write failed"));
  int64_t bytes = 0;
  for (const GeneratedDoc& d : corpus) bytes += static_cast<int64_t>(d.title.size() + d.text.size());
  std::printf("generated %lld releases (%lld main + %lld incremental), %.1f MiB of text, in %.1f s\n",
              static_cast<long long>(corpus.size()), static_cast<long long>(docs),
              static_cast<long long>(extra), static_cast<double>(bytes) / (1024.0 * 1024.0), s);
  return 0;
}

int Run(const RunOptions& options, const std::string& engine) {
  Result<std::vector<CorpusDoc>> corpus = ReadCorpus(options.dir + "/corpus.tsv", true);
  if (!corpus.ok()) return Fail(corpus.status());
  Result<std::vector<BenchQuery>> queries = ParseQuerySet(BenchDataFile("queries.tsv"));
  if (!queries.ok()) return Fail(queries.status());
  const Status st = engine == "pressmine" ? RunPressmine(options, *corpus, *queries)
                                          : RunStockFts5(options, *corpus, *queries);
  return st.ok() ? 0 : Fail(st);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"pressmine search benchmark (issue #3)"};
  app.require_subcommand(1);
  std::string dir = "build/bench_search";
  int64_t docs = 100000, extra = 1000;
  uint64_t seed = 20260101;
  RunOptions run;
  std::string engine;
  bool verbose = false;

  CLI::App* gen = app.add_subcommand("generate", "generate the corpus and the query set");
  gen->add_option("--dir", dir, "working directory")->capture_default_str();
  gen->add_option("--docs", docs, "releases to index and query")->capture_default_str()->check(CLI::PositiveNumber);
  gen->add_option("--extra", extra, "releases of the incremental batch")->capture_default_str()->check(CLI::NonNegativeNumber);
  gen->add_option("--seed", seed, "generator seed")->capture_default_str();

  CLI::App* runc = app.add_subcommand("run", "index and query with one in-process engine");
  runc->add_option("--dir", dir, "working directory")->capture_default_str();
  runc->add_option("--engine", engine, "pressmine or fts5")->required()->check(CLI::IsMember({"pressmine", "fts5"}));
  runc->add_flag("--index-only", run.index_only, "stop after indexing (for profiling)");
  runc->add_flag("--queries-only", run.queries_only,
                 "pressmine: query the index an earlier run left (for iterating on search); after "
                 "a full run it also holds the incremental batch, which the ground truth leaves "
                 "out, so P and P@10 read a little low: re-query an --index-only run's index");
  runc->add_flag("--no-diagnostics", run.no_diagnostics, "skip timing the parts of each search");
  runc->add_option("--reps", run.reps, "timed runs per query")->capture_default_str()->check(CLI::PositiveNumber);

  CLI::App* rep = app.add_subcommand("report", "print the comparison table");
  rep->add_option("--dir", dir, "working directory")->capture_default_str();
  rep->add_flag("--verbose", verbose, "one line per query and engine");

  CLI11_PARSE(app, argc, argv);
  if (gen->parsed()) return Generate(dir, docs, extra, seed);
  if (runc->parsed()) {
    run.dir = dir;
    return Run(run, engine);
  }
  const Status st = PrintReport(dir, verbose);
  return st.ok() ? 0 : Fail(st);
}
