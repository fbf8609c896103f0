"""A small site for `trackway ping` tests: serves the pages a test writes and records every POST.

Usage: python3 ping_receiver.py FOLDER. Prints its port, then serves until killed.

FOLDER/routes.json (re-read on every request) maps a path (with its query, if any) to an answer:
{"status": 200, "headers": [["Link", "<...>; rel=webmention"]], "body": "..."}; "{{base}}" in
header values and bodies becomes http://127.0.0.1:PORT. GET answers the route or 404. POST
appends what arrived to FOLDER/received.jsonl (path, query, content type, raw body, the form
fields, or the XML-RPC method and params) and answers the route, else 202 with no body.
"""
import http.server, json, os, sys, urllib.parse, xmlrpc.client

folder = sys.argv[1]


class Receiver(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def route(self):
        with open(os.path.join(folder, "routes.json"), encoding="utf-8") as file:
            routes = json.load(file)
        return routes.get(self.path) or routes.get(urllib.parse.urlsplit(self.path).path)

    def answer(self, route, default_status):
        base = "http://127.0.0.1:%d" % self.server.server_address[1]
        status = route.get("status", 200) if route else default_status
        body = (route.get("body", "") if route else "").replace("{{base}}", base).encode("utf-8")
        self.send_response(status)
        for name, value in (route.get("headers", []) if route else []):
            self.send_header(name, value.replace("{{base}}", base))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        self.answer(self.route(), 404)

    def do_POST(self):
        raw = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        parts = urllib.parse.urlsplit(self.path)
        entry = {"path": parts.path, "query": parts.query, "content_type": self.headers.get("Content-Type", ""),
                 "body": raw.decode("utf-8", "replace")}
        if entry["content_type"].startswith("application/x-www-form-urlencoded"):
            entry["form"] = {k: v[0] for k, v in urllib.parse.parse_qs(raw.decode("utf-8"), keep_blank_values=True).items()}
        elif "xml" in entry["content_type"]:
            params, method = xmlrpc.client.loads(raw)
            entry["xmlrpc"] = {"method": method, "params": list(params)}
        with open(os.path.join(folder, "received.jsonl"), "a", encoding="utf-8") as log:
            log.write(json.dumps(entry) + "\n")
        self.answer(self.route(), 202)


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
print(server.server_address[1], flush=True)
server.serve_forever()
