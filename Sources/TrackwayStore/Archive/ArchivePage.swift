/// One page of a longer list (posts of a listing, comment threads or pings of a post), with what
/// pagination needs to know.
///
/// ```swift
/// let page = try await reader.posts(site: 1, filter: .all, page: 2, perPage: 10)
/// print(page.items.count, "of", page.total, "- page", page.page, "of", page.pageCount)
/// ```
public struct ArchivePage<Item: Sendable & Equatable>: Sendable, Equatable {
    public var items: [Item]
    /// How many there are in all (for comments: top-level threads).
    public var total: Int
    /// From 1.
    public var page: Int
    public var perPage: Int

    public init(items: [Item], total: Int, page: Int, perPage: Int) {
        self.items = items
        self.total = total
        self.page = page
        self.perPage = perPage
    }

    /// How many pages there are (at least 1, so an empty list has one empty page).
    public var pageCount: Int { max(1, (total + perPage - 1) / max(perPage, 1)) }
}
