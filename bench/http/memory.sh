#!/usr/bin/env bash
# Memory at the 5,000-sentence limit (issue 9): the packaged jar under JAVA_OPTS (default -Xmx1g), three
# 5,000-sentence datasets with 300 labels each, and their three dataset pages loading at once, as explorer.js
# asks: dataset, int16 matrix, labels, the loss list, then every loss and the metrics, then the cluster order.
# Prints key=value: the answers by status and the process's VmRSS after the load.
#
#   bench/http/memory.sh            DATA_DIR keeps the embedded sentences between runs (default target/bench-memory)
#   NMT=1 bench/http/memory.sh      also prints the JVM's native memory summary (reserved/committed by area)
set -euo pipefail
cd "$(dirname "$0")/../.."
jar="${JAR:-$(ls target/similarity-explorer-*.jar 2>/dev/null | head -1)}"
[ -f "$jar" ] || { echo "no jar: run ./mvnw -DskipTests package first" >&2; exit 2; }
data="${DATA_DIR:-target/bench-memory}"
mkdir -p "$data"
data=$(cd "$data" && pwd)
java_opts="${JAVA_OPTS:--Xmx1g}"
[ "${NMT:-0}" = 1 ] && java_opts="$java_opts -XX:NativeMemoryTracking=summary"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
work=$(mktemp -d)
# shellcheck disable=SC2086
java $java_opts -jar "$jar" --server.port="$port" --server.address=127.0.0.1 --simexplorer.data-dir="$data" \
  >"$work/app.log" 2>&1 &
app=$!
cleanup() { kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
for _ in $(seq 1 240); do
  curl -fs "$base/api/datasets" >/dev/null 2>&1 && break
  kill -0 "$app" 2>/dev/null || { tail -40 "$work/app.log" >&2; exit 1; }
  sleep 0.5
done

ids=$(curl -fs "$base/api/datasets" | python3 -c '
import json, sys
print(" ".join(str(d["id"]) for d in json.load(sys.stdin) if d["name"].startswith("memory ") and d["counts"]["sentences"] == 5000))')
count=$(wc -w <<<"$ids")
python3 - "$work" <<'PY'
import json, sys
subjects = ["The old fisherman", "A young teacher", "My neighbour", "The chef", "A tired student", "The pilot",
            "The doctor", "A street musician", "The gardener", "The engineer"]
verbs = ["repaired", "painted", "sold", "found", "cleaned", "described", "carried", "ordered"]
objects = ["a wooden boat", "the kitchen table", "an old bicycle", "a red umbrella", "the broken clock",
           "a basket of apples", "the garden fence", "a pile of letters"]
s = [f"{subjects[k % 10]} {verbs[(k // 10) % 8]} {objects[(k // 80) % 8]} on day {k}." for k in range(5000)]
json.dump(s, open(sys.argv[1] + "/sentences.json", "w"))
for page in range(3):
    pairs = []
    for k in range(300):
        i, j = (k * 37 + page) % 5000, (k * 101 + 17 * page + 1) % 5000
        if i == j: j = (j + 1) % 5000
        pairs.append({"i": i, "j": j, "label": 1 if k % 3 == 0 else -1})
    json.dump(pairs, open(f"{sys.argv[1]}/labels{page}.json", "w"))
PY
start=$(date +%s)
for page in $(seq "$count" 2); do
  python3 -c 'import json,sys; print(json.dumps({"name": "memory " + sys.argv[2], "sentences": json.load(open(sys.argv[1]))}))' \
    "$work/sentences.json" "$page" >"$work/create.json"
  id=$(curl -fs --max-time 3600 -H 'Content-Type: application/json' --data-binary @"$work/create.json" \
    "$base/api/datasets" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  curl -fs -o /dev/null -X PUT -H 'Content-Type: application/json' --data-binary @"$work/labels$page.json" \
    "$base/api/datasets/$id/labels"
  ids="$ids $id"
done
echo "memory.datasets_created=$((3 - count))"
echo "memory.create_seconds=$(( $(date +%s) - start ))"

fetch() { curl -s -o /dev/null -w '%{http_code}\n' --max-time 1200 "$base$1" >>"$work/status.$2"; }
page() { # ID N
  local api="/api/datasets/$1"
  fetch "$api" "$2" & fetch "$api/similarity?order=input&format=int16" "$2" & fetch "$api/labels" "$2" &
  fetch /api/losses "$2" & wait
  for loss in $(curl -fs "$base/api/losses" | python3 -c 'import json,sys; print(" ".join(l["id"] for l in json.load(sys.stdin)))'); do
    fetch "$api/loss?loss=$loss" "$2" &
  done
  fetch "$api/metrics" "$2" & wait
  fetch "$api/similarity?order=cluster&format=int16" "$2"
}
start=$(date +%s.%N)
n=0
for id in $ids; do n=$((n + 1)); page "$id" "$n" & done
wait $(jobs -p | grep -v "^$app\$")
echo "memory.sentences=5000"
echo "memory.pages=$n"
echo "memory.java_opts=$java_opts"
echo "memory.load_seconds=$(python3 -c "import time; print(round(time.time() - $start, 1))")"
echo "memory.statuses=$(cat "$work"/status.* | sort | uniq -c | awk '{printf "%s:%s ", $2, $1}' | sed 's/ $//')"
echo "memory.answers_5xx=$(cat "$work"/status.* | grep -c '^5' || true)"
echo "memory.vmrss_mb=$(( $(awk '/VmRSS/ {print $2}' "/proc/$app/status") / 1024 ))"
echo "memory.vmhwm_mb=$(( $(awk '/VmHWM/ {print $2}' "/proc/$app/status") / 1024 ))"
if [ "${NMT:-0}" = 1 ]; then
  jcmd "$app" VM.native_memory summary scale=MB | grep -E '^(Total|-)' | sed -E 's/^-? *//; s/ +\(/ (/' \
    | awk '{print "memory.nmt." $0}'
fi
