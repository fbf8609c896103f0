import Testing
@testable import TrackwayStore
import TrackwayTesting

@Suite("Statement binding")
struct StatementBindingTests {
    private static let texts = ["", "plain", "café 東京 🎉", "line\nbreak\ttab", String(repeating: "é", count: 5000)]

    private func table(_ temp: TemporaryStore) throws -> Database {
        let database = temp.store.database
        try database.execute("CREATE TABLE bound (t TEXT, n TEXT, i INTEGER, r REAL, b INTEGER)")
        return database
    }

    private func stored(_ database: Database) throws -> [Row] {
        try database.statement("SELECT t, n, i, r, b, typeof(t), typeof(n) FROM bound ORDER BY rowid").rows()
    }

    @Test("variadic arguments round-trip text exactly, empty text as text and nil as NULL")
    func variadicRoundTrip() throws {
        let temp = try TemporaryStore()
        let database = try table(temp)
        let insert = try database.statement("INSERT INTO bound VALUES (?, ?, ?, ?, ?)")
        for (offset, text) in Self.texts.enumerated() {
            try insert.run(text, String?.none, offset, 0.5, offset.isMultiple(of: 2))
        }
        let rows = try stored(database)
        #expect(rows.map { $0.values[0] } == Self.texts.map { .text($0) })
        #expect(rows.allSatisfy { $0.values[1] == .null && $0.string(5) == "text" && $0.string(6) == "null" })
        #expect(rows.map { $0.int(2) } == Array(0..<Self.texts.count))
        #expect(rows.allSatisfy { $0.values[3] == .real(0.5) })
        #expect(rows.map { $0.int(4) } == (0..<Self.texts.count).map { $0.isMultiple(of: 2) ? 1 : 0 })
    }

    @Test("parameters appended in steps bind like one argument list, and every run rebinds them all")
    func parametersInSteps() throws {
        let temp = try TemporaryStore()
        let database = try table(temp)
        let insert = try database.statement("INSERT INTO bound VALUES (?, ?, ?, ?, ?)")
        for text in Self.texts {
            try insert.run { parameters in
                try parameters.append(text, Optional(text))
                try parameters.append(Int64(7), -1.25, false)
            }
        }
        let rows = try stored(database)
        #expect(rows.map { $0.values[0] } == Self.texts.map { .text($0) })
        #expect(rows.map { $0.values[1] } == Self.texts.map { .text($0) })
        #expect(rows.allSatisfy { $0.values[2] == .integer(7) && $0.values[3] == .real(-1.25) && $0.values[4] == .integer(0) })
    }

    @Test("an argument list built at run time binds the same values")
    func runTimeList() throws {
        let temp = try TemporaryStore()
        let database = try table(temp)
        try database.statement("INSERT INTO bound VALUES (?, ?, ?, ?, ?)").run("café", String?.none, 3, 1.5, true)
        var found: [Row] = []
        let arguments: [any SQLBindable] = ["café", 3]
        try database.statement("SELECT t, n, i, r, b FROM bound WHERE t = ? AND i = ?").forEachRow(arguments) { found.append($0) }
        #expect(found == [Row(values: [.text("café"), .null, .integer(3), .real(1.5), .integer(1)])])
    }
}
