import Foundation
import Testing
import TrackwayCore
import TrackwayGateway
@testable import TrackwayStore
import TrackwayTesting

/// A browser of the owner's console over 127.0.0.1: curl with a cookie jar of its own, reading
/// the CSRF token from the last page it loaded.
final class ConsoleBrowser: @unchecked Sendable {
    static let password = "harbour lights 1987"

    let harness: GatewayHarness
    let jar: String
    /// Where requests go: the gateway, or a proxy in front of it.
    let base: String
    /// curl's options for the local address to connect from, when one was chosen.
    private let source: [String]
    /// The `csrf` field of the last page that had one.
    private(set) var csrf = ""

    /// A browser of `harness`'s console, through `proxy` (a base URL) when given, connecting
    /// from the loopback address `address` when given.
    init(_ harness: GatewayHarness, through proxy: String? = nil, from address: String? = nil) {
        self.harness = harness
        jar = harness.folder.file("cookies-\(UUID().uuidString)").path
        base = proxy ?? harness.base
        source = address.map { ["--interface", $0] } ?? []
    }

    /// A gateway over the seeded blog whose console has `ConsoleBrowser.password`, unless
    /// `withPassword` is false.
    static func gateway(withPassword: Bool = true, configure: @escaping (inout GatewayConfiguration) -> Void = { _ in }) async throws -> GatewayHarness {
        try await GatewayHarness { configuration in
            if withPassword { try? Store(path: configuration.databasePath).setConsolePassword(hash: try ConsolePassword.hash(password)) }
            configure(&configuration)
        }
    }

    @discardableResult
    func get(_ path: String) async throws -> (status: Int, headers: String, body: String) {
        let answer = try await harness.curl(source + ["-b", jar, "-c", jar, base + path])
        if let token = Self.csrf(in: answer.body) { csrf = token }
        return answer
    }

    /// POSTs `fields` (URL-encoded by curl); the page's token goes along unless `csrf` says otherwise,
    /// and an `X-Forwarded-For` header when `forwardedFor` is given.
    @discardableResult
    func post(
        _ path: String, _ fields: [(String, String)], csrf: String? = nil, forwardedFor: String? = nil
    ) async throws -> (status: Int, headers: String, body: String) {
        let token = csrf ?? self.csrf
        let all = (token.isEmpty ? [] : [("csrf", token)]) + fields
        let header = forwardedFor.map { ["-H", "X-Forwarded-For: \($0)"] } ?? []
        let answer = try await harness.curl(source + header + ["-X", "POST", "-b", jar, "-c", jar] + all.flatMap { ["--data-urlencode", "\($0.0)=\($0.1)"] } + [base + path])
        if let token = Self.csrf(in: answer.body) { self.csrf = token }
        return answer
    }

    /// Loads the login form and signs in; the answer to the POST.
    @discardableResult
    func signIn(password: String = ConsoleBrowser.password) async throws -> (status: Int, headers: String, body: String) {
        try await get("/trackway/admin/login")
        let answer = try await post("/trackway/admin/login", [("password", password)])
        try await get("/trackway/admin/")
        return answer
    }

    /// The value of the `trackway_session` cookie in the jar.
    func sessionID() throws -> String? {
        let lines = try String(contentsOfFile: jar, encoding: .utf8).split(separator: "\n")
        return lines.first { $0.contains("\ttrackway_session\t") }.flatMap { $0.split(separator: "\t").last.map(String.init) }
    }

    /// Puts `id` in the jar as the session cookie (as a page could have planted it).
    func plantSession(_ id: String) throws {
        try "127.0.0.1\tFALSE\t/trackway/\tFALSE\t0\ttrackway_session\t\(id)\n".write(toFile: jar, atomically: true, encoding: .utf8)
    }

    static func csrf(in html: String) -> String? {
        guard let match = html.firstMatch(of: /name="csrf" value="([0-9a-f]{64})"/) else { return nil }
        return String(match.1)
    }

    /// The values of a response header, by name (any case).
    static func header(_ name: String, in headers: String) -> [String] {
        headers.split(separator: "\r\n").compactMap { line in
            guard let colon = line.firstIndex(of: ":"), line[..<colon].lowercased() == name.lowercased() else { return nil }
            return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
    }
}

/// Received pings written straight into a gateway's database, as the gateway stores them.
enum ConsoleSeed {
    /// Stores `ping` for the harness's open post (id 1); its id.
    @discardableResult
    static func ping(
        _ path: String, source: String, kind: CommentKind = .trackback, status: ModerationStatus = .pending, title: String = "A reply",
        blogName: String = "Another blog", content: String = "<strong>A reply</strong>\n\nIt links here.", ip: String = "192.0.2.1",
        verification: VerificationState = .failed, rule: String = ""
    ) throws -> Int {
        var ping = NewPing(postID: 1, kind: kind, sourceURL: source, content: content, authorIP: ip, status: status, verification: verification)
        ping.sourceTitle = title
        ping.blogName = blogName
        ping.spamRule = rule
        guard case .inserted(let id) = try PingStore(database: Store(path: path).database).insert(ping) else { throw StoreError.invalid("duplicate \(source)") }
        return id
    }
}
