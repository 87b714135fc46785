#!/usr/bin/env bash
# Label writes through one instance against two on one PostgreSQL. Prints key=value.
#
#   bench/instances/labels.sh
#
# One jar is started on a fresh schema of the database, a 200-sentence dataset is created, and wrk PUTs one random
# label per request from CONNECTIONS connections for DURATION (after WARMUP): "one.*". Then a second jar joins on
# the same schema and both are loaded at once, each by its own wrk with half the connections, as a load balancer
# would spread them: "two_a.*", "two_b.*" and "two.throughput_per_s" (their sum). two_over_one is the ratio of
# the throughputs. Every write is committed before its 200, on both.
# Environment: PG_URL (jdbc:postgresql://..., default $SIMEX_TEST_PG_URL), PG_USER, PG_PASSWORD (default
# $SIMEX_TEST_PG_USER / $SIMEX_TEST_PG_PASSWORD), JAR, DURATION (20s), WARMUP (10s), CONNECTIONS (8), JAVA_OPTS
# (default -Xmx1g).
set -euo pipefail
cd "$(dirname "$0")/../.."
jar="${JAR:-$(ls target/similarity-explorer-*.jar 2>/dev/null | head -1)}"
[ -f "$jar" ] || { echo "no jar: run ./mvnw -DskipTests package first" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
command -v psql >/dev/null || { echo "psql is missing: apt-get install postgresql-client" >&2; exit 2; }
url="${PG_URL:-${SIMEX_TEST_PG_URL:?set PG_URL or SIMEX_TEST_PG_URL to a jdbc:postgresql:// URL}}"
user="${PG_USER:-${SIMEX_TEST_PG_USER:-simex}}"
password="${PG_PASSWORD:-${SIMEX_TEST_PG_PASSWORD:-simex}}"
duration="${DURATION:-20s}"
warmup="${WARMUP:-10s}"
connections="${CONNECTIONS:-8}"
half=$((connections / 2))
lua=bench/http/put-labels.lua

schema="bench_instances_$$"
libpq="postgresql://$user:$password@${url#jdbc:postgresql://}"
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  psql -q "$libpq" -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

start() { # NAME: starts a jar on the schema and sets $base once it is ready
  local name="$1" port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  mkdir -p "$work/$name"
  # shellcheck disable=SC2086
  java ${JAVA_OPTS:--Xmx1g} -jar "$jar" --server.port="$port" --server.address=127.0.0.1 \
    --simexplorer.data-dir="$work/$name" --simexplorer.scheduling.instance-name="$name" \
    --spring.datasource.url="$url?currentSchema=$schema" --spring.datasource.username="$user" \
    --spring.datasource.password="$password" --spring.flyway.schemas="$schema" >"$work/$name.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 600); do
    curl -fs "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1 && { base="http://127.0.0.1:$port"; return 0; }
    kill -0 "${pids[-1]}" 2>/dev/null || { tail -40 "$work/$name.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "$name was not ready within 5 minutes" >&2
  exit 1
}

load() { # PREFIX BASE CONNECTIONS DURATION
  DATASET=$dataset SENTENCES=200 PREFIX="$1" wrk -t1 -c"$3" -d"$4" --timeout 10s -s "$lua" "$2" | grep '='
}

start a
a=$base
dataset=$(curl -fs -H 'Content-Type: application/json' \
  -d "{\"name\":\"bench\",\"sentences\":$(python3 -c 'import json; print(json.dumps([f"Bench sentence {k}: the {k%13}th river meets the {k%7}th market." for k in range(200)]))')}" \
  "$a/api/datasets" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
echo "dataset.sentences=200"
echo "connections=$connections"
echo "duration=$duration"
load warmup "$a" "$connections" "$warmup" >/dev/null
load one "$a" "$connections" "$duration" | tee "$work/one.out"

start b
b=$base
load warmup "$b" "$connections" "$warmup" >/dev/null
load two_a "$a" "$half" "$duration" >"$work/two_a.out" &
first=$!
load two_b "$b" "$((connections - half))" "$duration" >"$work/two_b.out"
wait "$first"
cat "$work/two_a.out" "$work/two_b.out"
python3 - "$work" <<'PY'
import sys
def read(name):
    return dict(line.strip().split("=", 1) for line in open(f"{sys.argv[1]}/{name}.out") if "=" in line)
one, a, b = read("one"), read("two_a"), read("two_b")
two = float(a["two_a.throughput_per_s"]) + float(b["two_b.throughput_per_s"])
print(f"two.throughput_per_s={two:.0f}")
print(f"two.failed={int(a['two_a.failed']) + int(b['two_b.failed'])}")
print(f"two_over_one={two / float(one['one.throughput_per_s']):.2f}")
PY
stored=$(curl -fs "$a/api/datasets/$dataset/labels" | python3 -c 'import json,sys; l=json.load(sys.stdin); print(len(l), len({(x["i"], x["j"]) for x in l}))')
echo "labels.rows=${stored% *}"
echo "labels.distinct_pairs=${stored#* }"
echo "load_average=$(cut -d' ' -f1 /proc/loadavg)"
