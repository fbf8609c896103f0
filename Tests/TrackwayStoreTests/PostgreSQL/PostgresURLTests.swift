import Testing
@testable import TrackwayStore

@Suite("Database URLs")
struct PostgresURLTests {
    @Test("a full URL gives each field, percent escapes decoded, and prints without its password")
    func fullURL() throws {
        let url = try PostgresURL(parsing: "postgresql://app%40blogs:s3cr%2Ft@db.internal:5433/trackway%5Fmain?sslmode=require&connect_timeout=5")
        #expect(url.user == "app@blogs")
        #expect(url.password == "s3cr/t")
        #expect(url.host == "db.internal")
        #expect(url.port == 5433)
        #expect(url.database == "trackway_main")
        #expect(url.options.map(\.key) == ["sslmode", "connect_timeout"])
        #expect(url.description == "postgresql://app%40blogs@db.internal:5433/trackway_main?sslmode=require&connect_timeout=5")
        #expect(!url.description.contains("s3cr"))
    }

    @Test("postgres:// is the same scheme; user, password and port may be left to libpq; an IPv6 host is bracketed")
    func shortForms() throws {
        let url = try PostgresURL(parsing: "postgres://127.0.0.1/blogs")
        #expect(url.user == nil && url.password == nil && url.port == nil)
        #expect(url.description == "postgres://127.0.0.1/blogs")
        let v6 = try PostgresURL(parsing: "postgresql://me@[::1]:6000/blogs")
        #expect(v6.host == "::1" && v6.port == 6000)
        #expect(v6.description == "postgresql://me@[::1]:6000/blogs")
    }

    @Test("a malformed URL is refused with an error that says what was expected and never shows the password", arguments: [
        ("postgresql://me:hunter2@db.internal/", "names no database"),
        ("postgresql://me:hunter2@db.internal", "names no database"),
        ("postgresql://me:hunter2@:5432/blogs", "names no host"),
        ("postgresql://me:hunter2@db.internal:99999/blogs", "expected a number from 1 to 65535"),
        ("postgresql://me:hunter2@db.internal:port/blogs", "has port 'port'"),
        ("postgresql://me:hunter2@db.internal/blogs?sslmod=require", "unknown option 'sslmod'"),
        ("postgresql://me:hunter2@db.internal/blogs?sslmode", "without a value"),
        ("postgresql://me:hunt%zzer2@db.internal/blogs", "bad percent escape in its password"),
        ("postgresql://me:hunter2@db.internal/a/b", "with '/' in it"),
    ])
    func malformed(text: String, problem: String) {
        let error = #expect(throws: StoreError.self) { try PostgresURL(parsing: text) }
        let message = error.map { "\($0)" } ?? ""
        #expect(message.contains(problem), "\(message)")
        #expect(!message.contains("hunter2") && !message.contains("hunt"))
    }

    @Test("--db wins over TRACKWAY_DATABASE_URL, which wins over the default file; anything but a postgres URL is a SQLite path")
    func resolution() throws {
        let environment = [StoreLocation.environmentVariable: "postgresql://env@127.0.0.1/fromenv"]
        #expect(try StoreLocation.resolve(option: "site.sqlite", environment: environment, defaultPath: "trackway.sqlite") == .sqlite(path: "site.sqlite"))
        let fromEnvironment = try StoreLocation.resolve(option: nil, environment: environment, defaultPath: "trackway.sqlite")
        #expect(fromEnvironment.description == "postgresql://env@127.0.0.1/fromenv")
        #expect(try StoreLocation.resolve(option: nil, environment: [:], defaultPath: "trackway.sqlite") == .sqlite(path: "trackway.sqlite"))
        #expect(try StoreLocation.resolve(option: nil, environment: [StoreLocation.environmentVariable: ""], defaultPath: "t.sqlite") == .sqlite(path: "t.sqlite"))
        let error = #expect(throws: StoreError.self) {
            try StoreLocation.resolve(option: nil, environment: [StoreLocation.environmentVariable: "postgres://u:pw@h/"], defaultPath: "t.sqlite")
        }
        #expect(error.map { "\($0)" }?.hasPrefix("TRACKWAY_DATABASE_URL: database URL names no database") == true)
    }
}
