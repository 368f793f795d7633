// bench_crawl: crawler throughput and nightly cost, measured against nginx on loopback.
//
//   bench_crawl [--pages N] [--per-page K] [--wget2] [--install-wget2] [--no-mutate]
//
// 1. Generates a news site of N articles (default 20,000): newest-first listing pages with
//    rel=next, a sitemap index over 5,000-URL sitemaps (the last one gzipped), an RSS feed,
//    robots.txt. Serves it with nginx on a free loopback port.
// 2. Full crawl with pressmine (RunCrawl + CurlFetcher, politeness off: delay 0 and 16
//    connections, like wget2's 16 threads) in a child process: wall time, pages/s, requests,
//    peak RSS of the child. Every article is stored (a version row with its HTML).
// 3. With --wget2: the same site mirrored by `wget2 -r` (1, 5 and 16 threads), same figures.
//    --install-wget2 runs `apt-get install -y wget2` first.
// 4. Unless --no-mutate, the "overnight" benchmark: 2% new articles appear (listings shift),
//    1% of old ones are edited (sitemap lastmod updated), 0.5% are deleted (and leave the
//    sitemap). pressmine's next-day run (the crawl of `pressmine update`) must find them at a
//    cost that follows the changes, not the site's size: printed are recall of new and edited
//    articles, deleted ones marked removed, and requests counted in nginx's access log, then
//    what the extract + index half of update made of them (documents added, updated, removed;
//    the first crawl is indexed before the night, untimed). With
//    --wget2, beside it: wget2 re-mirroring its 16-thread copy with --timestamping
//    (If-Modified-Since), same counts from the same log. A --full run is shown for contrast.
//
// Prints figures; asserts nothing. Needs /usr/sbin/nginx.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "base/clock.h"
#include "base/file.h"
#include "base/sqlite.h"
#include "crawler/changes.h"
#include "crawler/crawl.h"
#include "crawler/curl_fetcher.h"
#include "crawler/sources.h"
#include "tests/crawler/nginx_server.h"
#include "tools/apply_changes.h"

namespace fs = std::filesystem;
using namespace pressmine;
using namespace pressmine::crawler;

namespace {

constexpr int64_t kT0 = 1770714000;  // 2026-02-10T09:00:00Z: "now" of the first crawl
constexpr int kPerSitemap = 5000;

const char* const kWords[] = {
    "министерство", "здравоохранения", "республики", "состоялось",  "совещание",
    "по",           "вопросам",        "вакцинации", "населения",   "в",
    "рамках",       "программы",       "развития",   "первичной",   "медико-санитарной",
    "помощи",       "отмечено",        "что",        "за",          "отчётный",
    "период",       "охват",           "увеличился", "на",          "процентов",
    "специалисты",  "больницы",        "области",    "обсудили",    "меры",
    "профилактики", "заболеваний",     "и",          "обеспечения", "лекарственными",
    "средствами",   "центров",         "семейной",   "медицины",    "сёл"};

std::string Text(uint64_t seed, int words) {
  std::string out;
  for (int i = 0; i < words; ++i) {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    if (!out.empty()) out += ' ';
    out += kWords[(seed >> 33) % (sizeof kWords / sizeof kWords[0])];
  }
  return out;
}

std::string Iso(int64_t t) { return FormatIsoUtc(t); }

struct Site {
  fs::path root;
  int per_page = 20;
  std::vector<int> ids;            // live article ids, ascending
  std::map<int, int64_t> lastmod;  // id -> lastmod
  std::map<int, int> edition;      // id -> edit count

  void Write(const std::string& rel, const std::string& content) const {
    const fs::path p = root / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
  }

