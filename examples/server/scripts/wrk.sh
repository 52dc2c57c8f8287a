#!/bin/sh
# wrk.sh measures GET /v1/matters/{code} on the reference server against a
# bare net/http handler (scripts/baseline) in the same run. Goal: the server
# serves at least 50% of the baseline's requests/s.
#
#   examples/server/scripts/wrk.sh [duration, default 10s]
#
# It installs wrk from Debian's packages if missing (apt-get, as root).
set -eu
DUR=${1:-10s}
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
TMP=$(mktemp -d)
trap 'kill $SRV $BASE 2>/dev/null || true; rm -rf "$TMP"' EXIT

if ! command -v wrk >/dev/null; then
	apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi
cd "$ROOT"
go build -o "$TMP/server" ./examples/server
go build -o "$TMP/baseline" ./examples/server/scripts/baseline
"$TMP/server" -addr 127.0.0.1:18080 -db "$TMP/onething.db" -dev -log json 2>/dev/null &
SRV=$!
"$TMP/baseline" -addr 127.0.0.1:18090 &
BASE=$!
sleep 2
PATH_=/v1/matters/370015001000
wrk -t2 -c64 -d"$DUR" "http://127.0.0.1:18090$PATH_" | tee "$TMP/base.txt"
wrk -t2 -c64 -d"$DUR" "http://127.0.0.1:18080$PATH_" | tee "$TMP/server.txt"
B=$(awk '/Requests\/sec/ {print $2}' "$TMP/base.txt")
S=$(awk '/Requests\/sec/ {print $2}' "$TMP/server.txt")
awk -v b="$B" -v s="$S" 'BEGIN { r = 100 * s / b; printf "server %.0f req/s, baseline %.0f req/s: %.1f%% of baseline (goal >= 50%%)\n", s, b, r; exit (r < 50) }'
