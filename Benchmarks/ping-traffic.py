#!/usr/bin/env python3
"""Drives a running `trackway serve` with pingbacks, trackbacks, GETs and garbage from several
client threads, and plays the citing site the gateway fetches to verify the pings.

Usage: ping-traffic.py --server http://127.0.0.1:PORT --post URL [--post URL ...] [options]

Every ping has its own source URL on the citing site (tagged with --run), so none is a duplicate
of another and each can be looked up in the database afterwards. Writes one JSON line per request
to --log (kind, target, source, HTTP status, whether the answer was a success, whether the
connection was refused) and prints a report;
with --db it compares the stored rows of this run with the success answers, and with --server-pid it
samples the server's resident memory. Used by Benchmarks/soak.sh and by the server kill -9 test.
Exits 1 when a check failed (a 5xx answer, a transport error, a success answer not stored, a ping
stored twice); --allow-errors accepts transport errors (the kill test kills the server on purpose).
"""
import argparse
import html
import http.client
import itertools
import json
import os
import socket
import sqlite3
import sys
import threading
import time
import urllib.parse
import uuid
import xmlrpc.client
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

GARBAGE = [
    # (method, path suffix or None for the XML-RPC endpoint, content type, body)
    ("POST", None, "text/xml", b"\x00\xff\xfe not xml at all <<<"),
    ("POST", None, "text/xml", b"<?xml version='1.0'?><methodCall><methodName>pingback.ping</methodName><params><param>"),
    ("POST", None, "text/xml", b"<?xml version='1.0'?><methodCall><methodName>no.such.method</methodName></methodCall>"),
    ("POST", None, "text/xml", b"<?xml version='1.0'?><methodCall><methodName>pingback.ping</methodName><params>"
                               b"<param><value><int>7</int></value></param></params></methodCall>"),
    ("POST", "trackback/", "application/x-www-form-urlencoded", b"title=no+url&excerpt=%ZZ%00"),
    ("POST", "trackback/", "application/x-www-form-urlencoded; charset=utf-7", b"url=http%3A%2F%2Fx.example%2F&title=%2BAGE-"),
    ("PUT", "trackback/", "text/plain", b"\x89PNG\r\n\x1a\n"),
    ("GET", "/%ff%fe/../../etc/passwd", None, None),
    ("RAW", None, None, b"HELLO \x00\x01\x02 THIS IS NOT HTTP\r\n\r\n"),
]
GETS = ["post", "rsd", "rss", "missing"]


class CitingSite(BaseHTTPRequestHandler):
    """Answers /cite?to=URL&... with a page that links to URL."""

    def do_GET(self):
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
        target = query.get("to", [""])[0]
        if not target:
            self.send_error(404)
            return
        page = (f"<html><head><title>Citing page {html.escape(query.get('n', ['?'])[0])}</title></head><body>"
                f"<p>As <a href=\"{html.escape(target)}\">this post</a> says, the tide was high.</p></body></html>").encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(page)))
        self.end_headers()
        self.wfile.write(page)

    def log_message(self, *args):
        pass


