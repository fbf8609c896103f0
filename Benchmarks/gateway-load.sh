#!/usr/bin/env bash
# Gateway load benchmark on 127.0.0.1 (not part of the tests): archive page and feed GETs, TrackBack and Pingback requests/s
# and p50/p99 latency with wrk, at a few concurrencies as fast as answered and paced to the
# target rates, and the number of stored pings against the number of success answers (they must
# be equal), each run also as a share of a baseline measured in the same run (the same server
# answering a bare form POST, HTTP only). Then the read API's /api/mentions.jf2 for a post with
# 50 comments and 20 pings (rows api-kept and api-fresh).
#
# Usage: Benchmarks/gateway-load.sh [SECONDS_PER_RUN]      (from the repository root; default 5)
#        TRACKWAY_BIN=/path/to/trackway Benchmarks/gateway-load.sh   (measure another build)
# Needs: wrk (apt-get install wrk), python3, sqlite3, and nginx-light for a fast source site
# (optional); builds the release binary.
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-5}"
command -v wrk >/dev/null || { echo "gateway-load: install wrk first (apt-get install wrk)" >&2; exit 1; }
# TRACKWAY_BIN measures another build (an older commit's, say) with the same load.
if [ -z "${TRACKWAY_BIN:-}" ]; then
    swift build -c release --product trackway >/dev/null
    bin="$(swift build -c release --show-bin-path)/trackway"
else
    bin="$TRACKWAY_BIN"
fi
work="$(mktemp -d)"
db="$work/load.sqlite"
cleanup() { kill "${server_pid:-}" "${source_pid:-}" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
"$bin" import --db "$db" Samples/harbour-notes.wordpress.xml >/dev/null
target="http://harbour-notes.example/2026/03/spring-tides/"
# The read side's post (the archive page and the read API rows): 50 approved comments, 10
# trackbacks and 10 pingbacks.
python3 Benchmarks/make-discussed-post.py "$work/discussed.xml"
"$bin" import --db "$db" "$work/discussed.xml" >/dev/null
archive_page="/2026/04/discussed/"

# The pinging sites: every page links to the target post. One server answers on 127.0.0.1 to
# 127.0.0.16, so pings can come from 16 sites (the gateway fetches at most 4 pages from one host at
# a time). nginx (apt-get install nginx-light) serves them when installed, so the sources cost the
# shared CPUs little; Python's server otherwise.
source_port=18731
sites=16
listens=$(for i in $(seq "$sites"); do printf 'listen 127.0.0.%d:%d; ' "$i" "$source_port"; done)
page='<html><head><title>A citing page</title></head><body><p>As <a href="'"$target"'">Harbour Notes</a> wrote, the tides were high.</p></body></html>'
if command -v nginx >/dev/null || [ -x /usr/sbin/nginx ]; then
    mkdir -p "$work/site"
    printf '%s' "$page" >"$work/site/citing"
    cat >"$work/nginx.conf" <<NGINX
worker_processes 1;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $work; proxy_temp_path $work; fastcgi_temp_path $work; uwsgi_temp_path $work; scgi_temp_path $work;
    server { $listens root $work/site; default_type text/html; }
}
NGINX
    "$(command -v nginx || echo /usr/sbin/nginx)" -c "$work/nginx.conf" -p "$work" &
    source_server=nginx
else
    python3 - "$source_port" "$page" "$sites" <<'PY' &
import sys, threading
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler
port, page, sites = int(sys.argv[1]), sys.argv[2].encode(), int(sys.argv[3])
class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200); self.send_header("Content-Type", "text/html"); self.send_header("Content-Length", str(len(page))); self.end_headers(); self.wfile.write(page)
    def log_message(self, *args): pass
ThreadingHTTPServer.request_queue_size = 1024
servers = [ThreadingHTTPServer((f"127.0.0.{i}", port), Handler) for i in range(1, sites + 1)]
for server in servers[1:]:
    threading.Thread(target=server.serve_forever, daemon=True).start()
servers[0].serve_forever()
PY
    source_server=python
fi
source_pid=$!
echo "source site: $source_server on 127.0.0.1:$source_port"
port=18730
"$bin" serve --db "$db" --port "$port" --rate-burst 0 --quiet --allow-private-sources >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/xmlrpc.php" && break; sleep 0.1; done

