#!/usr/bin/env bash
# Mutation testing with Stryker.NET (a local dotnet tool, .config/dotnet-tools.json): changes the product code one
# small step at a time and reports every change no test noticed. Not part of CI; see docs/testing.md.
#
#   scripts/mutation.sh [domain|worker|guards|all] [FOLDER...]   (default: all)
#
#   domain: src/QeV.Domain/Rules/**            with tests/QeV.Domain.Tests (pure tests, no servers)
#   worker: src/QeV.Worker/{Ledger,Dispatch,Scheduling}/** (Dispatch without Rendering/ and Ics/) with the guard,
#           dispatch, cycle and in-process delivery tests (WORKER_FILTER below) on SQLite plus the PostgreSQL row-lock test (the tests
#           start their PostgreSQL and SMTP sink themselves, as under scripts/test.sh).
#           With FOLDER names (Ledger, Dispatch, Scheduling) only those folders are mutated, e.g.
#           `scripts/mutation.sh worker Ledger Scheduling`; the report goes to $STRYKER_OUT/worker-Ledger-Scheduling.
#   guards: the quick subset of "worker": Ledger/NoticeLedger.cs and Scheduling/CatchUpOnStart.cs against the
#           tests in Guards/ only (SQLite plus the PostgreSQL row-lock test).
# Environment: STRYKER_CONCURRENCY (default 1: the machines are shared), STRYKER_OUT (default <repo>/.stryker),
# STRYKER_ARGS (more Stryker options, e.g. "-V debug -L": every mutant's result goes to $STRYKER_OUT/<part>/logs while it
# runs, so a run stopped early still tells what it tested).
# Reports: $STRYKER_OUT/<part>/reports/mutation-report.{html,json}; a summary of survivors is printed at the end.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${STRYKER_OUT:-$REPO/.stryker}"
CONCURRENCY="${STRYKER_CONCURRENCY:-1}"
PART="${1:-all}"
[ "$#" -gt 0 ] && shift
FOLDERS=("$@")

cd "$REPO"
dotnet tool restore >/dev/null

config() {
    # $1 part, $2 project, $3 test-case filter, rest: mutate globs
    local part="$1" project="$2" filter="$3"
    shift 3
    mkdir -p "$OUT/$part"
    /usr/bin/python3 - "$OUT/$part/stryker-config.json" "$project" "$filter" "$CONCURRENCY" "$@" <<'PY'
import json, sys
path, project, filt, concurrency, *mutate = sys.argv[1:]
cfg = {"stryker-config": {
    "project": project,
    "mutate": mutate,
    "concurrency": int(concurrency),
    "configuration": "Release",
    "coverage-analysis": "perTest",
    "reporters": ["html", "json", "progress", "cleartext"],
    "thresholds": {"high": 80, "low": 60, "break": 0},
    "additional-timeout": 10000,
    # log calls: their template and arguments only reach the log, no test reads them there
    "ignore-methods": ["*LogInformation", "*LogWarning", "*LogError", "*LogDebug", "*LogTrace"],
}}
if filt:
    cfg["stryker-config"]["test-case-filter"] = filt
json.dump(cfg, open(path, "w"), indent=2)
PY
}

summary() {
    /usr/bin/python3 - "$1" <<'PY'
import json, sys, collections
report = json.load(open(sys.argv[1]))
states = collections.Counter()
survivors = []
for name, f in sorted(report["files"].items()):
    for m in f["mutants"]:
        states[m["status"]] += 1
        if m["status"] in ("Survived", "NoCoverage"):
            survivors.append(f'{m["status"]:10} {name.split("/src/")[-1]}:{m["location"]["start"]["line"]} {m["mutatorName"]}: {m.get("replacement", "")[:90]}')
killed = states["Killed"] + states["Timeout"]
valid = killed + states["Survived"] + states["NoCoverage"]
print(f"score {100 * killed / max(valid, 1):.1f} % ({killed} killed or timed out of {valid}; " + ", ".join(f"{k} {v}" for k, v in sorted(states.items())) + ")")
print("\n".join(survivors))
PY
}

