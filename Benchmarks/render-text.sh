#!/usr/bin/env bash
# Text rendering speed (not part of the tests): HTMLSanitizer and ParagraphFormatting on a
# 10 KB post, compiled with swiftc -O together with the sources they use, each printed as a ratio
# to libxml2 reading the same post in the same run.
#
# Usage: Benchmarks/render-text.sh      (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
rendering=Sources/TrackwayGateway/Rendering
# Top-level code must be in a file named main.swift.
cp Benchmarks/render-text.swift "$work/main.swift"
swiftc -O -module-name RenderText \
    -Xcc -fmodule-map-file=Sources/CLibXML2/module.modulemap -I Sources/CLibXML2 -Xcc -I/usr/include/libxml2 \
    Sources/TrackwayXML/*.swift Sources/TrackwayXML/Sanitizing/*.swift \
    "$rendering/TextPattern.swift" "$rendering/ParagraphFormatting.swift" "$rendering/WordPressAutoParagraph.swift" "$rendering/HTMLTagSplitter.swift" \
    Benchmarks/Shared/Timing.swift "$work/main.swift" -o "$work/render-text"
"$work/render-text"
