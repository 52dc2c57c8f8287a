#!/usr/bin/env bash
# Makes a PostgreSQL database ready for the tests and prints its DSN, the
# value for ONETHING_TEST_POSTGRES, on stdout (everything else goes to
# stderr):
#
#	postgres://postgres@/onething_test?host=/var/run/postgresql&sslmode=disable
#
# For a fresh Debian machine, as root, with no systemd: installs PostgreSQL
# from Debian's packages when it is missing, creates the cluster when there
# is none, lets the OS user root connect as the database user postgres over
# the Unix socket (peer authentication with a user map; no password, no
# TCP), starts the cluster with pg_ctlcluster, waits for it, and creates the
# database onething_test owned by postgres. Running it again changes
# nothing. Any failure (no root, apt-get failing, a cluster that does not
# start) ends it with an error, so that CI goes red instead of skipping
# the PostgreSQL tests.
set -euo pipefail

db=onething_test
map=onething_ci
sockets=/var/run/postgresql

log() { echo "postgres.sh: $*" >&2; }
die() {
	log "error: $*"
	exit 1
}

# server_version prints the newest PostgreSQL major version whose server is
# installed, or nothing.
server_version() {
	local bin
	for bin in /usr/lib/postgresql/*/bin/postgres; do
		[ -x "$bin" ] && basename "$(dirname "$(dirname "$bin")")"
	done | sort -V | tail -n 1
}

[ "$(id -u)" -eq 0 ] || die "run me as root (installing and configuring PostgreSQL needs it)"

ver=$(server_version)
if [ -z "$ver" ] || ! command -v pg_ctlcluster >/dev/null; then
	log "PostgreSQL is not installed: installing it with apt-get"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update >&2 || die "apt-get update failed"
	apt-get install -y --no-install-recommends postgresql >&2 || die "apt-get install postgresql failed"
	ver=$(server_version)
	[ -n "$ver" ] || die "apt-get installed postgresql, but no server is in /usr/lib/postgresql/*/bin"
fi
log "PostgreSQL $ver"

cluster() { pg_lsclusters -h | awk -v v="$ver" '$1 == v && $2 == "main"'; }
if [ -z "$(cluster)" ]; then
	log "creating cluster $ver/main"
	pg_createcluster "$ver" main >&2 || die "pg_createcluster $ver main failed"
fi
port=$(cluster | awk '{print $3}')
conf=/etc/postgresql/$ver/main
[ -f "$conf/pg_hba.conf" ] || die "no $conf/pg_hba.conf"

# root may connect as postgres over the socket; postgres stays postgres. The
# line goes first: pg_hba.conf takes the first line that matches.
if ! grep -q "map=$map" "$conf/pg_hba.conf"; then
	log "letting root connect as postgres over $sockets (peer, map $map)"
	sed -i "1i local all postgres peer map=$map" "$conf/pg_hba.conf"
fi
if ! grep -q "^$map[[:space:]]" "$conf/pg_ident.conf"; then
	printf '%s root postgres\n%s postgres postgres\n' "$map" "$map" >>"$conf/pg_ident.conf"
fi

install -d -o postgres -g postgres -m 2775 "$sockets"
if pg_ctlcluster "$ver" main status >/dev/null 2>&1; then
	pg_ctlcluster "$ver" main reload >&2 || die "pg_ctlcluster $ver main reload failed"
else
	log "starting cluster $ver/main on port $port"
	pg_ctlcluster "$ver" main start >&2 || die "pg_ctlcluster $ver main start failed; see /var/log/postgresql/postgresql-$ver-main.log"
fi
for _ in $(seq 60); do
	pg_isready -q -h "$sockets" -p "$port" && break
	sleep 0.5
done
pg_isready -h "$sockets" -p "$port" >&2 || die "PostgreSQL $ver/main is not accepting connections on $sockets port $port"

psql_postgres() { runuser -u postgres -- psql -X -q -h "$sockets" -p "$port" -d postgres -v ON_ERROR_STOP=1 "$@"; }
if [ "$(psql_postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'")" != 1 ]; then
	log "creating database $db"
	psql_postgres -c "CREATE DATABASE $db OWNER postgres" >&2 || die "creating database $db failed"
fi

dsn="postgres://postgres@/$db?host=$sockets&sslmode=disable"
[ "$port" = 5432 ] || dsn="$dsn&port=$port"
psql -X -q "$dsn" -tAc 'SELECT 1' >/dev/null || die "cannot connect as root with $dsn"
log "ready: $dsn"
echo "$dsn"
