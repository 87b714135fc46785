#!/usr/bin/env bash
# Prepares the fast start of the packaged jar: extracts it (Spring Boot's `-Djarmode=tools extract`: plain jars
# in a folder, so no class is read out of a jar nested in a jar), turns on Spring AOT (-Dspring.aot.enabled=true:
# the bean definitions the build worked out with spring-boot-maven-plugin's process-aot goal, instead of parsing
# configuration classes and evaluating conditions at every start; SPRING_AOT=false leaves it off) and records
# the classes a real start loads, by
# running the app once on a free loopback port with a throwaway data folder until it is ready and has served
# the home page. The JVM writes them on exit:
#   Java 17 to 24: a dynamic CDS archive (-XX:ArchiveClassesAtExit), used with -XX:SharedArchiveFile
#   Java 25 and later: an AOT cache (-XX:AOTCacheOutput, JEP 483/514/515: classes loaded and linked, and method
#   profiles), used with -XX:AOTCache
# Run it again after every build (the archive belongs to those exact jars and that JVM). It prints the command
# that starts the app with the archive, as a last line `run=...`.
#
# usage: scripts/start-cache.sh [--jar PATH] [--dest DIR]      JAVA (default: java on PATH) picks the JVM;
#   SPRING_AOT=false records (and prints a command) without Spring AOT.
#   Defaults: the jar in target/, DIR = target/app. Start the app from the directory you ran this script in,
#   with the printed command: a CDS archive is only used with the same jar path it was recorded with.
set -euo pipefail

jar=""
dest=target/app
while [[ $# -gt 0 ]]; do
  case "$1" in
    --jar) jar="$2"; shift 2 ;;
    --dest) dest="$2"; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
if [[ -z "$jar" ]]; then
  jar=$(ls target/similarity-explorer-*.jar 2>/dev/null | grep -v -- '-plain\|-baseline\|sources' | head -1 || true)
fi
[[ -f "$jar" ]] || { echo "no jar: run ./mvnw -DskipTests package first (or pass --jar)" >&2; exit 2; }
java=${JAVA:-java}
feature=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')

rm -rf "$dest"
"$java" -Djarmode=tools -jar "$jar" extract --destination "$dest" >/dev/null
app_jar="$dest/$(basename "$jar")"
if (( feature >= 25 )); then
  archive="$dest/app.aot"; record=(-XX:AOTCacheOutput="$archive"); use=(-XX:AOTCache="$archive")
else
  archive="$dest/app.jsa"; record=(-XX:ArchiveClassesAtExit="$archive"); use=(-XX:SharedArchiveFile="$archive")
fi
# Spring AOT: the bean definitions the build worked out (spring-boot-maven-plugin process-aot) instead of parsing
# configuration classes and evaluating conditions at every start. SPRING_AOT=false records and runs without.
if [[ "${SPRING_AOT:-true}" == true ]]; then
  record+=(-Dspring.aot.enabled=true); use+=(-Dspring.aot.enabled=true)
fi

work=$(mktemp -d)
pid=""
cleanup() {
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then kill "$pid"; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$java" "${record[@]}" -jar "$app_jar" --server.port="$port" --server.address=127.0.0.1 \
    --simexplorer.data-dir="$work/data" >"$work/app.log" 2>&1 &
pid=$!
ready=""
for _ in $(seq 1 1200); do
  kill -0 "$pid" 2>/dev/null || { echo "the training run exited:" >&2; tail -40 "$work/app.log" >&2; exit 1; }
  if [[ $(curl -s -o /dev/null -m 2 -w '%{http_code}' "http://127.0.0.1:$port/actuator/health/readiness") == 200 ]]; then
    ready=yes; break
  fi
  sleep 0.5
done
[[ -n "$ready" ]] || { echo "the training run was not ready within 10 minutes" >&2; exit 1; }
curl -s -o /dev/null "http://127.0.0.1:$port/"
curl -s -o /dev/null "http://127.0.0.1:$port/api/datasets"
kill "$pid"                     # a normal exit (SIGTERM): the JVM writes the archive
wait "$pid" 2>/dev/null || true
pid=""
[[ -s "$archive" ]] || { echo "no archive was written:" >&2; tail -40 "$work/app.log" >&2; exit 1; }
echo "start_cache.java_version=$feature"
echo "start_cache.archive=$archive"
echo "start_cache.archive_mb=$(( $(stat -c %s "$archive") / 1048576 ))"
echo "run=$java ${use[*]} -jar $app_jar"
