#include "crawler/internal/html_tags.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "crawler/internal/ascii.h"

namespace pressmine::crawler::internal {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Elements whose content is text up to their end tag: markup inside them is not markup.
constexpr std::string_view kRawText[] = {"script", "style",  "textarea", "title",
                                         "xmp",    "iframe", "noembed",  "noframes"};

// Position after the end tag `</name` (followed by space, '/' or '>') at or after `from`, or
// npos: the raw text runs to the end of input.
size_t SkipRawText(std::string_view html, size_t from, std::string_view name) {
  for (size_t p = html.find("</", from); p != std::string_view::npos; p = html.find("</", p + 2)) {
    const size_t end = p + 2 + name.size();
    if (end > html.size()) return std::string_view::npos;
    if (!EqualsLowerAscii(html.substr(p + 2, name.size()), name)) continue;
    if (end == html.size() || IsSpace(html[end]) || html[end] == '/' || html[end] == '>') return p;
  }
  return std::string_view::npos;
}

void AppendUtf8(std::string& out, uint32_t cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// The named references that occur in URLs and robots meta; others are kept as written.
struct NamedRef {
  std::string_view name;
  uint32_t cp;
};
constexpr NamedRef kNamed[] = {{"amp", '&'},  {"lt", '<'},    {"gt", '>'},
                               {"quot", '"'}, {"apos", '\''}, {"nbsp", 0xA0}};

}  // namespace

const std::string& HtmlTag::Attr(std::string_view attr_name) const {
  static const std::string kEmpty;
  for (const auto& [n, v] : attrs) {
    if (n == attr_name) return v;
  }
  return kEmpty;
}

std::string DecodeAttributeValue(std::string_view raw) {
  if (raw.find('&') == std::string_view::npos) return std::string(raw);
  std::string out;
  out.reserve(raw.size());
  for (size_t i = 0; i < raw.size();) {
    if (raw[i] != '&') {
      out += raw[i++];
      continue;
    }
    if (i + 1 < raw.size() && raw[i + 1] == '#') {
      size_t p = i + 2;
      const bool hex = p < raw.size() && (raw[p] == 'x' || raw[p] == 'X');
      if (hex) ++p;
      uint32_t cp = 0;
      const size_t digits_start = p;
      for (; p < raw.size(); ++p) {
        const char c = raw[p];
        int d = -1;
        if (c >= '0' && c <= '9') d = c - '0';
        if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
        if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
        if (d < 0) break;
        cp = std::min<uint32_t>(cp * (hex ? 16 : 10) + static_cast<uint32_t>(d), 0x110000);
      }
      if (p == digits_start) {  // "&#" without digits is text
        out += raw[i++];
        continue;
      }
      if (p < raw.size() && raw[p] == ';') ++p;
      AppendUtf8(out, cp);
      i = p;
      continue;
    }
    bool decoded = false;
    for (const NamedRef& r : kNamed) {
      if (raw.substr(i + 1, r.name.size()) == r.name && i + 1 + r.name.size() < raw.size() &&
          raw[i + 1 + r.name.size()] == ';') {
        AppendUtf8(out, r.cp);
        i += r.name.size() + 2;
        decoded = true;
        break;
      }
    }
    if (!decoded) out += raw[i++];
  }
  return out;
}

void ForEachStartTag(std::string_view html, std::initializer_list<std::string_view> wanted,
                     const std::function<void(const HtmlTag&)>& visit) {
  HtmlTag tag;
  std::string name;
  const size_t n = html.size();
  size_t i = 0;
  while (i < n) {
    const size_t lt = html.find('<', i);
    if (lt == std::string_view::npos || lt + 1 >= n) return;
    i = lt + 1;
    const char c = html[i];
    if (c == '!') {
      if (html.compare(i, 3, "!--") == 0) {
        // "<!-->" and "<!--->" are complete (empty) comments.
        size_t body = i + 3;
        if (body < n && html[body] == '>') {
          i = body + 1;
          continue;
        }
        if (html.compare(body, 2, "->") == 0) {
          i = body + 2;
          continue;
        }
        const size_t end = html.find("-->", body);
        if (end == std::string_view::npos) return;
        i = end + 3;
        continue;
      }
      const size_t end = html.find('>', i);  // doctype, CDATA, bogus comment
      if (end == std::string_view::npos) return;
      i = end + 1;
      continue;
    }
    if (c == '?' || (c == '/' && (i + 1 >= n || !IsAlpha(html[i + 1])))) {
      const size_t end = html.find('>', i);  // bogus comment
      if (end == std::string_view::npos) return;
      i = end + 1;
      continue;
    }
    const bool end_tag = c == '/';
    if (end_tag) ++i;
    if (!IsAlpha(html[i])) continue;  // "<" followed by text is text
    name.clear();
    while (i < n && !IsSpace(html[i]) && html[i] != '/' && html[i] != '>')
      name += LowerAscii(html[i++]);
    const bool keep = !end_tag && std::find(wanted.begin(), wanted.end(), name) != wanted.end();
    if (keep) {
      tag.name = name;
      tag.attrs.clear();
    }
    // Attributes: the same rules in start and end tags, so quotes protect '>' in both.
    bool closed = false;
    while (i < n) {
      while (i < n && (IsSpace(html[i]) || html[i] == '/')) ++i;
      if (i >= n) break;
      if (html[i] == '>') {
        closed = true;
        ++i;
        break;
      }
      const size_t name_start = i++;  // a leading '=' belongs to the name
      while (i < n && !IsSpace(html[i]) && html[i] != '/' && html[i] != '>' && html[i] != '=') ++i;
      const std::string_view attr_name = html.substr(name_start, i - name_start);
      while (i < n && IsSpace(html[i])) ++i;
      std::string_view value;
      if (i < n && html[i] == '=') {
        ++i;
        while (i < n && IsSpace(html[i])) ++i;
        if (i < n && (html[i] == '"' || html[i] == '\'')) {
          const size_t close = html.find(html[i], i + 1);
          if (close == std::string_view::npos) {
            i = n;
            break;
          }
          value = html.substr(i + 1, close - i - 1);
          i = close + 1;
        } else {
          const size_t start = i;
          while (i < n && !IsSpace(html[i]) && html[i] != '>') ++i;
          value = html.substr(start, i - start);
        }
      }
      if (keep) {
        std::string lower = LowerAscii(attr_name);
        const bool duplicate = std::any_of(tag.attrs.begin(), tag.attrs.end(),
                                           [&](const auto& a) { return a.first == lower; });
        if (!duplicate) tag.attrs.emplace_back(std::move(lower), DecodeAttributeValue(value));
      }
    }
    if (!closed) return;  // a tag cut off by the end of input is not a tag
    if (keep) visit(tag);
    if (end_tag) continue;
    if (name == "plaintext") return;  // everything after it is text
    for (std::string_view raw : kRawText) {
      if (name == raw) {
        const size_t end = SkipRawText(html, i, raw);
        if (end == std::string_view::npos) return;
        i = end;
        break;
      }
    }
  }
}

}  // namespace pressmine::crawler::internal
