#!/usr/bin/env bash
# Gateway load on PostgreSQL (not part of the tests): TrackBack and Pingback requests/s, p99 and
# lost pings (success answers not stored; must be 0) for one node on SQLite (the baseline of the
# same run), one node on PostgreSQL, two nodes on one PostgreSQL database behind nginx, and the
# same two nodes with one killed (kill -9) halfway through the run. Every row also gives its
# requests/s as a share of the SQLite node's for the same protocol.
#
# Usage: Benchmarks/gateway-load-postgres.sh [SECONDS_PER_RUN]   (from the repository root; default 5)
#        TRACKWAY_BIN=/path/to/trackway Benchmarks/gateway-load-postgres.sh
#        TRACKWAY_LOAD_RATE_BURST=1000000 Benchmarks/gateway-load-postgres.sh   # the rate limit on, never
#            reached (off by default): each ping on PostgreSQL then also counts itself in the shared table
# Needs: wrk, nginx (nginx-light), python3, sqlite3, and PostgreSQL's server (scripts/setup.sh);
# builds the release binary. The cluster is a throwaway one (scripts/postgres-test-cluster.sh)
# with durable commits (fsync and synchronous_commit on), as the gateway promises: a ping
# answered with success is committed. Everything shares this machine's cores: the nodes, nginx,
# PostgreSQL, the source site and wrk.
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-5}"
for tool in wrk sqlite3; do command -v "$tool" >/dev/null || { echo "gateway-load-postgres: install $tool first" >&2; exit 1; }; done
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$nginx_bin" ] || { echo "gateway-load-postgres: install nginx-light first" >&2; exit 1; }
if [ -z "${TRACKWAY_BIN:-}" ]; then
    swift build -c release --product trackway >/dev/null
    bin="$(swift build -c release --show-bin-path)/trackway"
else
    bin="$TRACKWAY_BIN"
fi
psql_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)/psql
work="$(mktemp -d)"
chmod 755 "$work"
pids=()
cleanup() {
    # TERM, not KILL: nginx's master takes its workers with it.
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    [ -z "${TRACKWAY_TEST_POSTGRES_DIR:-}" ] || bash scripts/postgres-test-cluster.sh stop "$TRACKWAY_TEST_POSTGRES_DIR"
    rm -rf "$work"
}
trap cleanup EXIT
eval "$(TRACKWAY_PG_DURABLE=1 bash scripts/postgres-test-cluster.sh start)"
admin="$TRACKWAY_TEST_POSTGRES_URL"
pg="${admin%/*}/trackway_load"
"$psql_bin" -q "$admin" -c "CREATE DATABASE trackway_load TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'"
sqlite="$work/load.sqlite"
for db in "$sqlite" "$pg"; do "$bin" import --db "$db" Samples/harbour-notes.wordpress.xml >/dev/null; done
target="http://harbour-notes.example/2026/03/spring-tides/"

# The pinging sites, every page linking to the target post, on 127.0.0.1 to 127.0.0.16 (a node
# fetches at most 4 pages from one host at a time), served by nginx; and the load balancer.
source_port=18741
balancer_port=18740
mkdir -p "$work/site"
printf '%s' '<html><head><title>A citing page</title></head><body><p>As <a href="'"$target"'">Harbour Notes</a> wrote, the tides were high.</p></body></html>' >"$work/site/citing"
listens=$(for i in $(seq 16); do printf 'listen 127.0.0.%d:%d; ' "$i" "$source_port"; done)
start_nginx() { # name, server blocks
    cat >"$work/$1.conf" <<NGINX
worker_processes 1;
daemon off;
pid $work/$1.pid;
error_log $work/$1-error.log;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $work; proxy_temp_path $work; fastcgi_temp_path $work; uwsgi_temp_path $work; scgi_temp_path $work;
    $2
}
NGINX
    "$nginx_bin" -c "$work/$1.conf" -p "$work" &
    pids+=($!)
}
start_nginx site "server { $listens root $work/site; default_type text/html; }"

# Starts `trackway serve` on the database $1 and port $2; its pid in $node_pid.
start_node() {
    "$bin" serve --db "$1" --port "$2" --rate-burst "${TRACKWAY_LOAD_RATE_BURST:-0}" --quiet --allow-private-sources --public-url "http://node-$2.test" >"$work/serve-$2.log" 2>&1 &
    node_pid=$!
    pids+=("$node_pid")
    for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$2/xmlrpc.php" && return; sleep 0.1; done
    echo "gateway-load-postgres: the node on port $2 did not start: $(cat "$work/serve-$2.log")" >&2
    exit 1
}
stop_node() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

