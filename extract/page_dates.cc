#include "extract/page_dates.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "extract/hints.h"
#include "nlp/dates.h"

namespace pressmine::extract {
namespace {

// How far around the title a written date still belongs to the article (bytes of page text;
// the date line sits just above or below the headline, before the lead).
constexpr size_t kTextWindowBefore = 400;
constexpr size_t kTextWindowAfter = 1200;
// How much text before a date is read for a cue ("Обновлено:", "Published").
constexpr size_t kCueBytes = 48;

// <meta> keys that carry the publication date, best first.
constexpr std::string_view kPublishedMetas[] = {
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "datepublished",
    "published_time",
    "og:published_time",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "citation_publication_date",
    "citation_date",
    "article.published",
    "mediator_published_time",
    "dc.date",
    "date",
};
constexpr std::string_view kModifiedMetas[] = {
    "article:modified_time", "og:updated_time", "datemodified",  "dcterms.modified",
    "dc.date.modified",      "last-modified",   "modified_time",
};

struct Candidate {
  nlp::CalendarDate date;
  std::string evidence;
};

std::optional<Candidate> FromValue(std::string_view value, std::string evidence) {
  if (auto d = nlp::ParseDateValue(value)) return Candidate{*d, std::move(evidence)};
  return std::nullopt;
}

bool ContainsAny(std::string_view haystack, std::initializer_list<std::string_view> needles) {
  std::string lower(haystack);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (std::string_view n : needles) {
    if (lower.find(n) != std::string::npos) return true;
  }
  return false;
}

// The page's visible text (furniture included) with each node's starting offset, so that
// "near the title" can be measured.
struct PageText {
  std::string text;
  std::vector<size_t> offset;  // per DOM node
};

PageText BuildPageText(const FlatDom& dom) {
  PageText pt;
  pt.offset.resize(dom.size() + 1);
  for (size_t i = 0; i < dom.size(); ++i) {
    pt.offset[i] = pt.text.size();
    const DomNode& d = dom[i];
    if (d.is_text) {
      pt.text.append(d.node->v.text.text);
    } else if (IsBlockTag(d.tag) || d.tag == GUMBO_TAG_BR) {
      pt.text.push_back('\n');
    }
  }
  pt.offset[dom.size()] = pt.text.size();
  return pt;
}

bool IsModifiedTime(const FlatDom& dom, int32_t i) {
  for (int32_t n = i, level = 0; n >= 0 && level < 2;
       n = dom[static_cast<size_t>(n)].parent, ++level) {
    const GumboNode* g = dom[static_cast<size_t>(n)].node;
    if (ContainsAny(Attr(g, "class"), {"modif", "updat"}) ||
        ContainsAny(Attr(g, "itemprop"), {"datemodified"})) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::string DateFromUrl(std::string_view url) {
  // The path only: after "scheme://host", before "?" or "#".
  size_t start = url.find("://");
  start = start == std::string_view::npos ? 0 : url.find('/', start + 3);
  if (start == std::string_view::npos) return {};
  std::string_view path = url.substr(start);
  path = path.substr(0, std::min(path.find('?'), path.find('#')));
  auto digits_at = [&](size_t pos, size_t n, int* out) {
    if (pos + n > path.size()) return false;
    int v = 0;
    for (size_t k = pos; k < pos + n; ++k) {
      if (path[k] < '0' || path[k] > '9') return false;
      v = v * 10 + (path[k] - '0');
    }
    *out = v;
    return true;
  };
  auto is_sep = [&](size_t pos) {
    return pos < path.size() && (path[pos] == '/' || path[pos] == '-' || path[pos] == '_');
  };
  for (size_t i = 0; i + 8 <= path.size(); ++i) {
    if (i > 0 && std::isdigit(static_cast<unsigned char>(path[i - 1]))) continue;
    int y = 0, m = 0, d = 0;
    if (!digits_at(i, 4, &y) || y < 1990 || y > 2100) continue;
    bool ok = false;
    size_t end = 0;
    if (is_sep(i + 4) && digits_at(i + 5, 2, &m) && is_sep(i + 7) && digits_at(i + 8, 2, &d)) {
      ok = true;
      end = i + 10;
    } else if (digits_at(i + 4, 2, &m) && digits_at(i + 6, 2, &d)) {
      ok = true;
      end = i + 8;
    }
    if (!ok || (end < path.size() && std::isdigit(static_cast<unsigned char>(path[end])))) continue;
    if (nlp::IsValidDate(y, m, d)) return nlp::CalendarDate{y, m, d}.ToIso();
  }
  return {};
}

PageDates FindPageDates(const FlatDom& dom, const PageMetadata& meta, int32_t title_node,
                        const std::vector<int32_t>& content_roots, std::string_view url) {
  std::vector<Candidate> found;  // best first
  PageDates result;

  // 1. JSON-LD.
  for (const JsonLdArticle& a : meta.json_ld) {
    if (auto c = FromValue(a.date_published, "json-ld:datePublished")) found.push_back(*c);
    if (auto c = FromValue(a.date_created, "json-ld:dateCreated")) found.push_back(*c);
    if (result.modified.iso.empty()) {
      if (auto d = nlp::ParseDateValue(a.date_modified)) {
        result.modified = {d->ToIso(), "json-ld:dateModified"};
      }
    }
  }
  // 2. <meta> and itemprop.
  for (std::string_view key : kPublishedMetas) {
    if (auto c = FromValue(meta.Meta(key), "meta:" + std::string(key))) found.push_back(*c);
  }
  for (std::string_view key : kModifiedMetas) {
    if (!result.modified.iso.empty()) break;
    if (auto d = nlp::ParseDateValue(meta.Meta(key))) {
      result.modified = {d->ToIso(), "meta:" + std::string(key)};
    }
  }
  for (size_t i = 0; i < dom.size(); ++i) {
    const DomNode& d = dom[i];
    if (d.is_text || d.tag == GUMBO_TAG_META) continue;  // <meta> in body was collected already
    if (Attr(d.node, "itemprop") == "datePublished") {
      std::string_view v = Attr(d.node, "datetime");
      if (v.empty()) v = Attr(d.node, "content");
      if (auto c = FromValue(v, "itemprop:datePublished")) found.push_back(*c);
    }
  }

  // Where "near the article" is, in page-text offsets.
  PageText pt = BuildPageText(dom);
  size_t anchor_begin = std::string::npos, anchor_end = 0;
  if (title_node >= 0) {
    anchor_begin = pt.offset[static_cast<size_t>(title_node)];
    anchor_end = pt.offset[static_cast<size_t>(dom[static_cast<size_t>(title_node)].end)];
  } else if (!content_roots.empty()) {
    anchor_begin = anchor_end = pt.offset[static_cast<size_t>(content_roots.front())];
  }
  const bool have_anchor = anchor_begin != std::string::npos;
  const size_t window_begin =
      have_anchor && anchor_begin > kTextWindowBefore ? anchor_begin - kTextWindowBefore : 0;
  const size_t window_end =
      have_anchor ? std::min(pt.text.size(), anchor_end + kTextWindowAfter) : 0;
  auto in_content = [&](size_t i) {
    for (int32_t r : content_roots) {
      if (dom.IsAncestor(r, static_cast<int32_t>(i))) return true;
    }
    return false;
  };
  auto cue_before = [&](size_t offset) {
    const size_t from = offset > kCueBytes ? offset - kCueBytes : 0;
    return CueBefore(std::string_view(pt.text).substr(from, offset - from));
  };

  // 3. <time datetime> near the title or in the article.
  for (size_t i = 0; i < dom.size(); ++i) {
    const DomNode& d = dom[i];
    if (d.is_text || d.tag != GUMBO_TAG_TIME) continue;
    const size_t at = pt.offset[i];
    const bool near = (have_anchor && at >= window_begin && at < window_end) || in_content(i);
    if (!near) continue;
    std::string_view value = Attr(d.node, "datetime");
    std::string text;
    if (value.empty()) {
      text = pt.text.substr(at, pt.offset[static_cast<size_t>(d.end)] - at);
      value = text;
    }
    auto date = nlp::ParseDateValue(value);
    if (!date) continue;
    if (IsModifiedTime(dom, static_cast<int32_t>(i)) || cue_before(at) == DateCue::kModified) {
      if (result.modified.iso.empty()) result.modified = {date->ToIso(), "time[datetime]:modified"};
      continue;
    }
    found.push_back({*date, "time[datetime]"});
    break;
  }

  // 4. The URL.
  if (std::string iso = DateFromUrl(url); !iso.empty()) {
    if (auto c = FromValue(iso, "url")) found.push_back(*c);
  }

  // 5. Text near the title: the date closest to it (date lines sit right above or below).
  if (have_anchor && window_end > window_begin) {
    const std::string_view window =
        std::string_view(pt.text).substr(window_begin, window_end - window_begin);
    std::optional<Candidate> closest;
    size_t closest_distance = std::string::npos;
    for (const nlp::DateMention& m : nlp::FindDates(window)) {
      const size_t at = window_begin + m.begin;
      if (cue_before(at) == DateCue::kModified) {
        if (result.modified.iso.empty()) result.modified = {m.date.ToIso(), "text:modified"};
        continue;
      }
      const size_t end = window_begin + m.end;
      const size_t distance = at >= anchor_end      ? at - anchor_end
                              : end <= anchor_begin ? anchor_begin - end
                                                    : 0;
      if (distance < closest_distance) {
        closest_distance = distance;
        closest = Candidate{m.date, "text"};
      }
    }
    if (closest) found.push_back(*closest);
  }

  if (found.empty()) return result;
  Candidate best = found.front();
  if (!best.date.has_time()) {
    for (const Candidate& c : found) {
      if (c.date.has_time() && c.date.DateOnly() == best.date.DateOnly()) {
        best.date = c.date;
        break;
      }
    }
  }
  result.published = {best.date.ToIso(), best.evidence};
  return result;
}

}  // namespace pressmine::extract
