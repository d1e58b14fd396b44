-- wrk script: a guarded settlement write that succeeds every time. The main account
-- ticks and unticks a checklist item on pending sheets (the judge's "checklist" event:
-- lock, If-Match, judge, store, audit, commit with fsync on).
--
-- Every write must name the sheet's current revision, and two writes in flight on one
-- sheet would make one of them stale (412). wrk keeps one Lua state per *thread*, not
-- per connection, and response() is not told which connection answered, so a sheet
-- cannot be bound to a connection. Instead each thread owns one sheet more than it
-- has connections and keeps a pool of the idle ones: request() takes one out,
-- response() reads the sheet's id and new revision from the 200 answer and puts it
-- back. A connection has at most one request in flight and its answer comes back
-- before it asks for the next, so the pool is never empty and no sheet is ever written
-- twice at once. The one more: before starting, wrk calls request() once on the first
-- thread to check the script and never sends that request, so its sheet leaves the
-- pool.
--
-- Environment (set by scripts/bench-server.sh):
--   BENCH_TOKEN        the main account's bearer token
--   BENCH_PARTNER      the partner's id
--   BENCH_PER_THREAD   sheets per wrk thread (its connections + 1): thread t (from 0)
--                      owns bench-(t*N+1) … bench-(t*N+N)
--   BENCH_SHEET        file with the sheet's data as issued, "__ID__" where its id goes
--   BENCH_SHEET_TICKED the same with one checklist item ticked

local threads = {}
local next_index = 0

-- Runs in wrk's main Lua state once per thread: numbers the threads, so each one owns
-- a disjoint range of sheets, and keeps them so done() can add up their counters.
function setup(thread)
  thread:set("thread_index", next_index)
  next_index = next_index + 1
  table.insert(threads, thread)
end

local function slurp(path)
  local f = assert(io.open(path, "rb"), "cannot read " .. tostring(path))
  local text = f:read("*a")
  f:close()
  return text
end

-- Runs in each thread's own Lua state.
function init(args)
  local per = assert(tonumber(os.getenv("BENCH_PER_THREAD")), "BENCH_PER_THREAD")
  local plain = slurp(os.getenv("BENCH_SHEET"))
  local tick = slurp(os.getenv("BENCH_SHEET_TICKED"))
  base = "/api/partners/" .. os.getenv("BENCH_PARTNER") .. "/settlements/"
  token = "Bearer " .. os.getenv("BENCH_TOKEN")
  idle, all, rev, ticked, data_plain, data_ticked = {}, {}, {}, {}, {}, {}
  for k = 1, per do
    local id = "bench-" .. (thread_index * per + k)
    table.insert(idle, id)
    table.insert(all, id)
    rev[id] = 1          -- as issued
    ticked[id] = false
    -- Parentheses keep only gsub's first result (the text, not the count).
    data_plain[id] = (plain:gsub("__ID__", id))
    data_ticked[id] = (tick:gsub("__ID__", id))
  end
  ok, other, lost, spare = 0, 0, 0, 0
end

function request()
  local id = table.remove(idle)
  if id == nil then
    -- Only after a non-200 answer, whose body does not say which sheet it was for: that
    -- sheet left the pool. Reuse one round-robin; it may answer 412 and is counted.
    spare = spare % #all + 1
    id = all[spare]
  end
  local data = ticked[id] and data_plain[id] or data_ticked[id]
  local body = '{"id":"' .. id .. '","rev":' .. rev[id] .. ',"data":' .. data .. '}'
  return wrk.format("PUT", base .. id, {
    ["Authorization"] = token,
    ["If-Match"] = tostring(rev[id]),
    ["Content-Type"] = "application/json",
  }, body)
end

function response(status, headers, body)
  if status == 200 then
    -- The answer is the stored record: {"id":…,"rev":…,"data":…} in that order.
    local id, r = body:match('^{"id":"([^"]+)","rev":(%d+)')
    if id and rev[id] then
      rev[id] = tonumber(r)
      ticked[id] = not ticked[id]
      table.insert(idle, id)
      ok = ok + 1
      return
    end
  end
  other = other + 1
  lost = lost + 1
  if other <= 3 then
    io.stderr:write("settlement write answered " .. status .. ": " .. body:sub(1, 200) .. "\n")
  end
end

-- A line scripts/bench-server.sh reads: only 200s count as moves made.
function done(summary, latency, requests)
  local sum_ok, sum_other = 0, 0
  for _, t in ipairs(threads) do
    sum_ok = sum_ok + (t:get("ok") or 0)
    sum_other = sum_other + (t:get("other") or 0)
  end
  io.write(string.format("bench: ok %d other %d ok_per_s %.2f\n",
    sum_ok, sum_other, sum_ok / (summary.duration / 1e6)))
end
