/// An approved comment as a post's page shows it, placed in its thread.
public struct ArchiveComment: Sendable, Equatable {
    /// The database id (an anchor `#comment-ID` on the page).
    public var id: Int
    /// The database id of the comment it answers; nil for a top-level comment (or one whose
    /// parent is not shown).
    public var parentID: Int?
    /// How deep in its thread: 0 for a top-level comment, 1 for a reply to it, …
    public var depth: Int
    /// The author's name as stored (HTML text, as WordPress stores `comment_author`).
    public var author: String
    /// The author's website as given; may be empty or anything a stranger typed.
    public var authorURL: String
    public var date: ArchiveDate
    /// What the stranger wrote, as stored: render it only through the comment allow-list.
    public var content: String

    public init(id: Int, parentID: Int?, depth: Int, author: String, authorURL: String, date: ArchiveDate, content: String) {
        self.id = id
        self.parentID = parentID
        self.depth = depth
        self.author = author
        self.authorURL = authorURL
        self.date = date
        self.content = content
    }
}
