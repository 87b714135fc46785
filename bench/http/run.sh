#!/usr/bin/env bash
# HTTP benchmarks of issue 9 on the packaged jar, with wrk (Debian package `wrk`) and curl. Prints key=value.
#
#   bench/http/run.sh [labels|labels-paced|floor|labels-under-embedding|burst|all]     (default: all)
#
# labels:                 PUT labels from 8 connections for 30 s on a 200-sentence dataset (every write is
#                         committed before its 200; H2 file database with WRITE_DELAY=0, as deployed), each
#                         connection sending its next write as soon as the last is answered: the machine saturated
# labels-paced:           the same, but each connection pauses a random time after each answer, so that together
#                         they offer about RATE writes a second (default 1000): the latency at that load
# floor:                  GET /actuator/health/liveness (no work, no database) from the same connections, as fast
#                         as it answers: the latency this machine gives any request when saturated
# labels-under-embedding: the same while 2 connections keep POSTing 64-sentence /api/embed requests
# burst:                  40 concurrent /api/embed requests of 2,000 sentences each: only 200 and 503 are
#                         expected, and the app must answer normally afterwards
# Environment: JAR (default target/similarity-explorer-*.jar), DURATION (30s), WARMUP (10s of label writes first),
# CONNECTIONS (8), RATE (1000, for labels-paced), JAVA_OPTS.
set -euo pipefail
cd "$(dirname "$0")/../.."
here=bench/http
what="${1:-all}"
jar="${JAR:-$(ls target/similarity-explorer-*.jar 2>/dev/null | head -1)}"
[ -f "$jar" ] || { echo "no jar: run ./mvnw -DskipTests package first" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
duration="${DURATION:-30s}"
warmup="${WARMUP:-10s}"
connections="${CONNECTIONS:-8}"
rate="${RATE:-1000}"

data=$(mktemp -d)
. "$here/app.sh"
cleanup() { kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT
# shellcheck disable=SC2086
start_app "$data" "$data/app.log" ${JAVA_OPTS:-}

sentences() { # N PREFIX: a JSON list of N distinct sentences
  python3 -c 'import json,sys; n=int(sys.argv[1]); p=sys.argv[2]; print(json.dumps([f"{p} sentence {k}: the {k%13}th river meets the {k%7}th market near a song." for k in range(n)]))' "$1" "$2"
}

dataset=$(curl -fs -H 'Content-Type: application/json' \
  -d "{\"name\":\"bench\",\"sentences\":$(sentences 200 bench)}" "$base/api/datasets" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
echo "dataset.sentences=200"

meter() { curl -fs "$base/actuator/prometheus" | awk -v name="$1" '$1 == name { print $2 }'; }

app_cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$app/stat"; }

measure() { # PREFIX [ENV=VALUE...]: a wrk run of put-labels.lua, then the app's CPU time per request (other
  # processes on the machine barely change it, unlike the latencies), the label writer's transaction times (mean,
  # and p99 from the histogram's buckets) and how many writes each commit shared, when the run wrote labels, and
  # the load average while it ran
  local before out requests_before commits_before
  before=$(app_cpu_ms)
  requests_before=$(meter simexplorer_labels_requests_total)
  commits_before=$(meter simexplorer_labels_commits_total)
  curl -fs "$base/actuator/prometheus" >"$data/prometheus.before"
  out=$(env "${@:2}" DATASET=$dataset SENTENCES=200 PREFIX="$1" wrk -t2 -c"$connections" -d"$duration" --timeout 10s \
    -s "$here/put-labels.lua" "$base" | grep '=')
  echo "$out"
  local requests=$(echo "$out" | sed -n "s/^$1.requests=//p")
  echo "$1.app_cpu_ms_per_request=$(python3 -c "print(round(($(app_cpu_ms) - $before) / max($requests, 1), 3))")"
  curl -fs "$base/actuator/prometheus" >"$data/prometheus.after"
  python3 "$here/commit-times.py" "$1" "$data/prometheus.before" "$data/prometheus.after"
  python3 -c "c = $(meter simexplorer_labels_commits_total) - $commits_before; \
    c > 0 and print('$1.writes_per_commit=%s' % round(($(meter simexplorer_labels_requests_total) - $requests_before) / c, 2))"
  echo "$1.load_average=$(cut -d' ' -f1 /proc/loadavg)"
}

if [ "$what" != burst ]; then # warm-up: the JIT compiles the write path before anything is measured
  DATASET=$dataset SENTENCES=200 PREFIX=warmup wrk -t2 -c"$connections" -d"$warmup" -s "$here/put-labels.lua" \
    "$base" >/dev/null
fi

if [ "$what" = labels ] || [ "$what" = all ]; then
  measure labels
fi

if [ "$what" = labels-paced ] || [ "$what" = all ]; then
  # A connection's cycle is its answer's latency plus its pause; the pause is what is left of CONNECTIONS / RATE
  # after about a millisecond of latency (wrk waits whole milliseconds). labels_paced.throughput_per_s is what
  # was reached.
  measure labels_paced PACE_MS="$(python3 -c "print(max($connections * 1000 / $rate - 1, 0.1))")"
fi

if [ "$what" = floor ] || [ "$what" = all ]; then
  measure floor GET_PATH=/actuator/health/liveness
fi

if [ "$what" = labels-under-embedding ] || [ "$what" = all ]; then
  BATCH=64 PREFIX=embed_load wrk -t1 -c2 -d"$((${duration%s} + 4))s" --timeout 30s -s "$here/embed-load.lua" \
    "$base" >"$data/embed.out" &
  load=$!
  sleep 3
  measure labels_under_embedding
  wait "$load"
  grep '=' "$data/embed.out"
fi

if [ "$what" = burst ] || [ "$what" = all ]; then
  body="$data/burst-body.json"
  echo "{\"sentences\":$(sentences 2000 burst)}" >"$body"
  start=$(date +%s.%N)
  for k in $(seq 1 40); do
    curl -s -o /dev/null -w '%{http_code}\n' --max-time 600 -H 'Content-Type: application/json' \
      --data-binary @"$body" "$base/api/embed" >"$data/burst.$k" &
  done
  wait $(jobs -p | grep -v "^$app\$") 2>/dev/null || true
  end=$(date +%s.%N)
  codes=$(cat "$data"/burst.* | sort | uniq -c | awk '{printf "%s:%s ", $2, $1}')
  echo "burst.requests=40"
  echo "burst.status_counts=${codes% }"
  echo "burst.other_than_200_503=$(cat "$data"/burst.* | grep -cv '^\(200\|503\)$' || true)"
  echo "burst.seconds=$(python3 -c "print(round($end - $start, 1))")"
  after=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H 'Content-Type: application/json' \
    -d '{"sentences":["Is the app still answering?"]}' "$base/api/embed")
  echo "burst.after_status=${after% *}"
  echo "burst.after_seconds=${after#* }"
fi

rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$app/status")
echo "app.vmrss_mb=$((rss_kb / 1024))"
