#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# bash_completion: the completion script completes commands and options (from retort's own
# --help) and the revision ids and branch labels of the project named by -c.
# Usage: check_completion.sh RETORT_BINARY SOURCE_DIR
set -euo pipefail
PATH=$(dirname "$1"):$PATH
source=$2
# shellcheck disable=SC1091
source /usr/share/bash-completion/bash_completion
# shellcheck disable=SC1091
source "$source/packaging/completion/retort.bash"
cd "$source"

complete_line() {
    COMP_WORDS=("$@")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMP_LINE="${COMP_WORDS[*]}"
    COMP_POINT=${#COMP_LINE}
    COMPREPLY=()
    _retort
    printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' '
}
expect() {
    local got=$1 want=$2
    [[ " $got" == *" $want "* ]] || { echo "bash_completion: '$want' not in: $got" >&2; exit 1; }
}

expect "$(complete_line retort up)" upgrade
expect "$(complete_line retort do)" downgrade
expect "$(complete_line retort upgrade --dr)" --dry-run
expect "$(complete_line retort -c migrations/retort.ini upgrade 7d)" 7d41b0e9c6a2
expect "$(complete_line retort -c migrations/retort.ini downgrade '')" base
expect "$(complete_line retort -c migrations/retort.ini upgrade st)" styles
echo "bash_completion: ok"
