#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Checks every version-change case's expected.txt (what tst_versionchange compares Retort with)
# against the rows Alembic's own HeadMaintainer writes for the same commands.
set -euo pipefail
cases=$1
oracle=$(dirname "$0")/alembic_version_oracle.py
failed=0
for folder in "$cases"/*/; do
    name=$(basename "$folder")
    if ! diff -u "$folder/expected.txt" <(/usr/bin/python3 "$oracle" "$folder"); then
        echo "FAIL $name: expected.txt differs from Alembic's rows"
        failed=1
    else
        echo "ok   $name"
    fi
done
exit $failed