  void WriteArticle(int id) const {
    std::string html =
        "<!DOCTYPE html><html lang=\"ru\"><head><meta charset=\"utf-8\"><title>Новость " +
        std::to_string(id) +
        "</title></head><body><nav><a href=\"/news/\">Новости</a></nav>"
        "<article><h1>" +
        Text(id, 8) + "</h1><time>" + Iso(lastmod.at(id)) + "</time>";
    const int ed = edition.count(id) ? edition.at(id) : 0;
    for (int p = 0; p < 6; ++p) html += "<p>" + Text(id * 31 + p + ed * 1000, 45) + "</p>";
    html += "</article><aside>";
    for (int r = 1; r <= 3; ++r) {
      if (id - r > 0) html += "<a href=\"/news/" + std::to_string(id - r) + ".html\">ранее</a> ";
    }
    html += "</aside></body></html>\n";
    Write("news/" + std::to_string(id) + ".html", html);
  }

  void WriteListings() const {
    std::vector<int> newest(ids.rbegin(), ids.rend());
    const int pages = static_cast<int>((newest.size() + per_page - 1) / per_page);
    for (int p = 1; p <= pages; ++p) {
      auto page_url = [](int k) {
        return k == 1 ? std::string("/news/") : "/news/page-" + std::to_string(k) + ".html";
      };
      std::string html =
          "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Новости</title>"
          "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/rss.xml\">";
      if (p < pages) html += "<link rel=\"next\" href=\"" + page_url(p + 1) + "\">";
      html += "</head><body><ul>";
      for (int i = (p - 1) * per_page; i < std::min<int>(p * per_page, newest.size()); ++i) {
        html += "<li><a href=\"/news/" + std::to_string(newest[i]) + ".html\">" +
                Text(newest[i], 8) + "</a></li>";
      }
      html += "</ul><div class=\"pager\">";
      for (int k : {1, p - 2, p - 1, p + 1, p + 2, pages}) {
        if (k >= 1 && k <= pages && k != p)
          html += "<a href=\"" + page_url(k) + "\">" + std::to_string(k) + "</a> ";
      }
      html += "</div></body></html>\n";
      Write(p == 1 ? "news/index.html" : "news/page-" + std::to_string(p) + ".html", html);
    }
    // Pages past the end from a longer earlier listing are left: they are simply stale.
  }

  void WriteSitemaps() const {
    std::string index =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    const int files = static_cast<int>((ids.size() + kPerSitemap - 1) / kPerSitemap);
    for (int f = 0; f < files; ++f) {
      std::string xml =
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
      int64_t newest = 0;
      for (size_t i = f * kPerSitemap; i < std::min<size_t>((f + 1) * kPerSitemap, ids.size());
           ++i) {
        const int id = ids[i];
        newest = std::max(newest, lastmod.at(id));
        xml += "<url><loc>/news/" + std::to_string(id) + ".html</loc><lastmod>" +
               Iso(lastmod.at(id)) + "</lastmod></url>\n";
      }
      xml += "</urlset>\n";
      const bool gz = f == files - 1;
      const std::string name = "sitemap-" + std::to_string(f + 1) + (gz ? ".xml.gz" : ".xml");
      if (gz) {
        Write(name + ".src", xml);
        const std::string cmd = "gzip -n -c '" + (root / (name + ".src")).string() + "' > '" +
                                (root / name).string() + "'";
        if (std::system(cmd.c_str()) != 0) std::fprintf(stderr, "gzip failed\n");
        fs::remove(root / (name + ".src"));
      } else {
        Write(name, xml);
      }
      index +=
          "<sitemap><loc>/" + name + "</loc><lastmod>" + Iso(newest) + "</lastmod></sitemap>\n";
    }
    Write("sitemap.xml", index + "</sitemapindex>\n");
    std::string rss =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss "
        "version=\"2.0\"><channel><title>Новости</title>";
    for (size_t i = ids.size(); i > 0 && i + 20 > ids.size(); --i) {
      rss += "<item><link>/news/" + std::to_string(ids[i - 1]) + ".html</link></item>";
    }
    Write("rss.xml", rss + "</channel></rss>\n");
  }
};

struct Measured {
  double seconds = 0;
  long max_rss_kb = 0;
  double cpu_seconds = 0;  // user + system of the child
  int exit_code = 0;
};

// Runs `fn` in a child process and measures wall time and the child's peak RSS.
template <typename Fn>
Measured InChild(Fn fn) {
  const auto t0 = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid == 0) _exit(fn());
  int status = 0;
  rusage ru{};
  wait4(pid, &status, 0, &ru);
  Measured m;
  m.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  m.max_rss_kb = ru.ru_maxrss;
  m.cpu_seconds =
      ru.ru_utime.tv_sec + ru.ru_stime.tv_sec + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
  m.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return m;
}

