-- wrk script: every request is a new TrackBack (a unique source URL, so none is a duplicate);
-- counts the answers that report success, per thread, and prints the total at the end.
local threads = {}
local counter = 0
successes = 0

function setup(thread)
    thread:set("id", #threads + 1)
    table.insert(threads, thread)
end

function init(args)
    path = args[1] or "/2026/03/spring-tides/trackback/"
    source = args[2] or "http://127.0.0.1:9/source"
    run = args[3] or "run"
end

function request()
    counter = counter + 1
    local body = "url=" .. source .. "%3Frun%3D" .. run .. "%26thread%3D" .. id .. "%26n%3D" .. counter .. "&title=Load&blog_name=Bench&excerpt=load+test"
    return wrk.format("POST", path, {["Content-Type"] = "application/x-www-form-urlencoded"}, body)
end

function response(status, headers, body)
    if status == 200 and string.find(body, "<error>0</error>", 1, true) then
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