run_domain() {
    config domain QeV.Domain.csproj "" "**/Rules/**/*.cs"
    (cd tests/QeV.Domain.Tests && dotnet tool run dotnet-stryker -- -f "$OUT/domain/stryker-config.json" -O "$OUT/domain")
    summary "$OUT/domain/reports/mutation-report.json"
}

# The in-process tests of the ledger, the dispatch and the schedules, on SQLite, plus the PostgreSQL row-lock test.
# Left out on purpose: the process tests (qev started as a child process: *ProcessTests, CrashWindowTests,
# MultiInstanceTests, EndToEnd), which run for minutes each and would make a single mutant cost that long, and the
# PostgreSQL cases of the parity theories, which repeat the SQLite case on the same code path.
WORKER_FILTER="((FullyQualifiedName~QeV.Worker.Tests.Guards|FullyQualifiedName~DispatchSmtpTests|FullyQualifiedName~NotificationCycleTests|FullyQualifiedName~DeliveryFaultTests|FullyQualifiedName~BundlingTests|FullyQualifiedName~LedgerWriteRetryTests|FullyQualifiedName~QeV.Worker.Tests.Dispatch.Claims|FullyQualifiedName~QeV.Worker.Tests.Dispatch.Tallies|FullyQualifiedName~QeV.Worker.Tests.Dispatch.GroupCommit|FullyQualifiedName~QeV.Worker.Tests.Dispatch.Breaker|FullyQualifiedName~QeV.Worker.Tests.Dispatch.Grouping|FullyQualifiedName~QeV.Worker.Tests.Scheduling)&DisplayName!~Postgres)|FullyQualifiedName~RowLockTests"

run_worker() {
    local name=worker globs=() folder
    [ "${#FOLDERS[@]}" -gt 0 ] && name="worker-$(IFS=-; echo "${FOLDERS[*]}" | tr '/.' '__')" || FOLDERS=(Ledger Dispatch Scheduling)
    for folder in "${FOLDERS[@]}"; do
        case "$folder" in
            Ledger | Scheduling) globs+=("**/$folder/**/*.cs") ;;
            Dispatch) globs+=("**/Dispatch/*.cs") ;; # without Rendering/ and Ics/, see docs/testing.md
            Ledger/*.cs | Scheduling/*.cs | Dispatch/*.cs) [ -f "src/QeV.Worker/$folder" ] || { echo "no such file: src/QeV.Worker/$folder" >&2; exit 2; }
                globs+=("**/$folder") ;; # one file, e.g. Dispatch/NoticeDispatcher.cs
            *) echo "unknown folder for worker: $folder (Ledger, Dispatch, Scheduling or one file in them)" >&2; exit 2 ;;
        esac
    done
    config "$name" QeV.Worker.csproj "$WORKER_FILTER" "${globs[@]}"
    (cd tests/QeV.Worker.Tests && dotnet tool run dotnet-stryker -- -f "$OUT/$name/stryker-config.json" -O "$OUT/$name" ${STRYKER_ARGS:-})
    summary "$OUT/$name/reports/mutation-report.json"
}

run_guards() {
    config guards QeV.Worker.csproj \
        "(FullyQualifiedName~QeV.Worker.Tests.Guards&DisplayName!~Postgres)|FullyQualifiedName~RowLockTests" \
        "**/Ledger/NoticeLedger.cs" "**/Scheduling/CatchUpOnStart.cs"
    (cd tests/QeV.Worker.Tests && dotnet tool run dotnet-stryker -- -f "$OUT/guards/stryker-config.json" -O "$OUT/guards")
    summary "$OUT/guards/reports/mutation-report.json"
}

case "$PART" in
    domain) run_domain ;;
    worker) run_worker ;;
    guards) run_guards ;;
    all) run_domain; run_worker ;;
    *) echo "usage: scripts/mutation.sh [domain|worker|guards|all] [FOLDER...]" >&2; exit 2 ;;
esac