int Crawl(const std::string& db_path, const SourcesFile& sources, int64_t now, bool full,
          const fs::path& summary_out) {
  auto db = Database::Open(db_path);
  if (!db.ok()) return 2;
  CurlFetcherOptions fo;
  fo.user_agent = sources.user_agent;
  for (const Source& src : sources.sources)
    fo.max_host_connections = std::max(fo.max_host_connections, src.connections);
  auto fetcher = CurlFetcher::Create(fo);
  if (!fetcher.ok()) return 2;
  FixedClock clock(now);
  CrawlOptions options;
  options.clock = &clock;
  options.full = full;
  struct Timing : CrawlObserver {
    void OnFetch(const FetchEvent& e) override { transfer_ms += e.elapsed_ms; }
    int64_t transfer_ms = 0;
  } timing;
  auto s = RunCrawl(*db, sources, options, **fetcher, &timing);
  std::fprintf(stderr, "    (sum of transfer times: %.2f s)\n", timing.transfer_ms / 1000.0);
  if (!s.ok()) {
    std::fprintf(stderr, "crawl failed: %s\n", s.status().ToString().c_str());
    return 1;
  }
  std::ofstream(summary_out) << SummaryToJson(*s);
  return 0;
}

// The second half of `pressmine update`: extract and index the versions crawled since the last
// run. Writes "added updated removed seconds" to `out`.
int Apply(const std::string& db_path, int64_t now, const fs::path& out) {
  auto db = Database::Open(db_path);
  if (!db.ok()) return 2;
  FixedClock clock(now);
  std::map<std::string, tools::SourceHints> hints;
  hints["bench"].lang = "ru";
  const auto t0 = std::chrono::steady_clock::now();
  auto report = tools::ApplyCrawledChanges(*db, clock, hints);
  if (!report.ok()) {
    std::fprintf(stderr, "extract/index failed: %s\n", report.status().ToString().c_str());
    return 1;
  }
  std::ofstream(out) << report->added << ' ' << report->updated << ' ' << report->removed << ' '
                     << std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return 0;
}

void Report(const char* what, const Measured& m, int pages, int requests) {
  std::printf(
      "%-34s %7.2f s (cpu %5.2f s) %7d pages %7d requests %7.0f pages/s  peak RSS %5.1f MB%s\n",
      what, m.seconds, m.cpu_seconds, pages, requests, pages / std::max(m.seconds, 1e-9),
      m.max_rss_kb / 1024.0, m.exit_code ? "  (FAILED)" : "");
}

