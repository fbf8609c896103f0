import Foundation

/// A trap for reads that must never happen: a TCP listener on one address and a named pipe, run
/// by a Python child that notes every connection and every open of the pipe.
///
/// A test points a hostile input at `url` or `filePath`, then asserts `touches()` is empty. The
/// listener answers a minimal HTTP 200, so a positive control (a fetch that is allowed) records
/// one `connection`; opening the pipe for reading records `file`.
///
/// ```swift
/// let trap = try Tripwire(host: "127.0.0.2")
/// defer { trap.stop() }
/// _ = try XMLRPCRequest(parsing: hostileBody(trap.url, trap.filePath))
/// #expect(trap.touches() == [])
/// ```
public final class Tripwire: Sendable {
    /// The address the listener is bound to, as given.
    public let host: String
    /// The bound port.
    public let port: Int
    /// A named pipe; whoever opens it for reading is recorded (and reads `TRIPWIRE-SECRET`).
    public let filePath: String
    private let folder: TemporaryDirectory
    private let server: HelperServer

    /// Listens on `host` (IPv4 or IPv6 literal) at `port` (0 picks a free one).
    public init(host: String = "127.0.0.1", port: Int = 0) throws {
        self.host = host
        folder = try TemporaryDirectory(prefix: "trackway-tripwire")
        filePath = folder.file("secret").path
        server = try HelperServer(URL(fileURLWithPath: "/usr/bin/python3"), ["-u", "-c", Self.script, host, String(port), filePath])
        guard server.port != 0 else {
            server.stop()
            throw TripwireError(message: "the tripwire on \(host) did not start: \(server.firstLine)")
        }
        self.port = server.port
    }

    /// `http://host:port/`, with IPv6 literals bracketed.
    public var url: String {
        host.contains(":") ? "http://[\(host)]:\(port)/" : "http://\(host):\(port)/"
    }

    /// Stops the trap and returns what reached it, in order: `connection` or `file` per event.
    public func touches() -> [String] {
        server.stop()
    }

    /// Stops the trap, discarding what it saw.
    public func stop() {
        _ = touches()
    }

    private static let script = """
        import os, socket, sys, threading
        host, port, fifo = sys.argv[1], int(sys.argv[2]), sys.argv[3]
        os.mkfifo(fifo)
        server = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind((host, port))
        server.listen(64)
        print(server.getsockname()[1], flush=True)
        def watch_pipe():
            while True:
                try:
                    with open(fifo, "w") as pipe:  # blocks until someone opens it for reading
                        print("file", flush=True)
                        pipe.write("TRIPWIRE-SECRET")
                except OSError:
                    pass
        threading.Thread(target=watch_pipe, daemon=True).start()
        while True:
            client, _ = server.accept()
            print("connection", flush=True)
            client.settimeout(1)
            try:
                client.recv(65536)
                body = b"<title>tripwire</title>"
                client.sendall(b"HTTP/1.0 200 OK\\r\\nContent-Type: text/html\\r\\nContent-Length: %d\\r\\n\\r\\n" % len(body) + body)
            except OSError:
                pass
            client.close()
        """
}

/// The tripwire's Python child could not start.
public struct TripwireError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
