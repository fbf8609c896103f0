-- Shared by the gateway load scripts: per-thread success counting and the RESULT line that
-- Benchmarks/gateway-load.sh reads. A script sets `is_success(status, body)` and `request()`,
-- and `pause_ms` from its arguments for a paced run (Benchmarks/paced.lua).
local threads = {}
successes = 0
pause_ms = 0

function setup(thread)
    thread:set("id", #threads + 1)
    table.insert(threads, thread)
end

function response(status, headers, body)
    if is_success(status, body) then
        successes = successes + 1
    end
end

function done(summary, latency, requests)
    local total = 0
    for _, thread in ipairs(threads) do
        total = total + (thread:get("successes") or 0)
    end
    io.write(string.format("RESULT requests=%d successes=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f errors=%d\n",
        summary.requests, total, summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(99) / 1000,
        summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout))
end
