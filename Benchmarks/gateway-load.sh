#!/usr/bin/env bash
# Gateway load benchmark on 127.0.0.1 (not part of the tests): TrackBack and Pingback requests/s
# and p50/p99 latency at a few concurrencies with wrk, and the number of stored pings against the
# number of success answers (they must be equal).
#
# Usage: Benchmarks/gateway-load.sh [SECONDS_PER_RUN]      (from the repository root; default 5)
# Needs: wrk (apt-get install wrk), python3, sqlite3; builds the release binary.
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-5}"
command -v wrk >/dev/null || { echo "gateway-load: install wrk first (apt-get install wrk)" >&2; exit 1; }
swift build -c release --product trackway >/dev/null
bin="$(swift build -c release --show-bin-path)/trackway"
work="$(mktemp -d)"
db="$work/load.sqlite"
cleanup() { kill "${server_pid:-}" "${source_pid:-}" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
"$bin" import --db "$db" Samples/harbour-notes.wordpress.xml >/dev/null
target="http://harbour-notes.example/2026/03/spring-tides/"

# The pinging site: every page links to the target post.
source_port=18731
python3 - "$source_port" "$target" <<'PY' &
import sys
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler
port, target = int(sys.argv[1]), sys.argv[2]
page = f'<html><head><title>A citing page</title></head><body><p>As <a href="{target}">Harbour Notes</a> wrote, the tides were high.</p></body></html>'.encode()
class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200); self.send_header("Content-Type", "text/html"); self.send_header("Content-Length", str(len(page))); self.end_headers(); self.wfile.write(page)
    def log_message(self, *args): pass
ThreadingHTTPServer.request_queue_size = 1024
ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
PY
source_pid=$!
port=18730
"$bin" serve --db "$db" --port "$port" --rate-burst 0 --quiet --allow-private-sources >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/xmlrpc.php" && break; sleep 0.1; done

stored() { sqlite3 "$db" "SELECT count(*) FROM comments WHERE origin = 'gateway' AND received_via = '$1'"; }
printf '%-10s %5s %9s %9s %8s %8s %8s %7s\n' protocol conns requests successes req/s p50_ms p99_ms errors
for protocol in trackback pingback; do
    successes_total=0
    for connections in 1 16 64; do
        if [ "$protocol" = trackback ]; then
            line=$(wrk -t"$(( connections < 2 ? 1 : 2 ))" -c"$connections" -d"${duration}s" -s Benchmarks/trackback-load.lua "http://127.0.0.1:$port" \
                -- /2026/03/spring-tides/trackback/ "http://127.0.0.1:$source_port/citing" "c$connections" | grep RESULT)
        else
            line=$(wrk -t"$(( connections < 2 ? 1 : 2 ))" -c"$connections" -d"${duration}s" --timeout 10s -s Benchmarks/pingback-load.lua "http://127.0.0.1:$port" \
                -- "http://127.0.0.1:$source_port/citing" "$target" "c$connections" | grep RESULT)
        fi
        eval "$(echo "$line" | sed 's/^RESULT //')"
        successes_total=$((successes_total + successes))
        printf '%-10s %5d %9d %9d %8d %8s %8s %7d\n' "$protocol" "$connections" "$requests" "$successes" "$rps" "$p50_ms" "$p99_ms" "$errors"
    done
    echo "$protocol: $successes_total success answers, $(stored "$protocol") stored"
done
