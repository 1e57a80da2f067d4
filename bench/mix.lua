-- wrk script for the mixed load: each request is, at random, a deep page (with probability FRACTION) or a
-- by-id describe, each from its own file of pre-signed paths (replayed once each, as in replay.lua), and
-- the latency of each kind is recorded on its own.
-- Usage: wrk -t C -c C -s bench/mix.lua URL -- BY_ID_PATHS DEEP_PATHS FRACTION
-- Thread N reads BY_ID_PATHS.N and DEEP_PATHS.N (the harness splits the files: 64 threads reading one big
-- file each would spend the first seconds of the run doing it). One connection per thread (-t equal to -c)
-- is required: a thread then has one request in flight, so the time from request() to response() is that
-- request's latency.
-- Prints `class NAME COUNT P50_MS P99_MS MAX_MS` per kind and `error STATUS CODE COUNT` per kind of error.
-- Each kind's histogram is a flat global table of its own: wrk 4.1.0's thread:get crashes (SIGSEGV) copying a
-- table of tables out of a thread, and copies flat ones.
local ffi = require("ffi")
ffi.cdef [[
    typedef struct { long tv_sec; long tv_nsec; } mix_timespec;
    int clock_gettime(int clock, mix_timespec *spec);
]]
local counter = 0
local threads = {}
-- Latencies are kept as histograms of buckets 2% wide (bucket b holds [1.02^b, 1.02^(b+1)) µs).
local ratio = math.log(1.02)

function setup(thread)
    thread:set("id", counter)
    counter = counter + 1
    threads[#threads + 1] = thread
end

local function load(file)
    local list = {}
    for line in io.lines(file .. "." .. id) do
        list[#list + 1] = line
    end
    return list
end

function init(args)
    lists = { ["by-id"] = load(args[1]), ["deep-page"] = load(args[2]) }
    positions = { ["by-id"] = 0, ["deep-page"] = 0 }
    fraction = tonumber(args[3])
    math.randomseed(1000 + id)
    histogram_by_id, histogram_deep_page = {}, {}
    errors = {}
    clock = ffi.new("mix_timespec[1]")
end

local function now_us()
    ffi.C.clock_gettime(1, clock)
    return tonumber(clock[0].tv_sec) * 1e6 + tonumber(clock[0].tv_nsec) / 1e3
end

function request()
    kind = math.random() < fraction and "deep-page" or "by-id"
    local list = lists[kind]
    if positions[kind] < #list then
        positions[kind] = positions[kind] + 1
    end
    started = now_us()
    return wrk.format("GET", list[positions[kind]])
end

function response(status, headers, body)
    local elapsed = math.max(now_us() - started, 1)
    local bucket = math.floor(math.log(elapsed) / ratio)
    local histogram = kind == "by-id" and histogram_by_id or histogram_deep_page
    histogram[bucket] = (histogram[bucket] or 0) + 1
    if status ~= 200 then
        local key = status .. " " .. (body and body:match('"Code"%s*:%s*"([^"]*)"') or "-")
        errors[key] = (errors[key] or 0) + 1
    end
end

local function quantile(histogram, total, q)
    local buckets = {}
    for bucket in pairs(histogram) do buckets[#buckets + 1] = bucket end
    table.sort(buckets)
    local seen = 0
    for _, bucket in ipairs(buckets) do
        seen = seen + histogram[bucket]
        if seen >= q * total then
            return math.exp((bucket + 0.5) * ratio) / 1000
        end
    end
    return 0
end

function done(summary, latency, requests)
    local merged, totals, errs = { ["by-id"] = {}, ["deep-page"] = {} }, { ["by-id"] = 0, ["deep-page"] = 0 }, {}
    for _, thread in ipairs(threads) do
        for kind, name in pairs({ ["by-id"] = "histogram_by_id", ["deep-page"] = "histogram_deep_page" }) do
            for bucket, count in pairs(thread:get(name)) do
                merged[kind][bucket] = (merged[kind][bucket] or 0) + count
                totals[kind] = totals[kind] + count
            end
        end
        for key, count in pairs(thread:get("errors") or {}) do
            errs[key] = (errs[key] or 0) + count
        end
    end
    for kind, histogram in pairs(merged) do
        io.write(string.format("class %s %d %.3f %.3f %.3f\n", kind, totals[kind], quantile(histogram, totals[kind], 0.5),
            quantile(histogram, totals[kind], 0.99), quantile(histogram, totals[kind], 1.0)))
    end
    for key, count in pairs(errs) do
        io.write("error " .. key .. " " .. count .. "\n")
    end
end
