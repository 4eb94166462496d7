#!/usr/bin/env python3
"""What a Stryker.NET run has decided so far, read from its debug log (STRYKER_ARGS="-V debug -L").

    /usr/bin/python3 scripts/mutation-log.py .stryker/<part>/logs/log-<date>.txt

Stryker writes its report only at the end. Its debug log names every test session: the mutants tested together and
whether any test failed ("Test run for 12: Equality mutation, 40: String mutation is failed"). A session that took as
long as its time limit timed out: its mutants may be Timeouts (a hanging mutant counts as detected). A mutant that is not
tested again in the next session has its result. After a session without failing tests, that result is Survived; after
one with failing tests it is Killed for a mutant tested alone, and "killed or survived" for one tested in a group (the
log does not say which test failed for which mutant). The log names mutants by id and kind only; the report (or the
html report of a finished run) gives their place in the code.
"""
import re
import sys

TIMEOUT = re.compile(r'^(\S+)\s+\[DBG\] "Runner \d+": Using (\d+) ms as test run timeout')
SESSION = re.compile(r'^(\S+)\s+\[DBG\] "Runner \d+": Testing \["(.*)"\]')
RESULT = re.compile(r'^(\S+)\s+\[DBG\] Test run for "(.*)" is "(success|failed)"')
TOTAL = re.compile(r'\[INF\] (\d+)\s+total mutants will be tested')
MUTATING = re.compile(r'\[DBG\] Mutating "(.*)"')
CREATED = re.compile(r'\[DBG\] Mutant (\d+) created (.*) using "(?:Stryker\.Core\.Mutators\.)?(\w+)"', re.S)


def seconds(stamp):
    t = stamp.split('T')[1][:15]
    h, m, rest = t.split(':')
    return int(h) * 3600 + int(m) * 60 + float(rest)


limit = float('inf')


def names(text):
    return [m.strip() for m in text.split(',') if m.strip()]


def main(path):
    total = None
    global limit
    started = []  # (start, [mutants]) of every session begun, the last one possibly still running
    sessions = []  # (start, end, [mutants], result) of every session ended
    where = {}  # mutant id -> "file: original -> replacement (mutator)"
    current_file = '?'
    pending = None  # a "created" entry whose original text spans several lines
    for line in open(path, encoding='utf-8', errors='replace'):
        if pending is not None:
            if re.match(r'^\d{4}-\d\d-\d\dT', line):
                pending = None
            else:
                pending.append(line)
                if (m := CREATED.search(' '.join(pending))):
                    where[m.group(1)] = f'{current_file}: {" ".join(m.group(2).split())[:160]} ({m.group(3)})'
                    pending = None
                continue
        if (m := MUTATING.search(line)):
            current_file = m.group(1).split('/src/')[-1]
        elif '] Mutant ' in line and ' created ' in line:
            if (m := CREATED.search(line)):
                where[m.group(1)] = f'{current_file}: {" ".join(m.group(2).split())[:160]} ({m.group(3)})'
            else:
                pending = [line.rstrip('\n')]
        elif (m := TOTAL.search(line)):
            total = int(m.group(1))
        elif (m := SESSION.match(line)):
            started.append((m.group(1), names(m.group(2))))
        elif (m := TIMEOUT.match(line)):
            limit = int(m.group(2)) / 1000
        elif (m := RESULT.match(line)):
            begun = started[-1][0] if started else None
            result = m.group(3)
            if begun and result == 'success' and seconds(m.group(1)) - seconds(begun) >= limit:
                result = 'timeout'  # the session ran into its time limit: a hanging mutant is a Timeout, not a survivor
            sessions.append((begun or '-', m.group(1), names(m.group(2)), result))

    decided = {}
    for i, (_, end, mutants, result) in enumerate(sessions):
        following = started[i + 1][1] if i + 1 < len(started) else []
        retried = set(following) if following and set(following) <= set(mutants) else set()
        for mutant in mutants:
            if mutant in retried:
                continue
            if result == 'success':
                decided[mutant] = 'Survived'
            elif result == 'timeout':
                decided[mutant] = 'Survived or timed out (session hit its limit)'
            else:
                decided[mutant] = 'Killed' if len(mutants) == 1 else 'Killed or survived (tested in a group)'

    counts = {}
    for status in decided.values():
        counts[status] = counts.get(status, 0) + 1
    first, last = (sessions[0][0], sessions[-1][1]) if sessions else ('-', '-')
    print(f'{len(sessions)} test sessions from {first} to {last}; {len(decided)} of {total if total is not None else "?"} mutants decided: '
          + ', '.join(f'{v} {k}' for k, v in sorted(counts.items())))
    for mutant, status in sorted(decided.items(), key=lambda x: int(x[0].split(':')[0])):
        print(f'{status:40} {mutant}  {where.get(mutant.split(":")[0], "")}')


if __name__ == '__main__':
    main(sys.argv[1])
