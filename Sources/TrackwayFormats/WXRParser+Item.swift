import TrackwayCore

extension WXRParser {
    /// Reads one `item` into a post with its terms, meta and comments, and emits it.
    func parseItem() throws {
        itemCount += 1
        let startLine = xml.nodeLine
        var post = Post(sourceID: "")
        var hasPostID = false
        currentItem = "item \(itemCount)"
        replacedInItem = 0
        try forEachChild { namespace, name in
            switch namespace {
            case .rss:
                switch name {
                case "title": post.title = try text()
                case "link": post.link = try text()
                case "pubDate": post.pubDate = try text()
                case "guid":
                    // RSS: a guid without isPermaLink is a permalink.
                    post.guidIsPermaLink = (xml.attribute("isPermaLink") ?? "true") == "true"
                    post.guid = try text()
                case "description": post.description = try text()
                case "category":
                    if let term = try postTerm() { post.terms.append(term) }
                default: post.unknownElements.append(try verbatim())
                }
            case .dublinCore where name == "creator": post.creator = try text()
            case .content where name == "encoded": post.content = try text()
            case .excerpt where name == "encoded": post.excerpt = try text()
            case .wordPress:
                if name == "post_id" {
                    post.sourceID = try text().trimmingWhitespace()
                    hasPostID = !post.sourceID.isEmpty
                    currentItem = "post \(post.sourceID)"
                } else {
                    try readWordPressField(name, into: &post)
                }
            default:
                post.unknownElements.append(try verbatim())
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
        try declareCreator(post.creator)
        currentItem = ""
        try emit(.post(post))
    }

    private func readWordPressField(_ name: String, into post: inout Post) throws {
        switch name {
        case "post_date": post.postDate = try text()
        case "post_date_gmt": post.postDateGMT = try text()
        case "post_modified": post.modified = try text()
        case "post_modified_gmt": post.modifiedGMT = try text()
        case "comment_status": post.commentStatus = try text()
        case "ping_status": post.pingStatus = try text()
        case "post_name": post.slug = try text()
        case "status": post.status = try text()
        case "post_parent": post.parentSourceID = try text().trimmingWhitespace()
        case "menu_order": post.menuOrder = try integer()
        case "post_type": post.postType = try text()
        case "post_password": post.password = try text()
        case "is_sticky": post.isSticky = try integer() != 0
        case "attachment_url": post.attachmentURL = try text().trimmingWhitespace()
        case "postmeta": post.meta.append(try metaEntry())
        case "comment": post.comments.append(try parseComment())
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
        try forEachChild { namespace, name in
            guard namespace == .wordPress else { return try xml.skipSubtree() }
            switch name {
            case "comment_id": comment.sourceID = try text().trimmingWhitespace()
            case "comment_author": comment.author = try text()
            case "comment_author_email": comment.authorEmail = try text()
            case "comment_author_url": comment.authorURL = try text()
            case "comment_author_IP": comment.authorIP = try text()
            case "comment_date": comment.date = try text()
            case "comment_date_gmt": comment.dateGMT = try text()
            case "comment_content": comment.content = try text()
            case "comment_approved": comment.approved = try text().trimmingWhitespace()
            case "comment_type": comment.commentType = try text()
            case "comment_parent": comment.parentSourceID = try text().trimmingWhitespace()
            case "comment_user_id": comment.userID = try integer()
            case "commentmeta": comment.meta.append(try metaEntry())
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
