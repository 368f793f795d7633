// HTML pages: guard the input, parse it with gumbo, then take the metadata (metadata.h), the
// title, the article body (content.h) and the publication date (page_dates.h) from it.
//
// The title is the page's <h1> when <title>, og:title or the JSON-LD headline confirm it (a
// site's logo is often an <h1> too); otherwise og:title, the headline, or <title> without the
// site name. Its position anchors the search for a written date.
#include <gumbo.h>

#include <optional>
#include <unordered_set>

#include "extract/article.h"
#include "extract/content.h"
#include "extract/dom.h"
#include "extract/gumbo_document.h"
#include "extract/metadata.h"
#include "extract/page_dates.h"
#include "extract/selector.h"
#include "extract/text_util.h"
#include "nlp/dates.h"
#include "nlp/language_detect.h"

namespace pressmine::extract {
namespace {

// A confirmed headline is at least this long once folded (shorter ones match too easily).
constexpr size_t kMinHeadlineFoldedBytes = 8;
// Headings looked at for the title.
constexpr size_t kMaxTitleHeadings = 8;

std::string NodeText(const FlatDom& dom, int32_t node) {
  std::string raw;
  for (int32_t i = node; i < dom[static_cast<size_t>(node)].end; ++i) {
    if (dom[static_cast<size_t>(i)].is_text)
      raw.append(dom[static_cast<size_t>(i)].node->v.text.text);
  }
  return CollapseWhitespace(raw);
}

// "Headline | Site name" -> "Headline": the longest part between separators.
std::string StripSiteName(const std::string& title) {
  static constexpr std::string_view kSeparators[] = {" | ",  " — ", " – ", " - ",
                                                     " :: ", " « ", " » "};
  std::vector<std::string> parts{title};
  for (std::string_view sep : kSeparators) {
    std::vector<std::string> next;
    for (const std::string& p : parts) {
      size_t start = 0;
      while (true) {
        size_t at = p.find(sep, start);
        next.push_back(p.substr(start, at == std::string::npos ? at : at - start));
        if (at == std::string::npos) break;
        start = at + sep.size();
      }
    }
    parts = std::move(next);
  }
  std::string best;
  for (const std::string& p : parts) {
    if (p.size() > best.size()) best = p;
  }
  return CollapseWhitespace(best);
}

struct TitleChoice {
  std::string text;
  int32_t node = -1;  // the heading holding it, when there is one
  // Only <title> (often just the site's name on old sites) or nothing backs it.
  bool weak = false;
};

// A headline: short, a few words, not ending like a sentence.
bool LooksLikeHeadline(const std::string& p) {
  constexpr size_t kMaxHeadlineBytes = 300;
  constexpr size_t kMinHeadlineWords = 3;
  if (p.empty() || p.size() > kMaxHeadlineBytes) return false;
  const char last = p.back();
  if (last == '.' || last == ':' || last == ';' || last == ',') return false;
  return CountWords(p) >= kMinHeadlineWords;
}

TitleChoice ChooseTitle(const FlatDom& dom, const PageMetadata& meta) {
  const std::string og = meta.Meta("og:title");
  const std::string headline = meta.json_ld.empty() ? std::string() : meta.json_ld.front().headline;
  const std::string folded_title_tag = FoldForCompare(meta.title_tag);
  const std::string folded_og = FoldForCompare(og);
  const std::string folded_headline = FoldForCompare(headline);
  std::vector<int32_t> h1s, h2s;
  for (size_t i = 0; i < dom.size() && h1s.size() < kMaxTitleHeadings; ++i) {
    if (dom[i].tag == GUMBO_TAG_H1) h1s.push_back(static_cast<int32_t>(i));
    if (dom[i].tag == GUMBO_TAG_H2 && h2s.size() < kMaxTitleHeadings)
      h2s.push_back(static_cast<int32_t>(i));
  }
  // An <h1> that the metadata confirms.
  for (int32_t h : h1s) {
    std::string text = NodeText(dom, h);
    std::string folded = FoldForCompare(text);
    if (folded.size() < kMinHeadlineFoldedBytes) continue;
    if (folded_title_tag.find(folded) != std::string::npos ||
        folded_og.find(folded) != std::string::npos || folded == folded_headline) {
      return {std::move(text), h, false};
    }
  }
  TitleChoice choice;
  if (!og.empty()) {
    choice.text = StripSiteName(og);
  } else if (!headline.empty()) {
    choice.text = headline;
  } else if (!meta.title_tag.empty()) {
    choice.text = StripSiteName(meta.title_tag);
    choice.weak = true;
  }
  // Find the heading that shows the chosen title, or fall back to the first real <h1>.
  const std::string folded = FoldForCompare(choice.text);
  for (const std::vector<int32_t>* list : {&h1s, &h2s}) {
    for (int32_t h : *list) {
      std::string f = FoldForCompare(NodeText(dom, h));
      if (f.size() >= kMinHeadlineFoldedBytes && !folded.empty() &&
          (f == folded || folded.find(f) != std::string::npos ||
           f.find(folded) != std::string::npos)) {
        choice.node = h;
        return choice;
      }
    }
  }
  if (choice.text.empty()) {
    for (int32_t h : h1s) {
      if (dom[static_cast<size_t>(h)].boilerplate) continue;
      std::string text = NodeText(dom, h);
      if (!text.empty()) return {std::move(text), h, false};
    }
  }
  choice.weak = choice.weak || choice.text.empty();
  return choice;
}

bool LooksLikeUrl(std::string_view s) {
  return s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0 || s.rfind("//", 0) == 0;
}

std::string ChooseAuthor(const PageMetadata& meta) {
  for (std::string_view key :
       {"author", "article:author", "parsely-author", "sailthru.author", "dc.creator"}) {
    std::string v = meta.Meta(key);
    if (!v.empty() && !LooksLikeUrl(v)) return v;
  }
  for (const JsonLdArticle& a : meta.json_ld) {
    if (!a.author.empty() && !LooksLikeUrl(a.author)) return a.author;
  }
  return {};
}

std::string ChooseSite(const PageMetadata& meta) {
  std::string site = meta.Meta("og:site_name");
  if (site.empty()) {
    for (const JsonLdArticle& a : meta.json_ld) {
      if (!a.publisher.empty()) return a.publisher;
    }
  }
  if (site.empty()) site = meta.Meta("application-name");
  return site;
}

// The parsed selectors of a source's SiteRules (null where the rule is empty).
struct CompiledRules {
  std::optional<Selector> content, title, published;
  std::vector<Selector> remove;
};

Result<CompiledRules> CompileRules(const SiteRules& rules) {
  CompiledRules out;
  auto compile = [](const std::string& text, std::string_view field,
                    std::optional<Selector>& into) -> Status {
    if (text.empty()) return Status::Ok();
    Result<Selector> sel = Selector::Parse(text);
    if (!sel.ok()) return sel.status().WithContext("extract." + std::string(field));
    into.emplace(std::move(*sel));
    return Status::Ok();
  };
  PM_RETURN_IF_ERROR(compile(rules.content, "content", out.content));
  PM_RETURN_IF_ERROR(compile(rules.title, "title", out.title));
  PM_RETURN_IF_ERROR(compile(rules.published, "published", out.published));
  for (const std::string& r : rules.remove) {
    Result<Selector> sel = Selector::Parse(r);
    if (!sel.ok()) return sel.status().WithContext("extract.remove");
    out.remove.push_back(std::move(*sel));
  }
  return out;
}

std::string GumboText(const GumboNode* root) {
  std::string raw;
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE) {
      raw.append(n->v.text.text);
      raw.push_back(' ');
    } else if (n->type == GUMBO_NODE_ELEMENT) {
      const GumboVector& children = n->v.element.children;
      for (size_t i = children.length; i-- > 0;) {
        stack.push_back(static_cast<const GumboNode*>(children.data[i]));
      }
    }
  }
  return CollapseWhitespace(raw);
}

