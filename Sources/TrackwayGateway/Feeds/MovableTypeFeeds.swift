/// What Movable Type's feed templates share.
enum MovableTypeFeeds {
    /// Entries in each of Movable Type's default feeds (`<MTEntries lastn="15">`).
    static let entryLimit = 15

    /// The scheme (Atom) or domain (RSS 2.0) Movable Type files a category or a tag under.
    static func scheme(_ kind: FeedCategory.Kind) -> String {
        switch kind {
        case .category: return "http://sixapart.com/ns/objects/category"
        case .tag: return "http://sixapart.com/ns/objects/tag"
        }
    }
}
