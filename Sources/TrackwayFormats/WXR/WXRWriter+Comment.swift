import TrackwayCore

extension WXRWriter {
    /// The post's comments, trackbacks and pingbacks as `wp:comment`, with their types and meta.
    ///
    /// Spam is left out, as WordPress's exporter leaves it out (kept, as `spam`, for a site from
    /// a Movable Type backup: `writesSpam`). `wp:comment_id` must be a
    /// number: when every source id of the post is one they are kept, otherwise (Movable Type's
    /// `c1`, `p1`) comments are numbered by position and parents follow the renumbering.
    ///
    /// The ids are known only once every comment has been seen, so `comments` is walked first
    /// to decide them. A post's few comments are held from that walk; many are walked again.
    func writeComments(_ comments: CommentSource) throws {
        var scan = CommentScan(writesSpam: writesSpam)
        try comments { scan.add($0) }
        func eachComment(_ body: (Comment) throws -> Void) throws {
            guard let held = scan.held else {
                // The walk is over before this returns: `body` never outlives the call.
                return try withoutActuallyEscaping(body) { try comments($0) }
            }
            try held.forEach(body)
        }
        var ids = try CommentIDs(numeric: scan.numeric, writesSpam: writesSpam, comments: eachComment)
        try eachComment { comment in
            guard writesSpam || comment.status != .spam else { return }
            try newline(indent: 2)
            try xml.startElement("wp:comment")
            try textField("wp:comment_id", String(ids.next(comment)), indent: 3)
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
        return TrackbackContent.composed(title: comment.sourceTitle, excerpt: comment.content)
    }

    /// What a first walk over a post's comments finds: whether every written one's source id is
    /// a number, and the comments themselves while they are few.
    struct CommentScan {
        /// Comments held at most; a post with more is read again rather than held.
        static let heldComments = 250

        let writesSpam: Bool
        private(set) var numeric = true
        /// Every comment met, nil once there were more than `heldComments`.
        private(set) var held: [Comment]? = []

        mutating func add(_ comment: Comment) {
            if numeric, writesSpam || comment.status != .spam, Int(comment.sourceID) == nil { numeric = false }
            guard let count = held?.count else { return }
            if count < Self.heldComments { held?.append(comment) } else { held = nil }
        }
    }

    /// The numeric ids one post's comments are written with, handed out in order.
    struct CommentIDs {
        /// Each source id's position among the written comments; nil when source ids are kept.
        private let renumbered: [String: Int]?
        private var position = 0

        /// The ids for a post whose written comments' source ids are all numbers (`numeric`), or
        /// else positions, found by walking `comments` (the last of a repeated id is the one
        /// its replies point at).
        init(numeric: Bool, writesSpam: Bool, comments: CommentSource) throws {
            guard !numeric else {
                renumbered = nil
                return
            }
            var renumbered: [String: Int] = [:]
            var position = 0
            try comments { comment in
                guard writesSpam || comment.status != .spam else { return }
                position += 1
                renumbered[comment.sourceID] = position
            }
            self.renumbered = renumbered
        }

        /// The id of `comment`, the next one written.
        mutating func next(_ comment: Comment) -> Int {
            position += 1
            guard renumbered == nil else { return position }
            return Int(comment.sourceID) ?? position
        }

        /// The parent's written id; 0 when a renumbered comment's parent is not on the post.
        func parent(of comment: Comment) -> Int {
            guard let renumbered else { return Int(comment.parentSourceID) ?? 0 }
            return renumbered[comment.parentSourceID] ?? 0
        }
    }
}
