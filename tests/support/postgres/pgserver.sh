#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
#
# Throwaway PostgreSQL 15 server for the test suite.
#
#   pgserver.sh start DIR   start a private server (or reuse the one already running in DIR)
#   pgserver.sh stop DIR    stop it, whatever state it is in, and remove DIR
#
# The server listens on 127.0.0.1 only, on a free port, with its data, socket and log inside DIR.
# After `start`, DIR/url (retort_user on database retort_test), DIR/admin_url (superuser
# retort_admin) and DIR/port describe it. PostgreSQL refuses to run as root, so as root the server
# runs as the `postgres` system user.
#
# Environment: RETORT_PG_BIN overrides the binary directory (default /usr/lib/postgresql/15/bin);
# RETORT_PG_EXTRA_CONF holds extra postgresql.conf lines (e.g. "log_statement = all").
set -Eeuo pipefail
trap 'echo "pgserver: failed (status $?) at line $LINENO: $BASH_COMMAND" >&2' ERR

readonly PG_BIN=${RETORT_PG_BIN:-/usr/lib/postgresql/15/bin}
readonly MARKER=.retort-pgserver   # marks a DIR this script made, so it may delete it
readonly ADMIN_ROLE=retort_admin
readonly USER_ROLE=retort_user
readonly DATABASE=retort_test
readonly SERVER_ACCOUNT=postgres   # the system user that runs the server when we are root
readonly MAX_RUNTIME_PATH=80       # keeps RUNTIME/socket/.s.PGSQL.NNNNN under the 107-byte limit

log() { echo "pgserver: $*" >&2; }
die() { log "$*"; exit 1; }

usage() {
    echo "usage: $0 start|stop DIR" >&2
    exit 64
}

is_root() { [[ $(id -u) -eq 0 ]]; }

# Runs a command as the account that owns the server, from a directory that account can enter.
as_server() {
    if is_root; then
        (cd / && runuser -u "$SERVER_ACCOUNT" -- "$@")
    else
        "$@"
    fi
}

give_to_server() {
    if is_root; then
        chown "$SERVER_ACCOUNT:$SERVER_ACCOUNT" "$@"
    fi
}

require_binaries() {
    local tool
    for tool in initdb pg_ctl postgres pg_isready psql; do
        if [[ ! -x $PG_BIN/$tool ]]; then
            log "$PG_BIN/$tool not found: install the Debian package postgresql-15" \
                "(apt-get install postgresql-15), or set RETORT_PG_BIN"
            exit 2
        fi
    done
    if is_root && ! id -u "$SERVER_ACCOUNT" >/dev/null 2>&1; then
        log "running as root needs the '$SERVER_ACCOUNT' system user (created by postgresql-15)"
        exit 2
    fi
}

random_secret() { od -An -tx1 -N24 /dev/urandom | tr -d ' \n'; }

# Writes stdin to FILE readable by its owner only (umask applies before the file exists).
write_private() { (umask 077 && cat >"$1"); }

port_in_use() {
    local port=$1
    if command -v ss >/dev/null && [[ -n $(ss -Hltn "sport = :$port" 2>/dev/null) ]]; then
        return 0
    fi
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
}

# A port nobody listens on, tried upwards from a random start below the Linux ephemeral range
# (32768+) so outgoing connections do not collide with it.
free_port() {
    local start=$((20000 + (RANDOM * 32768 + RANDOM) % 12000)) i port
    for ((i = 0; i < 200; i++)); do
        port=$((start + i))
        if ! port_in_use "$port"; then
            echo "$port"
            return 0
        fi
    done
    die "no free TCP port found in $start..$((start + 199))"
}

# Where data, socket and log live: DIR itself, unless the server account cannot reach it or its
# path is too long for a unix socket; then a private directory under /tmp recorded in DIR/runtime.
runtime_dir() {
    if [[ -f $1/runtime ]]; then
        cat "$1/runtime"
    else
        echo "$1"
    fi
}

