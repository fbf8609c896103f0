#!/usr/bin/env bash
# What --trusted-proxy costs a request (not part of the tests): TrustedProxies.clientAddress with
# no proxy trusted, an untrusted peer, and nginx's peer with X-Forwarded-For of one entry, three
# hops, an IPv6 entry and a hostile 1.4 MB header, compiled with swiftc -O together with the
# sources it uses, each printed as a ratio to the peer's inet_ntop every request already pays.
#
# Usage: Benchmarks/forwarded-client.sh      (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp Benchmarks/forwarded-client.swift "$work/main.swift"
swiftc -O -module-name ForwardedClient Sources/TrackwayGateway/Serving/Proxies/*.swift Benchmarks/Shared/Timing.swift "$work/main.swift" -o "$work/forwarded-client"
"$work/forwarded-client"
