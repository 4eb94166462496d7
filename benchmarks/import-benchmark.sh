#!/usr/bin/env bash
# Issue 9 (import part): `generate` and `import` from CSV at scale, on SQLite and PostgreSQL. For each size:
#   generate N cases into an empty database (the bulk path, with progress),
#   export those rows as the import files of CONTRACT.md (sqlite3 -csv, as scale-benchmark.sh does),
#   import them into an empty database, then import the same folder again (every row unchanged: the upsert path).
# Wall time, CPU time and peak RSS come from /usr/bin/time -v; the load average is printed beside every figure, as the
# machine may be shared. Nothing here is asserted; the figures go into docs/performance.md.
#
# Usage: benchmarks/import-benchmark.sh [sizes="10000 100000"]
#   QEV_BENCH_POSTGRES="Host=…;Username=…;Database=…" runs PostgreSQL against that server (its public schema is emptied!);
#   without it a throwaway PostgreSQL 15 cluster is started under $QEV_BENCH_DIR/pg (fsync off, as the tests' cluster),
#   and QEV_BENCH_NO_POSTGRES=1 skips PostgreSQL.
#   QEV_BENCH_DIR=/path (default <repo>/.bench-import) holds the binaries, databases and CSV files.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SIZES="${1:-10000 100000}"
WORK="${QEV_BENCH_DIR:-$REPO/.bench-import}"
AS_OF=2026-11-23
PG_BIN=/usr/lib/postgresql/15/bin
mkdir -p "$WORK"

[ -x /usr/bin/time ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
command -v sqlite3 >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlite3 >/dev/null

dotnet publish "$REPO/src/QeV.Worker" -c Release -o "$WORK/bin" --nologo -v quiet >/dev/null
QEV=(dotnet "$WORK/bin/qev.dll")
export Clock__Start="${AS_OF}T09:00:00+01:00"

pg_uri() {  # Npgsql key/value string -> libpq keywords
    echo "$1" | tr ';' '\n' | sed -E 's/^Host=/host=/I; s/^Port=/port=/I; s/^Username=/user=/I; s/^User ID=/user=/I; s/^Password=/password=/I; s/^Database=/dbname=/I' | grep -E '^(host|port|user|password|dbname)=' | tr '\n' ' '
}

as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

start_cluster() {  # a throwaway cluster on a free port; stopped on exit
    local dir="$WORK/pg" port
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    rm -rf "$dir"; mkdir -p "$dir/sock"
    [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$dir"
    as_postgres "$PG_BIN/initdb" -D "$dir/data" -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null 2>&1
    as_postgres "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
        -o "-c port=$port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir/sock -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=128MB" start >/dev/null
    trap 'as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -m immediate -w stop >/dev/null 2>&1 || true' EXIT
    QEV_BENCH_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
}

if [ -z "${QEV_BENCH_POSTGRES:-}" ] && [ -z "${QEV_BENCH_NO_POSTGRES:-}" ] && [ -x "$PG_BIN/initdb" ]; then start_cluster; fi

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo), $(dotnet --version), sqlite3 $(sqlite3 --version | cut -d' ' -f1)"
printf '%-8s %-9s %-34s %9s %9s %9s %-16s %s\n' cases engine step "wall s" "cpu s" "peak MB" "load (1/5/15)" output

step() {  # step <cases> <engine> <label> <command...>
    local cases="$1" engine="$2" label="$3"; shift 3
    local load; load=$(cut -d' ' -f1-3 /proc/loadavg)
    /usr/bin/time -v -o "$WORK/time.txt" "$@" >"$WORK/out.txt" 2>"$WORK/err.txt" || { cat "$WORK/err.txt" >&2; exit 1; }
    local secs cpu kb
    cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$WORK/time.txt")
    secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$WORK/time.txt")
    kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time.txt")
    printf '%-8s %-9s %-34s %9.2f %9.2f %9d %-16s %s\n' "$cases" "$engine" "$label" "$secs" "$cpu" "$((kb / 1024))" "$load" \
        "$(grep -E 'Summe|geschrieben' "$WORK/out.txt" | tail -n 1 | tr -s ' ' | cut -c1-120)"
}

export_csv() {  # export_csv <sqlite file> <folder>: the generated data as import files
    local db="$1" out="$2"; rm -rf "$out"; mkdir -p "$out"
    for t in organisations teams fuehrungszeugnisse agreements ag78_sessions trainings meetings reports appointments home_visits provider_dialogues; do
        sqlite3 -header -csv "$db" "SELECT * FROM $t" >"$out/$t.csv"
    done
    sqlite3 -header -csv "$db" "SELECT staff_id, organisation_id, team_id, display_name, email, role, CASE active WHEN 1 THEN 'true' ELSE 'false' END AS active, deputy_staff_id, absent_from, absent_until, employed_since FROM staff" >"$out/staff.csv"
    sqlite3 -header -csv "$db" "SELECT case_id, file_reference, hilfeart, start_date, end_date, case_manager_staff_id, provider_organisation_id, key_worker_staff_id, CASE clearing WHEN 1 THEN 'true' ELSE 'false' END AS clearing FROM cases" >"$out/cases.csv"
}

reset_postgres() { PGOPTIONS="-c client_min_messages=warning" psql -q "$(pg_uri "$QEV_BENCH_POSTGRES")" -c "DROP SCHEMA public CASCADE; CREATE SCHEMA public;" >/dev/null; }

sqlite_fresh() { rm -f "$1" "$1-wal" "$1-shm"; }

for cases in $SIZES; do
    db="$WORK/qev-$cases.db"; sqlite_fresh "$db"
    step "$cases" sqlite "generate" "${QEV[@]}" generate --cases "$cases" --seed 9 --db "$db"
    export_csv "$db" "$WORK/csv-$cases"
    echo "         csv: $(du -sh "$WORK/csv-$cases" | cut -f1), $(cat "$WORK/csv-$cases"/*.csv | wc -l) lines"
    sqlite_fresh "$db"
    import_db="$WORK/import-$cases.db"; sqlite_fresh "$import_db"
    step "$cases" sqlite "import (CSV, empty database)" "${QEV[@]}" import "$WORK/csv-$cases" --db "$import_db"
    step "$cases" sqlite "import again (all unchanged)" "${QEV[@]}" import "$WORK/csv-$cases" --db "$import_db"
    sqlite_fresh "$import_db"
    if [ -n "${QEV_BENCH_POSTGRES:-}" ]; then
        reset_postgres
        step "$cases" postgres "generate" "${QEV[@]}" generate --cases "$cases" --seed 9 --db "$QEV_BENCH_POSTGRES"
        reset_postgres
        step "$cases" postgres "import (CSV, empty database)" "${QEV[@]}" import "$WORK/csv-$cases" --db "$QEV_BENCH_POSTGRES"
        step "$cases" postgres "import again (all unchanged)" "${QEV[@]}" import "$WORK/csv-$cases" --db "$QEV_BENCH_POSTGRES"
        reset_postgres
    fi
    rm -rf "$WORK/csv-$cases"
done
echo "load afterwards: $(cut -d' ' -f1-3 /proc/loadavg)"
