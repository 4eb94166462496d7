#!/usr/bin/env bash
# Runs the whole test suite on a fresh Debian 12 machine:
#   installs PostgreSQL 15 and aiosmtpd if missing, starts a throwaway
#   PostgreSQL cluster on a free loopback port, runs `dotnet test` against it,
#   stops the cluster and prints "N passed, N failed[, N skipped]" as the last line.
# Extra arguments are passed on to `dotnet test` (e.g. --filter ...).
# Environment: QEV_TEST_RUN_DIR (default <repo>/.test-run) holds the cluster,
# its socket, logs and the TRX results; it is recreated on every run.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN_DIR="${QEV_TEST_RUN_DIR:-$REPO/.test-run}"
PG_BIN=/usr/lib/postgresql/15/bin
SYS_PY=/usr/bin/python3
SINK="$REPO/tests/smtp-sink/sink.py"

log() { printf '[test.sh] %s\n' "$*" >&2; }

# --- state used by the cleanup trap -----------------------------------------
PG_DATA=""
PG_STARTED=0
RUN_ID="qev-$$-$(date +%s)-$RANDOM"
export QEV_TEST_RUN_ID="$RUN_ID"   # inherited by every sink process the tests start

as_pg() {
    # Run a command as the OS user that owns the cluster (postgres when we are root).
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

kill_stray_sinks() {
    # Sink processes started by this run's tests carry QEV_TEST_RUN_ID=$RUN_ID in
    # their environment; kill only those (by pid), never by name.
    local p pids=()
    for p in /proc/[0-9]*; do
        [ "${p#/proc/}" != "$$" ] || continue
        if grep -qzx "QEV_TEST_RUN_ID=$RUN_ID" "$p/environ" 2>/dev/null &&
            grep -qzF "smtp-sink/sink.py" "$p/cmdline" 2>/dev/null; then
            pids+=("${p#/proc/}")
        fi
    done
    if [ "${#pids[@]}" -gt 0 ]; then
        log "killing ${#pids[@]} stray SMTP sink process(es): ${pids[*]}"
        kill -TERM "${pids[@]}" 2>/dev/null || true
        sleep 1
        kill -KILL "${pids[@]}" 2>/dev/null || true
    fi
}

stop_services() {
    kill_stray_sinks
    if [ "$PG_STARTED" -eq 1 ] && [ -n "$PG_DATA" ]; then
        if ! as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 30 stop >/dev/null 2>&1; then
            as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w -t 10 stop >/dev/null 2>&1
        fi
        PG_STARTED=0
        log "PostgreSQL stopped"
    fi
}

cleanup() {
    local rc=$?
    set +e
    stop_services
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- 1. install what is missing ---------------------------------------------
have_deps() {
    [ -x "$PG_BIN/pg_ctl" ] && [ -x "$PG_BIN/initdb" ] &&
        "$SYS_PY" -c 'import aiosmtpd' >/dev/null 2>&1
}

install_deps() {
    local sudo=() attempt apt_log
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    apt_log="$(mktemp /tmp/qev-apt.XXXXXX.log)"
    log "installing postgresql and python3-aiosmtpd (apt log: $apt_log)"
    for attempt in 1 2; do
        if "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q \
                -o DPkg::Lock::Timeout=300 >>"$apt_log" 2>&1 &&
            "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
                --no-install-recommends -o DPkg::Lock::Timeout=300 \
                postgresql python3-aiosmtpd >>"$apt_log" 2>&1; then
            return 0
        fi
        log "apt attempt $attempt failed"
        [ "$attempt" -eq 2 ] || sleep 10
    done
    tail -n 30 "$apt_log" >&2
    return 1
}

if ! have_deps; then
    install_deps
    have_deps || { log "dependencies still missing after install"; exit 1; }
fi

# --- 2. fresh run dir and a throwaway PostgreSQL cluster ----------------------
mkdir -p "$RUN_DIR"
RUN_DIR="$(cd "$RUN_DIR" && pwd)"
if [ -d "$RUN_DIR/pg/data" ]; then
    # A previous run may have been killed before its trap ran.
    as_pg "$PG_BIN/pg_ctl" -D "$RUN_DIR/pg/data" -m immediate -w -t 10 stop >/dev/null 2>&1 || true
fi
if [ -L "$RUN_DIR/pg" ]; then
    # Left by an earlier run whose cluster had to live under /tmp (see below).
    old_pg="$(readlink "$RUN_DIR/pg")"
    case "$old_pg" in /tmp/qev-pg.*) rm -rf "$old_pg" ;; esac
fi
rm -rf "$RUN_DIR/pg" "$RUN_DIR/results"
mkdir -p "$RUN_DIR/pg" "$RUN_DIR/results"

PG_DIR="$RUN_DIR/pg"
if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$PG_DIR"
    if ! runuser -u postgres -- test -w "$PG_DIR"; then
        # The run dir lies below a directory the postgres user cannot enter.
        rmdir "$PG_DIR"
        PG_DIR="$(mktemp -d /tmp/qev-pg.XXXXXX)"
        ln -s "$PG_DIR" "$RUN_DIR/pg"
        chown postgres:postgres "$PG_DIR"
        log "postgres cannot reach $RUN_DIR; cluster placed in $PG_DIR"
    fi
fi
PG_DATA="$PG_DIR/data"
PG_SOCK="$PG_DIR/sock"
as_pg mkdir -p "$PG_SOCK"
# A unix socket path must stay below 108 bytes.
if [ "${#PG_SOCK}" -gt 90 ]; then
    PG_SOCK="$(mktemp -d /tmp/qev-pgsock.XXXXXX)"
    [ "$(id -u)" -ne 0 ] || chown postgres:postgres "$PG_SOCK"
fi

port_in_use() {
    if command -v ss >/dev/null 2>&1; then
        ss -Hltn "sport = :$1" 2>/dev/null | grep -q .
    else
        (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
    fi
}

as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -E UTF8 --locale=C \
    --auth-local=trust --auth-host=scram-sha-256 >"$PG_DIR/initdb.log" 2>&1 ||
    { cat "$PG_DIR/initdb.log" >&2; exit 1; }

PORT=""
for try in $(seq 55432 55531); do
    port_in_use "$try" && continue
    as_pg tee -a "$PG_DATA/postgresql.conf" >/dev/null <<EOF

# --- scripts/test.sh: throwaway test cluster ---
listen_addresses = '127.0.0.1'
port = $try
unix_socket_directories = '$PG_SOCK'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 128MB
EOF
    if as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DIR/postgres.log" -w -t 60 start >/dev/null 2>&1; then
        PG_STARTED=1
        PORT="$try"
        break
    fi
    # Lost a race for the port (or another start failure): try the next one.
    log "PostgreSQL did not start on port $try"
    tail -n 5 "$PG_DIR/postgres.log" >&2 || true
done
[ -n "$PORT" ] || { log "could not start PostgreSQL on any port in 55432-55531"; exit 1; }

deadline=$((SECONDS + 60))
until as_pg "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; do
    [ "$SECONDS" -lt "$deadline" ] || { log "PostgreSQL not ready after 60 s"; exit 1; }
    sleep 0.5
done

as_pg "$PG_BIN/psql" -q -X -v ON_ERROR_STOP=1 -h "$PG_SOCK" -p "$PORT" -U postgres -d postgres >/dev/null <<'EOF'
CREATE ROLE qev LOGIN CREATEDB PASSWORD 'qev';
CREATE DATABASE qev_test OWNER qev;
EOF
log "PostgreSQL 15 ready on 127.0.0.1:$PORT (data: $PG_DATA)"

# --- 3. run the tests ---------------------------------------------------------
export QEV_TEST_POSTGRES="Host=127.0.0.1;Port=$PORT;Username=qev;Password=qev;Database=qev_test"
export QEV_TEST_SMTP_SINK="$SYS_PY $SINK"
export QEV_REQUIRE_SERVERS=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

cd "$REPO"
test_rc=0
dotnet test QeV.Worker.sln -c Release \
    --logger "trx;LogFilePrefix=results" \
    --results-directory "$RUN_DIR/results" "$@" || test_rc=$?

# --- 4. summary -----------------------------------------------------------------
summary="$("$SYS_PY" - "$RUN_DIR/results" <<'EOF'
import glob, os, sys, xml.etree.ElementTree as ET
files = glob.glob(os.path.join(sys.argv[1], "**", "*.trx"), recursive=True)
passed = failed = skipped = 0
for f in files:
    try:
        root = ET.parse(f).getroot()
    except ET.ParseError:
        failed += 1
        continue
    for c in root.iter():
        if c.tag.rsplit("}", 1)[-1] == "Counters":
            passed += int(c.get("passed", 0))
            failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
            # xunit skips show up as total - executed (notExecuted often stays 0).
            total, executed = int(c.get("total", 0)), int(c.get("executed", 0))
            skipped += max(int(c.get("notExecuted", 0)), total - executed)
if not files:
    failed = 1
line = f"{passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
print(1 if failed else 0)
EOF
)"
summary_line="$(printf '%s\n' "$summary" | sed -n 1p)"
any_failed="$(printf '%s\n' "$summary" | sed -n 2p)"

final_rc=0
if [ "$test_rc" -ne 0 ] || [ "$any_failed" != 0 ]; then
    final_rc=1
    [ "$test_rc" -eq 0 ] || log "dotnet test exited with $test_rc"
    if [ "$any_failed" = 0 ]; then
        # dotnet test failed although no TRX counts a failure (a project did not
        # build, or the test host crashed): let the summary say so too.
        summary_line="$(printf '%s\n' "$summary_line" | sed -E 's/ 0 failed/ 1 failed/')"
    fi
fi
# Stop everything before the summary so that the summary really is the last line
# (the EXIT trap stays armed but then has nothing left to do).
stop_services || true
echo "$summary_line"
exit "$final_rc"
