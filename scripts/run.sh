#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The main job: builds Retort and opens Retort Studio on the bundled example project
# (migrations/, the Org Archivist schema) with an embedded SQLite database in
# build/example/org_archivist.db. Without a display it runs the same job through the command
# line instead (upgrade to head, then where the database stands) and saves a picture of the
# Studio window. Safe to run again.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/deps.sh
bash scripts/build.sh dev

mkdir -p build/example
url="sqlite:///$root/build/example/org_archivist.db"
project=migrations
retort=build/dev/app/cli/retort
studio=build/dev/app/studio/retort-studio

if [[ -n ${DISPLAY:-} || -n ${WAYLAND_DISPLAY:-} ]]; then
    exec "$studio" "$project" --url "$url"
fi

echo "No display: running the example through the command line."
"$retort" -c "$project/retort.ini" --url "$url" upgrade head
echo
echo "== retort current"
"$retort" -c "$project/retort.ini" --url "$url" current
echo
echo "== retort history"
"$retort" -c "$project/retort.ini" --url "$url" history
QT_QPA_PLATFORM=offscreen "$studio" "$project" --url "$url" --screenshot build/example/studio.png 2>/dev/null
echo
echo "Retort Studio on this database: build/example/studio.png (run with a display to use it)"
