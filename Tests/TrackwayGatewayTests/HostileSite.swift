import Foundation
import TrackwayTesting

/// A Python HTTP server on 127.0.0.1 with sources that never end: `/loop/N` redirects to
/// `/loop/N+1`, `/endless` streams a body forever, `/silent` never answers; `/page` is a
/// well-behaved page that keeps the connection open. Records each path (for `/page`, with the
/// client's port: one port is one connection).
final class HostileSite: Sendable {
    private let server: HelperServer
    var port: Int { server.port }

    init() throws {
        server = try HelperServer(URL(fileURLWithPath: "/usr/bin/python3"), ["-u", "-c", """
            import http.server, time
            class Hostile(http.server.BaseHTTPRequestHandler):
                protocol_version = "HTTP/1.1"
                def log_message(self, *args): pass
                def do_GET(self):
                    if self.path == "/page":
                        print("/page %d" % self.client_address[1], flush=True)
                        body = b"<title>kept</title>"
                        self.send_response(200)
                        self.send_header("Content-Type", "text/html")
                        self.send_header("Content-Length", str(len(body)))
                        self.end_headers()
                        self.wfile.write(body)
                        return
                    print("/" + self.path.split("/")[1], flush=True)
                    if self.path.startswith("/loop/"):
                        self.send_response(302)
                        self.send_header("Location", "/loop/%d" % (int(self.path.split("/")[2]) + 1))
                        self.send_header("Content-Length", "0")
                        self.end_headers()
                    elif self.path == "/endless":
                        self.send_response(200)
                        self.send_header("Content-Type", "text/html")
                        self.end_headers()
                        chunk = b"<p>" + b"x" * 65536 + b"</p>"
                        written = 0
                        try:
                            while True:
                                self.wfile.write(chunk)
                                written += len(chunk)
                        except OSError:
                            print("hung up after %d" % written, flush=True)
                    else:
                        time.sleep(60)
            server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
            server.daemon_threads = True
            print(server.server_address[1], flush=True)
            server.serve_forever()
            """])
    }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// Stops the server; returns what it recorded, in order: the first path segment of each
    /// request, and the `hung up after N` lines of `/endless`.
    func requests() -> [String] {
        server.stop()
    }

    func stop() {
        server.stop()
    }
}
