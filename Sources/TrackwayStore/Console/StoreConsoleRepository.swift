import TrackwayCore

/// `ConsoleRepository` on the store's database (a SQLite file or PostgreSQL): reads on the read-only connections of the gateway's
/// `StorePingRepository`, writes through its writer thread.
///
/// ```swift
/// let repository = try StorePingRepository(path: "trackway.sqlite")
/// let console = StoreConsoleRepository(sharingConnectionsOf: repository)
/// let hash = try await console.passwordHash()
/// ```
public final class StoreConsoleRepository: ConsoleRepository {
    private let readers: ReaderPool
    private let writer: StoreWriter

    /// Reads and writes on `repository`'s connections.
    public init(sharingConnectionsOf repository: StorePingRepository) {
        readers = repository.readers
        writer = repository.writer
    }

    public func passwordHash() async throws -> String? {
        try await readers.read { try $0.setting(PingStore.consolePasswordSetting) }
    }

    public func session(idHash: String, now: Int64) async throws -> ConsoleSession? {
        try await readers.read { try $0.consoleSession(idHash: idHash, now: now) }
    }

    public func startSession(_ session: ConsoleSession, replacing: String?) async throws {
        try await writer.write { try $0.startConsoleSession(session, replacing: replacing) }
    }

    public func touchSession(idHash: String, now: Int64, expiresAt: Int64) async throws {
        try await writer.write { try $0.touchConsoleSession(idHash: idHash, now: now, expiresAt: expiresAt) }
    }

    public func endSession(idHash: String) async throws {
        try await writer.write { try $0.endConsoleSession(idHash: idHash) }
    }

    public func loginFailures(from address: String, after: Int64) async throws -> Int {
        try readers.with { try $0.consoleLoginFailures(from: address, after: after) }
    }

    public func recordLoginFailure(from address: String, at: Int64, forgettingUpTo cutoff: Int64) async throws {
        try await writer.write { try $0.recordConsoleLoginFailure(from: address, at: at, forgettingUpTo: cutoff) }
    }

    public func queue(_ query: ConsoleQuery) async throws -> ConsoleQueueListing {
        try await readers.read { try $0.consoleQueue(query) }
    }

    public func sites() async throws -> [ConsoleSite] {
        try await readers.read { try $0.consoleSites() }
    }

    public func setSpamRules(_ texts: [SpamRuleName: String]) async throws {
        try await writer.write { store in
            for (name, text) in texts { try store.setSpamRule(name, to: text) }
        }
    }
}
