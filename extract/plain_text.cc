// Plain-text releases: an optional " date YYYY-MM-DD[ HH:MM]" opening line, then paragraphs
// separated by blank lines. The text may continue on the date line itself (as exported by some
// news aggregators). The title is the first short paragraph that reads like a headline.
#include <cctype>
#include <regex>

#include "extract/article.h"
#include "extract/text_util.h"
#include "nlp/language_detect.h"

namespace pressmine::extract {
namespace {

// A headline is short and does not end like a sentence.
constexpr size_t kMaxTitleBytes = 300;
constexpr size_t kMinTitleWords = 3;

bool LooksLikeTitle(const std::string& p) {
  if (p.empty() || p.size() > kMaxTitleBytes) return false;
  const char last = p.back();
  if (last == '.' || last == ':' || last == ';' || last == ',') return false;
  return CountWords(p) >= kMinTitleWords;
}

}  // namespace

Result<Article> ExtractFromPlainText(std::string_view text, Language lang_hint) {
  Article article;
  // The date line: leading blanks, the word "date", an ISO date and an optional time.
  static const std::regex kDateLine(R"(^[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}))?[ \t]*)");
  std::string body(text);
  if (body.size() >= 3 && body.compare(0, 3, "\xEF\xBB\xBF") == 0) body.erase(0, 3);  // BOM
  std::smatch m;
  if (std::regex_search(body, m, kDateLine)) {
    article.published = m[1].str();
    if (m[2].matched) article.published += "T" + m[2].str();
    article.date_evidence = "txt-header";
    body.erase(0, static_cast<size_t>(m.length(0)));
  }
  std::vector<std::string> paragraphs = SplitParagraphs(body);
  if (paragraphs.empty()) return Status::InvalidArgument("no text after the date line");

  // A one-word rubric ("Общество", "Health") may stand above the headline.
  for (size_t i = 0; i < paragraphs.size() && i < 2; ++i) {
    if (LooksLikeTitle(paragraphs[i])) {
      article.title = paragraphs[i];
      paragraphs.erase(paragraphs.begin(), paragraphs.begin() + static_cast<long>(i) + 1);
      break;
    }
    if (CountWords(paragraphs[i]) > 2) break;  // body text, not a rubric: no title line
  }
  article.paragraphs = std::move(paragraphs);
  article.lang = nlp::DetectLanguage(article.title + "\n" + article.Text(), lang_hint);
  return article;
}

}  // namespace pressmine::extract
