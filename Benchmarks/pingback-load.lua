-- wrk script: every request is a pingback.ping from a new source page on the local source
-- server (unique query string, so none is a duplicate) to the sample post; counts successes.
local threads = {}
local counter = 0
successes = 0

function setup(thread)
    thread:set("id", #threads + 1)
    table.insert(threads, thread)
end

function init(args)
    source = args[1]
    target = args[2] or "http://harbour-notes.example/2026/03/spring-tides/"
    run = args[3] or "run"
end

function request()
    counter = counter + 1
    local body = "<?xml version=\"1.0\"?><methodCall><methodName>pingback.ping</methodName><params>"
        .. "<param><value><string>" .. source .. "?run=" .. run .. "&amp;t=" .. id .. "&amp;n=" .. counter .. "</string></value></param>"
        .. "<param><value><string>" .. target .. "</string></value></param></params></methodCall>"
    return wrk.format("POST", "/xmlrpc.php", {["Content-Type"] = "text/xml"}, body)
end

function response(status, headers, body)
    if status == 200 and not string.find(body, "faultCode", 1, true) then
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
