import TrackwayCore

/// Trackback rows as ping targets, tbpings and comments as their entry's comments.
extension MTBackupConverter {
    // MARK: Ping targets, pings, comments

    func addTrackback(_ object: MTBackupObject) throws {
        guard let id = object.id(.id) else { return refuse(object, "a trackback without an id") }
        let subject: TrackbackTarget.Subject
        let blogID: Int?
        if let entryID = object.id(.entryID) {
            guard entries.contains(entryID) else { return refuse(object, "its entry \(entryID) is not in the backup") }
            subject = .entry(id: entryID)
            blogID = object.id(.blogID)
        } else if let categoryID = object.id(.categoryID), let category = categories[categoryID] {
            subject = .category(slug: category.slug, name: category.name)
            blogID = category.blogID
        } else {
            return refuse(object, "it names no entry or category the backup holds")
        }
        guard try enter(blog: blogID, for: object) != nil else { return }
        switch subject {
        case .entry: entryTrackbacks.insert(id)
        case .category(_, let name): categoryTrackbacks[id] = name
        }
        var target = TrackbackTarget(trackbackID: id, subject: subject)
        target.isDisabled = object[.isDisabled] == "1"
        target.passphrase = object[.passphrase]
        target.title = object[.title]
        target.url = object[.url]
        target.description = object[.description]
        try emit(.trackbackTarget(target))
    }

    func addPing(_ object: MTBackupObject) throws {
        guard let id = object.id(.id), let targetID = object.id(.tbID) else {
            return refuse(object, "its trackback \(object[.tbID]) is not in the backup")
        }
        if let categoryName = categoryTrackbacks[targetID] {
            // Trackway keeps pings on posts, as WordPress does: WordPress has no category pings.
            warn(ImportWarning(file: fileName, line: object.line, item: "tbping \(id)", message: "a ping to category '\(categoryName)' (TrackBack \(targetID)): not imported, pings are kept on posts"))
            skipped["tbping (to a category)", default: 0] += 1
            return
        }
        guard entryTrackbacks.contains(targetID) else { return refuse(object, "its trackback \(targetID) is not in the backup") }
        guard let blog = try enter(blog: object.id(.blogID), for: object) else { return }
        var ping = Comment(sourceID: "tbping-\(id)")
        ping.commentType = "trackback"
        ping.author = object[.blogName]
        ping.blogName = object[.blogName]
        ping.sourceTitle = object[.title]
        ping.authorURL = object[.sourceURL]
        ping.authorIP = object[.ip]
        ping.content = object[.excerpt]
        ping.approved = Self.approved(object)
        setTime(of: &ping, object, blog: blog)
        try emit(.attachment(to: .movableTypeTrackback(targetID), .comment(ping)))
    }

    func addComment(_ object: MTBackupObject) throws {
        guard let id = object.id(.id), let entryID = object.id(.entryID), entries.contains(entryID) else {
            return refuse(object, "its entry \(object[.entryID]) is not in the backup")
        }
        guard let blog = try enter(blog: object.id(.blogID), for: object) else { return }
        var comment = Comment(sourceID: String(id))
        comment.commentType = "comment"
        comment.author = object[.author]
        comment.authorEmail = object[.email]
        comment.authorURL = object[.url]
        comment.authorIP = object[.ip]
        comment.content = object[.text]
        comment.parentSourceID = object.id(.parentID).map(String.init) ?? "0"
        comment.approved = Self.approved(object)
        setTime(of: &comment, object, blog: blog)
        try emit(.attachment(to: .movableTypeEntry(entryID), .comment(comment)))
    }

    /// MT's three states as its listing shows them: junk whatever `visible` says, else published
    /// when visible, else held for moderation.
    static func approved(_ object: MTBackupObject) -> String {
        if object[.junkStatus].trimmingWhitespace() == "-1" { return "spam" }
        return object[.visible].trimmingWhitespace() == "1" ? "1" : "0"
    }
}
