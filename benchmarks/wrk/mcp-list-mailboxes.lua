-- wrk script for benchmarks/mcp-calls.sh: tools/call qmailing_list_mailboxes over Streamable HTTP.
-- wrk thread N (one connection each) speaks in the Nth MCP session of SESSIONS (comma-separated
-- Mcp-Session-Id values, opened beforehand) with the Nth bearer token of TOKENS (the session's). A call counts as failed
-- unless it is a 200 whose JSON-RPC answer is a result with isError false.
local sessions = {}
for s in string.gmatch(os.getenv("SESSIONS") or "", "[^,]+") do sessions[#sessions + 1] = s end
local tokens = {}
for t in string.gmatch(os.getenv("TOKENS") or "", "[^,]+") do tokens[#tokens + 1] = t end
local threads = {}
local counter = 0
failed = 0 -- global: done() reads it from each thread

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function request()
  counter = counter + 1
  local body = string.format('{"jsonrpc":"2.0","id":%d,"method":"tools/call",'
    .. '"params":{"name":"qmailing_list_mailboxes","arguments":{}}}', counter)
  return wrk.format("POST", "/mcp", {
    ["Authorization"] = "Bearer " .. tokens[((id - 1) % #tokens) + 1],
    ["Mcp-Session-Id"] = sessions[((id - 1) % #sessions) + 1],
    ["MCP-Protocol-Version"] = "2025-06-18",
    ["Content-Type"] = "application/json",
    ["Accept"] = "application/json, text/event-stream"
  }, body)
end

function response(status, headers, body)
  if status ~= 200 or not string.find(body, '"result"', 1, true)
      or not string.find(body, '"isError":false', 1, true) then
    failed = failed + 1
    if failed <= 3 then io.stderr:write("unexpected ", status, ": ", body, "\n") end
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("failed") end
  io.write(string.format("failed calls: %d\n", total))
end
