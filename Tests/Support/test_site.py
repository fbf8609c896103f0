"""The site every test talks to over HTTP: serves the pages a test sets and records every request.

Usage: python3 test_site.py FOLDER. Prints its port (on 127.0.0.1), then serves until killed.
Driven from Swift by `TestSite` (Tests/TrackwayTesting/TestSite.swift).

FOLDER/pages.json (re-read on every request) maps a path to an answer; the path with its query is
tried first, then without it, then the longest key ending in "*" that prefixes it:
  {"status": 200, "headers": [["Link", "<...>; rel=webmention"]], "body": "...",
   "delay": 0.5, "endless": false}
"{{base}}" in header values and bodies becomes http://127.0.0.1:PORT; "{{next}}" in header values
becomes the request's path with its last segment's number plus one (/loop/3 -> /loop/4: a redirect
that never ends). "delay" waits that many seconds before answering (a silent source); "endless"
streams the body forever, then records how much was written when the client hung up.
A path without a page answers 404 to GET and 202 to POST.

Every request is appended to FOLDER/requests.jsonl as it arrives: method, path, query, the
client's port (one port is one connection), content type and raw body, plus the form fields or
the XML-RPC method and params of a POST.
"""
import http.server, json, os, re, sys, threading, time, urllib.parse, xmlrpc.client

folder = sys.argv[1]
log_lock = threading.Lock()


def record(entry):
    with log_lock, open(os.path.join(folder, "requests.jsonl"), "a", encoding="utf-8") as log:
        log.write(json.dumps(entry) + "\n")


class Site(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def page(self):
        with open(os.path.join(folder, "pages.json"), encoding="utf-8") as file:
            pages = json.load(file)
        path = urllib.parse.urlsplit(self.path).path
        if self.path in pages or path in pages:
            return pages.get(self.path) or pages.get(path)
        prefixes = [key for key in pages if key.endswith("*") and path.startswith(key[:-1])]
        return pages[max(prefixes, key=len)] if prefixes else None

    def answer(self, page, default_status):
        base = "http://127.0.0.1:%d" % self.server.server_address[1]
        path = urllib.parse.urlsplit(self.path).path
        following = re.sub(r"\d+$", lambda number: str(int(number.group()) + 1), path)
        page = page or {"status": default_status}
        time.sleep(page.get("delay", 0))
        body = page.get("body", "").replace("{{base}}", base).encode("utf-8")
        self.send_response(page.get("status", 200))
        for name, value in page.get("headers", []):
            self.send_header(name, value.replace("{{base}}", base).replace("{{next}}", following))
        if page.get("endless"):
            self.end_headers()
            written = 0
            try:
                while True:
                    self.wfile.write(body)
                    written += len(body)
            except OSError:
                record({"path": path, "hung_up_after": written})
            self.close_connection = True
            return
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def entry(self, raw=b""):
        parts = urllib.parse.urlsplit(self.path)
        return {"method": self.command, "path": parts.path, "query": parts.query,
                "client_port": self.client_address[1], "content_type": self.headers.get("Content-Type", ""),
                "user_agent": self.headers.get("User-Agent", ""), "at": time.time(),
                "body": raw.decode("utf-8", "replace")}

    def do_GET(self):
        record(self.entry())
        self.answer(self.page(), 404)

    def do_POST(self):
        raw = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        entry = self.entry(raw)
        if entry["content_type"].startswith("application/x-www-form-urlencoded"):
            entry["form"] = {k: v[0] for k, v in urllib.parse.parse_qs(raw.decode("utf-8"), keep_blank_values=True).items()}
        elif "xml" in entry["content_type"]:
            params, method = xmlrpc.client.loads(raw)
            entry["xmlrpc"] = {"method": method, "params": list(params)}
        record(entry)
        self.answer(self.page(), 202)


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Site)
server.daemon_threads = True
print(server.server_address[1], flush=True)
server.serve_forever()
