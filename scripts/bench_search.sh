#!/usr/bin/env bash
# The search benchmark of issue #3: generates a bilingual corpus, indexes it with pressmine,
# stock SQLite FTS5, Sphinx (sphinxsearch, stem_enru) and Xapian (python3-xapian), runs the fixed
# query set on each and prints one comparison table (tools/bench_search/report.h defines every
# column).
#
#   bash scripts/bench_search.sh [--docs 100000] [--reps 5] [--dir build/bench_search] [--no-install]
#                                [--verbose]
#
# Peers are installed here with apt-get (Debian's registry only); the test suite never needs
# them. A peer that cannot be installed or fails is reported as skipped, with the reason.
# searchd listens on 127.0.0.1 only and is stopped on exit, also on failure.
set -euo pipefail

cd "$(dirname "$0")/.."
docs=100000
reps=5
dir=build/bench_search
install=1
report_flags=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --docs) docs="$2"; shift 2 ;;
    --reps) reps="$2"; shift 2 ;;
    --dir) dir="$2"; shift 2 ;;
    --no-install) install=0; shift ;;
    --verbose) report_flags+=(--verbose); shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "bench_search.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

# Debian's interpreter: the peers' bindings are Debian packages, whatever python3 is first in PATH.
py=/usr/bin/python3

stop_searchd() {
  local pid_file="$dir/sphinx/searchd.pid"
  if [[ -s "$pid_file" ]]; then
    local pid
    pid=$(cat "$pid_file")
    if kill -0 "$pid" 2>/dev/null; then kill "$pid" 2>/dev/null || true; fi
  fi
}
trap stop_searchd EXIT INT TERM

if [[ $install -eq 1 ]]; then
  missing=()
  for pkg in sphinxsearch python3-xapian python3-pymysql; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if [[ ${#missing[@]} -gt 0 ]]; then
    echo "installing peers: ${missing[*]}"
    sudo=""
    [[ $(id -u) -ne 0 ]] && sudo="sudo"
    if ! $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null; then
      echo "warning: could not install ${missing[*]}; those peers will be reported as skipped" >&2
    fi
  fi
fi

# Its own optimized build tree, so the developer's build/ keeps its configuration.
cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
ninja -C build-release -j2 bench_search >/dev/null
bench=build-release/tools/bench_search/bench_search

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
mkdir -p "$dir"
rm -f "$dir"/results-*.tsv
"$bench" generate --dir "$dir" --docs "$docs"
echo "pressmine..."; "$bench" run --dir "$dir" --engine pressmine --reps "$reps"
echo "stock FTS5..."; "$bench" run --dir "$dir" --engine fts5 --reps "$reps"

run_peer() {  # name script
  local name="$1" script="$2"
  echo "$name..."
  if [[ ! -x "$py" ]]; then
    printf 'meta\tskipped\t%s\n' "no $py" > "$dir/results-$name.tsv"
  elif ! "$py" "scripts/$script" "$dir" --reps "$reps" 2> "$dir/$name.err"; then
    printf 'meta\tskipped\t%s\n' "failed: $(tail -c 300 "$dir/$name.err" | tr '\n\t' '  ')" \
      > "$dir/results-$name.tsv"
  fi
}
run_peer sphinx bench_search_sphinx.py
stop_searchd
run_peer xapian bench_search_xapian.py
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
"$bench" report --dir "$dir" "${report_flags[@]}" | tee "$dir/report.txt"
