#!/usr/bin/python3
"""SMTP sink for the QeV.Worker tests: a real SMTP server (aiosmtpd) that
stores every accepted message and can be told to fail on purpose.

Usage:
    /usr/bin/python3 sink.py --host 127.0.0.1 --port N --maildir DIR [--script FILE]
        [--tls-cert PEM --tls-key PEM [--implicit-tls]] [--auth-user U --auth-password P]

--tls-cert/--tls-key offer STARTTLS with that certificate; with --implicit-tls
the port speaks TLS from the first byte instead (SMTPS, as on 465).
--auth-user/--auth-password offer AUTH PLAIN and LOGIN (only over TLS) and
require it before MAIL FROM: a wrong password gets "535 5.7.8 Authentication
credentials invalid", no login "530 5.7.0 Authentication required".

--port 0 picks a free port; the chosen one is printed. Once listening, the
sink prints "READY <port>" on stdout (flushed). SIGTERM/SIGINT stop it with
exit code 0.

Every accepted message is stored atomically (temp file, then rename) as
DIR/<counter>-<random>.eml holding the raw bytes of the DATA exactly as
received (CRLF line ends, dot-unstuffed). Beside it, DIR/<same>.json holds the
envelope: {"mail_from", "rcpt_tos", "mail_options", "rcpt_options", "peer",
"received_at", "size", "reply"}; it is in place before the .eml appears.

Behaviour script (optional JSON, re-read on every transaction, so a test may
rewrite it while the sink runs; write it atomically):
    {
      "rules": [
        {"match_rcpt": "tempfail@", "reply": "451 4.3.0 Try again later", "times": 2},
        {"match_rcpt": "reject@",   "reply": "550 5.1.1 User unknown"},
        {"match_rcpt": "",          "reply": "421 4.3.2 Shutting down"}
      ],
      "default": "250 OK"
    }
- Rules are tried in order at DATA time. A rule matches when its "match_rcpt"
  substring (case-insensitive) occurs in any RCPT TO address; "" or a missing
  "match_rcpt" matches every transaction. The first matching rule answers the
  DATA with its "reply".
- "times": N makes a rule apply to only N transactions (counted in memory per
  rule index for the life of the process; the count resets if the script's
  "rules" list changes).
- Optional per rule: "stage": "rcpt" answers the RCPT TO command for a matching
  address instead of the DATA (other recipients stay accepted);
  "delay": seconds to wait before replying (for timeout tests).
- Top-level "all": "421 ..." is shorthand for a first rule matching everything.
- Without a matching rule the reply is "default" (250 OK if absent).
- Whenever the final DATA reply is 2xx the message is stored; a 421 reply also
  closes the connection, as a real server would.
"""

import argparse
import asyncio
import datetime
import json
import os
import re
import secrets
import signal
import ssl
import sys

from aiosmtpd.smtp import SMTP, AuthResult

DEFAULT_REPLY = "250 OK"
REPLY_RE = re.compile(r"^[2-5]\d\d[ -]")


def log(msg):
    print(f"[smtp-sink] {msg}", file=sys.stderr, flush=True)


