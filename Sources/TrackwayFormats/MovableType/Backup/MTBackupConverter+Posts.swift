import TrackwayCore

/// Entries, pages and assets as posts; categories, folders, placements and tags as terms; fileinfo
/// rows as the URLs an entry was published at.
extension MTBackupConverter {
    // MARK: Entries, pages, assets

    func addEntry(_ object: MTBackupObject) throws {
        guard let id = object.id(.id) else { return refuse(object, "an \(object.name) without an id") }
        guard let blog = try enter(blog: object.id(.blogID), for: object) else { return }
        let basename = object[.basename]
        var post = Post(sourceID: basename.isEmpty ? "mt-entry-\(id)" : basename)
        // STATUS, EXTENDED BODY, the three optional fields and the entry id: one allocation
        // where growing the array one field at a time took four.
        post.sourceFields.reserveCapacity(3 + Self.optionalEntryFields.count)
        post.postType = object.name == "page" ? "page" : "post"
        post.slug = basename
        post.title = object[.title]
        post.content = object[.text]
        post.excerpt = object[.excerpt]
        post.guid = object[.atomID]
        post.commentStatus = object[.allowComments] == "1" ? "open" : "closed"
        post.pingStatus = object[.allowPings] == "1" ? "open" : "closed"
        if let name = object.int(.status).flatMap({ Self.statusNames[$0] }) {
            post.status = MTEntryConverter.wordPressStatus(name) ?? "draft"
            post.sourceFields.append(MetaEntry(key: "STATUS", value: name))
        } else {
            warn(ImportWarning(file: fileName, line: object.line, item: "\(object.name) \(id)", message: "invalid status '\(object[.status])'; imported as draft"))
            post.status = "draft"
        }
        if let time = time(object, .authoredOn, blog: blog) {
            post.postDate = time.local
            post.postDateGMT = time.utc
        }
        if let time = time(object, .modifiedOn, blog: blog) {
            post.modified = time.local
            post.modifiedGMT = time.utc
        }
        if let author = object.id(.authorID).flatMap({ authors[$0] }) {
            post.creator = author.login
            if blog.declaredAuthors.insert(author.login).inserted { try emit(.author(author)) }
        }
        post.sourceFields.append(MetaEntry(key: "EXTENDED BODY", value: object[.textMore]))
        for (column, key) in Self.optionalEntryFields where !object[column].isEmpty {
            post.sourceFields.append(MetaEntry(key: key, value: object[column]))
        }
        post.sourceFields.append(MetaEntry(key: Post.movableTypeEntryIDKey, value: String(id)))
        post.legacyURLs = earlyURLs.removeValue(forKey: id) ?? []
        earlyURLCount -= post.legacyURLs.count
        entries.insert(id)
        try emit(.post(post))
    }

    /// The columns an entry keeps among its source fields when the backup gives them, each under
    /// the text export's key.
    private static let optionalEntryFields: [(MTBackupColumn, String)] = [
        (.keywords, "KEYWORDS"), (.convertBreaks, "CONVERT BREAKS"), (.pingedURLs, "PINGED URLS"),
    ]

    func addAsset(_ object: MTBackupObject) throws {
        guard let id = object.id(.id) else { return refuse(object, "an asset without an id") }
        guard let blog = try enter(blog: object.id(.blogID), for: object) else { return }
        var post = Post(sourceID: "asset-\(id)")
        post.postType = "attachment"
        post.status = "inherit"
        post.title = object[.label].isEmpty ? object[.fileName] : object[.label]
        post.slug = TermSlug.make(object[.fileName])
        post.content = object[.description]
        // MT stores asset URLs relative to the blog: `%r` is its site URL.
        post.attachmentURL = object[.url].replacingOccurrences(of: "%r", with: blog.siteURL)
        post.link = post.attachmentURL
        post.guid = post.attachmentURL
        if let time = time(object, .createdOn, blog: blog) {
            post.postDate = time.local
            post.postDateGMT = time.utc
        }
        try emit(.post(post))
    }

    func addFileInfo(_ object: MTBackupObject) throws {
        guard let entryID = object.id(.entryID) else {
            skipped["fileinfo (not an entry's)", default: 0] += 1
            return
        }
        let blogID = object.id(.blogID) ?? 0
        guard let blog = blogs[blogID] else { return refuse(object, "it belongs to a blog the backup does not hold") }
        let path = object[.url]
        guard !path.isEmpty else { return }
        let url = path.hasPrefix("http://") || path.hasPrefix("https://") ? path : blog.origin + (path.hasPrefix("/") ? path : "/" + path)
        guard entries.contains(entryID) else {
            guard earlyURLCount < Self.earlyURLLimit else {
                let spill = try urlSpill ?? MTBackupURLSpill()
                urlSpill = spill
                return try spill.append(blogID: blogID, entryID: entryID, url: url)
            }
            earlyURLs[entryID, default: []].append(url)
            earlyURLCount += 1
            return
        }
        try enter(knownBlog: blogID)
        try emit(.attachment(to: .movableTypeEntry(entryID), .legacyURL(url)))
    }

    // MARK: Terms

    func addCategory(_ object: MTBackupObject) throws {
        guard let id = object.id(.id), let blogID = object.id(.blogID) else { return refuse(object, "a \(object.name) without an id or a blog") }
        guard try enter(blog: blogID, for: object) != nil else { return }
        let label = object[.label]
        let slug = label.isEmpty ? object[.basename] : TermSlug.make(label)
        var term = Term(taxonomy: object.name == "folder" ? "mt_folder" : "category", slug: slug)
        term.sourceID = id
        term.name = label
        term.description = object[.description]
        if let parentID = object.id(.parent) {
            if let parent = categories[parentID] {
                term.parentSlug = parent.slug
            } else {
                warn(ImportWarning(file: fileName, line: object.line, item: "\(object.name) \(id)", message: "its parent \(parentID) is not before it in the backup; imported at the top level"))
            }
        }
        categories[id] = CategoryRef(blogID: blogID, taxonomy: term.taxonomy, slug: slug, name: label)
        try emit(.term(term))
    }

    func addPlacement(_ object: MTBackupObject) throws {
        guard let entryID = object.id(.entryID), entries.contains(entryID), let category = object.id(.categoryID).flatMap({ categories[$0] }) else {
            return refuse(object, "its entry or category is not in the backup")
        }
        guard try enter(blog: object.id(.blogID), for: object) != nil else { return }
        try emit(.attachment(to: .movableTypeEntry(entryID), .term(PostTerm(taxonomy: category.taxonomy, slug: category.slug, name: category.name))))
    }

    func addTag(_ object: MTBackupObject) {
        guard let id = object.id(.id) else { return refuse(object, "a tag without an id") }
        let name = object[.name]
        tags[id] = PostTerm(taxonomy: "post_tag", slug: TermSlug.make(name), name: name)
    }

    func addObjectTag(_ object: MTBackupObject) throws {
        guard object[.objectDatasource] == "entry" else {
            skipped["objecttag (not an entry's)", default: 0] += 1
            return
        }
        guard let entryID = object.id(.objectID), entries.contains(entryID), let tag = object.id(.tagID).flatMap({ tags[$0] }) else {
            return refuse(object, "its entry or tag is not in the backup")
        }
        guard try enter(blog: object.id(.blogID), for: object) != nil else { return }
        try emit(.attachment(to: .movableTypeEntry(entryID), .term(tag)))
    }
}
