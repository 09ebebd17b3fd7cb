#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The test command: installs what is missing, builds, and runs the whole test suite
# (unit, CLI, PostgreSQL and Alembic interop tests, then the fuzz targets). Exits non-zero
# when any test fails. Safe to run again.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/deps.sh
bash scripts/build.sh dev

# CTest starts a private PostgreSQL server and stops it after the last test that needs it;
# this trap also stops it if the run is interrupted.
trap 'bash tests/support/postgres/pgserver.sh stop "$root/build/dev/postgres" >/dev/null 2>&1 || true' EXIT
status=0
ctest --preset dev || status=$?

bash scripts/build.sh fuzz
ctest --preset fuzz || status=$?
exit $status
