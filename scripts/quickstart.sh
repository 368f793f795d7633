#!/usr/bin/env bash
# The README's first command: install what is missing, build, and run the main job on the
# bundled offline sample: nginx serves the fixture ministry site corpora/sites/sample on a free
# loopback port, `pressmine update` crawls it, extracts and indexes the releases, and a few
# searches show the result.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/scripts/setup.sh"
bash "$root/scripts/build.sh"
build="${PRESSMINE_BUILD_DIR:-$root/build}"
pm="$build/tools/pressmine"
work="$build/quickstart"
rm -rf "$work"
mkdir -p "$work"
export PRESSMINE_DB="$work/sample.db"

port="$(bash "$root/scripts/serve_sample.sh" start "$root/corpora/sites/sample" "$work/nginx")"
trap 'bash "$root/scripts/serve_sample.sh" stop "$work/nginx"' EXIT
# The sources file names the site as 127.0.0.1:8080; point it at the port nginx got.
sed "s/127\.0\.0\.1:8080/127.0.0.1:$port/g" "$root/corpora/sources/sample.json" >"$work/sources.json"

run() {
  echo
  echo "\$ pressmine $*"
  "$pm" "$@"
}
echo "Sample site served at http://127.0.0.1:$port/ ; database $PRESSMINE_DB"
run update --sources "$work/sources.json" --verbose
run update --sources "$work/sources.json"
run stats
run search вакцинация --limit 3
run search measles --limit 3
echo
echo "Try more: PRESSMINE_DB=$PRESSMINE_DB $pm search --help"