# The server's CPU time so far (user + system) in microseconds, from /proc: CPU per request holds
# up better than requests/s when other work shares the cores.
cpu_us() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000000 / hz }' "/proc/$server_pid/stat"; }
query() { sqlite3 -cmd ".timeout 5000" "$db" "$1"; }
stored() { query "SELECT count(*) FROM comments WHERE origin = 'gateway' AND received_via = '$1'"; }

# The baseline, measured in this run on this machine: the same server answering a form POST to a
# path that is no endpoint (405, no database, no fetch) at 64 connections. Every run's req/s is
# also given as a share of it, which holds up better than raw figures on a noisy machine.
cat >"$work/floor.lua" <<'LUA'
wrk.method = "POST"
wrk.body = "url=http%3A%2F%2F127.0.0.1%2Fciting&title=Load&blog_name=Bench&excerpt=load+test"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
LUA
cpu_before=$(cpu_us)
floor=$(wrk -t2 -c64 -d"${duration}s" -s "$work/floor.lua" "http://127.0.0.1:$port/no-endpoint" | awk '/Requests\/sec/ { printf "%d", $2 }')
floor_cpu=$(( ($(cpu_us) - cpu_before) / (floor * duration) ))
echo "baseline: $floor req/s for a form POST answered 405 (HTTP only), 64 connections, ${floor_cpu} µs of server CPU each"

