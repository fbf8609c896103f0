-- wrk script for a paced run: the load script named by $LOAD_SCRIPT, with its usual arguments
-- and a pause in ms last. Each connection waits the pause before each request, so the load is a
-- steady rate below saturation (about connections / (pause + latency)) and the latencies are
-- those of a server keeping up, not of requests queued behind as many as it can take.
-- (wrk paces only when the script defines delay(), so the unpaced runs leave it undefined.)
dofile(os.getenv("LOAD_SCRIPT"))

function delay()
    return pause_ms
end
