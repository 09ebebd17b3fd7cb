# SPDX-License-Identifier: Apache-2.0
# bash completion for retort: commands, each command's options (both read from retort's own
# --help, so they cannot drift), and revision names of the project the command line names
# (-c/--config, else the working directory's retort.ini or alembic.ini).

_retort_config_args()
{
    local i
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
            -c|--config) printf '%s\n' -c "${COMP_WORDS[i+1]}"; return ;;
            --config=*) printf '%s\n' "${COMP_WORDS[i]}"; return ;;
        esac
    done
}

_retort_revisions()
{
    local -a config
    mapfile -t config < <(_retort_config_args)
    # Lines read "a1b2 -> c3d4 (label) (head), message": the id after the arrow, and labels.
    local history
    history=$(retort "${config[@]}" history 2>/dev/null) || return
    sed -n 's/^.*-> \([^ ,]*\).*$/\1/p' <<<"$history"
    sed -n 's/^[^,]*-> [^ ,]*\(\( ([^)]*)\)*\),.*$/\1/p' <<<"$history" |
        grep -o '([^)]*)' | tr -d '()' |
        grep -vx 'head\|branchpoint\|mergepoint\|effective head' | sort -u
    printf '%s\n' head heads base
}

_retort()
{
    local cur prev words cword
    _init_completion -n = || return

    local command= i
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
            -c|--config|--url) ((i++)) ;;
            -*) ;;
            *) command=${words[i]}; break ;;
        esac
    done

    case $prev in
        -c|--config)
            _filedir ini
            return ;;
        --url|-m|--message|--rev-id|--branch-label|--lock-timeout)
            return ;;
        --version-path)
            _filedir -d
            return ;;
    esac

    if [[ -z $command ]]; then
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W '-c --config --url --help --version' -- "$cur"))
        else
            COMPREPLY=($(compgen -W "$(retort --help 2>/dev/null |
                sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p')" -- "$cur"))
        fi
        return
    fi

    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$(retort "$command" --help 2>/dev/null |
            grep -o -- '--[a-z][a-z-]*\|^  -[a-zA-Z]\b' | sed 's/^ *//')" -- "$cur"))
        return
    fi

    case $command in
        upgrade|downgrade|stamp|show|history|lint|merge|log)
            COMPREPLY=($(compgen -W "$(_retort_revisions)" -- "$cur")) ;;
        init)
            _filedir -d ;;
    esac
}
complete -F _retort retort
