#!/usr/bin/env bash
# Load test of `pressmine serve`'s /api/search on loopback: builds (once) a database of N
# synthetic releases (default 100000) with bench_serve_db, starts the server on a free
# 127.0.0.1 port, and runs wrk against a rotating set of search queries. Prints wrk's
# requests/s and latency percentiles (p99 is the figure to watch). Installs wrk from Debian if
# it is missing. Not run by ctest: a benchmark prints figures, it does not assert them.
#
#   bash scripts/load_test.sh [N] [SECONDS] [CONNECTIONS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${PRESSMINE_BUILD_DIR:-$root/build}"
docs="${1:-100000}"
seconds="${2:-20}"
connections="${3:-8}"

if ! command -v wrk >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get install -y -qq --no-install-recommends wrk
fi
ninja -C "$build" -j2 pressmine bench_serve_db >/dev/null

mkdir -p "$build/load"
db="$build/load/bench-$docs.db"
if [ ! -f "$db" ]; then
  echo "load_test: building $db ($docs releases; a few minutes at 100k)"
  "$build/tools/bench_serve_db" "$db.tmp" "$docs"
  mv "$db.tmp" "$db"
  rm -f "$db.tmp-wal" "$db.tmp-shm"
fi

log="$build/load/serve.log"
"$build/tools/pressmine" --db "$db" serve --port 0 --threads "$connections" >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  grep -q "serving http://" "$log" 2>/dev/null && break
  sleep 0.1
done
url="$(grep -o 'http://127.0.0.1:[0-9]*' "$log" | head -1)"
[ -n "$url" ] || { echo "load_test: the server did not start; see $log" >&2; exit 1; }

# Queries a journalist would type, in both languages, some with filters and paging; each
# request takes the next one in turn.
cat >"$build/load/queries.lua" <<'LUA'
local queries = {
  "/api/search?q=%D0%B2%D0%B0%D0%BA%D1%86%D0%B8%D0%BD%D0%B0%D1%86%D0%B8%D1%8F",
  "/api/search?q=measles",
  "/api/search?q=%D0%B3%D0%B5%D0%BC%D0%BE%D0%B4%D0%B8%D0%B0%D0%BB%D0%B8%D0%B7&lang=ru",
  "/api/search?q=hemodialysis+OR+%D0%B3%D0%B5%D0%BC%D0%BE%D0%B4%D0%B8%D0%B0%D0%BB%D0%B8%D0%B7",
  "/api/search?q=%22maternal+mortality%22&sort=date",
  "/api/search?q=rural+doctors&source=kz-health&from=2025",
  "/api/search?q=%D0%B2%D1%80%D0%B0%D1%87%D0%B5%D0%B9&offset=20",
  "/api/search?q=primary+care&lang=en&to=2025-06",
  "/api/search?q=WHO+meeting",
  "/api/search?q=%D0%BC%D0%B8%D0%BD%D0%B8%D1%81%D1%82%D1%80*",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", queries[(i % #queries) + 1])
end
LUA

echo "load_test: $docs releases, $connections connections, ${seconds}s, $(nproc) cores"
wrk -t2 -c "$connections" -d "${seconds}s" --latency -s "$build/load/queries.lua" "$url"
