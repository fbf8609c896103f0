#!/usr/bin/env bash
# The main job on the bundled data: set up, build, import Samples/ into ./trackway.sqlite,
# show what was imported, print the pages to open, then serve the gateway on
# http://127.0.0.1:8080 (Ctrl-C stops it).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PATH:/opt/swift/usr/bin"
swift build -c release --product trackway
bin="$(swift build -c release --show-bin-path)/trackway"
"$bin" import --db trackway.sqlite Samples/harbour-notes.wordpress.xml Samples/lighthouse-log.mt.txt
"$bin" stats --db trackway.sqlite
base="http://127.0.0.1:${PORT:-8080}"
cat <<URLS

Open, once the server below says it is serving:
  the archived sites:          $base/
  a post with its pings:       $base/2026/03/spring-tides/
  that post's mentions (API):  $base/api/mentions.jf2?target=http://harbour-notes.example/2026/03/spring-tides/
  an MT entry with its pings:  $base/archives/2004/12/replacing_the_lamp_mantle.html
  Harbour Notes' feed:         $base/feed/?site=1

URLS
exec "$bin" serve --db trackway.sqlite --host 127.0.0.1 --port "${PORT:-8080}" "$@"
