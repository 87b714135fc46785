-- wrk script: one PUT labels request per call, a random pair of a DATASET of SENTENCES sentences, label ±1.
-- Prints key=value lines (prefix PREFIX) when done. Usage: see bench/http/run.sh.
-- PACE_MS: each connection waits a random time (exponential, this mean in ms) after each answer, so the load is
-- paced instead of as fast as the app answers. GET_PATH: GET this path instead of writing a label (the latency of
-- a request that does no work, from the same connections).
local id = os.getenv("DATASET")
local n = tonumber(os.getenv("SENTENCES") or "200")
local prefix = os.getenv("PREFIX") or "labels"
local headers = { ["Content-Type"] = "application/json" }
local counter = 0
local pace = tonumber(os.getenv("PACE_MS") or "0")
local get_path = os.getenv("GET_PATH")

setup = function(thread)
  counter = counter + 1
  thread:set("seed", counter * 7919)
end

init = function(args)
  math.randomseed(seed or 1)
end

if pace > 0 then
  delay = function()
    return -pace * math.log(1 - math.random())
  end
end

request = function()
  if get_path then
    return wrk.format("GET", get_path)
  end
  local i = math.random(0, n - 2)
  local j = math.random(i + 1, n - 1)
  local label = math.random(0, 1) == 0 and -1 or 1
  local body = string.format('[{"i":%d,"j":%d,"label":%d}]', i, j, label)
  return wrk.format("PUT", "/api/datasets/" .. id .. "/labels", headers, body)
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local failed = summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout
  io.write(string.format("%s.requests=%d\n", prefix, summary.requests))
  io.write(string.format("%s.failed=%d\n", prefix, failed))
  io.write(string.format("%s.throughput_per_s=%.0f\n", prefix, summary.requests / seconds))
  io.write(string.format("%s.p50_ms=%.2f\n", prefix, latency:percentile(50) / 1000))
  io.write(string.format("%s.p90_ms=%.2f\n", prefix, latency:percentile(90) / 1000))
  io.write(string.format("%s.p99_ms=%.2f\n", prefix, latency:percentile(99) / 1000))
  io.write(string.format("%s.p99_9_ms=%.2f\n", prefix, latency:percentile(99.9) / 1000))
  io.write(string.format("%s.max_ms=%.2f\n", prefix, latency.max / 1000))
end
