import TrackwayCore

extension Term: StoredRecord {
    static let table = "terms"
    static var blank: Term { Term(taxonomy: "", slug: "") }
    static let hashTag = "term/1"

    @inline(__always)
    static func visitColumns<Visitor: RecordColumnVisitor<Term>>(_ visitor: inout Visitor, of record: Self) throws(Visitor.Failure) {
        try visitor.column("source_id", \.sourceID, of: record)
        try visitor.key("taxonomy", \.taxonomy, of: record)
        try visitor.key("slug", \.slug, of: record)
        try visitor.column("name", \.name, of: record)
        try visitor.column("parent_slug", \.parentSlug, of: record)
        try visitor.column("description", \.description, of: record)
        try visitor.children(\.meta, of: record)
    }
}
