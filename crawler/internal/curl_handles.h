// The one owner of libcurl handles (CURL*, CURLM*, curl_slist*).
#ifndef PRESSMINE_CRAWLER_INTERNAL_CURL_HANDLES_H_
#define PRESSMINE_CRAWLER_INTERNAL_CURL_HANDLES_H_

#include <curl/curl.h>

#include <memory>

namespace pressmine::crawler::internal {

struct CurlEasyDeleter {
  void operator()(CURL* h) const { curl_easy_cleanup(h); }
};
struct CurlMultiDeleter {
  void operator()(CURLM* h) const { curl_multi_cleanup(h); }
};
struct CurlSlistDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

using CurlEasy = std::unique_ptr<CURL, CurlEasyDeleter>;
using CurlMulti = std::unique_ptr<CURLM, CurlMultiDeleter>;
using CurlSlist = std::unique_ptr<curl_slist, CurlSlistDeleter>;

// Appends to a list owned by `list`; false when curl is out of memory (the list is unchanged).
inline bool SlistAppend(CurlSlist& list, const char* line) {
  curl_slist* grown = curl_slist_append(list.get(), line);
  if (grown == nullptr) return false;
  (void)list.release();
  list.reset(grown);
  return true;
}

// curl_global_init, once per process (thread-safe).
bool EnsureCurlGlobalInit();

}  // namespace pressmine::crawler::internal

#endif  // PRESSMINE_CRAWLER_INTERNAL_CURL_HANDLES_H_
