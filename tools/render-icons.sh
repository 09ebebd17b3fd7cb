#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Renders the icon's PNG sizes from resources/icons/retort.svg (the source of truth) into
# resources/icons/png/. Run it after changing the SVG and commit the PNGs. Needs rsvg-convert
# (Debian package librsvg2-bin).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
command -v rsvg-convert >/dev/null || { echo "render-icons: install librsvg2-bin" >&2; exit 1; }
mkdir -p "$root/resources/icons/png"
for size in 16 22 24 32 48 64 128 256 512; do
    rsvg-convert -w "$size" -h "$size" "$root/resources/icons/retort.svg" \
        -o "$root/resources/icons/png/retort-$size.png"
done
