-- POST /api/v1/pub/email/send for SendLoadBenchmark, which starts wrk with this script.
-- SENDERS: "token|mailboxId|recipient" entries separated by ";" (one sending account each);
-- requests go to them in turn, so with -c 8 and 8 senders every account has about one send in flight.
-- RUN: a prefix for the subjects; ACCEPTED: a file prefix, each thread appends the subject of every
-- 201 to <ACCEPTED>.<thread> so the program can check that each accepted send reached its INBOX.
local senders = {}
for entry in string.gmatch(os.getenv("SENDERS") or "", "[^;]+") do
  local token, mailbox, to = string.match(entry, "([^|]+)|([^|]+)|([^|]+)")
  senders[#senders + 1] = { token = token, mailbox = mailbox, to = to }
end
local run = os.getenv("RUN") or "wrk"
local accepted = os.getenv("ACCEPTED")

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

local counter = 0
local out
local refused = 0
local boundary = "wrkSendBoundary7MA4YWxkTrZu0gW"

function init(args)
  out = io.open(accepted .. "." .. tid, "w")
  out:setvbuf("line")
end

function request()
  counter = counter + 1
  local s = senders[((counter + tid) % #senders) + 1]
  local subject = string.format("%s-%d-%d", run, tid, counter)
  local command = string.format('{"mailboxId":"%s","to":["%s"],"subject":"%s","bodyText":"A benchmark message.\\nNothing else."}',
    s.mailbox, s.to, subject)
  local body = "--" .. boundary .. "\r\nContent-Disposition: form-data; name=\"command\"\r\n"
    .. "Content-Type: application/json\r\n\r\n" .. command .. "\r\n--" .. boundary .. "--\r\n"
  return wrk.format("POST", "/api/v1/pub/email/send", {
    ["Authorization"] = "Bearer " .. s.token,
    ["Content-Type"] = "multipart/form-data; boundary=" .. boundary }, body)
end

function response(status, headers, body)
  if status == 201 then
    out:write(string.match(body, '"subject":"([^"]*)"'), "\n")
  else
    refused = refused + 1
    if refused <= 3 then io.stderr:write(status, " ", body, "\n") end
  end
end

function done(summary, latency, requests)
  io.write(string.format("wrk: %d responses, %d not 2xx/3xx, %d socket errors (connect %d, read %d, write %d, timeout %d)\n",
    summary.requests, summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
  io.write(string.format("wrk: 201 after p50=%.2f ms p90=%.2f ms p99=%.2f ms max=%.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
