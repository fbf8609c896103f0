import Foundation
import Testing
import TrackwayTesting

/// The gateway's writer while another process holds SQLite's write lock (an import in progress).
@Suite struct WriteLockContentionTests {
    /// How long the other process holds the lock: past the writer's busy timeout of 10 s.
    static let holdSeconds = 12.0

    @Test("pings that arrive while another process holds the write lock past the busy timeout are all stored and answered with success once it is free")
    func pingsWaitForTheLock() async throws {
        let harness = try await GatewayHarness()
        defer { harness.stop() }
        let holder = try HelperServer(URL(fileURLWithPath: "/usr/bin/python3"), ["-u", "-c", """
            import sqlite3, sys, time
            db = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
            db.execute("BEGIN IMMEDIATE")
            print("locked", flush=True)
            time.sleep(float(sys.argv[2]))
            db.execute("COMMIT")
            print("released", flush=True)
            """, harness.databasePath, String(Self.holdSeconds)])
        defer { holder.stop() }
        try #require(holder.firstLine == "locked")
        let locked = ContinuousClock.now

        let count = 24
        let answers = try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<count {
                group.addTask {
                    try await harness.trackback("/2008/01/hello/trackback/", "url=http%3A%2F%2Fsender.example%2F\(index)&title=T\(index)").body
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let waited = ContinuousClock.now - locked

        #expect(answers.count == count)
        #expect(answers.allSatisfy { $0.contains("<error>0</error>") }, "\(answers.filter { !$0.contains("<error>0</error>") })")
        #expect(waited >= .seconds(Self.holdSeconds - 1), "the pings were answered after the lock was released")
        #expect(holder.stop() == ["released"])
        #expect(try await harness.sqlite("SELECT count(DISTINCT author_url) FROM comments WHERE kind = 'trackback'") == String(count))
        #expect(try await harness.sqlite("SELECT count(*) FROM verification_queue") == String(count))
    }
}
