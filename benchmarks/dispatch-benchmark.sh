#!/usr/bin/env bash
# Timed dispatch runs (delivery issue), never asserted in a test: mails/s over SMTP to the test sink
# (tests/smtp-sink, aiosmtpd) and to postfix's smtp-sink, the pickup folder, and the bundled day
# (2,000 staff owed 37,580 items -> 2,000 bundled mails to the pickup folder, every ledger row recorded).
# Each data set is imported and scanned once (`qev scan`: the owed notices are then in the ledger, as after the
# morning's scan), kept as a template and copied for each run; the timed `run --once` is the dispatch run: its own
# scan finds nothing new, then it sends. The day's scan is timed on its own line.
# Usage: benchmarks/dispatch-benchmark.sh [notices=5000]   (QEV_BENCH_DAY_ONLY=1: the bundled day alone; QEV_BENCH_DAY_RUNS=N: N runs of it)   (every figure line ends with the load average at that moment)
# Installs postfix (for /usr/sbin/smtp-sink) and time non-interactively if missing. Figures: docs/performance.md.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N="${1:-5000}"
WORK="${QEV_BENCH_DIR:-$REPO/.bench/dispatch}"
rm -rf "$WORK" && mkdir -p "$WORK"
sync
# Each pickup run writes into a folder of its own name: writing the same 5,000 file names into a folder of the same path
# right after the last run's were deleted took 5-8 s of system time instead of 1 s here (ext4, online discard), and
# measured 550-850 instead of 1,200-1,450 mails/s; a relay's pickup folder never sees the same names again.

