import TrackwayCore

extension WXRWriter {
    /// The post's comments, trackbacks and pingbacks as `wp:comment`, with their types and meta.
    ///
    /// Spam is left out, as WordPress's exporter leaves it out. `wp:comment_id` must be a
    /// number: when every source id of the post is one they are kept, otherwise (Movable Type's
    /// `c1`, `p1`) comments are numbered by position and parents follow the renumbering.
    func writeComments(_ comments: [Comment]) throws {
        let exported = comments.filter { $0.status != .spam }
        let ids = CommentIDs.forComments(exported)
        for (comment, id) in zip(exported, ids.ids) {
            try newline(indent: 2)
            try xml.startElement("wp:comment")
            try textField("wp:comment_id", String(id), indent: 3)
            try cdataField("wp:comment_author", Self.wordPressAuthor(of: comment), indent: 3)
            try cdataField("wp:comment_author_email", comment.authorEmail, indent: 3)
            // WordPress writes this one raw, `&` included, which breaks the file: escape it.
            try textField("wp:comment_author_url", comment.authorURL, indent: 3)
            try cdataField("wp:comment_author_IP", comment.authorIP, indent: 3)
            try cdataField("wp:comment_date", comment.date, indent: 3)
            try cdataField("wp:comment_date_gmt", comment.dateGMT, indent: 3)
            try cdataField("wp:comment_content", Self.wordPressContent(of: comment), indent: 3)
            try cdataField("wp:comment_approved", comment.approved, indent: 3)
            try cdataField("wp:comment_type", comment.commentType, indent: 3)
            try textField("wp:comment_parent", String(ids.parent(of: comment)), indent: 3)
            try textField("wp:comment_user_id", String(comment.userID), indent: 3)
            for entry in comment.meta {
                try writeMeta("wp:commentmeta", entry, indent: 3)
            }
            try newline(indent: 2)
            try xml.endElement()
        }
    }

    /// A ping with no author shows who sent it, as WordPress names pings when it receives them:
    /// the sending blog for a trackback, the citing page's title for a pingback.
    static func wordPressAuthor(of comment: Comment) -> String {
        guard comment.author.isEmpty else { return comment.author }
        switch comment.kind {
        case .trackback: return comment.blogName
        case .pingback: return comment.sourceTitle
        default: return comment.author
        }
    }

    /// A trackback whose title is held apart from its excerpt (Movable Type's `TITLE`, or one the
    /// gateway received) gets WordPress's content form `<strong>title</strong>\n\nexcerpt`.
    static func wordPressContent(of comment: Comment) -> String {
        guard comment.kind == .trackback, !comment.sourceTitle.isEmpty, !comment.content.hasPrefix("<strong>") else {
            return comment.content
        }
        return "<strong>\(comment.sourceTitle)</strong>\n\n\(comment.content)"
    }

    /// The numeric ids one post's comments are written with.
    struct CommentIDs {
        var ids: [Int]
        /// Empty when the source ids are kept.
        private var renumbered: [String: Int]

        /// The parent's written id; 0 when a renumbered comment's parent is not on the post.
        func parent(of comment: Comment) -> Int {
            if renumbered.isEmpty {
                return Int(comment.parentSourceID) ?? 0
            }
            return renumbered[comment.parentSourceID] ?? 0
        }

        static func forComments(_ comments: [Comment]) -> CommentIDs {
            let numeric = comments.compactMap { Int($0.sourceID) }
            if numeric.count == comments.count {
                return CommentIDs(ids: numeric, renumbered: [:])
            }
            let ids = Array(1..<(comments.count + 1))
            var renumbered: [String: Int] = [:]
            for (comment, id) in zip(comments, ids) {
                renumbered[comment.sourceID] = id
            }
            return CommentIDs(ids: ids, renumbered: renumbered)
        }
    }
}
