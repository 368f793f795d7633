#!/usr/bin/env bash
# The README's first command: install what is missing, build, and run the main job on the
# bundled offline sample (ingest corpora/sample -> index -> search).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$root/scripts/setup.sh"
bash "$root/scripts/build.sh"
build="${PRESSMINE_BUILD_DIR:-$root/build}"
pm="$build/tools/pressmine"
export PRESSMINE_DB="$build/sample.db"
rm -f "$PRESSMINE_DB" "$PRESSMINE_DB-wal" "$PRESSMINE_DB-shm"

for dir in "$root"/corpora/sample/*/; do
  source_name="$(basename "$dir")"
  echo "== pressmine ingest corpora/sample/$source_name --source $source_name"
  "$pm" ingest "$dir" --source "$source_name"
done
echo
echo "== pressmine stats"
"$pm" stats
echo
echo "== pressmine search гемодиализ"
"$pm" search гемодиализ
echo "== pressmine search 'vaccination OR вакцинация' --sort date --limit 3"
"$pm" search 'vaccination OR вакцинация' --sort date --limit 3
echo "Database: $PRESSMINE_DB   (try: PRESSMINE_DB=$PRESSMINE_DB $pm search --help)"