if [ ! -x /usr/sbin/smtp-sink ] || [ ! -x /usr/bin/time ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postfix time >/dev/null 2>&1 || true
fi

dotnet publish "$REPO/src/QeV.Worker" -c Release -o "$WORK/bin" --nologo -v quiet >/dev/null
QEV=(dotnet "$WORK/bin/qev.dll")
export Rules__Profile=magdeburg-kern Serilog__MinimumLevel__Default=Warning
AS_OF=2026-06-05

# <folder> <staff> <items>: <items> cases spread over <staff> key workers, each owing one F01 reminder on $AS_OF.
generate() {
    /usr/bin/python3 - "$@" <<'PY'
import os, sys
folder, staff, items = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
os.makedirs(folder, exist_ok=True)
def write(name, header, rows):
    with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
        f.write(header + "\n")
        f.writelines(r + "\n" for r in rows)
write("organisations.csv", "organisation_id,kind,name,contact_email,state", ["JA-1,jugendamt,Jugendamt,,ST", "TR-1,traeger,Traeger,,ST"])
write("teams.csv", "team_id,organisation_id,name,lead_staff_id,deputy_lead_staff_id", ["T-1,TR-1,Team,,"])
write("staff.csv", "staff_id,organisation_id,team_id,display_name,email,role,active",
      ["S-CM,JA-1,,Fallführung,cm@bench.example,fachkraft,true"]
      + [f"S-{i},TR-1,T-1,Fachkraft {i},fk{i}@bench.example,fachkraft,true" for i in range(staff)])
write("cases.csv", "case_id,file_reference,hilfeart,start_date,end_date,case_manager_staff_id,provider_organisation_id,key_worker_staff_id",
      [f"C-{n},51.2-{n}/26,31,2025-01-15,,S-CM,TR-1,S-{n % staff}" for n in range(items)])
write("fuehrungszeugnisse.csv", "staff_id,issued_date,presented_date", [f"S-{i},2024-01-10,2024-01-15" for i in range(staff)])
write("meetings.csv", "meeting_id,case_id,kind,date,status,plan_sent_date,cost_approval_date",
      [f"M-{n},C-{n},fortschreibung,2026-06-24,planned,," for n in range(items)])
PY
}

load() { uptime | sed 's/.*load average: /load /'; }

timed() {  # timed <label> <command...>: wall time start to exit, CPU user+sys, peak memory
    local label="$1"; shift
    /usr/bin/time -f "%e %M %U %S" -o "$WORK/time.txt" "$@" >"$WORK/out.txt" 2>"$WORK/err.txt" && rc=0 || rc=$?
    read -r secs kb user sys < <(tail -1 "$WORK/time.txt")
    printf '%-58s %7.2f s wall, cpu %s s (user %s + sys %s) %6d MB  exit %s  [%s]\n' "$label" "$secs" "$(echo "$user + $sys" | bc)" "$user" "$sys" "$((kb / 1024))" "$rc" "$(load)"
    # the command's summary: the scan's line, or run --once's line and the dispatch phases after it
    grep -E '^(Scan|[0-9]{2}\.[0-9]{2}\.[0-9]{4}:|Versandschritte)' "$WORK/out.txt" | tail -2 | sed 's/^/   /'
}

prepared_db() {  # prepared_db <name> <staff> <items>: imported and scanned once (kept as a template), then copied for each run
    local template="$WORK/$1-template.db" db="$WORK/$1-$RANDOM.db"
    if [ ! -f "$template" ]; then
        generate "$WORK/$1-csv" "$2" "$3"
        "${QEV[@]}" import "$WORK/$1-csv" --db "$template" >/dev/null 2>&1
        timed "scan of $1 ($3 items; writes the owed notices to the ledger)" "${QEV[@]}" scan --as-of "$AS_OF" --db "$template" >&2
    fi
    for f in "$template" "$template-wal"; do [ -f "$f" ] && cp "$f" "$db${f#"$template"}"; done
    echo "$db"
}

dispatch_rate() {  # dispatch_rate <label> <env...>: mails/s of the dispatch alone, from the worker's own log line
    local label="$1"; shift
    local db; db=$(prepared_db rate "$N" "$N")
    env "$@" Notifications__Bundle=false Serilog__MinimumLevel__Default=Information \
        /usr/bin/time -f "%e s, cpu user %U + sys %S s" -o "$WORK/time.txt" "${QEV[@]}" run --once --as-of "$AS_OF" --db "$db" >"$WORK/out.txt" 2>"$WORK/err.txt" && rc=0 || rc=$?
    local rate; rate=$(grep -o 'Versand über.*' "$WORK/err.txt" | tail -1 | grep -o '[0-9]* Mails/s' || true)
    printf '%-40s %12s  (%s mails; run --once start to exit %s, exit %s)  [%s]\n' "$label" "${rate:-no rate}" \
        "$(grep -o 'Versand über.*: [0-9]* Mails' "$WORK/err.txt" | tail -1 | grep -o '[0-9]* Mails$' | cut -d' ' -f1)" "$(tail -1 "$WORK/time.txt")" "$rc" "$(load)"
    if [ "$rc" != 0 ]; then
        grep -E 'ERR|WRN|FTL' "$WORK/err.txt" | grep -v 'zugestellt' | tail -3 | sed 's/^/   /'
    fi
}

wait_for_port() {  # wait_for_port <port>: up to 5 s
    for _ in $(seq 1 50); do
        /usr/bin/python3 -c "import socket,sys; socket.create_connection(('127.0.0.1', int(sys.argv[1])), 0.2)" "$1" 2>/dev/null && return 0
        sleep 0.1
    done
    return 1
}

if [ -z "${QEV_BENCH_DAY_ONLY:-}" ]; then
echo "== dispatch, $N notices, one mail each, ledger written per mail (Notifications:Bundle=false); $(load) =="
dispatch_rate "pickup folder" Mail__Mode=Pickup Mail__PickupDirectory="$WORK/pickup-$$-$RANDOM"

/usr/bin/python3 "$REPO/tests/smtp-sink/sink.py" --port 0 --maildir "$WORK/sink-mail" >"$WORK/sink.out" 2>"$WORK/sink.err" &
SINK_PID=$!
for _ in $(seq 1 100); do grep -q READY "$WORK/sink.out" 2>/dev/null && break; sleep 0.1; done
SINK_PORT=$(awk '/READY/ {print $2}' "$WORK/sink.out")
for c in 1 4; do
    dispatch_rate "test sink (aiosmtpd), $c connection(s)" Mail__Mode=Smtp Mail__Smtp__Host=127.0.0.1 Mail__Smtp__Port="$SINK_PORT" \
        Mail__Smtp__UseStartTls=false Mail__Smtp__Connections=$c
done
kill "$SINK_PID" 2>/dev/null || true

if [ -x /usr/sbin/smtp-sink ]; then
    PORT=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    # smtp-sink refuses to run as root without -u ("fatal: -u option is required if running as root"): it then exited at
    # once, and every run found the port closed (breaker, exit 4).
    USER_OPT=(); [ "$(id -u)" = 0 ] && USER_OPT=(-u nobody)
    /usr/sbin/smtp-sink "${USER_OPT[@]}" -c "127.0.0.1:$PORT" 256 >"$WORK/postfix-sink.out" 2>&1 &
    PF_PID=$!
    if wait_for_port "$PORT"; then
        for c in 1 4; do
            dispatch_rate "postfix smtp-sink, $c connection(s)" Mail__Mode=Smtp Mail__Smtp__Host=127.0.0.1 Mail__Smtp__Port="$PORT" \
                Mail__Smtp__UseStartTls=false Mail__Smtp__Connections=$c
        done
    else
        echo "postfix smtp-sink did not start: $(tail -1 "$WORK/postfix-sink.out")"
    fi
    kill "$PF_PID" 2>/dev/null || true
else
    echo "postfix smtp-sink not installed; skipped"
fi
fi  # QEV_BENCH_DAY_ONLY

echo "== the bundled day: 2,000 staff owed 37,580 items, pickup folder, start to exit =="
for _ in $(seq 1 "${QEV_BENCH_DAY_RUNS:-1}"); do
    DAY_DB=$(prepared_db day 2000 37580)
    DAY_MAIL="$WORK/day-mail-$$-$RANDOM"
    timed "run --once (2,000 bundles, every ledger row recorded)" env Mail__Mode=Pickup Mail__PickupDirectory="$DAY_MAIL" \
        "${QEV[@]}" run --once --as-of "$AS_OF" --db "$DAY_DB"
    echo "   $(find "$DAY_MAIL" -name '*.eml' | wc -l) mails written; ledger: $(/usr/bin/python3 -c "
import sqlite3; c = sqlite3.connect('$DAY_DB')
print(dict(c.execute('SELECT state, COUNT(*) FROM notices GROUP BY state').fetchall()), c.execute('SELECT COUNT(*) FROM notice_deliveries').fetchone()[0], 'delivery rows')")"
done
