-- wrk script: the channel manager stores a 20,000-row statement chunk. Every request
-- creates a chunk of its own (If-Match: 0 on a fresh id), so no revision has to be
-- tracked and no request can be stale; the body is built once per thread.
--
-- Environment (set by scripts/bench-server.sh):
--   BENCH_TOKEN    the manager's bearer token
--   BENCH_PARTNER  the partner's id
--   BENCH_CHUNK    file with the chunk's data (any JSON: statements are the provider's)
--   BENCH_PREFIX   id prefix, so two runs on one database never collide

local threads = {}
local next_index = 0

function setup(thread)
  thread:set("thread_index", next_index)
  next_index = next_index + 1
  table.insert(threads, thread)
end

function init(args)
  local f = assert(io.open(os.getenv("BENCH_CHUNK"), "rb"), "cannot read BENCH_CHUNK")
  local data = f:read("*a")
  f:close()
  -- A PUT's id and revision come from the URL and If-Match; the body's are not used.
  body = '{"id":"chunk","rev":0,"data":' .. data .. '}'
  base = "/api/partners/" .. os.getenv("BENCH_PARTNER") .. "/statements/"
    .. os.getenv("BENCH_PREFIX") .. "-" .. thread_index .. "-"
  token = "Bearer " .. os.getenv("BENCH_TOKEN")
  n = 0
end

function request()
  n = n + 1
  return wrk.format("PUT", base .. n, {
    ["Authorization"] = token,
    ["If-Match"] = "0",
    ["Content-Type"] = "application/json",
  }, body)
end

-- No response(): wrk would copy every ~2 MB answer into Lua. wrk's own count of
-- non-2xx answers is enough to know how many chunks were stored.
function done(summary, latency, requests)
  local ok = summary.requests - summary.errors.status
  io.write(string.format("bench: ok %d other %d ok_per_s %.2f\n",
    ok, summary.errors.status, ok / (summary.duration / 1e6)))
end
