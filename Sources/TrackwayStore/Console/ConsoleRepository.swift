import TrackwayCore

/// What the owner's console asks of storage beyond the moderation `PingRepository` carries out:
/// its password hash, its sessions, its failed logins, the queue's pages and the rules page's
/// save. `StoreConsoleRepository` answers it on either engine.
///
/// ```swift
/// let console: any ConsoleRepository = StoreConsoleRepository(sharingConnectionsOf: repository)
/// guard try await console.passwordHash() != nil else { return notFound }   // the console is off
/// let page = try await console.queue(ConsoleQuery())                        // pending pings
/// ```
public protocol ConsoleRepository: Sendable {
    /// The console's password hash (argon2id, libsodium's string form); nil while the owner set
    /// none and the console is off.
    func passwordHash() async throws -> String?

    /// The session whose id hashes to `idHash`, unless it expired by `now` (Unix seconds).
    func session(idHash: String, now: Int64) async throws -> ConsoleSession?

    /// Stores a new session, ending the one whose id hashes to `replacing` and the expired ones.
    func startSession(_ session: ConsoleSession, replacing: String?) async throws

    /// Records that the session was seen at `now`, keeping it until `expiresAt`.
    func touchSession(idHash: String, now: Int64, expiresAt: Int64) async throws

    /// Ends a session (signing out).
    func endSession(idHash: String) async throws

    /// How many failed logins `address` made after `after` (milliseconds since 1970), on any
    /// node sharing the database.
    func loginFailures(from address: String, after: Int64) async throws -> Int

    /// Records a failed login of `address` at `at` (milliseconds since 1970), forgetting every
    /// failure at or before `forgettingUpTo`.
    func recordLoginFailure(from address: String, at: Int64, forgettingUpTo: Int64) async throws

    /// A page of the queue, with each status view's count.
    func queue(_ query: ConsoleQuery) async throws -> ConsoleQueueListing

    /// The sites, for the site filter.
    func sites() async throws -> [ConsoleSite]

    /// Stores the rules the rules page sent, each already validated (`SpamRules.validated`), in
    /// one write: the same operation as `trackway rules set`.
    func setSpamRules(_ texts: [SpamRuleName: String]) async throws
}