choose_runtime_dir() {
    local dir=$1 runtime
    if ((${#dir} <= MAX_RUNTIME_PATH)) && as_server test -w "$dir"; then
        echo "$dir"
        return 0
    fi
    runtime=$(mktemp -d /tmp/retort-pg.XXXXXX)
    give_to_server "$runtime"
    echo "$runtime" >"$dir/runtime"
    ln -s "$runtime/server.log" "$dir/server.log"
    echo "$runtime"
}

server_ready() {
    local dir=$1 runtime
    [[ -f $dir/url && -f $dir/port ]] || return 1
    runtime=$(runtime_dir "$dir")
    as_server "$PG_BIN/pg_ctl" status -D "$runtime/data" >/dev/null 2>&1 &&
        as_server "$PG_BIN/pg_isready" -q -h "$runtime/socket" -p "$(cat "$dir/port")"
}

# PostgreSQL processes chdir into the data directory: that finds even backends orphaned by a
# killed postmaster, and nothing else.
cluster_pids() {
    local data proc cwd
    data=$(readlink -f "$1") || return 0
    # find complains (and fails) about processes that vanish or belong to others: ignore that.
    { find /proc -mindepth 2 -maxdepth 2 -name cwd -printf '%h\t%l\n' 2>/dev/null || true; } |
        while IFS=$'\t' read -r proc cwd; do
            if [[ $cwd == "$data" && $proc =~ ^/proc/[0-9]+$ ]]; then
                echo "${proc#/proc/}"
            fi
        done
}

# pg_ctl alone would signal a dead postmaster's zombie, or a stranger that reused its pid, and
# then wait for a pid file that nobody removes.
postmaster_alive() {
    local data=$1 pid
    [[ -f $data/postmaster.pid ]] || return 1
    pid=$(head -n 1 "$data/postmaster.pid")
    [[ $pid =~ ^[0-9]+$ && $(readlink "/proc/$pid/cwd" 2>/dev/null) == "$(readlink -f "$data")" ]]
}

kill_leftovers() {
    local data=$1 pids i
    for ((i = 0; i < 50; i++)); do
        pids=$(cluster_pids "$data")
        [[ -n $pids ]] || return 0
        # shellcheck disable=SC2086 # one pid per word
        kill -KILL $pids 2>/dev/null || true
        sleep 0.1
    done
    die "processes of $data survive SIGKILL: ${pids//$'\n'/ }"
}

# A killed postmaster leaves its small System V segment behind; postmaster.pid line 7 names it.
remove_shared_memory() {
    local pidfile=$1/postmaster.pid key id hexkey
    [[ -f $pidfile ]] || return 0
    read -r key id < <(sed -n 7p "$pidfile") || return 0
    [[ $key =~ ^[0-9]+$ && ${id:-} =~ ^[0-9]+$ ]] || return 0
    printf -v hexkey '0x%08x' "$key"
    if ipcs -m 2>/dev/null | awk -v k="$hexkey" -v i="$id" '$1 == k && $2 == i {f = 1} END {exit !f}'; then
        ipcrm -m "$id" 2>/dev/null || true
    fi
}

# Stops whatever runs in DIR and deletes DIR (and its runtime directory). Refuses foreign dirs.
teardown() {
    local dir=$1 runtime
    [[ -e $dir ]] || return 0
    [[ -f $dir/$MARKER ]] || die "$dir was not made by pgserver.sh: refusing to delete it"
    runtime=$(runtime_dir "$dir")
    if postmaster_alive "$runtime/data"; then
        as_server "$PG_BIN/pg_ctl" stop -D "$runtime/data" -m immediate -w -t 30 >/dev/null 2>&1 ||
            true
    fi
    if [[ -d $runtime/data ]]; then
        kill_leftovers "$runtime/data"
        remove_shared_memory "$runtime/data"
    fi
    if [[ $runtime != "$dir" ]]; then
        rm -rf -- "$runtime"
    fi
    rm -rf -- "$dir"
}

write_config() {
    local runtime=$1 port=$2
    # Later settings win: postgresql.conf includes this file at its end, rewritten per attempt.
    cat >"$runtime/data/retort.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '${runtime//\'/\'\'}/socket'
unix_socket_permissions = 0700
max_connections = 100
fsync = off
full_page_writes = off
synchronous_commit = off
# Dynamic shared memory as files in the data directory, so a killed server leaves nothing in /dev/shm.
dynamic_shared_memory_type = mmap
${RETORT_PG_EXTRA_CONF:-}
EOF
    give_to_server "$runtime/data/retort.conf"
}

init_cluster() {
    local runtime=$1 admin_password=$2 pwfile
    pwfile=$runtime/admin.pw
    printf '%s\n' "$admin_password" | write_private "$pwfile"
    give_to_server "$pwfile"
    as_server "$PG_BIN/initdb" -D "$runtime/data" -U "$ADMIN_ROLE" --pwfile="$pwfile" \
        --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C --no-sync \
        --no-instructions >"$runtime/initdb.log" 2>&1 ||
        { cat "$runtime/initdb.log" >&2; rm -f "$pwfile"; die "initdb failed"; }
    rm -f "$pwfile" "$runtime/initdb.log"
    # Only the socket (private to the server account) trusts; TCP always needs a password.
    printf '%s\n' 'local all all trust' 'host all all 127.0.0.1/32 scram-sha-256' \
        >"$runtime/data/pg_hba.conf"
    echo "include = 'retort.conf'" >>"$runtime/data/postgresql.conf"
    mkdir -m 700 "$runtime/socket"
    give_to_server "$runtime/socket"
}

# Starts the server on a free port; retries when another process grabbed the port meanwhile.
start_server() {
    local runtime=$1 attempt port
    for ((attempt = 1; attempt <= 5; attempt++)); do
        port=$(free_port) || return 1
        write_config "$runtime" "$port"
        if as_server "$PG_BIN/pg_ctl" start -D "$runtime/data" -l "$runtime/server.log" -w -t 60 \
            -s >/dev/null; then
            echo "$port"
            return 0
        fi
        grep -q 'could not bind' "$runtime/server.log" 2>/dev/null || return 1
        log "port $port was taken, retrying"
    done
    return 1
}

create_user_database() {
    local runtime=$1 port=$2 password=$3
    # The password travels on stdin, never on a command line.
    as_server "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$runtime/socket" -p "$port" \
        -U "$ADMIN_ROLE" -d postgres >/dev/null <<EOF
CREATE ROLE $USER_ROLE LOGIN CREATEDB PASSWORD '$password';
CREATE DATABASE $DATABASE OWNER $USER_ROLE;
EOF
}

on_start_exit() {
    local status=$? runtime
    ((status != 0)) || return 0
    runtime=$(runtime_dir "$START_DIR")
    if [[ -f $runtime/server.log ]]; then
        log "start failed; last lines of $runtime/server.log:"
        tail -n 30 "$runtime/server.log" >&2
    fi
    if [[ -f $runtime/data/postmaster.pid ]]; then
        as_server "$PG_BIN/pg_ctl" stop -D "$runtime/data" -m immediate >/dev/null 2>&1 || true
    fi
    log "left $START_DIR for inspection; '$0 stop $START_DIR' removes it"
}

cmd_start() {
    local dir=$1 runtime port admin_password user_password began=$SECONDS
    if server_ready "$dir"; then
        log "reusing the server already running in $dir (port $(cat "$dir/port"))"
        return 0
    fi
    if [[ -f $dir/$MARKER ]]; then
        teardown "$dir" # a stale server from an earlier run (crashed or killed)
    elif [[ -e $dir && -n $(ls -A "$dir" 2>/dev/null) ]]; then
        die "$dir exists, is not empty and was not made by pgserver.sh"
    fi

    START_DIR=$dir
    trap on_start_exit EXIT
    mkdir -p "$dir"
    chmod 700 "$dir"
    touch "$dir/$MARKER"
    give_to_server "$dir"
    runtime=$(choose_runtime_dir "$dir")

    admin_password=$(random_secret)
    user_password=$(random_secret)
    init_cluster "$runtime" "$admin_password"
    port=$(start_server "$runtime") || die "the server did not start"
    create_user_database "$runtime" "$port" "$user_password" ||
        die "could not create role $USER_ROLE and database $DATABASE"

    echo "$port" >"$dir/port"
    printf 'postgresql://%s:%s@127.0.0.1:%s/postgres\n' "$ADMIN_ROLE" "$admin_password" "$port" |
        write_private "$dir/admin_url"
    # url last: its presence means the server is ready.
    printf 'postgresql://%s:%s@127.0.0.1:%s/%s\n' "$USER_ROLE" "$user_password" "$port" \
        "$DATABASE" | write_private "$dir/url"
    trap - EXIT
    echo "pgserver: PostgreSQL ready on 127.0.0.1:$port in $dir ($((SECONDS - began)) s)"
}

cmd_stop() {
    local dir=$1
    if [[ ! -e $dir ]]; then
        echo "pgserver: nothing to stop in $dir"
        return 0
    fi
    teardown "$dir"
    echo "pgserver: stopped and removed $dir"
}

main() {
    (($# == 2)) || usage
    local dir
    dir=$(realpath -m -- "$2")
    case $1 in
    start | stop) ;;
    *) usage ;;
    esac
    require_binaries
    "cmd_$1" "$dir"
}

main "$@"
