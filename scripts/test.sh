#!/usr/bin/env bash
# Sets up a fresh machine and runs the whole test suite (unit and end-to-end over 127.0.0.1).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/test-python.sh
export PATH="$PATH:/opt/swift/usr/bin"
swift build --build-tests
# At most 24 tests at once. Unbounded, the end-to-end tests held up to 2,700 file descriptors
# at a time (each runs a gateway: event loops, fetch threads, SQLite readers), and Foundation's
# Process.run crashed the test runner (SIGSEGV in memcpy). By our reading of its source,
# findMaximumOpenFD copies a whole d_name past the end of readdir's buffer once /proc/self/fd
# lists more than about 1,360 entries. At 24 the peak is about 660, and the run is no slower.
export SWT_EXPERIMENTAL_MAXIMUM_PARALLELIZATION_WIDTH=24
# The store's tests also run on PostgreSQL: a throwaway cluster, stopped however the tests end.
eval "$(bash scripts/postgres-test-cluster.sh start)"
trap 'bash scripts/postgres-test-cluster.sh stop "$TRACKWAY_TEST_POSTGRES_DIR"' EXIT
swift test --skip-build
