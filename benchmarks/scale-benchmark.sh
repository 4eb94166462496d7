#!/usr/bin/env bash
# Issue 9: timed CLI runs at scale. For each size and engine: generate, full scan, scan with nothing changed, scan after
# 1 % of the cases changed, the floor (every fact row read once, same driver, same queries, same process), the deadlines
# report from the table, and the CSV import of the same data into an empty database. Wall time and peak RSS come from
# /usr/bin/time -v. Nothing here is asserted; the figures go into docs/performance.md.
#
# Usage: benchmarks/scale-benchmark.sh [sizes="10000 100000"]
#   QEV_BENCH_POSTGRES="Host=…;Username=…;Database=…" adds the same runs on PostgreSQL (the database is emptied!);
#   QEV_BENCH_POSTGRES=auto starts a throwaway PostgreSQL 15 cluster under $QEV_BENCH_DIR/pg (Debian's postgresql package,
#   fsync off, as in the tests) and removes it afterwards.
# The scan's summary line ends with its phase times (read, fingerprint, evaluate, deadline writes, table read, plan,
# ledger, data problems); the output column shows it whole.
#   QEV_BENCH_DIR=/path (default <repo>/.bench-scale) holds the binaries, databases and CSV files.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SIZES="${1:-10000 100000}"
WORK="${QEV_BENCH_DIR:-$REPO/.bench-scale}"
AS_OF=2026-11-23
mkdir -p "$WORK"