class ScriptedHandler:
    def __init__(self, maildir, script_path):
        self.maildir = maildir
        self.script_path = script_path
        self.rule_hits = {}  # rule index -> how often it applied
        self.rules_key = None  # the "rules" list the counts belong to
        self.counter = self._highest_counter()

    def _highest_counter(self):
        highest = 0
        for name in os.listdir(self.maildir):
            head = name.split("-", 1)[0]
            if name.endswith(".eml") and head.isdigit():
                highest = max(highest, int(head))
        return highest

    # -- behaviour script -------------------------------------------------
    def _load_script(self):
        if not self.script_path:
            return {}
        try:
            with open(self.script_path, "r", encoding="utf-8") as f:
                script = json.load(f)
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as e:
            log(f"cannot read script {self.script_path}: {e}; accepting")
            return {}
        return script if isinstance(script, dict) else {}

    def _rules(self, script):
        rules = [r for r in script.get("rules", []) if isinstance(r, dict)]
        key = json.dumps(rules, sort_keys=True)
        if key != self.rules_key:
            self.rules_key = key
            self.rule_hits = {}
        if script.get("all"):
            rules = [{"match_rcpt": "", "reply": script["all"], "_all": True}] + rules
        return rules

    def _pick(self, script, stage, rcpts):
        """First rule of this stage matching any of rcpts that still has uses left."""
        offset = 1 if script.get("all") else 0
        for i, rule in enumerate(self._rules(script)):
            if rule.get("stage", "data") != stage:
                continue
            needle = str(rule.get("match_rcpt", "")).lower()
            if not any(needle in r.lower() for r in rcpts):
                continue
            if rule.get("_all"):
                return rule
            idx = i - offset
            times = rule.get("times")
            if times is not None and self.rule_hits.get(idx, 0) >= int(times):
                continue
            self.rule_hits[idx] = self.rule_hits.get(idx, 0) + 1
            return rule
        return None

    @staticmethod
    def _reply_of(rule, fallback):
        reply = str(rule.get("reply", fallback)) if rule else fallback
        if not REPLY_RE.match(reply + " "):
            log(f"bad reply {reply!r} in script; using 451")
            reply = "451 4.3.0 Bad reply in sink script"
        return reply

    async def _finish(self, server, rule, reply):
        delay = float(rule.get("delay", 0)) if rule else 0.0
        if delay > 0:
            await asyncio.sleep(delay)
        if reply.startswith("421"):
            # 421 means the server closes the transmission channel; close it
            # right after the reply has been written.
            asyncio.get_running_loop().call_later(0.05, server.transport.close)
        return reply

    # -- SMTP hooks -------------------------------------------------------
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        script = self._load_script()
        rule = self._pick(script, "rcpt", [address])
        if rule is None:
            envelope.rcpt_tos.append(address)
            envelope.rcpt_options.extend(rcpt_options)
            return "250 OK"
        reply = self._reply_of(rule, "250 OK")
        if reply.startswith("2"):
            envelope.rcpt_tos.append(address)
            envelope.rcpt_options.extend(rcpt_options)
        log(f"RCPT {address} -> {reply}")
        return await self._finish(server, rule, reply)

    async def handle_DATA(self, server, session, envelope):
        script = self._load_script()
        rule = self._pick(script, "data", envelope.rcpt_tos)
        reply = self._reply_of(rule, str(script.get("default", DEFAULT_REPLY)))
        if reply.startswith("2"):
            name = self._store(session, envelope, reply)
            log(f"stored {name} from {envelope.mail_from} to {envelope.rcpt_tos}")
        else:
            log(f"DATA from {envelope.mail_from} to {envelope.rcpt_tos} -> {reply}")
        return await self._finish(server, rule, reply)

    # -- storage ----------------------------------------------------------
    def _write_atomic(self, path, data):
        tmp = os.path.join(self.maildir, f".tmp-{secrets.token_hex(8)}")
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)

    def _store(self, session, envelope, reply):
        self.counter += 1
        base = f"{self.counter:06d}-{secrets.token_hex(4)}"
        raw = envelope.original_content or b""
        meta = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": list(envelope.rcpt_tos),
            "mail_options": list(envelope.mail_options),
            "rcpt_options": list(envelope.rcpt_options),
            "peer": list(session.peer) if session.peer else None,
            "received_at": datetime.datetime.now(datetime.timezone.utc).isoformat(),
            "size": len(raw),
            "reply": reply,
        }
        self._write_atomic(
            os.path.join(self.maildir, base + ".json"),
            json.dumps(meta, indent=2).encode("utf-8"),
        )
        self._write_atomic(os.path.join(self.maildir, base + ".eml"), raw)
        return base + ".eml"


async def serve(args):
    os.makedirs(args.maildir, exist_ok=True)
    handler = ScriptedHandler(args.maildir, args.script)
    loop = asyncio.get_running_loop()

    context = None
    if args.tls_cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.tls_cert, args.tls_key)

    def authenticator(server, session, envelope, mechanism, auth_data):
        login = getattr(auth_data, "login", b"") or b""
        password = getattr(auth_data, "password", b"") or b""
        ok = login.decode("utf-8", "replace") == args.auth_user and password.decode("utf-8", "replace") == args.auth_password
        log(f"AUTH {mechanism} {login.decode('utf-8', 'replace')} {'accepted' if ok else 'refused'}")
        return AuthResult(success=ok, handled=False)

    def factory():
        options = {}
        if context is not None and not args.implicit_tls:
            options.update(tls_context=context, require_starttls=False)
        if args.auth_user:
            # aiosmtpd counts only STARTTLS as TLS; an implicit-TLS port is TLS from the first byte anyway.
            options.update(authenticator=authenticator, auth_required=True, auth_require_tls=not args.implicit_tls)
        return SMTP(
            handler,
            hostname="qev-smtp-sink",  # avoids a slow getfqdn() lookup
            enable_SMTPUTF8=True,
            decode_data=False,
            data_size_limit=64 * 1024 * 1024,
            loop=loop,
            **options,
        )

    server = await loop.create_server(
        factory, host=args.host, port=args.port, ssl=context if args.implicit_tls else None)
    port = server.sockets[0].getsockname()[1]

    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)

    print(f"READY {port}", flush=True)
    log(f"listening on {args.host}:{port}, maildir {args.maildir}, script {args.script}")
    await stop.wait()
    server.close()
    try:
        await asyncio.wait_for(server.wait_closed(), timeout=2)
    except asyncio.TimeoutError:
        pass
    log("stopped")


def main():
    p = argparse.ArgumentParser(description="SMTP sink for QeV.Worker tests")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, required=True, help="0 picks a free port")
    p.add_argument("--maildir", required=True)
    p.add_argument("--script", default=None, help="behaviour script (JSON), re-read per transaction")
    p.add_argument("--tls-cert", default=None, help="PEM certificate: offer STARTTLS (or implicit TLS)")
    p.add_argument("--tls-key", default=None, help="PEM private key of --tls-cert")
    p.add_argument("--implicit-tls", action="store_true", help="TLS from the first byte (SMTPS)")
    p.add_argument("--auth-user", default=None, help="require AUTH PLAIN/LOGIN with this user")
    p.add_argument("--auth-password", default=None)
    args = p.parse_args()
    if bool(args.tls_cert) != bool(args.tls_key) or (args.implicit_tls and not args.tls_cert):
        p.error("--tls-cert and --tls-key go together; --implicit-tls needs them")
    if bool(args.auth_user) != (args.auth_password is not None):
        p.error("--auth-user and --auth-password go together")
    try:
        asyncio.run(serve(args))
    except OSError as e:
        log(f"cannot listen on {args.host}:{args.port}: {e}")
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
