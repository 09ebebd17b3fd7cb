#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Configures (once) and builds a CMake preset: scripts/build.sh [dev|fuzz|release|asan].
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
preset=${1:-dev}
cd "$root"
if [[ ! -f build/$preset/CMakeCache.txt ]]; then
    cmake --preset "$preset"
fi
cmake --build --preset "$preset"
