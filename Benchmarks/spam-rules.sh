#!/usr/bin/env bash
# What the spam rules cost a ping (not part of the tests): SpamRuleDecider.decide on WordPress's
# recorded TrackBack, with the default rules and with lists of keys, compiled with swiftc -O
# together with the sources it uses, each printed as a ratio to the text work the gateway already
# does on that ping (HTMLText.normalized of its title, excerpt and blog name) in the same run.
#
# Usage: Benchmarks/spam-rules.sh      (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# One module: the imports of the other targets go.
for file in Sources/TrackwayCore/{SpamRules,SpamKey,SpamKeyList,SpamRuleName,LegacyURLKey}.swift \
    Sources/TrackwayGateway/Deciding/SpamRule{Decider,Decision}.swift \
    Sources/TrackwayGateway/Rendering/{TextPattern,WordPressClickable}.swift Sources/TrackwayGateway/Serving/HTMLText.swift; do
    grep -v '^import Trackway' "$file" > "$work/$(basename "$file")"
done
cp Benchmarks/spam-rules.swift "$work/main.swift"
swiftc -O -module-name SpamRules \
    -Xcc -fmodule-map-file=Sources/CLibXML2/module.modulemap -I Sources/CLibXML2 -Xcc -I/usr/include/libxml2 \
    Sources/TrackwayXML/*.swift Sources/TrackwayXML/Sanitizing/*.swift Benchmarks/Shared/Timing.swift "$work"/*.swift -o "$work/spam-rules"
"$work/spam-rules"
