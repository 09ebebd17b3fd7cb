#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# tools/screenshots.sh [BUILD_DIR]: renders Retort Studio's main views into docs/ for the README,
# on the offscreen platform, from the example project (migrations/) and a SQLite database
# upgraded partway (to 9a03d7e5b4f6, so the window shows a database behind head):
#   docs/studio-main.png             the main window, light palette
#   docs/studio-dark.png             the same, dark palette
#   docs/studio-confirm-rollback.png the rollback confirmation with its destructive statements
#                                    marked (written by tst_studio, which brings it up)
#   docs/studio-compare.png          the schema review window: the scripts at head against a
#                                    changed model, a table's DDL aligned, the generated
#                                    migration and its lint (written by tst_studio_compare)
#   docs/studio-detail-schema.png    the detail panel's Schema tab (a revision's schema before
#                                    and after it) and
#   docs/studio-detail-changed.png   its Changed since applied tab (tst_studio_detail)
# Builds what it needs first (BUILD_DIR defaults to build/screenshots).
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build/screenshots}
if [ ! -f "$build/build.ninja" ]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
cmake --build "$build" --target retort retort-studio tst_studio tst_studio_compare tst_studio_detail -j1

build=$(cd "$build" && pwd) # absolute: the script changes folder below
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Offscreen, and settings (theme, recent projects) kept out of the user's home.
export QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache"

# A relative SQLite URL (from the working folder) reads better in the status banner.
cd "$work"
url="sqlite:///org_archivist.db"
"$build/app/cli/retort" -c "$root/migrations/retort.ini" --url "$url" upgrade 9a03d7e5b4f6 \
    >"$work/upgrade.log" 2>&1 || { cat "$work/upgrade.log"; exit 1; }

studio() {
    "$build/app/studio/retort-studio" "$root/migrations/retort.ini" --url "$url" "$@"
}
studio --theme light --screenshot "$root/docs/studio-main.png"
studio --theme dark --screenshot "$root/docs/studio-dark.png"
RETORT_SCREENSHOT_DIR="$root/docs" "$build/tests/ui/tst_studio" "rollBackFromTheContextMenu:confirmed" \
    >"$work/test.log" 2>&1 || { cat "$work/test.log"; exit 1; }

RETORT_SCREENSHOT_DIR="$root/docs" "$build/tests/ui/tst_studio_compare" screenshot \
    >"$work/compare.log" 2>&1 || { cat "$work/compare.log"; exit 1; }

mkdir "$work/detail"
RETORT_SCREENSHOT_DIR="$work/detail" "$build/tests/ui/tst_studio_detail" screenshot \
    >"$work/detail.log" 2>&1 || { cat "$work/detail.log"; exit 1; }
cp "$work/detail/studio-detail-schema.png" "$work/detail/studio-detail-changed.png" "$root/docs/"

ls -l "$root"/docs/studio-*.png