int JsonInt(const std::string& json, const std::string& key) {
  const size_t p = json.find("\"" + key + "\":");
  return p == std::string::npos ? -1 : std::atoi(json.c_str() + p + key.size() + 3);
}

}  // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // figures appear as they are measured
  int pages = 20000, per_page = 20;
  bool wget2 = false, install = false, mutate = true;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--pages" && i + 1 < argc)
      pages = std::atoi(argv[++i]);
    else if (a == "--per-page" && i + 1 < argc)
      per_page = std::atoi(argv[++i]);
    else if (a == "--wget2")
      wget2 = true;
    else if (a == "--install-wget2")
      wget2 = install = true;
    else if (a == "--no-mutate")
      mutate = false;
    else {
      std::fprintf(
          stderr,
          "usage: %s [--pages N] [--per-page K] [--wget2] [--install-wget2] [--no-mutate]\n",
          argv[0]);
      return 2;
    }
  }
  if (install &&
      std::system("command -v wget2 >/dev/null || apt-get install -y -qq wget2 >/dev/null") != 0) {
    std::fprintf(stderr, "could not install wget2\n");
  }
  const fs::path work = fs::temp_directory_path() / ("pm_bench_" + std::to_string(getpid()));
  fs::create_directories(work);
  Site site;
  site.root = work / "site";
  site.per_page = per_page;
  const auto g0 = std::chrono::steady_clock::now();
  for (int id = 1; id <= pages; ++id) {
    site.ids.push_back(id);
    site.lastmod[id] =
        kT0 - int64_t{pages - id + 1} * 3600;  // one article an hour, newest an hour ago
    site.WriteArticle(id);
  }
  site.WriteListings();
  site.WriteSitemaps();
  site.Write("robots.txt", "User-agent: *\nDisallow: /admin/\nSitemap: /sitemap.xml\n");
  std::printf("generated %d articles in %.1f s\n", pages,
              std::chrono::duration<double>(std::chrono::steady_clock::now() - g0).count());

  std::string error;
  auto server = testing::NginxServer::Start(site.root, "", &error);
  fs::remove_all(site.root);
  if (!server) {
    std::fprintf(stderr, "%s\n", error.c_str());
    return 1;
  }
  site.root = server->root();  // from now on, mutate the served copy
  const std::string origin = server->origin();
  const std::string json =
      R"j({"user_agent": "pressmine/1.0 (+bench)", "sources": [{"name": "bench",
      "lang": "ru", "seeds": [")j" +
      origin + R"j(/news/"], "allow": ["^)j" + origin +
      R"j(/"], "article": "/news/[0-9]+\\.html$", "max_depth": 100,
      "max_pages": 10000000, "delay_ms": 0, "connections": 16, "allow_private": true}]})j";
  auto sources = ParseSources(json, "bench.json");
  if (!sources.ok()) {
    std::fprintf(stderr, "%s\n", sources.status().ToString().c_str());
    return 1;
  }
  const std::string db_path = (work / "bench.db").string();
  const fs::path summary_path = work / "summary.json";
  Measured first_crawl;
  int first_pages = 0;
  auto run = [&](const char* label, int64_t now, bool full) {
    const Measured m = InChild([&] { return Crawl(db_path, *sources, now, full, summary_path); });
    if (first_crawl.seconds == 0) first_crawl = m;
    auto text = ReadFile(summary_path);
    const std::string s = text.ok() ? *text : "{}";
    const int fetched = JsonInt(s, "new") + JsonInt(s, "changed") + JsonInt(s, "unchanged");
    Report(label, m, fetched, JsonInt(s, "requests"));
    if (first_pages == 0) first_pages = fetched;
    std::printf("    %s\n", s.c_str());
  };
  std::printf("\nsite: %d articles, %d per listing page, nginx at %s\n", pages, per_page,
              origin.c_str());
  run("pressmine crawl (first, 16 conns)", kT0, false);

  fs::path wget2_mirror;  // the 16-thread copy, re-mirrored after the overnight changes
  if (wget2) {
    if (std::system("command -v wget2 >/dev/null") != 0) {
      std::printf("wget2 not installed (use --install-wget2)\n");
    } else {
      for (int threads : {1, 5, 16}) {
        if (threads == 16) wget2_mirror = work / ("wget2_" + std::to_string(threads));
        const fs::path out = work / ("wget2_" + std::to_string(threads));
        const std::string cmd = "wget2 -q -r -l inf --no-parent -P '" + out.string() +
                                "' --max-threads=" + std::to_string(threads) + " '" + origin +
                                "/news/'";
        const Measured m = InChild([&] { return std::system(cmd.c_str()) == 0 ? 0 : 1; });
        int files = 0;
        if (fs::exists(out)) {
          for (const auto& e : fs::recursive_directory_iterator(out)) files += e.is_regular_file();
        }
        char label[64];
        std::snprintf(label, sizeof label, "wget2 -r (--max-threads=%d)", threads);
        Report(label, m, files, files);
        if (threads == 16 && m.seconds > 0 && first_crawl.seconds > 0) {
          const double ours = first_pages / first_crawl.seconds, theirs = files / m.seconds;
          std::printf(
              "  pressmine / wget2 (16 threads) pages/s: %.2f (goal >= 0.5); peak RSS "
              "%.1f MB vs %.1f MB (goal < 100 MB)\n",
              ours / theirs, first_crawl.max_rss_kb / 1024.0, m.max_rss_kb / 1024.0);
        }
      }
    }
  }

  const fs::path apply_path = work / "apply.txt";
  auto apply = [&](int64_t now) {
    struct {
      int added = -1, updated = -1, removed = -1;
      double seconds = 0;
      Measured m;
    } a;
    a.m = InChild([&] { return Apply(db_path, now, apply_path); });
    std::ifstream in(apply_path);
    in >> a.added >> a.updated >> a.removed >> a.seconds;
    return a;
  };
  if (mutate) {
    // `pressmine update` = the crawl above + extract and index. Index the first crawl, untimed
    // by the crawl figures, so that the next day's update indexes only what changed.
    const auto first = apply(kT0);
    std::printf("\nextract + index of the first crawl: %d documents in %.1f s (peak RSS %.1f MB)\n",
                first.added, first.m.seconds, first.m.max_rss_kb / 1024.0);
    // Overnight: 2% new, 1% edited, 0.5% deleted; all of it visible in the sitemaps.
    const int64_t night = kT0 + 12 * 3600;
    const int n_new = std::max(1, pages / 50), n_edit = std::max(1, pages / 100),
              n_del = std::max(1, pages / 200);
    std::set<int> added, edited, deleted;
    for (int k = 1; k <= n_new; ++k) {
      const int id = pages + k;
      site.ids.push_back(id);
      site.lastmod[id] = night;
      site.WriteArticle(id);
      added.insert(id);
    }
    for (int k = 0; static_cast<int>(edited.size()) < n_edit; ++k) {
      const int id = 1 + (k * 977) % pages;
      if (!edited.insert(id).second) continue;
      site.edition[id] = 1;
      site.lastmod[id] = night;
      site.WriteArticle(id);
    }
    for (int k = 0; static_cast<int>(deleted.size()) < n_del; ++k) {
      const int id = 5 + (k * 1613) % (pages - 5);
      if (edited.count(id) || !deleted.insert(id).second) continue;
      fs::remove(site.root / "news" / (std::to_string(id) + ".html"));
      site.ids.erase(std::find(site.ids.begin(), site.ids.end(), id));
    }
    site.WriteListings();
    site.WriteSitemaps();
    const size_t listing_pages = (site.ids.size() + per_page - 1) / per_page;
    std::printf(
        "\novernight: +%d new, %d edited, %d deleted articles (site now %zu articles and %zu "
        "listing pages)\n",
        n_new, n_edit, n_del, site.ids.size(), listing_pages);
    auto uri_id = [](const std::string& uri) {
      const size_t p = uri.rfind("/news/");
      return p == std::string::npos ? 0 : std::atoi(uri.c_str() + p + 6);
    };
    auto is_article_uri = [&](const std::string& uri) {
      return uri_id(uri) > 0 && uri.find("page-") == std::string::npos;
    };
    // Requests and what they found, from nginx's access log since `from`.
    struct Found {
      size_t requests = 0, not_modified = 0, added = 0, edited = 0, deleted_seen = 0;
    };
    auto from_log = [&](size_t from) {
      std::this_thread::sleep_for(std::chrono::milliseconds(300));  // nginx logs after sending
      const std::vector<testing::AccessLogLine> log = server->AccessLog();
      Found f;
      std::set<int> a, e, d;
      for (size_t i = from; i < log.size(); ++i) {
        const testing::AccessLogLine& l = log[i];
        ++f.requests;
        f.not_modified += l.status == 304;
        if (!is_article_uri(l.uri)) continue;
        const int id = uri_id(l.uri);
        if (l.status == 200 && added.count(id)) a.insert(id);
        if (l.status == 200 && edited.count(id)) e.insert(id);
        if (l.status == 404 && deleted.count(id)) d.insert(id);
      }
      f.added = a.size();
      f.edited = e.size();
      f.deleted_seen = d.size();
      return f;
    };
    auto pct = [](size_t part, size_t whole) { return 100.0 * part / std::max<size_t>(whole, 1); };

    int64_t seq_before = 0;
    {
      auto db = Database::Open(db_path);
      if (db.ok()) {
        auto seq = LatestChangeSeq(*db);
        if (seq.ok()) seq_before = *seq;
      }
    }
    size_t log_before = server->AccessLog().size();
    run("pressmine update (next day): crawl", kT0 + 86400, false);
    const Found pm = from_log(log_before);
    const auto next = apply(kT0 + 86400);
    std::printf(
        "pressmine update (next day): extract + index %.2f s: %d added (%zu new), %d updated "
        "(%zu edited), %d removed (%zu deleted)\n",
        next.m.seconds, next.added, added.size(), next.updated, edited.size(), next.removed,
        deleted.size());
    // What pressmine stored: new versions and removals since the cursor.
    std::set<int> pm_added, pm_edited, pm_removed;
    {
      auto db = Database::Open(db_path);
      auto changes = db.ok() ? ReadChanges(*db, seq_before, 1u << 30)
                             : Result<std::vector<PageChange>>(db.status());
      if (changes.ok()) {
        for (const PageChange& c : *changes) {
          const int id = uri_id(c.url);
          if (c.kind == PageChange::Kind::kRemoved) {
            if (deleted.count(id)) pm_removed.insert(id);
          } else if (added.count(id)) {
            pm_added.insert(id);
          } else if (edited.count(id)) {
            pm_edited.insert(id);
          }
        }
      }
    }
    const size_t changes_total = added.size() + edited.size() + deleted.size();
    const size_t site_pages = site.ids.size() + listing_pages;
    std::printf(
        "  pressmine: new %zu/%zu (%.1f%%), edited %zu/%zu (%.1f%%), deleted marked removed "
        "%zu/%zu (%.1f%%); all changes %.1f%%; %zu requests (%zu answered 304) = %.2f%% of the "
        "site's %zu pages\n",
        pm_added.size(), added.size(), pct(pm_added.size(), added.size()), pm_edited.size(),
        edited.size(), pct(pm_edited.size(), edited.size()), pm_removed.size(), deleted.size(),
        pct(pm_removed.size(), deleted.size()),
        pct(pm_added.size() + pm_edited.size() + pm_removed.size(), changes_total), pm.requests,
        pm.not_modified, pct(pm.requests, site_pages), site_pages);
    if (!wget2_mirror.empty()) {
      log_before = server->AccessLog().size();
      const std::string cmd = "wget2 -q -r -l inf --no-parent --timestamping -P '" +
                              wget2_mirror.string() + "' --max-threads=16 '" + origin + "/news/'";
      const Measured m = InChild([&] { return std::system(cmd.c_str()) == 0 ? 0 : 1; });
      const Found w = from_log(log_before);
      std::printf(
          "  wget2 -r -N (16 threads, %.1f s): new %zu/%zu (%.1f%%), edited %zu/%zu (%.1f%%), "
          "deleted: %zu/%zu answered 404 but nothing is marked (its copies stay); %zu requests "
          "(%zu answered 304) = %.2f%% of the site's %zu pages\n",
          m.seconds, w.added, added.size(), pct(w.added, added.size()), w.edited, edited.size(),
          pct(w.edited, edited.size()), w.deleted_seen, deleted.size(), w.requests, w.not_modified,
          pct(w.requests, site_pages), site_pages);
    }
    run("pressmine crawl --full (contrast)", kT0 + 86400 + 60, true);
  }
  server.reset();
  fs::remove_all(work);
  return 0;
}
