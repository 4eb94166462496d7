#!/usr/bin/env bash
# Runs the whole test suite on a fresh Debian 12 machine: installs PostgreSQL 15 and aiosmtpd if missing, runs
# `dotnet test` (the tests start their PostgreSQL and SMTP sink themselves, see
# tests/QeV.Worker.Tests/Support/Fixtures), and prints "N passed, N failed[, N skipped]" as the last line.
# Extra arguments are passed on to `dotnet test` (e.g. --filter ...).
# Environment: QEV_TEST_RUN_DIR (default <repo>/.test-run) holds the TRX results; QEV_TEST_POSTGRES, when set, is
# the server the tests use instead of starting one.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN_DIR="${QEV_TEST_RUN_DIR:-$REPO/.test-run}"
SYS_PY=/usr/bin/python3

log() { printf '[test.sh] %s\n' "$*" >&2; }

# --- 1. install what is missing ---------------------------------------------
have_deps() {
    [ -x /usr/lib/postgresql/15/bin/pg_ctl ] && [ -x /usr/lib/postgresql/15/bin/initdb ] &&
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

# --- 2. run the tests ---------------------------------------------------------
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
mkdir -p "$RUN_DIR"
RESULTS="$(cd "$RUN_DIR" && pwd)/results"
rm -rf "$RESULTS"

cd "$REPO"
test_rc=0
dotnet test QeV.Worker.sln -c Release --logger "trx;LogFilePrefix=results" --results-directory "$RESULTS" "$@" || test_rc=$?

# --- 3. summary from the TRX files ------------------------------------------------
summary="$("$SYS_PY" - "$RESULTS" <<'EOF'
import glob, os, sys, xml.etree.ElementTree as ET
files = glob.glob(os.path.join(sys.argv[1], "**", "*.trx"), recursive=True)
passed = failed = skipped = 0
reasons = {}
for f in files:
    try:
        root = ET.parse(f).getroot()
    except ET.ParseError:
        failed += 1
        continue
    for c in root.iter():
        if c.tag.rsplit("}", 1)[-1] == "UnitTestResult" and c.get("outcome") == "NotExecuted":
            message = next((m.text for m in c.iter() if m.tag.rsplit("}", 1)[-1] == "Message" and m.text), "ohne Grund")
            reasons[message.strip()] = reasons.get(message.strip(), 0) + 1
        if c.tag.rsplit("}", 1)[-1] == "Counters":
            passed += int(c.get("passed", 0))
            failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
            # xunit skips show up as total - executed (notExecuted often stays 0).
            total, executed = int(c.get("total", 0)), int(c.get("executed", 0))
            skipped += max(int(c.get("notExecuted", 0)), total - executed)
if not files:
    failed = 1
# Why tests were skipped (only SQL Server's may be, where no server can run), once per reason, before the summary.
for message, count in sorted(reasons.items()):
    print(f"[test.sh] {count} übersprungen: {message}", file=sys.stderr)
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
        # dotnet test failed although no TRX counts a failure (a project did not build, or the test host crashed):
        # let the summary say so too.
        summary_line="$(printf '%s\n' "$summary_line" | sed -E 's/ 0 failed/ 1 failed/')"
    fi
fi
echo "$summary_line"
exit "$final_rc"
