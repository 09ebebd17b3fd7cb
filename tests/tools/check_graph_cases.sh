#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Checks every golden graph case's expected.txt against Alembic's own answers, except cases
# marked retort-only (where Retort deliberately refuses what Alembic lets through).
set -euo pipefail
cases=$1
oracle=$(dirname "$0")/alembic_graph_oracle.py
failed=0
for folder in "$cases"/*/; do
    name=$(basename "$folder")
    if [[ -f $folder/retort-only ]]; then
        echo "skip $name (retort-only: $(cat "$folder/retort-only"))"
        continue
    fi
    if ! diff -u "$folder/expected.txt" <(/usr/bin/python3 "$oracle" "$folder" 2>/dev/null); then
        echo "FAIL $name: expected.txt differs from Alembic's answers"
        failed=1
    else
        echo "ok   $name"
    fi
done
exit $failed
