#!/usr/bin/env bash
# Issue 9 (point 5): several instances sharing one scan on PostgreSQL. Generates N cases once, then times a full scan
# (`qev scan`, deadlines table, scan state and ledger emptied before each) with 1 and with 2 processes started at the same
# time on the same database. Prints per process wall, CPU (user+sys) and peak RSS from /usr/bin/time -v, the wall of the
# whole step (first start to last end), the summed CPU, the ranges each process did, and the load average. Nothing here
# is asserted; the figures go into docs/performance.md ("Several instances sharing a scan").
#
# Usage: benchmarks/shared-scan-benchmark.sh [cases=10000] [rounds=1]
#   QEV_BENCH_POSTGRES="Host=…;Username=…;Database=…" uses that database (emptied!); otherwise (or =auto) a throwaway
#   PostgreSQL 15 cluster (Debian's postgresql package, fsync off) under $QEV_BENCH_DIR/pg, removed afterwards.
#   QEV_BENCH_DIR=/path (default <repo>/.bench-shared); Scan__RangeSize / Scan__RangeLease pass through to qev.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CASES="${1:-10000}"
ROUNDS="${2:-1}"
WORK="${QEV_BENCH_DIR:-$REPO/.bench-shared}"
AS_OF=2026-11-23
mkdir -p "$WORK"

[ -x /usr/bin/time ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

start_postgres() {  # a throwaway cluster on a free port; sets QEV_BENCH_POSTGRES
    local port
    PG_BIN=/usr/lib/postgresql/15/bin PG_DIR="$WORK/pg"
    [ -x "$PG_BIN/initdb" ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    rm -rf "$PG_DIR"; mkdir -p "$PG_DIR/sock"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$PG_DIR"
    as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -E UTF8 --locale=C.UTF-8 -A trust >/dev/null
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" -w -t 60 \
        -o "-p $port -k $PG_DIR/sock -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=256MB" start >/dev/null
    as_pg "$PG_BIN/psql" -q -h 127.0.0.1 -p "$port" -U postgres -c "CREATE DATABASE qevbench" >/dev/null
    QEV_BENCH_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=qevbench"
    trap 'as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true' EXIT
}
[ "${QEV_BENCH_POSTGRES:-auto}" = auto ] && start_postgres

pg_uri() {  # Npgsql key/value string -> libpq keywords
    echo "$1" | tr ';' '\n' | sed -E 's/^Host=/host=/I; s/^Port=/port=/I; s/^Username=/user=/I; s/^User ID=/user=/I; s/^Password=/password=/I; s/^Database=/dbname=/I' | grep -E '^(host|port|user|password|dbname)=' | tr '\n' ' '
}
sql() { PGOPTIONS=--client-min-messages=warning psql -q -At "$(pg_uri "$QEV_BENCH_POSTGRES")" -c "$1"; }

dotnet publish "$REPO/src/QeV.Worker" -c Release -o "$WORK/bin" --nologo -v quiet >/dev/null
QEV=(dotnet "$WORK/bin/qev.dll")
export Clock__Start="${AS_OF}T09:00:00+01:00"
DB="$QEV_BENCH_POSTGRES"

sql "DROP SCHEMA public CASCADE; CREATE SCHEMA public;" >/dev/null
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg), $(dotnet --version)"
"${QEV[@]}" generate --cases "$CASES" --seed 9 --db "$DB" 2>/dev/null | tail -n 1

seconds() { awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$1"; }
cpu() { awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$1"; }
peak() { awk -F': ' '/Maximum resident set size/ {print int($2/1024)}' "$1"; }

full_scan() {  # full_scan <processes>: empties what a scan writes, then starts the processes at once
    local n="$1" i start end total_cpu=0 load_before
    sql "DELETE FROM deadlines; DELETE FROM deadline_partitions; DELETE FROM deadline_scans; DELETE FROM scan_ranges; DELETE FROM scan_generations;
         DELETE FROM notice_events; DELETE FROM notice_deliveries; DELETE FROM notices; DELETE FROM data_problems;" >/dev/null
    load_before=$(cut -d' ' -f1 /proc/loadavg)
    start=$(date +%s.%N)
    for i in $(seq 1 "$n"); do
        /usr/bin/time -v -o "$WORK/time-$i.txt" "${QEV[@]}" scan --as-of "$AS_OF" --db "$DB" >"$WORK/out-$i.txt" 2>"$WORK/err-$i.txt" &
    done
    wait
    end=$(date +%s.%N)
    for i in $(seq 1 "$n"); do
        total_cpu=$(awk -v a="$total_cpu" -v b="$(cpu "$WORK/time-$i.txt")" 'BEGIN {print a + b}')
        printf '  process %d: wall %6.2f s, cpu %6.2f s, peak %4d MB: %s\n' "$i" "$(seconds "$WORK/time-$i.txt")" "$(cpu "$WORK/time-$i.txt")" \
            "$(peak "$WORK/time-$i.txt")" "$(tail -n 1 "$WORK/out-$i.txt" | cut -c1-400)"
    done
    printf '%d process(es): wall %.2f s (first start to last end), cpu %.2f s summed, load %s -> %s; ranges done per instance: %s\n' \
        "$n" "$(awk -v a="$start" -v b="$end" 'BEGIN {print b - a}')" "$total_cpu" "$load_before" "$(cut -d' ' -f1 /proc/loadavg)" \
        "$(sql "SELECT string_agg(n::text, ' ') FROM (SELECT COUNT(*) AS n FROM scan_ranges GROUP BY done_by ORDER BY 1 DESC) r")"
}

for round in $(seq 1 "$ROUNDS"); do
    echo "round $round, $CASES cases, range size ${Scan__RangeSize:-2000}"
    full_scan 1
    full_scan 2
done
