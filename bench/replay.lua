-- wrk script: replays pre-signed request paths from a file (one per line), each exactly once, spread over
-- wrk's threads without overlap (every path carries a one-time signature nonce), and counts the answers
-- that are not 200 by status and error code.
-- Usage: wrk -t T -s bench/replay.lua URL -- PATHS_FILE T
-- A thread that runs out of paths repeats its last one; the server then refuses it (SignatureNonceUsed),
-- and the harness reports the run as one with errors: generate enough paths.
-- Prints one line per kind of error after the run: `error STATUS CODE COUNT`.
local counter = 0
local threads = {}

function setup(thread)
    thread:set("id", counter)
    counter = counter + 1
    threads[#threads + 1] = thread
end

function init(args)
    local count = tonumber(args[2])
    paths = {}
    local index = 0
    for line in io.lines(args[1]) do
        if index % count == id then
            paths[#paths + 1] = line
        end
        index = index + 1
    end
    position = 0
    errors = {}
end

function request()
    if position < #paths then
        position = position + 1
    end
    return wrk.format("GET", paths[position])
end

function response(status, headers, body)
    if status ~= 200 then
        local key = status .. " " .. (body and body:match('"Code"%s*:%s*"([^"]*)"') or "-")
        errors[key] = (errors[key] or 0) + 1
    end
end

function done(summary, latency, requests)
    local totals = {}
    for _, thread in ipairs(threads) do
        for key, count in pairs(thread:get("errors") or {}) do
            totals[key] = (totals[key] or 0) + count
        end
    end
    for key, count in pairs(totals) do
        io.write("error " .. key .. " " .. count .. "\n")
    end
end
