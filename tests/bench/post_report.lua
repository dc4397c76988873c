-- wrk script: a stream of valid, anonymous report submissions to POST /melden.
--
-- Usage (see scripts/bench):
--   MP_CSRF=<token> wrk -t2 -c64 -d10s --latency -s tests/bench/post_report.lua http://127.0.0.1:PORT
--
-- MP_CSRF must hold a CSRF token from GET /melden (the mp_csrf cookie). The same token is sent as
-- cookie and as form field, which the server accepts for as long as the token is valid.
-- Every request carries a different description (thread number + running counter; MP_RUN, when
-- set, goes in front, so two wrk processes at once -- scripts/bench http-pg2 -- differ too).
--
-- The server answers a stored report with 303. Every other status is counted per status code,
-- and done() prints the totals, so a run full of 403s or 422s cannot pass for a fast one:
--   post_report: 303 responses: N
--   post_report: non-303 responses: M
--   post_report:   status 422: K     (one line per unexpected status, if any)

local run_name = os.getenv("MP_RUN") or ""
local token = os.getenv("MP_CSRF")
if token == nil or token == "" then
  error("post_report.lua: set MP_CSRF to a CSRF token from GET /melden")
end

-- Percent-encodes a string for an application/x-www-form-urlencoded body.
local function form_encode(s)
  return (s:gsub("[^%w%-%._~]", function(c)
    if c == " " then return "+" end
    return string.format("%%%02X", string.byte(c))
  end))
end

-- setup() runs in the main Lua state once per thread; keep the threads to collect counters later.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_id", #threads)
end

-- init() runs inside each thread's own Lua state. These globals are read back with thread:get().
function init(args)
  ok = 0                 -- 303 responses
  bad = 0                -- any other status
  bad_by_status = {}     -- status code -> count
  counter = 0
  headers = {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = "mp_csrf=" .. token,
  }
  fixed_fields = "&reporter_role=victim&nature=unequal_treatment&grounds=origin&grounds=age"
      .. "&domain=hospitality&incident_when=exact&incident_date=2026-11-20"
      .. "&incident_municipality=GM0363&scope=incident&residence_municipality=GM0599"
      .. "&anonymous=yes&wishes=registration_only&consent=yes&action=send&csrf=" .. form_encode(token)
end

function request()
  counter = counter + 1
  local description = string.format(
      "Benchmark report %s%d-%d: I was refused entry to a club because of my background.",
      run_name, thread_id, counter)
  local body = "description=" .. form_encode(description) .. fixed_fields
  return wrk.format("POST", "/melden", headers, body)
end

function response(status, headers, body)
  if status == 303 then
    ok = ok + 1
  else
    bad = bad + 1
    bad_by_status[status] = (bad_by_status[status] or 0) + 1
  end
end

function done(summary, latency, requests)
  local total_ok, total_bad, by_status = 0, 0, {}
  for _, thread in ipairs(threads) do
    total_ok = total_ok + (thread:get("ok") or 0)
    total_bad = total_bad + (thread:get("bad") or 0)
    for status, count in pairs(thread:get("bad_by_status") or {}) do
      by_status[status] = (by_status[status] or 0) + count
    end
  end
  io.write(string.format("post_report: 303 responses: %d\n", total_ok))
  io.write(string.format("post_report: non-303 responses: %d\n", total_bad))
  local statuses = {}
  for status in pairs(by_status) do table.insert(statuses, status) end
  table.sort(statuses)
  for _, status in ipairs(statuses) do
    io.write(string.format("post_report:   status %d: %d\n", status, by_status[status]))
  end
end
