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

/// The console of a child `trackway serve`, as the owner meets it: opened by the CLI while the
/// server runs, and signed in across a restart of the server.
@Suite struct ConsoleServeTests {
    private static func curl(_ arguments: [String]) throws -> String {
        try ChildProcess.tool("curl", ["-s"] + arguments).stdout
    }

    @Test("set-password opens a running server's console at once, and a session survives the server's restart")
    func sessionSurvivesRestart() throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("t.sqlite").path
        let jar = directory.file("jar").path
        let log = directory.file("serve.log")
        var server = try ServerProcess.start(database: URL(fileURLWithPath: db), arguments: ["--quiet"], log: log)
        defer { server.stop() }
        let login = server.base + "/trackway/admin/login"
        #expect(try Self.curl(["-o", "/dev/null", "-w", "%{http_code}", login]) == "404")
        let set = try ChildProcess.run(CommandLineHarness.trackwayBinary, ["admin", "set-password", "--db", db], input: Data("quay 1987\n".utf8))
        #expect(set.status == 0, "\(set.stderr)")
        let form = try Self.curl(["-c", jar, "-b", jar, login])
        let csrf = try #require(form.firstMatch(of: /name="csrf" value="([0-9a-f]{64})"/)).1
        #expect(try Self.curl(["-c", jar, "-b", jar, "-o", "/dev/null", "-w", "%{http_code}", "--data-urlencode", "csrf=\(csrf)",
                               "--data-urlencode", "password=quay 1987", login]) == "303")
        let queue = server.base + "/trackway/admin/"
        #expect(try Self.curl(["-c", jar, "-b", jar, "-o", "/dev/null", "-w", "%{http_code}", queue]) == "200")

        server.stop()
        server = try ServerProcess.start(database: URL(fileURLWithPath: db), arguments: ["--quiet"], log: directory.file("serve2.log"))
        let restarted = server.base + "/trackway/admin/"
        #expect(try Self.curl(["-c", jar, "-b", jar, "-o", "/dev/null", "-w", "%{http_code}", restarted]) == "200")
        // Clearing the password closes the console and ends the session.
        #expect(try ChildProcess.run(CommandLineHarness.trackwayBinary, ["admin", "clear-password", "--db", db]).status == 0)
        #expect(try Self.curl(["-c", jar, "-b", jar, "-o", "/dev/null", "-w", "%{http_code}", restarted]) == "404")
    }
}
