import Foundation
import TrackwayCore
@testable import TrackwayStore
import TrackwayTesting

/// What the store tests do with a scratch store: import records, compare whole contents.
extension TemporaryStore {
    /// Imports `records` in one session and returns its summary.
    @discardableResult
    func importRecords(_ records: [ImportRecord], batchSize: Int = 500, dryRun: Bool = false) throws -> ImportSummary {
        try store.importRecords(records, batchSize: batchSize, dryRun: dryRun)
    }

    /// Every row of every table, ids included, in a stable order; creation times left out.
    func dump() throws -> [String: [[SQLValue]]] {
        try store.dump()
    }
}

extension Store {
    /// Imports `records` in one session and returns its summary.
    @discardableResult
    func importRecords(_ records: [ImportRecord], batchSize: Int = 500, dryRun: Bool = false) throws -> ImportSummary {
        let session = ImportSession(store: self, batchSize: batchSize, dryRun: dryRun)
        for record in records { try session.write(record) }
        return try session.finish()
    }

    /// Every row of every table, ids included, in a stable order; creation times left out.
    /// Columns come in name order, so that both engines' dumps read alike. On PostgreSQL, whose
    /// identity sequences do not roll back (a rolled-back batch leaves a gap), ids and the
    /// references to them are given as their place among the table's ids.
    func dump() throws -> [String: [[SQLValue]]] {
        // store_changes counts commits by session, which differ from run to run.
        let tables = try database.tableNames().filter { $0 != "schema_migrations" && $0 != "store_changes" }
        var dump: [String: [[SQLValue]]] = [:]
        var columnsOf: [String: [String]] = [:]
        for table in tables {
            let columns = try database.columnNames(of: table)
                .filter { $0 != "created_at" && $0 != "next_attempt_at" }
                .sorted()
            columnsOf[table] = columns
            let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
            dump[table] = try database.statement("SELECT \(list) FROM \"\(table)\" ORDER BY \(list)").rows()
                .map(\.values)
        }
        return database.isPostgres ? Self.rankingIDs(dump, columnsOf: columnsOf) : dump
    }

    /// The tables an id column refers to, by its name.
    private static let references = ["site_id": "sites", "post_id": "posts", "comment_id": "comments", "term_id": "terms"]

    private static func rankingIDs(_ dump: [String: [[SQLValue]]], columnsOf: [String: [String]]) -> [String: [[SQLValue]]] {
        var ranks: [String: [Int64: Int]] = [:]
        for (table, rows) in dump {
            guard let idColumn = columnsOf[table]?.firstIndex(of: "id") else { continue }
            let ids = rows.compactMap { row -> Int64? in if case .integer(let id) = row[idColumn] { id } else { nil } }.sorted()
            ranks[table] = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($0.element, $0.offset + 1) })
        }
        var ranked: [String: [[SQLValue]]] = [:]
        for (table, rows) in dump {
            let columns = columnsOf[table] ?? []
            let mapped: [(Int, [Int64: Int])] = columns.enumerated().compactMap { index, column in
                let target = column == "id" ? table : references[column]
                return target.flatMap { ranks[$0] }.map { (index, $0) }
            }
            ranked[table] = rows.map { row in
                var row = row
                for (index, rank) in mapped {
                    if case .integer(let id) = row[index], let place = rank[id] { row[index] = .integer(Int64(place)) }
                }
                return row
            }
        }
        return ranked
    }
}
