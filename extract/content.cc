#include "extract/content.h"

#include <algorithm>

#include "extract/hints.h"
#include "extract/text_util.h"
#include "nlp/dates.h"

namespace pressmine::extract {
namespace {

// Readability's constants.
constexpr int32_t kMinScoredChars = 25;  // shorter text blocks do not vote
constexpr int32_t kCharsPerPoint = 100;  // one point per 100 characters...
constexpr int kMaxLengthPoints = 3;      // ...up to three
constexpr int kAncestorLevels = 5;       // how far up a block's vote reaches
constexpr size_t kTopCandidates = 5;
constexpr int kMinAlternatives = 3;  // near-best candidates that promote an ancestor
constexpr double kAlternativeRatio = 0.75;
constexpr double kSiblingShare = 0.2;  // siblings scoring this share of the top join
constexpr double kMinSiblingScore = 10;
constexpr int32_t kProseSiblingChars = 80;  // an unscored <p> sibling of this length joins
constexpr int kMaxCleanCommas = 10;         // blocks with this many commas are prose: kept
// A paragraph whose text is at least this share links is navigation, a byline or a teaser.
constexpr double kMaxParagraphLinkDensity = 0.5;
// When the strict pass yields fewer characters, the lenient pass is tried.
constexpr size_t kMinStrictChars = 250;
// A "date line" is short: a date, maybe a place or "Опубликовано:", nothing else.
constexpr size_t kMaxDateLineBytes = 80;
constexpr size_t kMaxCuedDateLineBytes = 200;  // "Published ... | Updated ..."
constexpr size_t kMaxCuedDateLineRestBytes = 64;
constexpr size_t kMaxDateLineRestBytes = 40;  // "Опубликовано", "Posted on", a city

struct Stats {
  int32_t chars = 0;
  int32_t link_chars = 0;
  int32_t commas = 0;
  int32_t inline_chars = 0;  // text not inside a nested block element
  int32_t inline_commas = 0;
  int32_t p = 0;
  int32_t img = 0;
  int32_t li = 0;
  int32_t heading_chars = 0;
  int32_t br = 0;
  bool has_block = false;
  double LinkDensity() const { return chars > 0 ? static_cast<double>(link_chars) / chars : 0; }
};

bool IsHeading(GumboTag tag) {
  return tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 || tag == GUMBO_TAG_H4 ||
         tag == GUMBO_TAG_H5 || tag == GUMBO_TAG_H6;
}

// Readability's initial score by tag.
double TagBase(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_DIV:
      return 5;
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_BLOCKQUOTE:
      return 3;
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_FORM:
      return -3;
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_TH:
      return -5;
    default:
      return 0;
  }
}

// A line that only dates the article: a date and a few words around it ("Бишкек, 28.01.2026"),
// or a "Published ... | Updated ..." line.
bool IsDateLine(const std::string& text) {
  if (text.size() > kMaxCuedDateLineBytes) return false;
  std::vector<nlp::DateMention> dates = nlp::FindDates(text);
  if (dates.empty()) return false;
  size_t covered = 0;
  for (const nlp::DateMention& d : dates) covered += d.end - d.begin;
  const size_t rest = text.size() - covered;
  // "Дата проведения — 12 марта 2026 года, место — Бишкек." is a sentence, not a date line.
  if (StartsWithDateCue(text) && text.back() != '.' && rest <= kMaxCuedDateLineRestBytes)
    return true;
  return text.size() <= kMaxDateLineBytes && rest <= kMaxDateLineRestBytes;
}

class Extractor {
 public:
  Extractor(const FlatDom& dom, std::string_view title, bool lenient)
      : dom_(dom), title_fp_(FoldForCompare(title)), lenient_(lenient) {}

  // With `whole_page`, no candidate is chosen: the whole body is cleaned paragraph by paragraph.
  ContentResult Run(bool whole_page = false) {
    ComputeStats();
    Score();
    whole_page_ = whole_page;
    ContentResult result;
    result.roots = whole_page ? std::vector<int32_t>{0} : ChooseRoots();
    for (int32_t root : result.roots) Emit(root, &result.paragraphs);
    for (const std::string& p : result.paragraphs) result.chars += p.size();
    return result;
  }

 private:
  bool Excluded(const DomNode& n) const { return n.boilerplate || (!lenient_ && n.unlikely); }
  size_t U(int32_t i) const { return static_cast<size_t>(i); }

