import Foundation
import Testing
@testable import TrackwayStore
import TrackwayTesting

/// The gateway's long-lived connections after the server ended every session (a restart or a
/// failover that is over): each works again on its next use, with no error and no restart.
@Suite("PostgreSQL connections after the server ended them", .enabled(if: TestPostgres.server != nil, Comment(rawValue: TestPostgres.skipReason)))
struct PostgresReconnectTests {
    @Test("the writer, every idle reader and the change watch work on their next use")
    func nextUseWorks() async throws {
        let database = try TemporaryPostgresDatabase()
        let location = StoreLocation.postgres(database.url)
        let writer = try StoreWriter(location: location)
        defer { writer.close() }
        let readers = ReaderPool(location: location)
        let watch = DataVersionWatch(location: location)
        // Two idle readers: one nested in the other, so the pool opens both.
        let version = try readers.with { outer in try readers.with { inner in
            _ = try inner.spamRulesVersion()
            return try outer.spamRulesVersion()
        } }
        _ = try watch.current()
        try await writer.write { try $0.setSpamRule(.moderationKeys, to: "casino") }

        let ended = try PostgresConnection(url: try #require(TestPostgres.server).url, readOnly: false)
        try ended.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(database.name)'")

        #expect(throws: Never.self) { try watch.current() }
        #expect(try readers.with { try $0.spamRulesVersion() } == version + 1)
        #expect(try readers.with { try $0.spamRulesVersion() } == version + 1)
        try await writer.write { try $0.setSpamRule(.moderationKeys, to: "casino\npoker") }
        #expect(try readers.with { try $0.spamRuleTexts()[.moderationKeys] } == "casino\npoker")
    }
}
