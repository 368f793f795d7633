// The benchmark's fixed query set (corpora/bench/queries.tsv) and its ground truth.
//
// Each query has a class (word, phrase, name, cross, f-lang, f-source, f-date, multi), the
// language it is typed in, optional filters, and a relevance rule over the tags the generator
// planted: an AND of ORs of tags ("c:hemodialysis&p:tashmatov", "c:maternalmort|c:infantmort").
// A release is relevant when its tags satisfy the rule and it passes the query's filters.
//
// Thread-safety: immutable values.
#ifndef PRESSMINE_TOOLS_BENCH_SEARCH_QUERY_SET_H_
#define PRESSMINE_TOOLS_BENCH_SEARCH_QUERY_SET_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace pressmine::bench {

// What relevance needs to know about a release.
struct DocTruth {
  int64_t id = 0;
  std::string lang;
  std::string source;
  std::string published;          // YYYY-MM-DD
  std::vector<std::string> tags;  // sorted
};

struct BenchQuery {
  std::string id;
  std::string cls;
  std::string qlang;  // the language the query is typed in
  std::string text;   // words and "phrases"
  std::string lang;   // filter; "" = none
  std::string source;
  std::string from;  // inclusive ISO prefix; "" = open
  std::string to;
  std::vector<std::vector<std::string>> rule;  // AND of ORs of tags

  bool Relevant(const DocTruth& doc) const;
  bool PassesFilters(const DocTruth& doc) const;

  // The query's words and phrases, in order; a phrase keeps its inner spaces, without quotes.
  struct Part {
    std::string text;
    bool phrase = false;
  };
  std::vector<Part> Parts() const;
};

// Parses the query set file; kInvalidArgument naming the line when malformed.
Result<std::vector<BenchQuery>> ParseQuerySet(std::string_view tsv);

// The classes in report order.
const std::vector<std::string>& QueryClasses();

}  // namespace pressmine::bench

#endif  // PRESSMINE_TOOLS_BENCH_SEARCH_QUERY_SET_H_