  void ComputeStats() {
    const size_t n = dom_.size();
    stats_.assign(n, Stats());
    dead_.assign(n, 0);
    for (size_t i = 0; i < n; ++i) {
      const DomNode& d = dom_[i];
      dead_[i] = Excluded(d) || (d.parent >= 0 && dead_[U(d.parent)]);
    }
    for (size_t i = n; i-- > 0;) {
      const DomNode& d = dom_[i];
      Stats& s = stats_[i];
      if (d.is_text) {
        s.chars = s.inline_chars = d.chars;
        s.commas = s.inline_commas = d.commas;
        if (d.in_link) s.link_chars = d.chars;
      } else {
        if (d.tag == GUMBO_TAG_P) ++s.p;
        if (d.tag == GUMBO_TAG_IMG) ++s.img;
        if (d.tag == GUMBO_TAG_LI) ++s.li;
        if (d.tag == GUMBO_TAG_BR) ++s.br;
        if (IsHeading(d.tag)) s.heading_chars = s.chars;
      }
      if (Excluded(d) || d.parent < 0) continue;
      Stats& ps = stats_[U(d.parent)];
      ps.chars += s.chars;
      ps.link_chars += s.link_chars;
      ps.commas += s.commas;
      ps.p += s.p;
      ps.img += s.img;
      ps.li += s.li;
      ps.heading_chars += s.heading_chars;
      ps.br += s.br;
      if (!d.is_text && IsBlockTag(d.tag)) {
        ps.has_block = true;
      } else {
        ps.inline_chars += s.inline_chars;
        ps.inline_commas += s.inline_commas;
      }
    }
  }

  void Init(int32_t i) {
    if (scored_[U(i)]) return;
    scored_[U(i)] = 1;
    score_[U(i)] = TagBase(dom_[U(i)].tag) + dom_[U(i)].class_weight;
  }

  void Score() {
    const size_t n = dom_.size();
    score_.assign(n, 0);
    scored_.assign(n, 0);
    for (size_t i = 0; i < n; ++i) {
      const DomNode& d = dom_[i];
      if (d.is_text || dead_[i] || d.parent < 0) continue;
      const Stats& s = stats_[i];
      int32_t len = 0, commas = 0;
      // Text directly in a container counts as a paragraph inside it (readability wraps such
      // runs in <p>), so the container itself receives the first share.
      int32_t first = d.parent;
      switch (d.tag) {
        case GUMBO_TAG_P:
        case GUMBO_TAG_PRE:
        case GUMBO_TAG_TD:
        case GUMBO_TAG_H2:
        case GUMBO_TAG_H3:
        case GUMBO_TAG_H4:
        case GUMBO_TAG_H5:
        case GUMBO_TAG_H6:
          len = s.chars;
          commas = s.commas;
          break;
        case GUMBO_TAG_DIV:
        case GUMBO_TAG_SECTION:
        case GUMBO_TAG_ARTICLE:
        case GUMBO_TAG_MAIN:
        case GUMBO_TAG_CENTER:
        case GUMBO_TAG_BLOCKQUOTE:
        case GUMBO_TAG_DD:
          // A div without blocks is a paragraph; text directly in a container is one too.
          len = s.has_block ? s.inline_chars : s.chars;
          commas = s.has_block ? s.inline_commas : s.commas;
          if (s.has_block) first = static_cast<int32_t>(i);
          break;
        default:
          continue;
      }
      if (len < kMinScoredChars) continue;
      const double points = 1 + commas + std::min(len / kCharsPerPoint, kMaxLengthPoints);
      int32_t a = first;
      for (int level = 0; level < kAncestorLevels && a >= 0; ++level, a = dom_[U(a)].parent) {
        Init(a);
        const double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
        score_[U(a)] += points / divider;
      }
    }
    for (size_t i = 0; i < n; ++i) {
      if (scored_[i]) score_[i] *= 1 - stats_[i].LinkDensity();
    }
  }

  // Element children of i that survive the pass.
  std::vector<int32_t> LiveChildren(int32_t i) const {
    std::vector<int32_t> out;
    for (int32_t c = i + 1; c < dom_[U(i)].end; c = dom_[U(c)].end) {
      if (!dom_[U(c)].is_text && !dead_[U(c)]) out.push_back(c);
    }
    return out;
  }

  bool IsBody(int32_t i) const {
    return dom_[U(i)].tag == GUMBO_TAG_BODY || dom_[U(i)].tag == GUMBO_TAG_HTML;
  }

