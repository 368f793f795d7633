#include "extract/article.h"

namespace pressmine::extract {

std::string Article::Text() const {
  std::string out;
  for (const std::string& p : paragraphs) {
    if (!out.empty()) out += "\n\n";
    out += p;
  }
  return out;
}

}  // namespace pressmine::extract
