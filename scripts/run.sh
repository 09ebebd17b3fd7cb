#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The main job: builds Retort and shows the bundled example project (migrations/, the Org
# Archivist schema): its revision history and heads. Safe to run again.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/deps.sh
bash scripts/build.sh dev
retort=build/dev/app/cli/retort
config=migrations/retort.ini
echo "== retort history (migrations/, the Org Archivist schema)"
"$retort" -c "$config" history
echo
echo "== retort heads"
"$retort" -c "$config" heads
echo
echo "== retort branches"
"$retort" -c "$config" branches