  std::vector<int32_t> ChooseRoots() {
    std::vector<int32_t> top;
    for (size_t i = 0; i < dom_.size(); ++i) {
      if (scored_[i] && !dead_[i]) top.push_back(static_cast<int32_t>(i));
    }
    if (top.empty()) return dom_.size() > 0 ? std::vector<int32_t>{0} : std::vector<int32_t>{};
    const size_t keep = std::min(kTopCandidates, top.size());
    std::partial_sort(top.begin(), top.begin() + static_cast<long>(keep), top.end(),
                      [&](int32_t a, int32_t b) { return score_[U(a)] > score_[U(b)]; });
    top.resize(keep);
    int32_t best = top[0];

    // Several near-best candidates under one ancestor: the ancestor is the article.
    std::vector<int32_t> alternatives;
    for (size_t k = 1; k < top.size(); ++k) {
      if (score_[U(top[k])] >= kAlternativeRatio * score_[U(best)]) alternatives.push_back(top[k]);
    }
    if (static_cast<int>(alternatives.size()) >= kMinAlternatives) {
      for (int32_t p = dom_[U(best)].parent; p >= 0 && !IsBody(p); p = dom_[U(p)].parent) {
        int holding = 0;
        for (int32_t alt : alternatives) holding += dom_.IsAncestor(p, alt) ? 1 : 0;
        if (holding >= kMinAlternatives) {
          best = p;
          Init(best);
          break;
        }
      }
    }
    // An ancestor that scores better than the candidate is the better container.
    double last = score_[U(best)];
    const double threshold = last / 3;
    for (int32_t p = dom_[U(best)].parent; p >= 0 && !IsBody(p); p = dom_[U(p)].parent) {
      if (!scored_[U(p)]) continue;
      if (score_[U(p)] < threshold) break;
      if (score_[U(p)] > last) {
        best = p;
        break;
      }
      last = score_[U(p)];
    }
    // A lone child says nothing its parent does not.
    while (dom_[U(best)].parent >= 0 && !IsBody(dom_[U(best)].parent) &&
           LiveChildren(dom_[U(best)].parent).size() == 1) {
      best = dom_[U(best)].parent;
    }

    const int32_t parent = dom_[U(best)].parent;
    if (parent < 0) return {best};
    const double best_score = score_[U(best)];
    const double sibling_threshold = std::max(kMinSiblingScore, best_score * kSiblingShare);
    const std::string_view best_class = Attr(dom_[U(best)].node, "class");
    std::vector<int32_t> roots;
    for (int32_t c : LiveChildren(parent)) {
      if (c == best) {
        roots.push_back(c);
        continue;
      }
      const double bonus = !best_class.empty() && Attr(dom_[U(c)].node, "class") == best_class
                               ? best_score * kSiblingShare
                               : 0;
      if (scored_[U(c)] && score_[U(c)] + bonus >= sibling_threshold) {
        roots.push_back(c);
      } else if (dom_[U(c)].tag == GUMBO_TAG_P) {
        const Stats& s = stats_[U(c)];
        if (s.chars > kProseSiblingChars && s.LinkDensity() < 0.25) roots.push_back(c);
      }
    }
    return roots;
  }

  // Readability's _cleanConditionally for lists, tables and divs inside the article. A block
  // holding most of the root's prose is the article, however many links surround it.
  bool LooksLikeFurniture(int32_t i, int32_t root) const {
    const DomNode& d = dom_[U(i)];
    const Stats& r = stats_[U(root)];
    const Stats& own = stats_[U(i)];
    if (2 * (own.chars - own.link_chars) > r.chars - r.link_chars) return false;
    switch (d.tag) {
      case GUMBO_TAG_DIV:
      case GUMBO_TAG_SECTION:
      case GUMBO_TAG_TABLE:
      case GUMBO_TAG_UL:
      case GUMBO_TAG_OL:
      case GUMBO_TAG_FORM:
      case GUMBO_TAG_FIELDSET:
        break;
      default:
        return false;
    }
    const Stats& s = stats_[U(i)];
    const int weight = d.class_weight;
    const double content_score = scored_[U(i)] ? score_[U(i)] : 0;
    if (weight + content_score < 0) return true;
    if (s.commas >= kMaxCleanCommas) return false;
    const bool is_list = d.tag == GUMBO_TAG_UL || d.tag == GUMBO_TAG_OL;
    const double heading_density = s.chars > 0 ? static_cast<double>(s.heading_chars) / s.chars : 0;
    const double ld = s.LinkDensity();
    if (s.img > 1 && static_cast<double>(s.p) / s.img < 0.5 && !d.in_figure) return true;
    if (!is_list && s.li - 100 > s.p) return true;
    if (!is_list && heading_density < 0.9 && s.chars < kMinScoredChars &&
        (s.img == 0 || s.img > 2) && !d.in_figure) {
      return true;
    }
    if (!is_list && weight < 25 && ld > 0.2) return true;
    if (weight >= 25 && ld > 0.5) return true;
    return false;
  }

  struct Paragraph {
    std::string text;
    int32_t chars = 0;
    int32_t link_chars = 0;
    int32_t block = -1;  // innermost block element holding the text
  };