[ -x /usr/bin/time ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
command -v sqlite3 >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlite3 >/dev/null

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

start_postgres() {  # a throwaway cluster on a free port; sets QEV_BENCH_POSTGRES
    local port
    PG_BIN=/usr/lib/postgresql/15/bin PG_DIR="$WORK/pg"
    local bin="$PG_BIN" pg="$PG_DIR"
    [ -x "$bin/initdb" ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    rm -rf "$pg"; mkdir -p "$pg/sock"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$pg"
    as_pg "$bin/initdb" -D "$pg/data" -U postgres -E UTF8 --locale=C.UTF-8 -A trust >/dev/null
    as_pg "$bin/pg_ctl" -D "$pg/data" -l "$pg/postgres.log" -w -t 60 \
        -o "-p $port -k $pg/sock -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=256MB" start >/dev/null
    as_pg "$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -c "CREATE DATABASE qevbench" >/dev/null
    QEV_BENCH_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=qevbench"
    trap 'as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true' EXIT
}
[ "${QEV_BENCH_POSTGRES:-}" = auto ] && start_postgres

dotnet publish "$REPO/src/QeV.Worker" -c Release -o "$WORK/bin" --nologo -v quiet >/dev/null
QEV=(dotnet "$WORK/bin/qev.dll")
export Clock__Start="${AS_OF}T09:00:00+01:00"

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg), $(dotnet --version)"
printf '%-8s %-9s %-36s %9s %9s %9s %6s  %s\n' cases engine step "wall s" "cpu s" "peak MB" load output

step() {  # step <cases> <engine> <label> <command...>
    local cases="$1" engine="$2" label="$3"; shift 3
    /usr/bin/time -v -o "$WORK/time.txt" "$@" >"$WORK/out.txt" 2>"$WORK/err.txt" || { cat "$WORK/err.txt" >&2; exit 1; }
    local secs cpu kb
    cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$WORK/time.txt")
    secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$WORK/time.txt")
    kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time.txt")
    printf '%-8s %-9s %-36s %9.2f %9.2f %9d %6s  %s\n' "$cases" "$engine" "$label" "$secs" "$cpu" "$((kb / 1024))" "$(cut -d' ' -f1 /proc/loadavg)" "$(tail -n 1 "$WORK/out.txt" | cut -c1-600)"
}

change_one_percent() {  # flips the outcome of the appointments of every case whose number ends in 00
    local sql="UPDATE appointments SET outcome = CASE outcome WHEN 'attended' THEN 'no_show' ELSE 'attended' END WHERE case_id LIKE '%00';"
    if [ "$1" = sqlite ]; then sqlite3 "$2" "$sql"; else psql -q "$(pg_uri "$2")" -c "$sql"; fi
}

pg_uri() {  # Npgsql key/value string -> libpq keywords
    echo "$1" | tr ';' '\n' | sed -E 's/^Host=/host=/I; s/^Port=/port=/I; s/^Username=/user=/I; s/^User ID=/user=/I; s/^Password=/password=/I; s/^Database=/dbname=/I' | grep -E '^(host|port|user|password|dbname)=' | tr '\n' ' '
}

export_csv() {  # export_csv <sqlite file> <folder>: the generated data as import files
    local db="$1" out="$2"; rm -rf "$out"; mkdir -p "$out"
    for t in organisations teams fuehrungszeugnisse agreements ag78_sessions trainings meetings reports appointments home_visits provider_dialogues; do
        sqlite3 -header -csv "$db" "SELECT * FROM $t" >"$out/$t.csv"
    done
    sqlite3 -header -csv "$db" "SELECT staff_id, organisation_id, team_id, display_name, email, role, CASE active WHEN 1 THEN 'true' ELSE 'false' END AS active, deputy_staff_id, absent_from, absent_until, employed_since FROM staff" >"$out/staff.csv"
    sqlite3 -header -csv "$db" "SELECT case_id, file_reference, hilfeart, start_date, end_date, case_manager_staff_id, provider_organisation_id, key_worker_staff_id, CASE clearing WHEN 1 THEN 'true' ELSE 'false' END AS clearing FROM cases" >"$out/cases.csv"
}

reset_postgres() {
    PGOPTIONS=--client-min-messages=warning psql -q "$(pg_uri "$QEV_BENCH_POSTGRES")" -c "DROP SCHEMA public CASCADE; CREATE SCHEMA public;" >/dev/null
}

run_on() {  # run_on <cases> <engine> <db>
    local cases="$1" engine="$2" db="$3"
    step "$cases" "$engine" "generate" "${QEV[@]}" generate --cases "$cases" --seed 9 --db "$db"
    step "$cases" "$engine" "scan (full, first)" "${QEV[@]}" scan --as-of "$AS_OF" --db "$db"
    step "$cases" "$engine" "scan (nothing changed)" "${QEV[@]}" scan --as-of "$AS_OF" --db "$db"
    change_one_percent "$engine" "$db"
    step "$cases" "$engine" "scan (1 % of cases changed)" "${QEV[@]}" scan --as-of "$AS_OF" --db "$db"
    step "$cases" "$engine" "scan (next day: day-dependent rules)" "${QEV[@]}" scan --as-of 2026-11-24 --db "$db"
    step "$cases" "$engine" "floor (plain read of every row)" "${QEV[@]}" scan --floor --db "$db"
    step "$cases" "$engine" "deadlines --format json (table)" "${QEV[@]}" deadlines --as-of "$AS_OF" --format json --db "$db"
}

for cases in $SIZES; do
    db="$WORK/qev-$cases.db"; rm -f "$db" "$db-wal" "$db-shm"
    run_on "$cases" sqlite "$db"
    export_csv "$db" "$WORK/csv-$cases"
    import_db="$WORK/import-$cases.db"; rm -f "$import_db" "$import_db-wal" "$import_db-shm"
    step "$cases" sqlite "import (CSV, empty database)" "${QEV[@]}" import "$WORK/csv-$cases" --db "$import_db"
    rm -f "$import_db" "$import_db-wal" "$import_db-shm"
    if [ -n "${QEV_BENCH_POSTGRES:-}" ]; then
        reset_postgres
        run_on "$cases" postgres "$QEV_BENCH_POSTGRES"
        reset_postgres
        step "$cases" postgres "import (CSV, empty database)" "${QEV[@]}" import "$WORK/csv-$cases" --db "$QEV_BENCH_POSTGRES"
        reset_postgres
    fi
done
echo "load afterwards: $(cut -d' ' -f1-3 /proc/loadavg)"
