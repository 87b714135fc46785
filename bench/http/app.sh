# Sourced by the bench/http scripts: starts the packaged jar on a free port of 127.0.0.1 with a data folder and
# JVM options, waits until it answers, and stops it when the script exits. Sets $app (pid), $base and $log.
start_app() { # DATA_DIR LOG [JVM options...]
  local data="$1"; log="$2"; shift 2
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  base="http://127.0.0.1:$port"
  java "$@" -jar "$jar" --server.port="$port" --server.address=127.0.0.1 --simexplorer.data-dir="$data" \
    >"$log" 2>&1 &
  app=$!
  for _ in $(seq 1 240); do
    curl -fs "$base/api/datasets" >/dev/null 2>&1 && return 0
    kill -0 "$app" 2>/dev/null || { tail -40 "$log" >&2; exit 1; }
    sleep 0.5
  done
  echo "the app did not answer within 2 minutes" >&2
  exit 1
}
