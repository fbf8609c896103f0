import Foundation

/// Debian's nginx (`nginx-light`) as the load balancer of docs/deployment.md, in front of one
/// server on 127.0.0.1: the same proxy headers (`X-Forwarded-For` from
/// `$proxy_add_x_forwarded_for`, `Host`), one process in the foreground, on a free port.
///
/// nginx connects to the server from `NginxProxy.upstreamSource` (`proxy_bind`), so the server can
/// trust that address alone and tell nginx from a client that connects to it directly from
/// 127.0.0.1; clients reach nginx from any other loopback address they bind to
/// (`curl --interface 127.0.0.11`), which is what nginx writes to `X-Forwarded-For`.
///
/// ```swift
/// let nginx = try NginxProxy(upstreamPort: server.port)
/// defer { nginx.stop() }
/// try ChildProcess.tool("curl", ["--interface", "127.0.0.11", nginx.base + "/"])
/// ```
public final class NginxProxy: Sendable {
    /// The address nginx's connections to the server come from.
    public static let upstreamSource = "127.0.0.2"

    private let process: Process
    private let folder: TemporaryDirectory
    /// The port nginx listens on, on 127.0.0.1.
    public let port: Int

    /// nginx's binary, on `PATH` or in `/usr/sbin` where Debian puts it; nil when not installed.
    public static var binary: URL? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init) + ["/usr/sbin"]
        return folders.map { URL(fileURLWithPath: $0 + "/nginx") }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Starts nginx in front of `127.0.0.1:upstreamPort` and waits (up to 20 s) until it answers.
    public init(upstreamPort: Int) throws {
        guard let binary = Self.binary else { throw NginxProxyError(message: "nginx is not installed: scripts/setup.sh installs nginx-light") }
        folder = try TemporaryDirectory(prefix: "trackway-nginx")
        let work = folder.path
        let port = try Self.freePort()
        self.port = port
        let config = try folder.write("""
        daemon off;
        master_process off;
        worker_processes 1;
        pid \(work)/nginx.pid;
        error_log \(work)/error.log;
        events { worker_connections 64; }
        http {
            access_log off;
            client_body_temp_path \(work)/body;
            proxy_temp_path \(work)/proxy;
            fastcgi_temp_path \(work)/fastcgi;
            uwsgi_temp_path \(work)/uwsgi;
            scgi_temp_path \(work)/scgi;
            upstream trackway {
                server 127.0.0.1:\(upstreamPort);
                keepalive 8;
            }
            server {
                listen 127.0.0.1:\(port);
                client_max_body_size 1m;
                proxy_http_version 1.1;
                proxy_set_header Connection "";
                proxy_set_header Host $host;
                proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                proxy_bind \(Self.upstreamSource);
                location / { proxy_pass http://trackway; }
            }
        }
        """, to: "nginx.conf")
        let arguments = ["-e", "\(work)/error.log", "-p", work, "-c", config.path]
        let check = try ChildProcess.run(binary, ["-t"] + arguments)
        guard check.status == 0 else { throw NginxProxyError(message: "nginx -t refused the configuration: \(check.stderr)") }
        let log = try FileHandle(forWritingTo: try folder.write([], to: "output"))
        defer { try? log.close() }
        process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.standardOutput = log
        process.standardError = log
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while try ChildProcess.tool("curl", ["-s", "-o", "/dev/null", "--max-time", "2", "http://127.0.0.1:\(port)/"]).status == 7 {
            guard !process.hasExited, Date() < deadline else {
                stop()
                let errors = (try? String(contentsOfFile: "\(work)/error.log", encoding: .utf8)) ?? ""
                throw NginxProxyError(message: "nginx did not start listening on 127.0.0.1:\(port): \(errors)")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    /// `http://127.0.0.1:PORT`.
    public var base: String { "http://127.0.0.1:\(port)" }

    /// Kills nginx (SIGKILL: a test runner may start children with SIGTERM blocked) and waits for it.
    public func stop() {
        if !process.hasExited { kill(process.processIdentifier, SIGKILL) }
        process.waitForExit()
    }

    /// A port no one listens on now, from the system (bound and released at once).
    private static func freePort() throws -> Int {
        let probe = "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"
        let result = try ChildProcess.tool("python3", ["-c", probe])
        guard let port = Int(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw NginxProxyError(message: "no free port: \(result.stderr)")
        }
        return port
    }
}

/// Why nginx could not be started for a test.
public struct NginxProxyError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
