#!/usr/bin/env bash
# Timed CLI runs on generated data: import, deadlines report, run --once (plan + render + write .eml files).
# Usage: benchmarks/cli-benchmark.sh [cases=20000] ; QEV_BENCH_POSTGRES="Host=…" adds the same runs on PostgreSQL.
# Prints wall time and peak memory (max RSS) per step. Nothing here is asserted; the figures go into the notes.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CASES="${1:-20000}"
WORK="${QEV_BENCH_DIR:-$REPO/.bench}"
rm -rf "$WORK" && mkdir -p "$WORK"

if [ ! -x /usr/bin/time ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
fi

dotnet publish "$REPO/src/QeV.Worker" -c Release -o "$WORK/bin" --nologo -v quiet >/dev/null
QEV=(dotnet "$WORK/bin/qev.dll")
export Clock__Start="2026-11-23T09:00:00+01:00"

step() {  # step <label> <command...>
    local label="$1"; shift
    /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$@" >"$WORK/out.txt" 2>"$WORK/err.txt" || { cat "$WORK/err.txt"; exit 1; }
    read -r secs kb <"$WORK/time.txt"
    printf '%-42s %8.2f s %8.0f MB\n' "$label" "$secs" "$((kb / 1024))"
}

cd "$WORK"
"${QEV[@]}" seed-demo --cases "$CASES" --csv "$WORK/data" >/dev/null 2>&1
rows=$(cat "$WORK"/data/*.csv | wc -l)
echo "generated: $CASES cases, $rows CSV lines ($(du -sh "$WORK/data" | cut -f1))"

run_on() {  # run_on <label> <db>
    local name="$1" db="$2"
    step "$name: import (all files, one transaction)" "${QEV[@]}" import "$WORK/data" --db "$db"
    step "$name: import again (all updates)" "${QEV[@]}" import "$WORK/data" --db "$db"
    step "$name: deadlines --format json" "${QEV[@]}" deadlines --as-of 2026-11-23 --format json --db "$db"
    echo "   $(grep -c '"rule"' "$WORK/out.txt") deadlines listed"
    step "$name: run --once (plan, render, pickup)" env Mail__PickupDirectory="$WORK/mail-$name" "${QEV[@]}" run --once --as-of 2026-11-23 --db "$db"
    echo "   $(ls "$WORK/mail-$name" | wc -l) mails written"
    step "$name: run --once again (nothing new)" env Mail__PickupDirectory="$WORK/mail-$name" "${QEV[@]}" run --once --as-of 2026-11-23 --db "$db"
}

run_on sqlite "$WORK/qev.db"
if [ -n "${QEV_BENCH_POSTGRES:-}" ]; then
    run_on postgres "$QEV_BENCH_POSTGRES"
fi
