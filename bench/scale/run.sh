#!/usr/bin/env bash
# bench scale: a large dataset on the packaged jar, step by step, with the jar's resident memory sampled during
# every step. Prints key=value lines (see bench/scale/scale.py for what each step measures).
#
#   bench/scale/run.sh --n=100000 [--embed-n=4000] [--queries=100] [--labels=1000] [--model=all-minilm-l6-v2]
#
# Environment: JAR (default target/similarity-explorer-*.jar), JAVA_OPTS (default -Xmx1g), KEEP_DATA=1 to keep
# the data folder (printed as data_dir=).
set -euo pipefail
cd "$(dirname "$0")/../.."
jar="${JAR:-$(ls target/similarity-explorer-*.jar 2>/dev/null | grep -v plain | head -1)}"
[ -f "$jar" ] || { echo "no jar: run ./mvnw -DskipTests package first" >&2; exit 2; }
# shellcheck disable=SC2086
exec python3 bench/scale/scale.py --jar="$jar" --java-opts="${JAVA_OPTS:--Xmx1g}" "$@"
