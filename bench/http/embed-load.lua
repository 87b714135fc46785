-- wrk script: POST /api/embed with BATCH generated sentences per request, to keep the model (and the CPU) busy.
-- 503 answers are expected past the embedding limit; they are counted, not failures of the benchmark.
local batch = tonumber(os.getenv("BATCH") or "64")
local prefix = os.getenv("PREFIX") or "embed"
local headers = { ["Content-Type"] = "application/json" }
local body

init = function(args)
  local parts = {}
  for k = 1, batch do
    parts[k] = string.format('"Background sentence %d about rivers, markets, music and the weather today."', k)
  end
  body = '{"sentences":[' .. table.concat(parts, ",") .. ']}'
end

request = function()
  return wrk.format("POST", "/api/embed", headers, body)
end

done = function(summary, latency, requests)
  io.write(string.format("%s.requests=%d\n", prefix, summary.requests))
  io.write(string.format("%s.non_2xx=%d\n", prefix, summary.errors.status))
end
