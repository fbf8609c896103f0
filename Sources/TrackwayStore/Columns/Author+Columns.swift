import TrackwayCore

extension Author: StoredRecord {
    static let table = "authors"
    static var blank: Author { Author(login: "") }
    static let hashTag = "author/1"

    @inline(__always)
    static func visitColumns<Visitor: RecordColumnVisitor<Author>>(_ visitor: inout Visitor, of record: Self) throws(Visitor.Failure) {
        try visitor.column("source_id", \.sourceID, of: record)
        try visitor.key("login", \.login, of: record)
        try visitor.column("email", \.email, of: record)
        try visitor.column("display_name", \.displayName, of: record)
        try visitor.column("first_name", \.firstName, of: record)
        try visitor.column("last_name", \.lastName, of: record)
    }
}
