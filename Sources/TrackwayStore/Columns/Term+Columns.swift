import TrackwayCore

extension Term: StoredRecord {
    static let table = "terms"
    static let hashTag = "term/1"

    @inline(__always)
    static func visitColumns<Visitor: RecordColumnVisitor<Term>>(_ visitor: inout Visitor) throws(Visitor.Failure) {
        try visitor.column("source_id", \.sourceID)
        try visitor.key("taxonomy", \.taxonomy)
        try visitor.key("slug", \.slug)
        try visitor.column("name", \.name)
        try visitor.column("parent_slug", \.parentSlug)
        try visitor.column("description", \.description)
        try visitor.children(\.meta)
    }
}
