#!/usr/bin/env bash
# Installs the Debian 12 packages pressmine builds and tests with; skips what is installed.
# Idempotent. Needs root (or sudo) only when something is missing.
set -euo pipefail

packages=(
  g++ cmake ninja-build pkg-config       # toolchain
  libsqlite3-dev                         # storage and FTS5
  libicu-dev                             # word/sentence breaks, transliteration, charsets
  libgumbo-dev                           # HTML parsing
  libcurl4-openssl-dev                   # fetching
  rapidjson-dev                          # JSON output and the sources file
  libxxhash-dev                          # content hashes for deduplication
  libpugixml-dev                         # sitemaps and feeds
  libstemmer-dev                         # Snowball stemmers (Russian, English)
  zlib1g-dev                             # reading the dictzip (gzip) files of mueller7-dict
  libcli11-dev                           # command-line parsing, --help on every command
  libgtest-dev                           # GoogleTest
  mueller7-dict                          # English-Russian dictionary, read at first run (GPL)
  nginx-light                            # the web server crawler tests run against
  libcpp-httplib-dev                     # `pressmine serve`: a maintained HTTP server, no hand-written parsing
  chromium                               # headless browser for the web page's end-to-end tests
  fonts-dejavu-core                      # a font with Cyrillic for the browser tests' screenshots
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages are installed"
  exit 0
fi

echo "setup: installing ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
  else
    echo "setup: missing packages (${missing[*]}) and not root; run as root or install them" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# nginx's package tries to start the system service; we never use it, so keep it from starting.
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' | $sudo tee /usr/sbin/policy-rc.d >/dev/null
  $sudo chmod +x /usr/sbin/policy-rc.d
  trap '$sudo rm -f /usr/sbin/policy-rc.d' EXIT
fi
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
