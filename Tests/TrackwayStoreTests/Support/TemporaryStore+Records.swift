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
    func dump() throws -> [String: [[SQLValue]]] {
        let tables = try database.statement(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'schema_migrations'"
        ).rows().map { $0.string(0) }
        var dump: [String: [[SQLValue]]] = [:]
        for table in tables {
            let columns = try database.statement("SELECT name FROM pragma_table_info(?)").rows(table)
                .map { $0.string(0) }
                .filter { $0 != "created_at" && $0 != "next_attempt_at" }
            let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
            dump[table] = try database.statement("SELECT \(list) FROM \"\(table)\" ORDER BY \(list)").rows()
                .map(\.values)
        }
        return dump
    }
}
