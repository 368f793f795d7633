#!/usr/bin/env bash
# Load test of `pressmine serve`'s /api/search on loopback: builds (once) a database of N
# synthetic releases (default 100000) with bench_serve_db, starts the server on a free
# 127.0.0.1 port, and runs wrk against a rotating set of search queries. Prints wrk's
# requests/s and latency percentiles (p99 is the figure to watch). Installs wrk from Debian if
# it is missing. Not run by ctest: a benchmark prints figures, it does not assert them.
#
#   [MIX=typical|broad] [SERVER_THREADS=N] bash scripts/load_test.sh [N] [SECONDS] [CONNECTIONS]
#
# The server gets one thread per connection unless SERVER_THREADS says otherwise.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${PRESSMINE_BUILD_DIR:-$root/build}"
docs="${1:-100000}"
seconds="${2:-20}"
connections="${3:-8}"
mix="${MIX:-typical}"

if ! command -v wrk >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get install -y -qq --no-install-recommends wrk
fi
ninja -C "$build" -j2 pressmine bench_serve_db >/dev/null

mkdir -p "$build/load"
db="$build/load/bench-v2-$docs.db"  # v2: with officials and places
if [ ! -f "$db" ]; then
  echo "load_test: building $db ($docs releases; a few minutes at 100k)"
  "$build/tools/bench_serve_db" "$db.tmp" "$docs"
  mv "$db.tmp" "$db"
  rm -f "$db.tmp-wal" "$db.tmp-shm"
fi

log="$build/load/serve.log"
"$build/tools/pressmine" --db "$db" serve --port 0 --threads "${SERVER_THREADS:-$connections}" >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  grep -q "serving http://" "$log" 2>/dev/null && break
  sleep 0.1
done
url="$(grep -o 'http://127.0.0.1:[0-9]*' "$log" | head -1)"
[ -n "$url" ] || { echo "load_test: the server did not start; see $log" >&2; exit 1; }

# Queries a journalist would type, in both languages, some with filters and paging; each
# request takes the next one in turn. "typical" names an official or a place (each matches
# 0.5-3% of the synthetic corpus, as names and topics do in real releases); "broad" is words of
# the small sample that match a third or more of all releases, the worst case.
case "$mix" in
  typical) queries='
  "/api/search?q=%D0%A2%D0%BE%D0%BA%D1%82%D0%BE%D0%B3%D1%83%D0%BB%D0%BE%D0%B2",  -- q=Токтогулов
  "/api/search?q=Sydykov&lang=ru",  -- q=Sydykov&lang=ru
  "/api/search?q=Erkinov+Naryn",  -- q=Erkinov Naryn
  "/api/search?q=%D0%9E%D0%BC%D0%BE%D1%80%D0%BE%D0%B2%D0%B0&sort=date",  -- q=Оморова&sort=date
  "/api/search?q=%22Asel+Toktogulov%22",  -- q="Asel Toktogulov"
  "/api/search?q=Golikova&from=2025&to=2025-12",  -- q=Golikova&from=2025&to=2025-12
  "/api/search?q=%D0%A2%D0%B0%D0%BB%D0%B0%D1%81%D0%B5&lang=en",  -- q=Таласе&lang=en
  "/api/search?q=Murashko+OR+%D0%9C%D1%83%D1%80%D0%B0%D1%88%D0%BA%D0%BE&source=ru-health",  -- q=Murashko OR Мурашко&source=ru-health
  "/api/search?q=Ismailova&offset=10",  -- q=Ismailova&offset=10
  "/api/search?q=Akhmetov+Kazan",  -- q=Akhmetov Kazan
' ;;
  broad) queries='
  "/api/search?q=%D0%B2%D0%B0%D0%BA%D1%86%D0%B8%D0%BD%D0%B0%D1%86%D0%B8%D1%8F",  -- q=вакцинация
  "/api/search?q=measles",  -- q=measles
  "/api/search?q=%D0%B3%D0%B5%D0%BC%D0%BE%D0%B4%D0%B8%D0%B0%D0%BB%D0%B8%D0%B7&lang=ru",  -- q=гемодиализ&lang=ru
  "/api/search?q=hemodialysis+OR+%D0%B3%D0%B5%D0%BC%D0%BE%D0%B4%D0%B8%D0%B0%D0%BB%D0%B8%D0%B7",  -- q=hemodialysis OR гемодиализ
  "/api/search?q=%D0%BC%D0%B8%D0%BD%D0%B8%D1%81%D1%82%D1%80%2A",  -- q=министр*
' ;;
  *) echo "load_test: MIX is typical or broad" >&2; exit 2 ;;
esac
cat >"$build/load/queries-$mix.lua" <<LUA
local queries = {$queries}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", queries[(i % #queries) + 1])
end
LUA

echo "load_test: machine load before the run: $(cut -d' ' -f1-3 /proc/loadavg) (other processes share the $(nproc) cores)"
echo "load_test: $mix queries, $docs releases, $connections connections, ${seconds}s, $(nproc) cores"
wrk -t2 -c "$connections" -d "${seconds}s" --latency -s "$build/load/queries-$mix.lua" "$url"

# Where a request's time goes, one request at a time (no queueing): the server's Server-Timing
# header splits it into search (index::Searcher::Search), the rest of the endpoint (JSON,
# translations) and, from the client's clock, HTTP and loopback.
echo
echo "load_test: one request at a time, median of 15 per query (ms):"
python3 - "$url" "$build/load/queries-$mix.lua" <<'PY'
import http.client, re, statistics, sys, time, urllib.parse
url, lua = sys.argv[1], sys.argv[2]
paths = re.findall(r'"(/api/search\?[^"]*)"', open(lua).read())
host = urllib.parse.urlparse(url)
conn = http.client.HTTPConnection(host.hostname, host.port)
print(f"{'search':>8} {'endpoint':>9} {'total':>8}  query")
sums = [0.0, 0.0, 0.0]
for path in paths:
    rows = []
    for _ in range(15):
        t0 = time.perf_counter()
        conn.request("GET", path)
        r = conn.getresponse()
        r.read()
        total = (time.perf_counter() - t0) * 1000
        timing = dict(re.findall(r'(\w+);dur=([\d.]+)', r.getheader("Server-Timing") or ""))
        rows.append((float(timing.get("search", 0)), float(timing.get("app", 0)), total))
    med = [statistics.median(col) for col in zip(*rows)]
    sums = [a + b for a, b in zip(sums, med)]
    print(f"{med[0]:8.2f} {med[1]:9.2f} {med[2]:8.2f}  {urllib.parse.unquote_plus(path[len('/api/search?'):])}")
n = len(paths)
print(f"{sums[0]/n:8.2f} {sums[1]/n:9.2f} {sums[2]/n:8.2f}  mean: search is {100*sums[0]/sums[2]:.0f}% of the request")
PY
