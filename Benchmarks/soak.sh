#!/usr/bin/env bash
# Soak on 127.0.0.1 (not part of the tests): a steady mix of pingbacks, trackbacks, GETs and
# garbage against the release server for a few minutes. Prints requests and statuses by kind,
# success answers against stored rows per kind, and the server's resident memory over time;
# exits 1 on any 5xx answer, request without an answer, lost ping or ping stored twice.
#
# Usage: Benchmarks/soak.sh [SECONDS] [REQUESTS_PER_SECOND]   (from the repository root; default 180 s, 50/s)
# Needs: python3; builds the release binary. The rate limit is off: every ping here is wanted.
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-180}"
rate="${2:-50}"
swift build -c release --product trackway >/dev/null
bin="$(swift build -c release --show-bin-path)/trackway"
work="$(mktemp -d)"
db="$work/soak.sqlite"
cleanup() { [ -z "${server_pid:-}" ] || kill "$server_pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
"$bin" import --db "$db" Samples/harbour-notes.wordpress.xml >/dev/null
"$bin" serve --db "$db" --port 0 --rate-burst 0 --quiet --allow-private-sources >"$work/serve.log" 2>&1 &
server_pid=$!
port=""
for _ in $(seq 100); do
    port=$(sed -n 's|.*serving .* on http://127\.0\.0\.1:\([0-9]*\).*|\1|p' "$work/serve.log")
    [ -n "$port" ] && break
    sleep 0.1
done
[ -n "$port" ] || { echo "soak: the server did not start:" >&2; cat "$work/serve.log" >&2; exit 1; }

status=0
python3 Benchmarks/ping-traffic.py --server "http://127.0.0.1:$port" \
    --post http://harbour-notes.example/2026/03/spring-tides/ \
    --post http://harbour-notes.example/2026/04/mending-a-trawl-net/ \
    --post http://harbour-notes.example/about/ \
    --threads 8 --rate "$rate" --duration "$duration" \
    --db "$db" --settle 3 --server-pid "$server_pid" --sample-seconds 5 || status=$?
echo "server log: $(grep -ci 'error' "$work/serve.log" || true) lines mentioning an error, $(wc -l <"$work/serve.log") lines"
exit "$status"