int32_t IndexOf(const FlatDom& dom, const GumboNode* node) {
  for (size_t i = 0; i < dom.size(); ++i) {
    if (dom[i].node == node) return static_cast<int32_t>(i);
  }
  return -1;
}

}  // namespace

Status ValidateSiteRules(const SiteRules& rules) { return CompileRules(rules).status(); }

namespace {

// The article text of the `content` rule's matches, without the `remove` rule's elements.
std::vector<std::string> RuleParagraphs(const std::vector<const GumboNode*>& roots,
                                        const std::unordered_set<const GumboNode*>& removed) {
  std::vector<std::string> paragraphs;
  for (const GumboNode* root : roots) {
    const FlatDom part = FlatDom::Build(root, removed.empty() ? nullptr : &removed);
    for (std::string& p : AllVisibleParagraphs(part)) paragraphs.push_back(std::move(p));
  }
  return paragraphs;
}

}  // namespace

Result<Article> ExtractFromHtml(std::string_view html, const HtmlOptions& options) {
  PM_ASSIGN_OR_RETURN(CompiledRules rules, CompileRules(options.rules));
  Article article;
  if (html.size() > options.max_html_bytes) {
    article.warnings.push_back("input truncated from " + std::to_string(html.size()) +
                               " bytes to the first " + std::to_string(options.max_html_bytes) +
                               " bytes (HtmlOptions::max_html_bytes)");
    html = html.substr(0, options.max_html_bytes);
  }
  if (const size_t keep = DepthLimitedPrefix(html, options.max_nesting_depth); keep < html.size()) {
    article.warnings.push_back(
        "input truncated at byte " + std::to_string(keep) + ": elements nested deeper than " +
        std::to_string(options.max_nesting_depth) + " (HtmlOptions::max_nesting_depth)");
    html = html.substr(0, keep);
  }
  GumboDocument doc(html);
  const PageMetadata meta = CollectMetadata(doc.root());
  const GumboNode* body = FindBody(doc.root());
  std::unordered_set<const GumboNode*> removed;
  for (const Selector& r : rules.remove) {
    for (const GumboNode* n : r.FindAll(body)) removed.insert(n);
  }
  const FlatDom dom = FlatDom::Build(body, removed.empty() ? nullptr : &removed);
  if (dom.truncated()) {
    article.warnings.push_back("only the first " + std::to_string(kMaxDomNodes) +
                               " nodes of the page were read (kMaxDomNodes)");
  }
  TitleChoice title = ChooseTitle(dom, meta);
  if (rules.title) {
    const std::vector<const GumboNode*> found = rules.title->FindAll(body);
    if (!found.empty() && !GumboText(found.front()).empty()) {
      title = TitleChoice{GumboText(found.front()), IndexOf(dom, found.front()), false};
    } else {
      article.warnings.push_back("extract.title \"" + rules.title->text() + "\" matched nothing");
    }
  }
  article.title = title.text;
  ContentResult content;
  if (rules.content) {
    const std::vector<const GumboNode*> found = rules.content->FindAll(body);
    content.paragraphs = RuleParagraphs(found, removed);
    for (const GumboNode* n : found) {
      if (const int32_t i = IndexOf(dom, n); i >= 0) content.roots.push_back(i);
    }
    const std::string folded_title = FoldForCompare(article.title);
    std::erase_if(content.paragraphs, [&](const std::string& p) {
      return !folded_title.empty() && FoldForCompare(p) == folded_title;
    });
    if (content.paragraphs.empty()) {
      article.warnings.push_back("extract.content \"" + rules.content->text() +
                                 "\" matched no text; the article was found generically");
    }
  }
  if (content.paragraphs.empty()) content = ExtractContent(dom, title.text);
  article.paragraphs = std::move(content.paragraphs);
  if (article.paragraphs.empty()) {
    article.paragraphs = AllVisibleParagraphs(dom);
    const std::string folded_title = FoldForCompare(article.title);
    std::erase_if(article.paragraphs, [&](const std::string& p) {
      return !folded_title.empty() && FoldForCompare(p) == folded_title;
    });
    if (!article.paragraphs.empty()) {
      article.warnings.push_back("no article block found; the page's whole visible text was kept");
    }
  }
  if (article.paragraphs.empty()) {
    std::string message = "no article text found";
    for (const std::string& w : article.warnings) message += "; " + w;
    return Status::InvalidArgument(std::move(message));
  }
  // Old sites put the site's name in <title> and the headline, in bold, atop the text.
  if (title.weak && title.node < 0 && article.paragraphs.size() > 1 &&
      LooksLikeHeadline(article.paragraphs.front())) {
    article.title = std::move(article.paragraphs.front());
    article.paragraphs.erase(article.paragraphs.begin());
  }

  const PageDates dates = FindPageDates(dom, meta, title.node, content.roots, options.url);
  article.published = dates.published.iso;
  article.date_evidence = dates.published.evidence;
  if (rules.published) {
    std::optional<nlp::CalendarDate> date;
    const std::vector<const GumboNode*> found = rules.published->FindAll(body);
    if (!found.empty()) {
      for (const char* attr : {"datetime", "content"}) {
        if (!date && !Attr(found.front(), attr).empty()) date = nlp::ParseDateValue(Attr(found.front(), attr));
      }
      if (!date) date = nlp::ParseDateValue(GumboText(found.front()));
    }
    if (date) {
      article.published = date->ToIso();
      article.date_evidence = "rule:extract.published";
    } else {
      article.warnings.push_back("extract.published \"" + rules.published->text() +
                                 "\" gave no date; the date was found generically");
    }
  }
  article.modified = dates.modified.iso;
  article.modified_evidence = dates.modified.evidence;
  article.author = ChooseAuthor(meta);
  article.site = ChooseSite(meta);

  Language hint = options.lang_hint;
  if (hint == Language::kUnknown && meta.html_lang.size() >= 2) {
    hint = ParseLanguageCode(meta.html_lang.substr(0, 2)).value_or(Language::kUnknown);
  }
  article.lang = nlp::DetectLanguage(article.title + "\n" + article.Text(), hint);
  return article;
}

}  // namespace pressmine::extract
