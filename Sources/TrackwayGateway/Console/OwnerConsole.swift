import Dispatch
import Foundation
import HTTPTypes
import TrackwayStore

/// The owner's console in a running gateway: its storage, the failed-login throttle, and the
/// rules of its sessions (how long they last, how the cookie is written, the login form's token).
final class OwnerConsole: Sendable {
    let repository: any ConsoleRepository
    let throttle: LoginThrottle
    /// `Secure` on the cookie: the public URL is https.
    let secureCookies: Bool
    /// The base of the archive's links to posts, as `ArchiveLinks` takes it.
    let archiveBase: String
    /// Keys the login form's token to the id the browser holds before signing in, so the token
    /// needs no row: only a page this process served carries a token that matches.
    private let loginKey = ConsoleToken.randomKey()
    /// Password checks run here, one at a time: each takes 64 MiB and a tenth of a second, off
    /// the event loops.
    private let passwordQueue = DispatchQueue(label: "trackway.console.password")

    static let cookieName = "trackway_session"
    /// A session unused this long ends; one used is extended, up to `longestSession` in all.
    static let idleSeconds: Int64 = 7 * 24 * 3600
    static let longestSession: Int64 = 30 * 24 * 3600
    /// A session's last-seen time is written at most this often (a write per page would be waste).
    static let touchSeconds: Int64 = 300

    init(repository: any ConsoleRepository, publicURL: String?, loginWindowSeconds: Double) {
        self.repository = repository
        throttle = LoginThrottle(repository: repository, limit: 10, windowSeconds: loginWindowSeconds)
        secureCookies = publicURL?.lowercased().hasPrefix("https://") ?? false
        archiveBase = publicURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 } ?? ""
    }

    /// The `trackway_session` id the request carries, when it has the shape of one.
    static func cookieID(of headers: HTTPFields) -> String? {
        for field in headers[values: .cookie] {
            for pair in field.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == cookieName else { continue }
                let value = parts[1].trimmingCharacters(in: .whitespaces)
                if ConsoleToken.isWellFormed(value) { return value }
            }
        }
        return nil
    }

    /// The `Set-Cookie` value that gives the browser `id` (an empty id with `Max-Age=0` removes it).
    func cookie(_ id: String) -> String {
        "\(Self.cookieName)=\(id); HttpOnly; SameSite=Strict; Path=/trackway/" + (id.isEmpty ? "; Max-Age=0" : "") + (secureCookies ? "; Secure" : "")
    }

    /// The login form's token for a browser holding `id`.
    func loginToken(for id: String) -> String {
        ConsoleToken.hash(id, key: loginKey)
    }

    /// The signed-in session the cookie `id` names, extended when it was last seen a while ago;
    /// nil when there is none (never signed in, signed out, expired).
    func session(id: String?) async throws -> ConsoleSession? {
        guard let id else { return nil }
        let now = Self.now()
        guard var session = try await repository.session(idHash: ConsoleToken.hash(id), now: now) else { return nil }
        if now - session.lastSeenAt >= Self.touchSeconds {
            session.lastSeenAt = now
            session.expiresAt = min(session.createdAt + Self.longestSession, now + Self.idleSeconds)
            try await repository.touchSession(idHash: session.idHash, now: now, expiresAt: session.expiresAt)
        }
        return session
    }

    /// Starts a session under a fresh id, ending the one `previousID` named (no fixation: an id
    /// known before signing in is never signed in); returns the new id for the cookie.
    func startSession(replacing previousID: String?) async throws -> String {
        let id = ConsoleToken.random()
        let now = Self.now()
        let session = ConsoleSession(
            idHash: ConsoleToken.hash(id), csrf: ConsoleToken.random(), createdAt: now, lastSeenAt: now, expiresAt: now + Self.idleSeconds
        )
        try await repository.startSession(session, replacing: previousID.map { ConsoleToken.hash($0) })
        return id
    }

    /// Whether `password` matches `hash`, checked on the password queue.
    func verify(_ password: String, against hash: String) async -> Bool {
        await withCheckedContinuation { continuation in
            passwordQueue.async { continuation.resume(returning: ConsolePassword.verify(password, against: hash)) }
        }
    }

    private static func now() -> Int64 {
        Int64(Date().timeIntervalSince1970)
    }
}
