#!/usr/bin/env python3
"""Console benchmark: the owner's console's page weight, and the time to approve 1,000 pending
pings in bulk through it, against `trackway pings approve` of the same ids in the same run.

Usage: Benchmarks/console-bench.py --binary PATH [--pings N] [--rounds R]
       (e.g. --binary .build/release/trackway; default 1,000 pings, 3 rounds)

Standard library only. It writes a WXR export of one post with N pending pings (trackbacks,
pingbacks and webmentions in turn, through make-discussed-post.py's writer), imports it with
`trackway import`, and sets the console's password with `trackway admin set-password`. Then:

- page weight: the pending queue's first page (50 rows) as HTML, plus console.css, the console's
  one other asset (it has no script), in KB as served (no compression);
- each round, on a fresh copy of that database: `trackway serve`, a login (urllib with a cookie
  jar), and one POST /trackway/admin/actions approving all N ids, timed from the request to its
  303 answer (the queue page it redirects to is not fetched); then `trackway pings approve` of
  the same ids on another fresh copy, timed from the start of the process to its exit. Both are
  checked afterwards: N pings approved in each database. A last run approves one id with the
  CLI: what starting the process and opening the database cost of its figure.

It prints the best and the median of each, and the ratio console/CLI (best/best, and the median
of the per-round ratios).
"""
import argparse
import html.parser
import http.cookiejar
import importlib.util
import os
import re
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

sys.dont_write_bytecode = True  # make-discussed-post.py is loaded as a module: no __pycache__ beside it
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PASSWORD = "console bench password"
PING_KINDS = "kind IN ('trackback', 'pingback', 'webmention')"


