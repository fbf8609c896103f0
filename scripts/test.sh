#!/usr/bin/env bash
# Sets up a fresh machine and runs the whole test suite (unit and end-to-end over 127.0.0.1).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/test-python.sh
export PATH="$PATH:/opt/swift/usr/bin"
swift build --build-tests
swift test --skip-build
