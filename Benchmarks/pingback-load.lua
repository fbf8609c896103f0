-- wrk script: every request is a pingback.ping from a new source page on the local source
-- server (unique query string, so none is a duplicate) to the sample post; successes are
-- counted per thread and totalled by wrk-common.lua. Arguments: source port, target, run name,
-- number of source sites (127.0.0.1, 127.0.0.2, ...: the gateway limits fetches per host),
-- pause before each request in ms (0: none, as fast as answered).
dofile("Benchmarks/wrk-common.lua")
local counter = 0

function init(args)
    port = args[1]
    target = args[2] or "http://harbour-notes.example/2026/03/spring-tides/"
    run = args[3] or "run"
    sites = tonumber(args[4] or "1")
    pause_ms = tonumber(args[5] or "0")
end

function request()
    counter = counter + 1
    local source = "http://127.0.0." .. (counter % sites + 1) .. ":" .. port .. "/citing"
    local body = "<?xml version=\"1.0\"?><methodCall><methodName>pingback.ping</methodName><params>"
        .. "<param><value><string>" .. source .. "?run=" .. run .. "&amp;t=" .. id .. "&amp;n=" .. counter .. "</string></value></param>"
        .. "<param><value><string>" .. target .. "</string></value></param></params></methodCall>"
    return wrk.format("POST", "/xmlrpc.php", {["Content-Type"] = "text/xml"}, body)
end

function is_success(status, body)
    return status == 200 and string.find(body, "faultCode", 1, true) == nil
end
