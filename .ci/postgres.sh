#!/usr/bin/env bash
# Starts Debian's PostgreSQL for the data tests and prints the variables they read, for
#   eval "$(.ci/postgres.sh)"
# in .ci/run. Idempotent: installs the package only when missing, reuses a running cluster, and creates the
# user and database only once. Runs as root (as CI does); the server itself runs as the postgres user.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  apt-get update -q >&2
  apt-get install -y -q --no-install-recommends postgresql >&2
fi
version=$(ls /usr/lib/postgresql | sort -V | tail -1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version main"; then
  pg_createcluster "$version" main >&2
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -qx online; then
  pg_ctlcluster "$version" main start >&2
fi
port=$(pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $3}')
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p "$port" && break
  sleep 1
done

psql_admin() { su postgres -c "psql -p $port -v ON_ERROR_STOP=1 -qtAc \"$1\""; }
if [ "$(psql_admin "SELECT 1 FROM pg_roles WHERE rolname = 'simex'")" != "1" ]; then
  psql_admin "CREATE USER simex PASSWORD 'simex'" >&2
fi
if [ "$(psql_admin "SELECT 1 FROM pg_database WHERE datname = 'simex_test'")" != "1" ]; then
  psql_admin "CREATE DATABASE simex_test OWNER simex" >&2
fi

echo "export SIMEX_TEST_PG_URL=jdbc:postgresql://127.0.0.1:$port/simex_test"
echo "export SIMEX_TEST_PG_USER=simex"
echo "export SIMEX_TEST_PG_PASSWORD=simex"
