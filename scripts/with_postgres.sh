#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL cluster built from the machine's own
# PostgreSQL binaries: a temporary directory, a free loopback port, stopped even on failure.
# The command gets DATABASE_URL pointing at an empty database called "elinvoima".
set -euo pipefail

bindir=""
for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
  [ -x "$candidate/initdb" ] && bindir=$candidate && break
done
if [ -z "$bindir" ] && command -v pg_config >/dev/null; then bindir=$(pg_config --bindir); fi
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "with_postgres: no PostgreSQL server binaries (initdb) found on this machine" >&2
  exit 1
fi

# PostgreSQL refuses to run as root: run the server as the postgres user then.
as_pg=()
if [ "$(id -u)" = 0 ]; then as_pg=(runuser -u postgres --); fi

datadir=$(mktemp -d /tmp/elinvoima-pg.XXXXXX)
chmod 755 "$datadir"
[ "$(id -u)" = 0 ] && chown postgres "$datadir"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

cleanup() {
  "${as_pg[@]}" "$bindir/pg_ctl" -D "$datadir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$datadir"
}
trap cleanup EXIT INT TERM

"${as_pg[@]}" "$bindir/initdb" -D "$datadir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${as_pg[@]}" "$bindir/pg_ctl" -D "$datadir/data" -l "$datadir/server.log" -w -t 60 \
  -o "-h 127.0.0.1 -p $port -k $datadir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=256MB -c max_connections=100" \
  start >/dev/null
"$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres elinvoima

export DATABASE_URL="postgres://postgres@127.0.0.1:$port/elinvoima"
echo "with_postgres: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on port $port" >&2
"$@"