  // Ends the current paragraph; returns the index to skip to when it opened a "related" block.
  int32_t Flush(Paragraph* p, int32_t root, std::vector<std::string>* out) {
    int32_t skip_to = -1;
    std::string text = CollapseWhitespace(p->text);
    if (!text.empty()) {
      const double ld = p->chars > 0 ? static_cast<double>(p->link_chars) / p->chars : 0;
      const PhraseKind kind = ClassifyParagraph(text);
      // A "related" heading opens a block; the same words as a link are a menu item.
      if (kind == PhraseKind::kRelated && ld < kMaxParagraphLinkDensity) {
        // Everything after it in its container is the related block.
        const int32_t block = p->block >= 0 ? p->block : root;
        const int32_t container = block == root ? root : dom_[U(block)].parent;
        skip_to = dom_[U(container)].end;
      } else if (kind == PhraseKind::kNone && ld < kMaxParagraphLinkDensity &&
                 (title_fp_.empty() || FoldForCompare(text) != title_fp_) && !IsDateLine(text)) {
        out->push_back(std::move(text));
      }
    }
    p->text.clear();
    p->chars = p->link_chars = 0;
    p->block = -1;
    return skip_to;
  }

  void Emit(int32_t root, std::vector<std::string>* out) {
    Paragraph para;
    std::vector<int32_t> open;    // elements entered and not yet left
    std::vector<int32_t> blocks;  // the block elements among them
    int32_t cells_in_row = 0;
    const int32_t end = dom_[U(root)].end;
    int32_t i = root;
    auto flush = [&] {
      const int32_t skip_to = Flush(&para, root, out);
      if (skip_to > i) i = skip_to;
    };
    while (true) {
      // Leave the elements that end before i.
      while (!open.empty() && i >= dom_[U(open.back())].end) {
        const int32_t left = open.back();
        open.pop_back();
        if (!blocks.empty() && blocks.back() == left) {
          blocks.pop_back();
          flush();
        }
      }
      if (i >= end) break;
      const DomNode& d = dom_[U(i)];
      if (d.is_text) {
        if (para.text.empty()) para.block = blocks.empty() ? -1 : blocks.back();
        para.text.append(d.node->v.text.text);
        para.chars += d.chars;
        if (d.in_link) para.link_chars += d.chars;
        ++i;
        continue;
      }
      if (dead_[U(i)] || (i != root && !whole_page_ && LooksLikeFurniture(i, root)) ||
          (IsHeading(d.tag) && d.class_weight < 0)) {
        i = d.end;
        continue;
      }
      if (d.tag == GUMBO_TAG_BR || d.tag == GUMBO_TAG_HR) {
        const int32_t before = i;
        flush();
        if (i == before) i = d.end;
        continue;
      }
      if (d.tag == GUMBO_TAG_TR) cells_in_row = 0;
      // Data cells (no blocks or line breaks inside) stay on their row's line; layout cells
      // are blocks.
      const bool cell = (d.tag == GUMBO_TAG_TD || d.tag == GUMBO_TAG_TH) &&
                        !stats_[U(i)].has_block && stats_[U(i)].br == 0;
      if (cell) {
        if (cells_in_row++ > 0) para.text.append(" | ");
        open.push_back(i);
        ++i;
        continue;
      }
      if (IsBlockTag(d.tag)) {
        const int32_t before = i;
        flush();
        if (i != before) continue;  // a related block began: skipped
        blocks.push_back(i);
      }
      open.push_back(i);
      ++i;
    }
    flush();
  }

  const FlatDom& dom_;
  const std::string title_fp_;
  const bool lenient_;
  bool whole_page_ = false;
  std::vector<Stats> stats_;
  std::vector<char> dead_;
  std::vector<double> score_;
  std::vector<char> scored_;
};

}  // namespace

ContentResult ExtractContent(const FlatDom& dom, std::string_view title) {
  if (dom.size() == 0) return {};
  ContentResult strict = Extractor(dom, title, /*lenient=*/false).Run();
  if (strict.chars >= kMinStrictChars) return strict;
  ContentResult lenient = Extractor(dom, title, /*lenient=*/true).Run();
  ContentResult& best = lenient.chars > strict.chars ? lenient : strict;
  if (!best.paragraphs.empty()) return best;
  return Extractor(dom, title, /*lenient=*/true).Run(/*whole_page=*/true);
}

std::vector<std::string> AllVisibleParagraphs(const FlatDom& dom) {
  std::string raw;
  std::vector<int32_t> open_blocks;
  for (size_t i = 0; i < dom.size(); ++i) {
    while (!open_blocks.empty() && static_cast<int32_t>(i) >= open_blocks.back()) {
      open_blocks.pop_back();
      raw.append("\n\n");
    }
    const DomNode& d = dom[i];
    if (d.is_text) {
      raw.append(d.node->v.text.text);
    } else if (IsBlockTag(d.tag) || d.tag == GUMBO_TAG_BR) {
      raw.append("\n\n");
      open_blocks.push_back(d.end);
    }
  }
  return SplitParagraphs(raw);
}

}  // namespace pressmine::extract
