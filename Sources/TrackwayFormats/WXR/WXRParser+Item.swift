import TrackwayCore

extension WXRParser {
    /// Reads one `item` into a post with its terms, meta and comments, and emits it.
    func parseItem() throws {
        itemCount += 1
        let startLine = xml.nodeLine
        var post = Post(sourceID: "")
        // An item without `wp:post_type` keeps none: WordPress's importer skips it, and must
        // skip it again in our export.
        post.postType = ""
        var hasPostID = false
        /// Whether the post's first piece went out (`.postStart`): its comments are too many to hold.
        var inPieces = false
        inItem = true
        currentPostID = nil
        replacedInItem = 0
        try forEachChild { element in
            switch element {
            case .title: post.title = try text()
            case .link: post.link = try text()
            case .pubDate: post.pubDate = try text()
            case .guid:
                // RSS: a guid without isPermaLink is a permalink.
                post.guidIsPermaLink = (xml.attribute("isPermaLink") ?? "true") == "true"
                post.guid = try text()
            case .description: post.description = try text()
            case .category:
                if let term = try postTerm() { post.terms.append(term) }
            case .creator: post.creator = try text()
            case .content: post.content = try text()
            case .excerpt: post.excerpt = try text()
            case .postID:
                post.sourceID = try text().trimmingWhitespace()
                hasPostID = !post.sourceID.isEmpty
                currentPostID = post.sourceID
            case .comment:
                post.comments.append(try parseComment())
                // Comments of a post are held up to a bound, then handed on (the post needs its
                // id by then; WordPress writes it before the comments).
                if post.comments.count >= Self.heldComments && hasPostID {
                    if !inPieces { try declareCreator(post.creator) }
                    try emit(inPieces ? .postComments(post.comments) : .postStart(post))
                    post.comments = []
                    inPieces = true
                }
            default:
                try readWordPressField(element, into: &post)
            }
        }
        if !hasPostID {
            post.sourceID = "item-\(itemCount)"
            warn(ImportWarning(
                file: options.fileName, line: startLine, item: currentItem,
                message: "no wp:post_id; imported with id \(post.sourceID)"
            ))
        }
        post.legacyURLs = legacyURLs(of: post)
        if replacedInItem > 0 {
            post.replacedCharacters = replacedInItem
            replacedInItems += replacedInItem
            warn(ImportWarning(
                file: options.fileName, line: startLine, item: currentItem,
                message: "replaced \(replacedInItem) invalid characters"
            ))
        }
        if let note = wordPressImporter.note(for: post, hasPostID: hasPostID, line: startLine) {
            warn(ImportWarning(file: options.fileName, line: startLine, item: currentItem, message: note))
        }
        try declareCreator(post.creator)
        inItem = false
        try emit(inPieces ? .postEnd(post) : .post(post))
    }

    /// Comments of one post held at most before they are handed on in pieces: memory stays flat
    /// for a post with a hundred thousand comments.
    static let heldComments = 250

    private func readWordPressField(_ element: WXRElement, into post: inout Post) throws {
        switch element {
        case .postDate: post.postDate = try text()
        case .postDateGMT: post.postDateGMT = try text()
        case .postModified: post.modified = try text()
        case .postModifiedGMT: post.modifiedGMT = try text()
        case .commentStatus: post.commentStatus = try text()
        case .pingStatus: post.pingStatus = try text()
        case .postName: post.slug = try text()
        case .status: post.status = try text()
        case .postParent: post.parentSourceID = try text().trimmingWhitespace()
        case .menuOrder: post.menuOrder = try integer()
        case .postType: post.postType = try text()
        case .postPassword: post.password = try text()
        case .isSticky: post.isSticky = try integer() != 0
        case .attachmentURL: post.attachmentURL = try text().trimmingWhitespace()
        case .postMeta: post.meta.append(try metaEntry())
        default: post.unknownElements.append(try verbatim())
        }
    }

    /// `<category domain="…" nicename="…">Name</category>`; nil for WXR 1.0's bare duplicates.
    private func postTerm() throws -> PostTerm? {
        let domain = xml.attribute("domain")
        let nicename = xml.attribute("nicename")
        let name = try text()
        guard let domain, let nicename else { return nil }
        return PostTerm(taxonomy: domain == "tag" ? "post_tag" : domain, slug: nicename, name: name)
    }

    private func parseComment() throws -> Comment {
        var comment = Comment(sourceID: "")
        try forEachChild { element in
            switch element {
            case .commentID: comment.sourceID = try text().trimmingWhitespace()
            case .commentAuthor: comment.author = try text()
            case .commentAuthorEmail: comment.authorEmail = try text()
            case .commentAuthorURL: comment.authorURL = try text()
            case .commentAuthorIP: comment.authorIP = try text()
            case .commentDate: comment.date = try text()
            case .commentDateGMT: comment.dateGMT = try text()
            case .commentContent: comment.content = try text()
            case .commentApproved: comment.approved = try text().trimmingWhitespace()
            case .commentType: comment.commentType = try text()
            case .commentParent: comment.parentSourceID = try text().trimmingWhitespace()
            case .commentUserID: comment.userID = try integer()
            case .commentMeta: comment.meta.append(try metaEntry())
            default: try xml.skipSubtree()
            }
        }
        return comment
    }

    /// `?p=ID` (or `?page_id=ID` for pages) under the blog URL and the channel link, and the
    /// attachment file URL: the addresses WordPress answered for the post besides link and guid.
    private func legacyURLs(of post: Post) -> [String] {
        guard Int(post.sourceID) != nil else { return [] }
        let query = post.postType == "page" ? "?page_id=" : "?p="
        var bases: [String] = []
        for base in [site.baseBlogURL.isEmpty ? site.baseSiteURL : site.baseBlogURL, site.link] where !base.isEmpty {
            let trimmed = base.hasSuffix("/") ? String(base.dropLast()) : base
            if !bases.contains(trimmed) { bases.append(trimmed) }
        }
        var urls = bases.map { $0 + "/" + query + post.sourceID }
        if !post.attachmentURL.isEmpty { urls.append(post.attachmentURL) }
        return urls
    }
}