class Traffic:
    def __init__(self, options):
        self.options = options
        self.server = urllib.parse.urlsplit(options.server)
        kinds = []
        for part in options.mix.split(","):
            name, _, weight = part.partition("=")
            kinds += [name.strip()] * int(weight or 1)
        self.kinds = kinds
        self.lock = threading.Lock()
        self.slots = itertools.count()
        self.log = open(options.log, "w") if options.log else None
        self.results = []
        self.rss_kb = []
        self.started = time.monotonic()
        self.stop = threading.Event()
        site = ThreadingHTTPServer(("127.0.0.1", 0), CitingSite)
        site.daemon_threads = True
        self.site = f"http://127.0.0.1:{site.server_address[1]}"
        threading.Thread(target=site.serve_forever, daemon=True).start()

    # Pacing: slot n starts at start + n / rate, whichever thread takes it.
    def next_slot(self):
        slot = next(self.slots)
        if self.options.count and slot >= self.options.count:
            return None
        if self.options.rate > 0:
            delay = self.started + slot / self.options.rate - time.monotonic()
            if delay > 0:
                self.stop.wait(delay)
        return None if self.should_stop() else slot

    def should_stop(self):
        if self.stop.is_set():
            return True
        if self.options.duration and time.monotonic() - self.started >= self.options.duration:
            return True
        if self.options.stop_file and os.path.exists(self.options.stop_file):
            return True
        return False

    def client(self):
        connection = None
        while (slot := self.next_slot()) is not None:
            kind = self.kinds[slot % len(self.kinds)]
            post = self.options.post[(slot // len(self.kinds)) % len(self.options.post)]
            record = {"n": slot, "kind": kind, "post": post, "source": None, "status": None, "ok": False, "error": None, "refused": False}
            try:
                if connection is None:
                    connection = http.client.HTTPConnection(self.server.hostname, self.server.port, timeout=self.options.timeout)
                keep = getattr(self, kind)(connection, slot, post, record)
            except (OSError, http.client.HTTPException) as error:
                record["error"] = f"{type(error).__name__}: {error}"
                # Refused: the request never reached a server (it is down); anything else may have.
                record["refused"] = isinstance(error, ConnectionRefusedError)
                keep = False
            if not keep and connection is not None:
                connection.close()
                connection = None
            with self.lock:
                self.results.append(record)
                if self.log:
                    self.log.write(json.dumps(record) + "\n")
                    self.log.flush()
            if record["refused"]:
                self.stop.wait(0.05)

    def exchange(self, connection, method, path, body=None, content_type=None):
        headers = {"Content-Type": content_type} if content_type else {}
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        data = response.read()
        return response.status, data, not response.will_close

    def source(self, slot, post):
        query = urllib.parse.urlencode({"run": self.options.run, "n": slot, "to": post})
        return f"{self.site}/cite?{query}"

    def pingback(self, connection, slot, post, record):
        record["source"] = self.source(slot, post)
        body = xmlrpc.client.dumps((record["source"], post), "pingback.ping").encode()
        record["status"], data, keep = self.exchange(connection, "POST", "/xmlrpc.php", body, "text/xml")
        if record["status"] == 200:
            try:
                xmlrpc.client.loads(data)
                record["ok"] = True
            except xmlrpc.client.Fault as fault:
                record["error"] = f"fault {fault.faultCode}: {fault.faultString}"
        return keep

    def trackback(self, connection, slot, post, record):
        record["source"] = self.source(slot, post)
        form = urllib.parse.urlencode({"url": record["source"], "title": f"Citing page {slot}", "blog_name": "Traffic", "excerpt": "the tide was high"})
        path = urllib.parse.urlsplit(post).path + "trackback/"
        record["status"], data, keep = self.exchange(connection, "POST", path, form.encode(), "application/x-www-form-urlencoded")
        record["ok"] = record["status"] == 200 and b"<error>0</error>" in data
        if not record["ok"]:
            record["error"] = data[:200].decode("utf-8", "replace")
        return keep

    def get(self, connection, slot, post, record):
        path = urllib.parse.urlsplit(post).path
        variant = GETS[(slot // len(self.kinds)) % len(GETS)]
        target = {"post": path, "rsd": "/xmlrpc.php?rsd", "rss": path + "trackback/?__mode=rss", "missing": path + "no-such-page/"}[variant]
        record["status"], _, keep = self.exchange(connection, "GET", target)
        record["ok"] = record["status"] == (404 if variant == "missing" else 200)
        return keep

    def garbage(self, connection, slot, post, record):
        method, suffix, content_type, body = GARBAGE[(slot // len(self.kinds)) % len(GARBAGE)]
        if method == "RAW":
            with socket.create_connection((self.server.hostname, self.server.port), timeout=self.options.timeout) as raw:
                raw.sendall(body)
                answer = raw.recv(4096)
            parts = answer.split(b" ", 2)
            record["status"] = int(parts[1]) if answer.startswith(b"HTTP/") and len(parts) > 1 and parts[1].isdigit() else 0
        else:
            path = "/xmlrpc.php" if suffix is None else (suffix if suffix.startswith("/") else urllib.parse.urlsplit(post).path + suffix)
            record["status"], _, _ = self.exchange(connection, method, path, body, content_type)
        record["ok"] = record["status"] < 500
        # The server may close a connection after a bad request: start the next one fresh.
        return False

    def sample_memory(self):
        while not self.stop.wait(self.options.sample_seconds):
            try:
                with open(f"/proc/{self.options.server_pid}/status") as status:
                    rss = next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
                self.rss_kb.append((round(time.monotonic() - self.started), rss))
            except (OSError, StopIteration):
                return

    def run(self):
        if self.options.server_pid:
            threading.Thread(target=self.sample_memory, daemon=True).start()
        clients = [threading.Thread(target=self.client) for _ in range(self.options.threads)]
        for thread in clients:
            thread.start()
        for thread in clients:
            thread.join()
        self.elapsed = time.monotonic() - self.started
        self.stop.set()
        if self.log:
            self.log.close()

    def stored(self):
        """Rows of this run per kind, and (post, source) pairs stored more than once."""
        database = sqlite3.connect(f"file:{self.options.db}?mode=ro", uri=True, timeout=30)
        pattern = f"%run={self.options.run}&%"
        rows = dict(database.execute(
            "SELECT received_via, count(*) FROM comments WHERE origin = 'gateway' AND author_url LIKE ? GROUP BY 1", (pattern,)))
        twice = database.execute(
            "SELECT count(*) FROM (SELECT 1 FROM comments WHERE origin = 'gateway' GROUP BY post_id, author_url HAVING count(*) > 1)").fetchone()[0]
        verification = dict(database.execute(
            "SELECT verification || '/' || status, count(*) FROM comments WHERE received_via = 'trackback' AND author_url LIKE ? GROUP BY 1",
            (pattern,)))
        database.close()
        return rows, twice, verification

    def report(self):
        by_kind = {}
        for record in self.results:
            counts = by_kind.setdefault(record["kind"], {"requests": 0, "success": 0, "errors": 0, "statuses": {}})
            counts["requests"] += 1
            counts["success"] += record["ok"]
            counts["errors"] += record["error"] is not None and record["status"] is None
            if record["status"] is not None:
                key = str(record["status"])
                counts["statuses"][key] = counts["statuses"].get(key, 0) + 1
        total = len(self.results)
        print(f"run {self.options.run}: {total} requests in {self.elapsed:.1f} s ({total / self.elapsed:.1f}/s), {self.options.threads} client threads")
        print(f"{'kind':<10} {'requests':>8} {'success':>8} {'no answer':>9}  statuses")
        failed = []
        for kind, counts in sorted(by_kind.items()):
            statuses = " ".join(f"{status}:{n}" for status, n in sorted(counts["statuses"].items()))
            print(f"{kind:<10} {counts['requests']:>8} {counts['success']:>8} {counts['errors']:>9}  {statuses}")
        fives = sum(n for c in by_kind.values() for s, n in c["statuses"].items() if s.startswith("5"))
        errors = sum(c["errors"] for c in by_kind.values())
        print(f"5xx answers: {fives}; requests without an answer: {errors}")
        if fives:
            failed.append(f"{fives} 5xx answers")
        if errors and not self.options.allow_errors:
            failed.append(f"{errors} requests without an answer")
        if self.options.db:
            time.sleep(self.options.settle)
            rows, twice, verification = self.stored()
            for kind in ("pingback", "trackback"):
                answered = by_kind.get(kind, {}).get("success", 0)
                print(f"{kind}: {answered} success answers, {rows.get(kind, 0)} stored")
                if answered != rows.get(kind, 0) and not self.options.allow_errors:
                    failed.append(f"{kind}: {answered} success answers but {rows.get(kind, 0)} stored")
            print(f"pings stored twice (same post and source): {twice}")
            print("trackback verification/status: " + (" ".join(f"{k}:{n}" for k, n in sorted(verification.items())) or "-"))
            if twice:
                failed.append(f"{twice} pings stored twice")
        if self.rss_kb:
            values = [rss for _, rss in self.rss_kb]
            after_warmup = values[len(values) // 4]
            print(f"server RSS (MB): first {values[0] / 1024:.1f}, after a quarter {after_warmup / 1024:.1f}, "
                  f"max {max(values) / 1024:.1f}, last {values[-1] / 1024:.1f} ({len(values)} samples every {self.options.sample_seconds} s)")
            print(f"RSS growth after the first quarter: {(values[-1] - after_warmup) / 1024:+.1f} MB")
            print("RSS samples (s:MB): " + " ".join(f"{t}:{rss / 1024:.1f}" for t, rss in self.rss_kb))
        for failure in failed:
            print(f"FAILED: {failure}")
        return not failed


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--server", required=True, help="the gateway's base URL, http://127.0.0.1:PORT")
    parser.add_argument("--post", action="append", required=True, help="a post URL open for pings (repeatable)")
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--rate", type=float, default=0, help="requests per second in total (0: as fast as answered)")
    parser.add_argument("--duration", type=float, default=0, help="seconds to run (0: until --stop-file or --count)")
    parser.add_argument("--count", type=int, default=0, help="requests to send in total (0: no limit)")
    parser.add_argument("--stop-file", help="stop once this file exists")
    parser.add_argument("--mix", default="pingback=3,trackback=3,get=2,garbage=1", help="kinds and weights")
    parser.add_argument("--run", default=uuid.uuid4().hex[:8], help="tag in every source URL of this run")
    parser.add_argument("--log", help="write one JSON line per request here")
    parser.add_argument("--timeout", type=float, default=30)
    parser.add_argument("--db", help="the server's database, to compare stored pings with success answers")
    parser.add_argument("--settle", type=float, default=0, help="seconds to wait before reading --db")
    parser.add_argument("--server-pid", type=int, help="sample this process's resident memory")
    parser.add_argument("--sample-seconds", type=float, default=5)
    parser.add_argument("--allow-errors", action="store_true", help="requests without an answer are expected")
    options = parser.parse_args()
    traffic = Traffic(options)
    traffic.run()
    sys.exit(0 if traffic.report() else 1)


if __name__ == "__main__":
    main()