# Gateway pings stored from wrk run $2, on database $1.
stored() {
    local sql="SELECT count(*) FROM comments WHERE origin = 'gateway' AND author_url LIKE '%run=$2&%'"
    case "$1" in
        postgres*) "$psql_bin" -qAt "$1" -c "$sql" ;;
        *) sqlite3 -cmd ".timeout 5000" "$1" "$sql" ;;
    esac
}

# One wrk run of $1 (trackback or pingback) at 64 connections from 16 sites against base URL $2,
# as fast as answered; sets requests, successes, rps, p50_ms, p99_ms, errors.
load() {
    if [ "$1" = trackback ]; then
        args=(/2026/03/spring-tides/trackback/ "$source_port" "$3" 16 0)
    else
        args=("$source_port" "$target" "$3" 16 0)
    fi
    line=$(LOAD_SCRIPT=Benchmarks/$1-load.lua wrk -t2 -c64 -d"${duration}s" --timeout 10s -s "Benchmarks/$1-load.lua" "$2" -- "${args[@]}" | grep RESULT)
    eval "$(echo "$line" | sed 's/^RESULT //')"
}

printf '%-28s %-10s %9s %9s %8s %8s %8s %7s %5s\n' setup protocol requests successes req/s of_sqlite p99_ms errors lost
declare -A baseline
row() { # setup, protocol, database, run tag
    sleep 1   # wrk stops counting at its deadline; the requests in flight then still commit
    local rows lost
    rows=$(stored "$3" "$4")
    lost=$(( successes > rows ? successes - rows : 0 ))
    [ -n "${baseline[$2]:-}" ] || baseline[$2]=$rps
    printf '%-28s %-10s %9d %9d %8d %7d%% %8s %7d %5d\n' "$1" "$2" "$requests" "$successes" "$rps" \
        "$(( rps * 100 / (baseline[$2] > 0 ? baseline[$2] : 1) ))" "$p99_ms" "$errors" "$lost"
}

start_node "$sqlite" 18750
sqlite_node=$node_pid
for protocol in trackback pingback; do
    load "$protocol" http://127.0.0.1:18750 "sqlite-$protocol"
    row "sqlite, one node" "$protocol" "$sqlite" "sqlite-$protocol"
done
stop_node "$sqlite_node"

start_node "$pg" 18751
first=$node_pid
for protocol in trackback pingback; do
    load "$protocol" http://127.0.0.1:18751 "pg1-$protocol"
    row "postgresql, one node" "$protocol" "$pg" "pg1-$protocol"
done
start_node "$pg" 18752
second=$node_pid
start_nginx balancer "upstream nodes { server 127.0.0.1:18751 max_fails=1 fail_timeout=2s; server 127.0.0.1:18752 max_fails=1 fail_timeout=2s; keepalive 64; }
    server { listen 127.0.0.1:$balancer_port; location / { proxy_pass http://nodes; proxy_http_version 1.1;
        proxy_set_header Connection \"\"; proxy_set_header Host \$host; proxy_next_upstream error timeout; } }"
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$balancer_port/xmlrpc.php" && break; sleep 0.1; done
for protocol in trackback pingback; do
    load "$protocol" "http://127.0.0.1:$balancer_port" "pg2-$protocol"
    row "postgresql, two nodes+nginx" "$protocol" "$pg" "pg2-$protocol"
done
# The same, with the first node killed halfway through each run (and started again between runs).
for protocol in trackback pingback; do
    ( sleep "$(awk -v d="$duration" 'BEGIN { print d / 2 }')"; kill -9 "$first" ) &
    load "$protocol" "http://127.0.0.1:$balancer_port" "pgkill-$protocol"
    row "postgresql, two, one killed" "$protocol" "$pg" "pgkill-$protocol"
    wait "$first" 2>/dev/null || true
    start_node "$pg" 18751
    first=$node_pid
done
queued=$("$psql_bin" -qAt "$pg" -c "SELECT count(*) FROM verification_queue")
echo "verification queue after the runs: $queued trackbacks still to check (the nodes check them in the background)"
