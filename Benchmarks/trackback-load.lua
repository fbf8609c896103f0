-- wrk script: every request is a new TrackBack (a unique source URL, so none is a duplicate);
-- successes are counted per thread and totalled by wrk-common.lua. Arguments: TrackBack path,
-- source port, run name, number of source sites (127.0.0.1, 127.0.0.2, ...), pause before each
-- request in ms (0: none, as fast as answered).
dofile("Benchmarks/wrk-common.lua")
local counter = 0

function init(args)
    path = args[1] or "/2026/03/spring-tides/trackback/"
    port = args[2] or "9"
    run = args[3] or "run"
    sites = tonumber(args[4] or "1")
    pause_ms = tonumber(args[5] or "0")
end

function request()
    counter = counter + 1
    local source = "http%3A%2F%2F127.0.0." .. (counter % sites + 1) .. "%3A" .. port .. "%2Fciting"
    local body = "url=" .. source .. "%3Frun%3D" .. run .. "%26thread%3D" .. id .. "%26n%3D" .. counter .. "&title=Load&blog_name=Bench&excerpt=load+test"
    return wrk.format("POST", path, {["Content-Type"] = "application/x-www-form-urlencoded"}, body)
end

function is_success(status, body)
    return status == 200 and string.find(body, "<error>0</error>", 1, true) ~= nil
end
