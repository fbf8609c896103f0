import TrackwayCore

/// The kinds of row an import counts separately in its summary.
public enum ImportKind: String, Sendable, Codable, CaseIterable {
    case site
    case author
    case term
    case post
    case page
    case attachment
    /// Any other post type (`nav_menu_item`, `wp_block`, custom types).
    case otherItem = "other_item"
    case comment
    case trackback
    case pingback
    case webmention
    /// A comment with a plugin `comment_type` (`review`, `note`, …).
    case otherComment = "other_comment"
    /// A Movable Type TrackBack ping target (`mt-tb.cgi/<id>`).
    case pingTarget = "ping_target"

    /// The kind a post of `postType` counts as.
    public init(postType: String) {
        switch postType {
        case "post": self = .post
        case "page": self = .page
        case "attachment": self = .attachment
        default: self = .otherItem
        }
    }

    /// The kind a comment of `kind` counts as.
    public init(commentKind: CommentKind) {
        switch commentKind {
        case .comment: self = .comment
        case .trackback: self = .trackback
        case .pingback: self = .pingback
        case .webmention: self = .webmention
        case .other: self = .otherComment
        }
    }
}