def discussed_post_writer():
    """Benchmarks/make-discussed-post.py as a module (its name has hyphens)."""
    spec = importlib.util.spec_from_file_location("make_discussed_post", os.path.join(ROOT, "Benchmarks", "make-discussed-post.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_export(path, count):
    writer = discussed_post_writer()
    comments = []
    for n in range(1, count + 1):
        kind = ("trackback", "pingback", "webmention")[n % 3]
        content = (f"<strong>Citing post {n}</strong>\n\nAn excerpt of the citing post {n}, as TrackBack sends it."
                   if kind == "trackback" else f"[&#8230;] as the discussed post says, the tides were high ({n}) [&#8230;]")
        comments.append(writer.comment(n, kind, f"Citing blog {n}", f"https://blog{n}.example/2026/04/answer/", content, approved="0"))
    with open(path, "w", encoding="utf-8") as file:
        file.write(writer.document(comments))


def run(argv, stdin=b""):
    result = subprocess.run(argv, input=stdin, capture_output=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(argv[:4])} ... failed ({result.returncode}): {result.stderr.decode(errors='replace').strip()}")
    return result


def pending_ids(db):
    with sqlite3.connect(db) as connection:
        return [row[0] for row in connection.execute(f"SELECT id FROM comments WHERE {PING_KINDS} AND status = 'pending' ORDER BY id")]


def approved_count(db):
    with sqlite3.connect(db) as connection:
        return connection.execute(f"SELECT count(*) FROM comments WHERE {PING_KINDS} AND status = 'approved'").fetchone()[0]


class Server:
    """`trackway serve` on a port the system picks, stopped by stop()."""

    def __init__(self, binary, db, log):
        self.log = log
        with open(log, "wb") as output:
            self.process = subprocess.Popen([binary, "serve", "--db", db, "--port", "0", "--quiet"], stdout=output, stderr=output)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and self.process.poll() is None:
            with open(log, encoding="utf-8", errors="replace") as text:
                match = re.search(r"serving .* on http://127\.0\.0\.1:(\d+)", text.read())
            if match:
                self.base = f"http://127.0.0.1:{match.group(1)}"
                return
            time.sleep(0.05)
        self.stop()
        sys.exit(f"trackway serve did not start: {open(log, encoding='utf-8', errors='replace').read()}")

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class CSRFField(html.parser.HTMLParser):
    """The value of the first `<input name="csrf">` of a page."""

    def __init__(self):
        super().__init__()
        self.value = None

    def handle_starttag(self, tag, attrs):
        fields = dict(attrs)
        if tag == "input" and fields.get("name") == "csrf" and self.value is None:
            self.value = fields.get("value")


def csrf(page):
    parser = CSRFField()
    parser.feed(page)
    if not parser.value:
        sys.exit("no csrf field in the console's page")
    return parser.value


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *arguments):
        return None


class Console:
    """A signed-in browser-less owner: urllib with a cookie jar."""

    def __init__(self, base):
        self.base = base
        jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        self.direct = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
        login = self.get("/trackway/admin/login").decode()
        answer = self.post("/trackway/admin/login", [("password", PASSWORD), ("csrf", csrf(login))], follow=True)
        if "id=\"logout\"" not in answer.read().decode():
            sys.exit("could not sign in to the console")

    def get(self, path):
        with self.opener.open(self.base + path) as answer:
            return answer.read()

    def post(self, path, fields, follow=False):
        body = urllib.parse.urlencode(fields).encode()
        opener = self.opener if follow else self.direct
        try:
            return opener.open(urllib.request.Request(self.base + path, data=body))
        except urllib.error.HTTPError as answer:
            # Without redirects followed, the 303 arrives as an HTTPError.
            if answer.code == 303 and not follow:
                return answer
            raise


def page_weight(console):
    page = console.get("/trackway/admin/?status=pending")
    rows = page.count(b'<tr class="ping"')
    stylesheet = console.get("/trackway/admin/console.css")
    return len(page), len(stylesheet), rows


def approve_through_console(binary, db, ids, work, measure_weight):
    """The seconds one POST approving `ids` takes; with measure_weight, the page weight too."""
    server = Server(binary, db, os.path.join(work, "serve.log"))
    try:
        console = Console(server.base)
        weight = page_weight(console) if measure_weight else None
        token = csrf(console.get("/trackway/admin/").decode())
        fields = [("csrf", token), ("action", "approve"), ("return", "/trackway/admin/")] + [("ids", str(i)) for i in ids]
        start = time.perf_counter()
        answer = console.post("/trackway/admin/actions", fields)
        answer.read()
        seconds = time.perf_counter() - start
        if answer.getcode() != 303:
            sys.exit(f"the console answered {answer.getcode()} to the bulk approval")
        return seconds, weight
    finally:
        server.stop()


def approve_through_cli(binary, db, ids):
    start = time.perf_counter()
    run([binary, "pings", "approve", "--db", db] + [str(i) for i in ids])
    return time.perf_counter() - start


def fresh_copy(source, target):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(target + suffix):
            os.remove(target + suffix)
    shutil.copyfile(source, target)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", required=True, help="the trackway executable (a release build)")
    parser.add_argument("--pings", type=int, default=1000, help="pending pings to approve (default 1000)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of each (default 3)")
    arguments = parser.parse_args()
    binary = os.path.abspath(arguments.binary)

    with tempfile.TemporaryDirectory(prefix="console-bench-") as work:
        export, base = os.path.join(work, "pending.xml"), os.path.join(work, "base.sqlite")
        write_export(export, arguments.pings)
        run([binary, "import", "--db", base, export])
        run([binary, "admin", "set-password", "--db", base], stdin=(PASSWORD + "\n").encode())
        # One file, with nothing left in a write-ahead log, to copy for every round.
        with sqlite3.connect(base) as connection:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        ids = pending_ids(base)
        if len(ids) != arguments.pings:
            sys.exit(f"expected {arguments.pings} pending pings after the import, found {len(ids)}")

        console_times, cli_times, cli_one_times, weight = [], [], [], None
        for round_number in range(arguments.rounds):
            db = os.path.join(work, "console.sqlite")
            fresh_copy(base, db)
            seconds, measured = approve_through_console(binary, db, ids, work, measure_weight=round_number == 0)
            weight = measured or weight
            if approved_count(db) != len(ids):
                sys.exit(f"the console approved {approved_count(db)} of {len(ids)} pings")
            console_times.append(seconds)
            db = os.path.join(work, "cli.sqlite")
            fresh_copy(base, db)
            cli_times.append(approve_through_cli(binary, db, ids))
            if approved_count(db) != len(ids):
                sys.exit(f"the CLI approved {approved_count(db)} of {len(ids)} pings")
            fresh_copy(base, db)
            cli_one_times.append(approve_through_cli(binary, db, ids[:1]))

    page, stylesheet, rows = weight
    print(f"{binary}, {arguments.pings} pending pings, {arguments.rounds} rounds")
    print(f"page weight: queue page ({rows} rows) {page / 1024:.1f} KB + console.css {stylesheet / 1024:.1f} KB "
          f"= {(page + stylesheet) / 1024:.1f} KB, no script")
    print(f"approve {len(ids)} in bulk: console (one POST) best {min(console_times) * 1000:.0f} ms, "
          f"median {statistics.median(console_times) * 1000:.0f} ms")
    print(f"approve {len(ids)}: trackway pings approve (process) best {min(cli_times) * 1000:.0f} ms, "
          f"median {statistics.median(cli_times) * 1000:.0f} ms")
    print(f"approve 1: trackway pings approve (process) best {min(cli_one_times) * 1000:.0f} ms, "
          f"median {statistics.median(cli_one_times) * 1000:.0f} ms (the process's own cost)")
    ratios = [c / p for c, p in zip(console_times, cli_times)]
    print(f"console/CLI: {min(console_times) / min(cli_times):.2f}x best/best, {statistics.median(ratios):.2f}x median of rounds")


if __name__ == "__main__":
    main()
