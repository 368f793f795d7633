#!/usr/bin/env bash
# Extraction benchmark, speed and quality, on the public article-extraction benchmark pages:
#   - gumbo parse alone vs pressmine's full extraction, pages/s and MB/s on one core;
#   - pressmine's F1 (predictions scored by the benchmark's own score.py);
#   - the same for readability-lxml (Debian's python3-readability), installed here if missing;
#   - the same for Mozilla Readability on jsdom (npm, pinned by the committed lockfile, installed
#     into the build directory with `npm ci`).
# Not part of the test command: it needs ../shared and may install a package.
#
#   bash tools/bench_extract.sh [BENCHMARK_DIR]    (default: ../shared/benchmarks/article-extraction)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench="${1:-$root/../shared/benchmarks/article-extraction}"
build="${PRESSMINE_BUILD_DIR:-$root/build}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

bash "$root/scripts/build.sh" >/dev/null
# One core, as the figures claim.
pin=(taskset -c 0)
command -v taskset >/dev/null || pin=()

echo "== speed (one core)"
"${pin[@]}" "$build/tools/bench_extract" "$bench/html"

echo "== quality: pressmine"
"$build/tools/eval_extract_benchmark" "$bench" --out "$out/pressmine.json" >/dev/null
python3 "$bench/score.py" "$out/pressmine.json"

echo "== peer: readability-lxml"
if ! /usr/bin/python3 -c 'import readability' 2>/dev/null; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq >/dev/null
  $sudo apt-get install -y -qq --no-install-recommends python3-readability >/dev/null
fi
"${pin[@]}" /usr/bin/python3 "$root/tools/bench_extract_readability.py" "$bench/html" "$out/readability.json"
python3 "$bench/score.py" "$out/readability.json"

echo "== peer: Mozilla Readability on jsdom"
js="$build/bench_extract_readability_js"
mkdir -p "$js"
cp "$root/tools/bench_extract_readability_js/"{package.json,package-lock.json,bench.mjs} "$js/"
if (cd "$js" && npm ci --no-audit --no-fund --silent >/dev/null 2>&1); then
  "${pin[@]}" node "$js/bench.mjs" "$bench/html" "$out/readability-js.json"
  python3 "$bench/score.py" "$out/readability-js.json"
else
  echo "skipped: npm ci failed (no npm registry?)"
fi