# Read side: GETs at 64 connections, each as a share of the baseline. The archive page is served
# from the rendered-page cache while the database is unchanged (the issue's target: at least
# 25,000 requests/s, p99 at most 20 ms); so is the feed a reader polls, Harbour Notes' `/feed/`
# (the Host names no site, so `site=1` does; target: at least 5,000 requests/s). wrk's --latency
# percentiles are read in ms.
printf '%-34s %5s %9s %8s %8s %8s %7s\n' page conns requests req/s of_base p50_ms p99_ms cpu_us
for row in "archive-post:$archive_page" "feed:/feed/?site=1"; do
    name=${row%%:*}
    path=${row#*:}
    curl -s -o /dev/null "http://127.0.0.1:$port$path"
    cpu_before=$(cpu_us)
    out=$(wrk -t2 -c64 -d"${duration}s" --latency "http://127.0.0.1:$port$path")
    rps=$(echo "$out" | awk '/Requests\/sec/ { printf "%d", $2 }')
    requests=$(echo "$out" | awk '/requests in/ { print $1 }')
    ms() { echo "$out" | awk -v p="$1" '$1 == p { v = $2; u = v; gsub(/[0-9.]/, "", u); sub(/[a-z]+$/, "", v);
        printf "%.2f", (u == "us" ? v / 1000 : (u == "s" ? v * 1000 : v)) }'; }
    non2xx=$(echo "$out" | awk '/Non-2xx/ { print $NF }')
    [ -n "$non2xx" ] && echo "$name: $non2xx answers were not 2xx" >&2
    printf '%-34s %5d %9d %8d %7d%% %8s %8s %7d\n' "$name $path" 64 "$requests" "$rps" "$(( rps * 100 / floor ))" \
        "$(ms 50%)" "$(ms 99%)" "$(( ($(cpu_us) - cpu_before) / (requests > 0 ? requests : 1) ))"
done
printf '%-10s %5s %5s %5s %9s %9s %8s %8s %8s %8s %7s %7s\n' protocol conns sites pause requests successes req/s of_base p50_ms p99_ms errors cpu_us
for protocol in trackback pingback; do
    successes_total=0
    # Pings from 16 sites at three concurrencies, then a flood citing one site only, each as fast
    # as answered; then 64 connections paced: each waits PAUSE ms before each request
    # (Benchmarks/paced.lua), at most 12,800 trackbacks/s or 1,067 pingbacks/s (the issue's target
    # is 1,000), so the latencies are those of a server keeping up with a steady rate rather than
    # of requests queued behind a saturating flood. wrk's own pacing costs it CPU on a small host,
    # so the paced trackback rate stays below what the server answers unpaced.
    [ "$protocol" = trackback ] && paced=5 || paced=60
    for run in 1:16:0 16:16:0 64:16:0 64:1:0 64:16:$paced; do
        IFS=: read -r connections from pause <<<"$run"
        script=Benchmarks/$protocol-load.lua
        [ "$pause" -gt 0 ] && wrk_script=Benchmarks/paced.lua || wrk_script=$script
        cpu_before=$(cpu_us)
        if [ "$protocol" = trackback ]; then
            line=$(LOAD_SCRIPT=$script wrk -t"$(( connections < 2 ? 1 : 2 ))" -c"$connections" -d"${duration}s" -s "$wrk_script" "http://127.0.0.1:$port" \
                -- /2026/03/spring-tides/trackback/ "$source_port" "c${connections}s${from}p$pause" "$from" "$pause" | grep RESULT)
        else
            line=$(LOAD_SCRIPT=$script wrk -t"$(( connections < 2 ? 1 : 2 ))" -c"$connections" -d"${duration}s" --timeout 10s -s "$wrk_script" "http://127.0.0.1:$port" \
                -- "$source_port" "$target" "c${connections}s${from}p$pause" "$from" "$pause" | grep RESULT)
        fi
        eval "$(echo "$line" | sed 's/^RESULT //')"
        # Server CPU per answered request, background checks done meanwhile included.
        cpu_each=$(( ($(cpu_us) - cpu_before) / (requests > 0 ? requests : 1) ))
        successes_total=$((successes_total + successes))
        printf '%-10s %5d %5d %5d %9d %9d %8d %7d%% %8s %8s %7d %7d\n' "$protocol" "$connections" "$from" "$pause" "$requests" "$successes" "$rps" \
            "$(( rps * 100 / floor ))" "$p50_ms" "$p99_ms" "$errors" "$cpu_each"
    done
    # wrk stops counting at the deadline: up to one request per connection was still in flight
    # then, stored but never counted. A success answer without a stored row is a lost ping.
    sleep 1
    rows=$(stored "$protocol")
    lost=$(( successes_total > rows ? successes_total - rows : 0 ))
    echo "$protocol: $successes_total success answers, $rows stored, $lost lost, $(( rows - successes_total + lost )) stored after wrk stopped counting (at most 209, one per connection)"
    if [ "$protocol" = trackback ]; then
        # Trackbacks are answered once stored; each source is then checked in the background, at
        # lower priority. Wait for that queue to empty before the pingback runs.
        queued=$(query "SELECT count(*) FROM verification_queue")
        started=$SECONDS
        cpu_before=$(cpu_us)
        while [ "$(query "SELECT count(*) FROM verification_queue")" -gt 0 ] && [ $((SECONDS - started)) -lt 600 ]; do sleep 0.5; done
        approved=$(query "SELECT count(*) FROM comments WHERE origin = 'gateway' AND received_via = 'trackback' AND status = 'approved'")
        echo "trackback verification: $queued still queued when the load stopped, the queue empty $((SECONDS - started)) s later" \
            "($(( ($(cpu_us) - cpu_before) / (queued > 0 ? queued : 1) )) µs of server CPU per check); $approved of $rows approved (the source links to the post)"
    fi
done

# The read API (webmention.io's /api/mentions.jf2) for a post with 50 comments and 20 pings, at
# 64 connections: the same question on every request (a widget on one page), which the server
# answers from the answers it keeps while the database is unchanged, and a different question on
# every request (a counter in the query), which it computes each time. The issue's target for the
# first is 10,000 requests/s.
mentions="/api/mentions.jf2?target=http%3A%2F%2Fdiscussed.example%2F2026%2F04%2Fdiscussed%2F"
for run in kept fresh; do
    cpu_before=$(cpu_us)
    line=$(wrk -t2 -c64 -d"${duration}s" -s Benchmarks/read-api-load.lua "http://127.0.0.1:$port" -- "$mentions" "$run" | grep RESULT)
    eval "$(echo "$line" | sed 's/^RESULT //')"
    cpu_each=$(( ($(cpu_us) - cpu_before) / (requests > 0 ? requests : 1) ))
    printf '%-10s %5d %5d %5d %9d %9d %8d %7d%% %8s %8s %7d %7d\n' "api-$run" 64 1 0 "$requests" "$successes" "$rps" \
        "$(( rps * 100 / floor ))" "$p50_ms" "$p99_ms" "$errors" "$cpu_each"
done
