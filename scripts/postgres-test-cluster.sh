#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests, on 127.0.0.1 at a free port, in a temporary
# directory, with fsync off (its data dies with it) unless TRACKWAY_PG_DURABLE=1.
#
#   eval "$(bash scripts/postgres-test-cluster.sh start)"   # exports TRACKWAY_TEST_POSTGRES_URL and _DIR
#   bash scripts/postgres-test-cluster.sh stop "$TRACKWAY_TEST_POSTGRES_DIR"
#
# The server refuses to run as root, so as root the cluster belongs to a system user,
# trackway-pg (created when missing); any other user runs it as itself.
set -euo pipefail

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$pg_bin" ] || { echo "postgres-test-cluster: no PostgreSQL server found (scripts/setup.sh installs it)" >&2; exit 1; }
owner=trackway-pg

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u "$owner" -- "$@"; else "$@"; fi
}

case "${1:-}" in
start)
    if [ "$(id -u)" -eq 0 ] && ! id -u "$owner" >/dev/null 2>&1; then
        useradd --system --no-create-home --shell /usr/sbin/nologin "$owner"
    fi
    dir=$(mktemp -d /tmp/trackway-pg.XXXXXX)
    [ "$(id -u)" -ne 0 ] || chown "$owner" "$dir"
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_owner "$pg_bin/initdb" --pgdata="$dir/data" --username=trackway --auth=trust --encoding=UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    # Many tests run at once, each with its own database and connections.
    options="-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c max_connections=300"
    # Durable on request (TRACKWAY_PG_DURABLE=1, for benchmarks that must pay for their commits).
    [ "${TRACKWAY_PG_DURABLE:-0}" = 1 ] || options+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    as_owner "$pg_bin/pg_ctl" --pgdata="$dir/data" --log="$dir/server.log" --options="$options" --wait start >/dev/null \
        || { cat "$dir/server.log" >&2; exit 1; }
    echo "export TRACKWAY_TEST_POSTGRES_URL=postgresql://trackway@127.0.0.1:$port/postgres"
    echo "export TRACKWAY_TEST_POSTGRES_DIR=$dir"
    ;;
stop)
    dir="${2:-${TRACKWAY_TEST_POSTGRES_DIR:-}}"
    case "$dir" in /tmp/trackway-pg.*) ;; *) echo "postgres-test-cluster: stop needs the cluster's directory" >&2; exit 1 ;; esac
    [ ! -d "$dir/data" ] || as_owner "$pg_bin/pg_ctl" --pgdata="$dir/data" --mode=immediate --wait stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
*)
    echo "usage: $0 start | stop DIR" >&2
    exit 2
    ;;
esac
