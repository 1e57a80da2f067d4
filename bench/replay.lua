-- wrk script: replays pre-signed request paths from a file (one per line), each exactly once, spread over
-- wrk's threads without overlap (every path carries a one-time signature nonce).
-- Usage: wrk -t T -s bench/replay.lua URL -- PATHS_FILE T
-- A thread that runs out of paths repeats its last one; the server then refuses it (SignatureNonceUsed),
-- wrk counts a non-2xx response and the harness rejects the run: generate enough paths.
local counter = 0

function setup(thread)
    thread:set("id", counter)
    counter = counter + 1
end

function init(args)
    local threads = tonumber(args[2])
    paths = {}
    local index = 0
    for line in io.lines(args[1]) do
        if index % threads == id then
            paths[#paths + 1] = line
        end
        index = index + 1
    end
    position = 0
end

function request()
    if position < #paths then
        position = position + 1
    end
    return wrk.format("GET", paths[position])
end
