import Foundation
import Testing
import TrackwayTesting

/// `trackway admin set-password` and `clear-password` through the built binary, as an owner
/// runs them from a script (the password on standard input).
@Suite struct AdminCommandTests {
    private static func admin(_ db: String, _ arguments: [String], input: String = "") throws -> ProcessResult {
        try ChildProcess.run(CommandLineHarness.trackwayBinary, ["admin"] + arguments + ["--db", db], input: Data(input.utf8))
    }

    private static func stored(_ db: String) throws -> String {
        try SQLiteFile(path: db).query("SELECT value FROM settings WHERE name = 'console-password'")
    }

    @Test("set-password reads the first line of standard input and stores an argon2id hash, never the password")
    func setPasswordFromStandardInput() throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("t.sqlite").path
        let result = try Self.admin(db, ["set-password"], input: "tide tables 1987\nsecond line\n")
        #expect(result.status == 0, "\(result.stderr)")
        let hash = try Self.stored(db)
        #expect(hash.hasPrefix("$argon2id$"), "\(hash)")
        #expect(!hash.contains("tide tables"))
        #expect(try SQLiteFile(path: db).content().contains("tide tables") == false)
    }

    @Test("an empty password is refused and a password already set stays")
    func emptyPasswordRefused() throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("t.sqlite").path
        #expect(try Self.admin(db, ["set-password"], input: "first\n").status == 0)
        let before = try Self.stored(db)
        for input in ["", "\n", "\r\n"] {
            let result = try Self.admin(db, ["set-password"], input: input)
            #expect(result.status != 0)
            #expect(result.stderr.contains("the password is empty"), "\(result.stderr)")
        }
        #expect(try Self.stored(db) == before)
    }

    @Test("clear-password removes the hash and ends every session")
    func clearPassword() throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("t.sqlite").path
        #expect(try Self.admin(db, ["set-password"], input: "first\n").status == 0)
        _ = try SQLiteFile(path: db).query("INSERT INTO console_sessions VALUES ('h', 'c', 1, 1, 99999999999)")
        let result = try Self.admin(db, ["clear-password"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Self.stored(db) == "")
        #expect(try SQLiteFile(path: db).query("SELECT count(*) FROM console_sessions") == "0")
    }
}
