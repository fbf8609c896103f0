#!/usr/bin/env bash
# Builds Trackway's libFuzzer targets and runs each for a given time, one after the other, with a
# corpus seeded from the shared fixtures, Samples/ and Fuzz/seeds/, then prints a table.
#
#   bash Fuzz/run.sh                      # every target, 600 s each
#   bash Fuzz/run.sh 60 FuzzMTReader      # one target, 60 s
#
# Corpora, logs and crash inputs stay in Fuzz/out/<target>/ (gitignored) and grow across runs.
# Reproduce a crash with: Fuzz/.build-fuzz/release/<target> Fuzz/out/<target>/crashes/crash-...
# libFuzzer stops at a crash; the target is then started again until its time is used up, so one
# run can collect several findings (executions are summed over the restarts).
set -euo pipefail

seconds="${1:-600}"
shift || true
all_targets=(FuzzWXRReader FuzzMTReader FuzzXMLRPCRequest FuzzTrackbackForm FuzzHTMLLinkScanner)
targets=("$@")
if ((${#targets[@]} == 0)); then targets=("${all_targets[@]}"); fi

fuzz_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$fuzz_dir")"
fixtures="$(cd "$repo/../shared/fixtures" 2>/dev/null && pwd || true)"
if [[ -z "$fixtures" && -d /work/shared/fixtures ]]; then fixtures=/work/shared/fixtures; fi
out="$fuzz_dir/out"
bin="$fuzz_dir/.build-fuzz/release"

echo "building the fuzzers (release, -sanitize=fuzzer,address)..." >&2
swift build --package-path "$fuzz_dir" --scratch-path "$fuzz_dir/.build-fuzz" -c release \
    -Xswiftc -sanitize=fuzzer,address >&2

# Copies files matching a find(1) name pattern under a folder into a seed folder.
seed_files() {
    local into="$1" from="$2" pattern="$3"
    [[ -d "$from" ]] || return 0
    find "$from" -type f -name "$pattern" ! -name LICENSE -exec cp {} "$into/" \;
}

# Copies the request bodies recorded in the protocol fixtures ("--- request body ---" then the body).
seed_request_bodies() {
    local into="$1" pattern="$2" skip_lines="$3"
    [[ -n "$fixtures" ]] || return 0
    for recorded in "$fixtures"/protocol/*/$pattern; do
        [[ -f "$recorded" ]] || continue
        awk -v skip="$skip_lines" 'found { if (skip > 0) { skip--; next } print; next } /^--- request body ---$/ { found = 1 }' \
            "$recorded" > "$into/$(basename "$recorded" .http.txt).body"
    done
}

seed() {
    local target="$1" into="$2"
    rm -rf "$into"
    mkdir -p "$into"
    case "$target" in
    FuzzWXRReader)
        seed_files "$into" "$fixtures/wxr" "*.xml"
        seed_files "$into" "$repo/Samples" "*.xml"
        ;;
    FuzzMTReader)
        seed_files "$into" "$fixtures/mt" "*.txt"
        seed_files "$into" "$repo/Samples" "*.mt.txt"
        ;;
    FuzzXMLRPCRequest)
        seed_request_bodies "$into" "pingback*.http.txt" 0
        seed_request_bodies "$into" "xmlrpc*.http.txt" 0
        # WordPress's answers hold the struct, array and fault shapes requests rarely carry.
        seed_files "$into" "$fixtures/protocol" "*.xml"
        ;;
    FuzzTrackbackForm)
        # The first body line is the path the form was posted to.
        seed_request_bodies "$into" "trackback*.http.txt" 1
        seed_files "$into" "$fuzz_dir/seeds/trackback" "*.form"
        ;;
    FuzzHTMLLinkScanner)
        seed_files "$into" "$fuzz_dir/seeds/html" "*.html"
        ;;
    esac
}

dictionary() {
    case "$1" in
    FuzzWXRReader) echo wxr.dict ;;
    FuzzMTReader) echo mt.dict ;;
    FuzzXMLRPCRequest) echo xmlrpc.dict ;;
    FuzzTrackbackForm) echo trackback.dict ;;
    FuzzHTMLLinkScanner) echo html.dict ;;
    esac
}

# Readers of whole files get longer inputs than the request parsers.
max_len() {
    case "$1" in
    FuzzWXRReader | FuzzMTReader) echo 65536 ;;
    *) echo 16384 ;;
    esac
}

findings() {
    find "$1" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) | wc -l
}

rows=()
for target in "${targets[@]}"; do
    [[ -x "$bin/$target" ]] || { echo "unknown target $target (expected one of ${all_targets[*]})" >&2; exit 2; }
    work="$out/$target"
    mkdir -p "$work/corpus" "$work/crashes"
    seed "$target" "$work/seeds"
    found_before=$(findings "$work/crashes")
    : > "$work/log.txt"
    executions=0
    started=$(date +%s)
    restarts=0
    while :; do
        left=$((seconds - ($(date +%s) - started)))
        ((left > 0 && restarts < 50)) || break
        echo "$target: fuzzing for ${left}s (log: $work/log.txt)" >&2
        set +e
        "$bin/$target" -max_total_time="$left" -rss_limit_mb=512 -timeout=10 -max_len="$(max_len "$target")" \
            -dict="$fuzz_dir/dictionaries/$(dictionary "$target")" -artifact_prefix="$work/crashes/" \
            -print_final_stats=1 "$work/corpus" "$work/seeds" > "$work/run.log" 2>&1
        set -e
        cat "$work/run.log" >> "$work/log.txt"
        run_executions=$(grep -o '^stat::number_of_executed_units: [0-9]*' "$work/run.log" | grep -o '[0-9]*$' || true)
        if [[ -z "$run_executions" ]]; then
            # A crash ends libFuzzer before its final stats; its last status line gives a lower bound.
            run_executions=$(grep -o '^#[0-9]*' "$work/run.log" | tail -1 | tr -d '#' || true)
        fi
        executions=$((executions + ${run_executions:-0}))
        restarts=$((restarts + 1))
    done
    elapsed=$(($(date +%s) - started))
    rate=$((elapsed > 0 ? executions / elapsed : 0))
    corpus=$(find "$work/corpus" -type f | wc -l)
    found=$(($(findings "$work/crashes") - found_before))
    rows+=("$(printf '%-22s %14s %9s %8s %8s' "$target" "$executions" "$rate" "$corpus" "$found")")
done

printf '%-22s %14s %9s %8s %8s\n' target executions exec/s corpus findings
printf '%s\n' "${rows[@]}"
echo "findings (crash-, timeout-, oom-, leak- inputs) are in $out/<target>/crashes/" >&2
