import TrackwayCore

// The layouts below are part of the database format: changing one makes every stored record
// look changed on the next import, so a change bumps the tag's version.
extension ContentHasher {
    mutating func hash(_ site: Site) -> ContentHash {
        begin("site/1")
        add(site.sourceKey)
        add(site.format.rawValue)
        add(site.title)
        add(site.link)
        add(site.description)
        add(site.language)
        add(site.baseSiteURL)
        add(site.baseBlogURL)
        add(site.wxrVersion)
        add(site.generator)
        add(site.pubDate)
        add(site.timeZone)
        add(site.unknownElements)
        return finish()
    }

    mutating func hash(_ author: Author) -> ContentHash {
        begin("author/1")
        add(author.sourceID)
        add(author.login)
        add(author.email)
        add(author.displayName)
        add(author.firstName)
        add(author.lastName)
        return finish()
    }

    mutating func hash(_ term: Term) -> ContentHash {
        begin("term/1")
        add(term.sourceID)
        add(term.taxonomy)
        add(term.slug)
        add(term.name)
        add(term.parentSlug)
        add(term.description)
        add(term.meta)
        return finish()
    }

    mutating func hash(_ comment: Comment) -> ContentHash {
        begin("comment/1")
        add(comment.sourceID)
        add(comment.commentType)
        add(comment.author)
        add(comment.authorEmail)
        add(comment.authorURL)
        add(comment.authorIP)
        add(comment.date)
        add(comment.dateGMT)
        add(comment.content)
        add(comment.approved)
        add(comment.parentSourceID)
        add(comment.userID)
        add(comment.meta)
        add(comment.sourceTitle)
        add(comment.blogName)
        return finish()
    }

    /// The post with all its children; `commentHashes` are the hashes of the comments kept.
    mutating func hash(_ post: Post, commentHashes: [ContentHash]) -> ContentHash {
        begin("post/1")
        add(post.sourceID)
        add(post.postType)
        add(post.status)
        add(post.title)
        add(post.link)
        add(post.pubDate)
        add(post.creator)
        add(post.guid)
        add(post.guidIsPermaLink)
        add(post.description)
        add(post.content)
        add(post.excerpt)
        add(post.postDate)
        add(post.postDateGMT)
        add(post.modified)
        add(post.modifiedGMT)
        add(post.commentStatus)
        add(post.pingStatus)
        add(post.slug)
        add(post.parentSourceID)
        add(post.menuOrder)
        add(post.password)
        add(post.isSticky)
        add(post.attachmentURL)
        add(post.terms.count)
        for term in post.terms {
            add(term.taxonomy)
            add(term.slug)
            add(term.name)
        }
        add(post.meta)
        add(commentHashes.count)
        for commentHash in commentHashes { add(commentHash) }
        add(post.unknownElements)
        add(post.sourceFields)
        add(post.legacyURLs)
        add(post.replacedCharacters)
        return finish()
    }
}
