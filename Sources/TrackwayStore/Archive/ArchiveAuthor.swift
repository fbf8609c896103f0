/// A site's author as an author archive names it.
public struct ArchiveAuthor: Sendable, Equatable {
    public var login: String
    /// The name the blog showed (`wp:author_display_name`), else the login.
    public var displayName: String

    public init(login: String, displayName: String) {
        self.login = login
        self.displayName = displayName
    }
}
