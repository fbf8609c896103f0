/// A site as the console's site filter names it.
public struct ConsoleSite: Sendable, Equatable {
    public var id: Int
    /// The site's title as stored (HTML text), else its address.
    public var title: String

    public init(id: Int, title: String) {
        self.id = id
        self.title = title
    }
}
