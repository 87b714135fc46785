#!/usr/bin/env bash
# Creating a large dataset on the packaged jar: the dataset job's embedding throughput against POST /api/embed in
# the same run, and the jar's peak resident memory (VmHWM) under the JVM options given (default -Xmx1g).
#
#   bench/datasets/run.sh [N]        (default N=100000 generated sentences, uploaded as a .txt file)
#
# Prints key=value: embed_sentences_per_s (EMBED_N distinct sentences in /api/embed requests of 2,000),
# job_sentences_per_s (N over the time from the job's 202 to DONE: parsing, storing and embedding every
# sentence), ratio (job over embed), job_seconds, peak_rss_mb and rss_at_done_mb.
# Environment: JAR (default target/similarity-explorer-*.jar), EMBED_N (4000), JAVA_OPTS (-Xmx1g).
set -euo pipefail
cd "$(dirname "$0")/../.."
n="${1:-100000}"
embed_n="${EMBED_N:-4000}"
jar="${JAR:-$(ls target/similarity-explorer-*.jar 2>/dev/null | head -1)}"
[ -f "$jar" ] || { echo "no jar: run ./mvnw -DskipTests package first" >&2; exit 2; }

data=$(mktemp -d)
. bench/http/app.sh
cleanup() { kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT
# shellcheck disable=SC2086
start_app "$data" "$data/app.log" ${JAVA_OPTS:--Xmx1g}
for _ in $(seq 1 600); do curl -fs "$base/actuator/health/readiness" >/dev/null 2>&1 && break; sleep 0.5; done

# Seeded English-like sentences of 6 to 16 words; the embed ones and the dataset's share none.
generate() { # COUNT SEED
  python3 - "$1" "$2" <<'PY'
import random, sys
words = ("the a one some every small large quick slow bright dark old new red green blue happy tired clever quiet"
         " cat dog bird horse child teacher doctor farmer river mountain city village garden kitchen market station"
         " bridge window letter song story game model network question answer idea plan reason moment morning"
         " runs walks jumps reads writes sings drives builds opens closes finds loses takes gives makes sees hears"
         " near under over behind beside through across into from with because while after before").split()
n, seed = int(sys.argv[1]), int(sys.argv[2])
rng = random.Random(seed)
for k in range(n):
    text = " ".join(rng.choice(words) for _ in range(rng.randint(6, 16)))
    print(f"{text.capitalize()} ({seed}-{k}).")
PY
}

generate "$embed_n" 7 | python3 -c 'import json,sys; lines=sys.stdin.read().splitlines()
for k in range(0, len(lines), 2000): open(f"'"$data"'/embed-{k}.json","w").write(json.dumps({"sentences": lines[k:k+2000]}))'
curl -fs -o /dev/null -H 'Content-Type: application/json' -d '{"sentences":["Warm up the model."]}' "$base/api/embed"
start=$(date +%s.%N)
for body in "$data"/embed-*.json; do
  curl -fs -o /dev/null -H 'Content-Type: application/json' --data-binary @"$body" "$base/api/embed"
done
embed_s=$(echo "$(date +%s.%N) - $start" | bc -l)

generate "$n" 11 > "$data/sentences.txt"
start=$(date +%s.%N)
status=$(curl -fs -F name="bench $n" -F file=@"$data/sentences.txt" "$base/api/datasets/jobs")
url=$(echo "$status" | python3 -c 'import json,sys; print(json.load(sys.stdin)["statusUrl"])')
while true; do
  state=$(curl -fs "$base$url" | python3 -c 'import json,sys; s=json.load(sys.stdin); print(s["state"], s["embedded"], s["total"])')
  case "$state" in DONE*) break ;; FAILED*|CANCELLED*|INTERRUPTED*) echo "job ended: $state" >&2; exit 1 ;; esac
  sleep 1
done
job_s=$(echo "$(date +%s.%N) - $start" | bc -l)
rss=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$app/status")
peak=$(awk '/VmHWM/ {print int($2/1024)}' "/proc/$app/status")

embed_rate=$(echo "$embed_n / $embed_s" | bc -l)
job_rate=$(echo "$n / $job_s" | bc -l)
printf 'sentences=%d\nembed_sentences=%d\njava_opts=%s\n' "$n" "$embed_n" "${JAVA_OPTS:--Xmx1g}"
printf 'embed_sentences_per_s=%.1f\njob_sentences_per_s=%.1f\nratio=%.3f\njob_seconds=%.1f\n' \
  "$embed_rate" "$job_rate" "$(echo "$job_rate / $embed_rate" | bc -l)" "$job_s"
printf 'peak_rss_mb=%d\nrss_at_done_mb=%d\n' "$peak" "$rss"
