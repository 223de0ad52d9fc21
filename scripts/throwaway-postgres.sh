# Sourced by .ci/run and bench/two-instances.sh: a throwaway PostgreSQL 15 cluster (Debian's postgresql-15-postgis-3)
# in its own temp folder on a free loopback port, trust auth on 127.0.0.1 only, durability off (it is thrown away).
# As root the server runs as the postgres user. Sets pg_port, pg_dir and pg_admin (an Npgsql connection string to the
# maintenance database); stop_postgres stops and removes it (put it in the caller's EXIT trap).
# Usage: start_postgres || exit 1
pg_bin=/usr/lib/postgresql/15/bin

start_postgres() {
  pg_dir=$(mktemp -d /tmp/movingcities-pg-XXXXXX)
  as_pg=()
  [ "$(id -u)" -eq 0 ] && { chown postgres:postgres "$pg_dir"; as_pg=(runuser -u postgres --); }
  pg_port=$(shuf -i 20000-60000 -n 1)
  while (echo >"/dev/tcp/127.0.0.1/$pg_port") 2>/dev/null; do pg_port=$(shuf -i 20000-60000 -n 1); done
  "${as_pg[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust --no-sync -E UTF8 --locale=C.UTF-8 >/dev/null \
    && "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -o \
      "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=500" start >/dev/null \
    || { echo "could not start PostgreSQL"; cat "$pg_dir/server.log" 2>/dev/null; return 1; }
  pg_admin="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
  echo "$("$pg_bin/postgres" --version) on 127.0.0.1:$pg_port"
}

stop_postgres() {
  [ -n "${pg_dir:-}" ] || return 0
  "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -w stop >/dev/null 2>&1
  rm -rf "$pg_dir"
  pg_dir=
}
