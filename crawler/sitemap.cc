// Sitemaps (sitemaps.org 0.9) and feeds (RSS 2.0, RSS 1.0, Atom) with pugixml.
//
// Element names are matched on their local part, so documents with or without namespace
// prefixes ("<ns0:loc>", "<atom:link>") parse alike; real CMS output mixes both. Entries whose
// URL does not resolve to http(s) are skipped rather than failing the whole document.
#include <cstring>
#include <pugixml.hpp>

#include "crawler/discovery.h"
#include "crawler/internal/gzip.h"
#include "crawler/url.h"

namespace pressmine::crawler {
namespace {

std::string_view LocalName(const pugi::xml_node& n) {
  std::string_view name = n.name();
  const size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node Child(const pugi::xml_node& parent, std::string_view local) {
  for (pugi::xml_node c : parent.children()) {
    if (c.type() == pugi::node_element && LocalName(c) == local) return c;
  }
  return {};
}

std::string Text(const pugi::xml_node& n) {
  std::string s = n.text().get();
  const size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return std::string();
  const size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

Result<pugi::xml_document> LoadXml(std::string_view bytes, std::string_view url,
                                   std::string* storage) {
  if (internal::LooksGzipped(bytes)) {
    Result<std::string> plain = internal::Gunzip(bytes, kMaxSitemapBytes);
    if (!plain.ok()) return plain.status().WithContext(std::string(url));
    *storage = std::move(plain).value();
    bytes = *storage;
  }
  pugi::xml_document doc;
  const pugi::xml_parse_result r =
      doc.load_buffer(bytes.data(), bytes.size(), pugi::parse_default, pugi::encoding_auto);
  if (!r) {
    return Status::InvalidArgument(std::string(url) + ": not XML: " + r.description() +
                                   " at byte " + std::to_string(r.offset));
  }
  return doc;
}

void Add(std::vector<DiscoveredUrl>& out, std::string_view base, const std::string& href,
         int64_t lastmod) {
  if (href.empty()) return;
  Result<std::string> u = Resolve(base, href);
  if (u.ok()) out.push_back({std::move(u).value(), lastmod});
}

}  // namespace

Result<Sitemap> ParseSitemap(std::string_view bytes, std::string_view url) {
  std::string storage;
  PM_ASSIGN_OR_RETURN(pugi::xml_document doc, LoadXml(bytes, url, &storage));
  const pugi::xml_node root = doc.document_element();
  Sitemap out;
  const std::string_view name = LocalName(root);
  if (name == "sitemapindex") {
    out.is_index = true;
  } else if (name != "urlset") {
    return Status::InvalidArgument(std::string(url) + ": root element <" +
                                   std::string(root.name()) +
                                   "> is neither <urlset> nor <sitemapindex>");
  }
  const std::string_view entry = out.is_index ? "sitemap" : "url";
  for (pugi::xml_node n : root.children()) {
    if (n.type() != pugi::node_element || LocalName(n) != entry) continue;
    if (out.entries.size() >= kMaxSitemapEntries) break;
    Add(out.entries, url, Text(Child(n, "loc")), ParseFeedDate(Text(Child(n, "lastmod"))));
  }
  return out;
}

Result<std::vector<DiscoveredUrl>> ParseFeed(std::string_view bytes, std::string_view url) {
  std::string storage;
  PM_ASSIGN_OR_RETURN(pugi::xml_document doc, LoadXml(bytes, url, &storage));
  const pugi::xml_node root = doc.document_element();
  std::vector<DiscoveredUrl> out;
  const std::string_view name = LocalName(root);
  if (name == "rss" || name == "RDF") {
    // RSS 2.0 puts items in <channel>; RSS 1.0 (RDF) puts them beside it.
    pugi::xml_node holder = name == "rss" ? Child(root, "channel") : root;
    for (pugi::xml_node item : holder.children()) {
      if (item.type() != pugi::node_element || LocalName(item) != "item") continue;
      std::string link = Text(Child(item, "link"));
      if (link.empty()) {
        // Some feeds give only <guid isPermaLink="true">.
        pugi::xml_node guid = Child(item, "guid");
        if (std::strcmp(guid.attribute("isPermaLink").as_string("true"), "false") != 0)
          link = Text(guid);
      }
      int64_t date = ParseFeedDate(Text(Child(item, "pubDate")));
      if (date == 0) date = ParseFeedDate(Text(Child(item, "date")));  // dc:date
      Add(out, url, link, date);
    }
  } else if (name == "feed") {
    for (pugi::xml_node entry : root.children()) {
      if (entry.type() != pugi::node_element || LocalName(entry) != "entry") continue;
      std::string href;
      for (pugi::xml_node l : entry.children()) {
        if (l.type() != pugi::node_element || LocalName(l) != "link") continue;
        const std::string_view rel = l.attribute("rel").as_string("alternate");
        if (rel == "alternate") {
          href = l.attribute("href").as_string();
          break;
        }
      }
      int64_t date = ParseFeedDate(Text(Child(entry, "updated")));
      if (date == 0) date = ParseFeedDate(Text(Child(entry, "published")));
      Add(out, url, href, date);
    }
  } else {
    return Status::InvalidArgument(std::string(url) + ": root element <" +
                                   std::string(root.name()) + "> is not an RSS or Atom feed");
  }
  return out;
}

}  // namespace pressmine::crawler
