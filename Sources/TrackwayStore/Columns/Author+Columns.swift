import TrackwayCore

extension Author: StoredRecord {
    static let table = "authors"
    static let hashTag = "author/1"

    @inline(__always)
    static func visitColumns<Visitor: RecordColumnVisitor<Author>>(_ visitor: inout Visitor) throws(Visitor.Failure) {
        try visitor.column("source_id", \.sourceID)
        try visitor.key("login", \.login)
        try visitor.column("email", \.email)
        try visitor.column("display_name", \.displayName)
        try visitor.column("first_name", \.firstName)
        try visitor.column("last_name", \.lastName)
    }
}
