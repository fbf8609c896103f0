-- wrk script: GETs of the read API (Benchmarks/gateway-load.sh). Arguments: the path and query,
-- and "fresh" to add a request counter to each query, so that no two requests are the same
-- question and none is answered from the answers the server keeps (the computed path).
dofile("Benchmarks/wrk-common.lua")
local counter = 0

function init(args)
    path = args[1]
    fresh = args[2] == "fresh"
end

function request()
    counter = counter + 1
    return wrk.format("GET", fresh and (path .. "&n=" .. id .. "-" .. counter) or path)
end

function is_success(status, body)
    return status == 200 and string.find(body, '"children"', 1, true) ~= nil
end
