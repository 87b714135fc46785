#!/usr/bin/env bash
# Start-up benchmark: launches the packaged jar several times and reports, as key=value lines, the time from
# launch to the first 200 on / (the home page) and to readiness (/actuator/health/readiness answers 200, i.e.
# the default model is loaded). One untimed launch first copies the model files to their cache folder, so the
# timed launches find them there, as every start after the first does.
#
# usage: bench/startup.sh [--runs N] [--port P] [--jar PATH] [--cache] [-- extra app arguments]
#   --cache: start as the README's fast start does, from the extracted jar with Spring AOT and the class archive
#            that scripts/start-cache.sh records (a CDS archive on Java 17-24, an AOT cache on Java 25+); the keys
#            then start with startup_cache. instead of startup. SPRING_AOT=false: the same without Spring AOT.
#   JAVA (default: java on PATH) and JAVA_OPTS are honoured.
set -euo pipefail

runs=3
port=""
jar=""
cache=""
extra=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --jar) jar="$2"; shift 2 ;;
    --cache) cache=yes; shift ;;
    --) shift; extra=("$@"); break ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
cd "$(dirname "$0")/.."
if [[ -z "$jar" ]]; then
  jar=$(ls target/similarity-explorer-*.jar 2>/dev/null | grep -v -- '-plain\|sources' | head -1 || true)
fi
[[ -f "$jar" ]] || { echo "no jar: run ./mvnw -DskipTests package first" >&2; exit 2; }
java=${JAVA:-java}
[[ -n "$port" ]] || port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
work=$(mktemp -d)
app_pid=""
cleanup() {
  if [[ -n "$app_pid" ]] && kill -0 "$app_pid" 2>/dev/null; then kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# What one launch runs: the packaged jar as it is, or (--cache) the extracted jar with its class archive.
key=startup
# shellcheck disable=SC2206
command=("$java" ${JAVA_OPTS:-} -jar "$jar")
if [[ -n "$cache" ]]; then
  key=startup_cache
  prepared=$(JAVA="$java" scripts/start-cache.sh --jar "$jar" --dest "$work/app")
  echo "$prepared"
  run=$(sed -n 's/^run=//p' <<<"$prepared")
  # shellcheck disable=SC2206
  command=($run)
  command=("${command[0]}" ${JAVA_OPTS:-} "${command[@]:1}")
fi

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
status() { curl -s -o /dev/null -m 2 -w '%{http_code}' "http://127.0.0.1:$port$1" || true; }

# CPU time (user + system, all threads) the app has used so far, in ms: unlike wall time, it barely moves
# when other processes compete for the cores.
cpu_ms() {
  local ticks
  ticks=$(awk '{ print $14 + $15 }' "/proc/$app_pid/stat" 2>/dev/null || echo 0)
  echo $(( ticks * 1000 / $(getconf CLK_TCK) ))
}

# One launch: sets home and ready to the milliseconds until / and readiness first answered 200, and
# home_cpu to the CPU time spent until the home page answered.
launch() {
  local start code
  home=""; ready=""; home_cpu=""
  start=$(now_ms)
  "${command[@]}" --server.port="$port" --server.address=127.0.0.1 \
      --simexplorer.data-dir="$work/data" "${extra[@]}" > "$work/app.log" 2>&1 &
  app_pid=$!
  while [[ -z "$ready" ]]; do
    kill -0 "$app_pid" 2>/dev/null || { echo "the app exited:" >&2; tail -40 "$work/app.log" >&2; exit 1; }
    (( $(now_ms) - start < 600000 )) || { echo "not ready within 600 s" >&2; exit 1; }
    if [[ -z "$home" ]]; then
      code=$(status /)
      [[ "$code" == 200 ]] && home=$(( $(now_ms) - start )) && home_cpu=$(cpu_ms)
    fi
    if [[ -n "$home" ]]; then
      code=$(status /actuator/health/readiness)
      [[ "$code" == 200 ]] && ready=$(( $(now_ms) - start ))
    fi
    [[ -n "$ready" ]] || sleep 0.05
  done
  kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""
}

median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

launch   # warm-up: copies the model files to their cache folder, creates the database
homes=(); readies=(); cpus=()
for ((r = 1; r <= runs; r++)); do
  launch
  echo "$key.run$r.home_ms=$home"
  echo "$key.run$r.ready_ms=$ready"
  echo "$key.run$r.home_cpu_ms=$home_cpu"
  echo "$key.run$r.load_average=$(cut -d' ' -f1 /proc/loadavg)"
  homes+=("$home"); readies+=("$ready"); cpus+=("$home_cpu")
done
echo "$key.java=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.version = //p')"
echo "$key.command=${command[*]}"
echo "$key.runs=$runs"
echo "$key.home_ms.median=$(median "${homes[@]}")"
echo "$key.ready_ms.median=$(median "${readies[@]}")"
echo "$key.home_cpu_ms.median=$(median "${cpus[@]}")"
echo "$key.cores=$(nproc)"
echo "$key.load_average=$(cut -d' ' -f1 /proc/loadavg)"
