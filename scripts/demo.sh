#!/usr/bin/env bash
# The main job on the bundled data: set up, build, import Samples/ into ./trackway.sqlite,
# show what was imported, then serve the gateway on http://127.0.0.1:8080 (Ctrl-C stops it).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PATH:/opt/swift/usr/bin"
swift build -c release --product trackway
bin="$(swift build -c release --show-bin-path)/trackway"
"$bin" import --db trackway.sqlite Samples/harbour-notes.wordpress.xml Samples/lighthouse-log.mt.txt
"$bin" stats --db trackway.sqlite
exec "$bin" serve --db trackway.sqlite --host 127.0.0.1 --port "${PORT:-8080}" "$@"
