-- wrk script for benchmarks/create-mailboxes.sh: POST /api/v1/pub/mailboxes with a new local part
-- every time; wrk thread N (one connection each) uses the Nth token of TOKENS (comma-separated).
local tokens = {}
for t in string.gmatch(os.getenv("TOKENS") or "", "[^,]+") do tokens[#tokens + 1] = t end
local threads = 0
local counter = 0
local failed = 0

function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

function init(args)
  math.randomseed(os.time() + id * 7919)
end

function request()
  counter = counter + 1
  local body = string.format('{"localPart":"w%d%08x%d"}', id, math.random(0, 0x7fffffff), counter)
  return wrk.format("POST", "/api/v1/pub/mailboxes", {
    ["Authorization"] = "Bearer " .. tokens[((id - 1) % #tokens) + 1],
    ["Content-Type"] = "application/json"
  }, body)
end

function response(status, headers, body)
  if status ~= 201 then
    failed = failed + 1
    if failed <= 3 then io.stderr:write("unexpected ", status, ": ", body, "\n") end
  end
end
