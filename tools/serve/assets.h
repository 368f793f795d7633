// The web page's files (HTML, CSS, JavaScript), compiled into the binary from corpora/www/ so
// `pressmine serve` needs no install directory and no network: nothing is fetched from a CDN.
#ifndef PRESSMINE_TOOLS_SERVE_ASSETS_H_
#define PRESSMINE_TOOLS_SERVE_ASSETS_H_

#include <optional>
#include <string_view>

namespace pressmine::tools::serve {

struct Asset {
  std::string_view content_type;
  std::string_view body;  // static storage
};

// The asset served at `url_path` ("/", "/app.js", ...); nullopt for any other path.
std::optional<Asset> FindAsset(std::string_view url_path);

}  // namespace pressmine::tools::serve

#endif  // PRESSMINE_TOOLS_SERVE_ASSETS_H_
