import Foundation
import TrackwayCore

/// Turns a Movable Type backup's objects, in file order, into import records: a machine with
/// objects in and records out, testable without XML.
///
/// MT writes a backup class by class (`website`, `blog`, `author`, then categories, entries and
/// the rest, then placements, trackbacks, tags' links, pings, comments), each class for every
/// blog at once. So the machine keeps a small index (each entry's blog and source id, each
/// category's slug, each trackback's target), never an entry's text, and hands on what comes
/// after an entry as `.attachment` records; when an object belongs to another blog than the one
/// before, `.resumeSite` switches first. Memory grows with the number of objects, a few dozen
/// bytes each, not with the size of their text.
///
/// Statuses and times follow MT: entry status 1-6 (`Draft`, `Publish`, `Review`, `Future`,
/// `Spam`, `Unpublish`) as the text export's converter maps them; a comment or ping is spam
/// when `junk_status` is -1, else approved when `visible` is 1, else held for moderation; a
/// 14-digit local time is stored as it reads and in UTC by the blog's `server_offset`.
final class MTBackupConverter {
    /// The blog the objects so far belong to, as the machine keeps it.
    private struct Blog {
        var sourceKey: String
        var offsetSeconds: Int
        /// `site_url` without its trailing slash: what MT's `%r` stands for in asset URLs.
        var siteURL: String
        /// `scheme://host` of `site_url`, which `fileinfo` paths are relative to.
        var origin: String
        var declaredAuthors: Set<String> = []
    }

    private struct EntryRef {
        var blogID: Int
        var sourceID: String
    }

    private struct CategoryRef {
        var blogID: Int
        var taxonomy: String
        var slug: String
        var name: String
    }

    private struct TrackbackRef {
        var blogID: Int
        var entryID: Int?
        var categoryName: String
    }

    /// MT's entry status numbers as its text export spells them (`MT::Entry::status_text`).
    static let statusNames = [1: "Draft", 2: "Publish", 3: "Review", 4: "Future", 5: "Spam", 6: "Unpublish"]

    /// The root's `schema_version`, recorded as the sites' generator.
    var schemaVersion = ""
    /// The name of the document being read, for warnings.
    var fileName: String

    private let siteKey: String?
    private let emit: (ImportRecord) throws -> Void
    private let warn: (ImportWarning) -> Void

    private var pendingSites: [MTBackupObject] = []
    private var sitesEmitted = false
    private var blogs: [Int: Blog] = [:]
    private var currentBlog: Int?
    private var authors: [Int: Author] = [:]
    private var categories: [Int: CategoryRef] = [:]
    private var entries: [Int: EntryRef] = [:]
    private var tags: [Int: String] = [:]
    private var trackbacks: [Int: TrackbackRef] = [:]
    /// `fileinfo` URLs met before their entry (MT orders classes of equal rank as it likes).
    private var earlyURLs: [Int: [String]] = [:]
    private var skipped: [String: Int] = [:]

    /// A machine handing records to `emit` and problems to `warn`; `siteKey` names the site of a
    /// backup holding one blog (ignored, with a warning, for several).
    init(fileName: String, siteKey: String?, emit: @escaping (ImportRecord) throws -> Void, warn: @escaping (ImportWarning) -> Void) {
        self.fileName = fileName
        self.siteKey = siteKey
        self.emit = emit
        self.warn = warn
    }

    /// Takes the next object of the backup.
    func add(_ object: MTBackupObject) throws {
        if object.name == "website" || object.name == "blog" {
            guard !sitesEmitted else { return refuse(object, "a \(object.name) after other objects; MT writes sites first") }
            pendingSites.append(object)
            return
        }
        try emitSites()
        switch object.name {
        case "author": addAuthor(object)
        case "category", "folder": try addCategory(object)
        case "entry", "page": try addEntry(object)
        case "placement": try addPlacement(object)
        case "tag": addTag(object)
        case "objecttag": try addObjectTag(object)
        case "trackback": try addTrackback(object)
        case "tbping": try addPing(object)
        case "comment": try addComment(object)
        case "fileinfo": try addFileInfo(object)
        default: try addAsset(object)
        }
    }

    /// Counts an element the backup holds and Trackway does not import.
    func skip(elementNamed name: String) {
        skipped[name, default: 0] += 1
    }

    /// Ends the backup: sites of a backup with nothing else, what could not be placed, and the
    /// skipped elements' counts.
    func finish() throws {
        try emitSites()
        let unplaced = earlyURLs.values.reduce(0) { $0 + $1.count }
        if unplaced > 0 {
            warn(ImportWarning(file: fileName, line: 0, message: "\(unplaced) fileinfo URL(s) name entries the backup does not hold; not imported"))
            skipped["fileinfo (entry not in the backup)", default: 0] += unplaced
        }
        if !skipped.isEmpty { try emit(.skippedElements(skipped)) }
    }

    // MARK: Sites and authors

    private func emitSites() throws {
        guard !sitesEmitted else { return }
        sitesEmitted = true
        if siteKey != nil && pendingSites.count > 1 {
            warn(ImportWarning(file: fileName, line: 0, message: "the backup holds \(pendingSites.count) blogs: --site-key names one site, so each blog keeps its own key"))
        }
        var usedKeys: Set<String> = []
        for object in pendingSites {
            guard let id = object.id("id") else {
                refuse(object, "a \(object.name) without an id")
                continue
            }
            var key = pendingSites.count == 1 ? siteKey ?? MTBackupSiteKey.make(blogName: object["name"]) : MTBackupSiteKey.make(blogName: object["name"])
            if !usedKeys.insert(key).inserted {
                key += "-\(id)"
                usedKeys.insert(key)
            }
            let offset = MTBackupTime.offsetSeconds(object["server_offset"].isEmpty ? "0" : object["server_offset"])
            if offset == nil {
                warn(ImportWarning(file: fileName, line: object.line, item: "\(object.name) \(id)", message: "invalid server_offset '\(object["server_offset"])'; times read as UTC"))
            }
            var site = Site(sourceKey: key, format: .movableType)
            site.title = object["name"]
            site.link = object["site_url"]
            site.description = object["description"]
            site.language = object["language"]
            site.baseSiteURL = object["site_url"]
            site.baseBlogURL = object["site_url"]
            site.generator = Site.movableTypeBackupGenerator + (schemaVersion.isEmpty ? "" : ", schema \(schemaVersion)")
            site.timeZone = TimeZone(secondsFromGMT: offset ?? 0)?.identifier ?? "UTC"
            var siteURL = object["site_url"]
            while siteURL.hasSuffix("/") { siteURL.removeLast() }
            blogs[id] = Blog(sourceKey: key, offsetSeconds: offset ?? 0, siteURL: siteURL, origin: Self.origin(of: siteURL))
            try emit(.site(site))
            currentBlog = id
        }
        pendingSites = []
    }

    private func addAuthor(_ object: MTBackupObject) {
        guard let id = object.id("id"), !object["name"].isEmpty else { return refuse(object, "an author without an id or a name") }
        var author = Author(login: object["name"])
        author.sourceID = id
        author.displayName = object["nickname"].isEmpty ? object["name"] : object["nickname"]
        author.email = object["email"]
        authors[id] = author
    }

    /// Makes `blogID` the current site (announcing the switch); nil, with a warning, for a blog
    /// the backup does not hold.
    private func enter(blog blogID: Int?, for object: MTBackupObject) throws -> Blog? {
        guard let blogID, let blog = blogs[blogID] else {
            refuse(object, "it belongs to blog \(object["blog_id"]), which the backup does not hold")
            return nil
        }
        if currentBlog != blogID {
            try emit(.resumeSite(sourceKey: blog.sourceKey))
            currentBlog = blogID
        }
        return blog
    }

    // MARK: Entries, pages, assets

    private func addEntry(_ object: MTBackupObject) throws {
        guard let id = object.id("id") else { return refuse(object, "an \(object.name) without an id") }
        guard let blog = try enter(blog: object.id("blog_id"), for: object), let blogID = object.id("blog_id") else { return }
        let basename = object["basename"]
        var post = Post(sourceID: basename.isEmpty ? "mt-entry-\(id)" : basename)
        post.postType = object.name == "page" ? "page" : "post"
        post.slug = basename
        post.title = object["title"]
        post.content = object["text"]
        post.excerpt = object["excerpt"]
        post.guid = object["atom_id"]
        post.commentStatus = object["allow_comments"] == "1" ? "open" : "closed"
        post.pingStatus = object["allow_pings"] == "1" ? "open" : "closed"
        if let name = object.int("status").flatMap({ Self.statusNames[$0] }) {
            post.status = MTEntryConverter.wordPressStatus(name) ?? "draft"
            post.sourceFields.append(MetaEntry(key: "STATUS", value: name))
        } else {
            warn(ImportWarning(file: fileName, line: object.line, item: "\(object.name) \(id)", message: "invalid status '\(object["status"])'; imported as draft"))
            post.status = "draft"
        }
        if let time = time(object, "authored_on", blog: blog) {
            post.postDate = time.local
            post.postDateGMT = time.utc
        }
        if let time = time(object, "modified_on", blog: blog) {
            post.modified = time.local
            post.modifiedGMT = time.utc
        }
        if let author = object.id("author_id").flatMap({ authors[$0] }) {
            post.creator = author.login
            if blogs[blogID]?.declaredAuthors.insert(author.login).inserted == true { try emit(.author(author)) }
        }
        post.sourceFields.append(MetaEntry(key: "EXTENDED BODY", value: object["text_more"]))
        for (column, key) in [("keywords", "KEYWORDS"), ("convert_breaks", "CONVERT BREAKS"), ("pinged_urls", "PINGED URLS")]
        where !object[column].isEmpty {
            post.sourceFields.append(MetaEntry(key: key, value: object[column]))
        }
        post.sourceFields.append(MetaEntry(key: "ENTRY ID", value: String(id)))
        post.legacyURLs = earlyURLs.removeValue(forKey: id) ?? []
        entries[id] = EntryRef(blogID: blogID, sourceID: post.sourceID)
        try emit(.post(post))
    }

    private func addAsset(_ object: MTBackupObject) throws {
        guard let id = object.id("id") else { return refuse(object, "an asset without an id") }
        guard let blog = try enter(blog: object.id("blog_id"), for: object) else { return }
        var post = Post(sourceID: "asset-\(id)")
        post.postType = "attachment"
        post.status = "inherit"
        post.title = object["label"].isEmpty ? object["file_name"] : object["label"]
        post.slug = TermSlug.make(object["file_name"])
        post.content = object["description"]
        // MT stores asset URLs relative to the blog: `%r` is its site URL.
        post.attachmentURL = object["url"].replacingOccurrences(of: "%r", with: blog.siteURL)
        post.link = post.attachmentURL
        post.guid = post.attachmentURL
        if let time = time(object, "created_on", blog: blog) {
            post.postDate = time.local
            post.postDateGMT = time.utc
        }
        try emit(.post(post))
    }

    private func addFileInfo(_ object: MTBackupObject) throws {
        guard let entryID = object.id("entry_id") else {
            skipped["fileinfo (not an entry's)", default: 0] += 1
            return
        }
        guard let blog = blogs[object.id("blog_id") ?? 0] else { return refuse(object, "it belongs to a blog the backup does not hold") }
        let path = object["url"]
        guard !path.isEmpty else { return }
        let url = path.hasPrefix("http://") || path.hasPrefix("https://") ? path : blog.origin + (path.hasPrefix("/") ? path : "/" + path)
        guard let entry = entries[entryID] else {
            earlyURLs[entryID, default: []].append(url)
            return
        }
        guard try enter(blog: entry.blogID, for: object) != nil else { return }
        try emit(.attachment(postSourceID: entry.sourceID, .legacyURL(url)))
    }

    // MARK: Terms

    private func addCategory(_ object: MTBackupObject) throws {
        guard let id = object.id("id"), let blogID = object.id("blog_id") else { return refuse(object, "a \(object.name) without an id or a blog") }
        guard try enter(blog: blogID, for: object) != nil else { return }
        let label = object["label"]
        let slug = label.isEmpty ? object["basename"] : TermSlug.make(label)
        var term = Term(taxonomy: object.name == "folder" ? "mt_folder" : "category", slug: slug)
        term.sourceID = id
        term.name = label
        term.description = object["description"]
        if let parentID = object.id("parent") {
            if let parent = categories[parentID] {
                term.parentSlug = parent.slug
            } else {
                warn(ImportWarning(file: fileName, line: object.line, item: "\(object.name) \(id)", message: "its parent \(parentID) is not before it in the backup; imported at the top level"))
            }
        }
        categories[id] = CategoryRef(blogID: blogID, taxonomy: term.taxonomy, slug: slug, name: label)
        try emit(.term(term))
    }

    private func addPlacement(_ object: MTBackupObject) throws {
        guard let entry = object.id("entry_id").flatMap({ entries[$0] }), let category = object.id("category_id").flatMap({ categories[$0] }) else {
            return refuse(object, "its entry or category is not in the backup")
        }
        guard try enter(blog: entry.blogID, for: object) != nil else { return }
        try emit(.attachment(postSourceID: entry.sourceID, .term(PostTerm(taxonomy: category.taxonomy, slug: category.slug, name: category.name))))
    }

    private func addTag(_ object: MTBackupObject) {
        guard let id = object.id("id") else { return refuse(object, "a tag without an id") }
        tags[id] = object["name"]
    }

    private func addObjectTag(_ object: MTBackupObject) throws {
        guard object["object_datasource"] == "entry" else {
            skipped["objecttag (not an entry's)", default: 0] += 1
            return
        }
        guard let entry = object.id("object_id").flatMap({ entries[$0] }), let name = object.id("tag_id").flatMap({ tags[$0] }) else {
            return refuse(object, "its entry or tag is not in the backup")
        }
        guard try enter(blog: entry.blogID, for: object) != nil else { return }
        try emit(.attachment(postSourceID: entry.sourceID, .term(PostTerm(taxonomy: "post_tag", slug: TermSlug.make(name), name: name))))
    }

    // MARK: Ping targets, pings, comments

    private func addTrackback(_ object: MTBackupObject) throws {
        guard let id = object.id("id") else { return refuse(object, "a trackback without an id") }
        let subject: TrackbackTarget.Subject
        let blogID: Int
        var categoryName = ""
        if let entryID = object.id("entry_id") {
            guard let entry = entries[entryID] else { return refuse(object, "its entry \(entryID) is not in the backup") }
            subject = .post(sourceID: entry.sourceID)
            blogID = entry.blogID
        } else if let categoryID = object.id("category_id"), let category = categories[categoryID] {
            subject = .category(slug: category.slug, name: category.name)
            blogID = category.blogID
            categoryName = category.name
        } else {
            return refuse(object, "it names no entry or category the backup holds")
        }
        guard try enter(blog: blogID, for: object) != nil else { return }
        trackbacks[id] = TrackbackRef(blogID: blogID, entryID: object.id("entry_id"), categoryName: categoryName)
        var target = TrackbackTarget(trackbackID: id, subject: subject)
        target.isDisabled = object["is_disabled"] == "1"
        target.passphrase = object["passphrase"]
        target.title = object["title"]
        target.url = object["url"]
        target.description = object["description"]
        try emit(.trackbackTarget(target))
    }

    private func addPing(_ object: MTBackupObject) throws {
        guard let id = object.id("id"), let target = object.id("tb_id").flatMap({ trackbacks[$0] }) else {
            return refuse(object, "its trackback \(object["tb_id"]) is not in the backup")
        }
        guard let entryID = target.entryID, let entry = entries[entryID] else {
            // Trackway keeps pings on posts, as WordPress does: WordPress has no category pings.
            warn(ImportWarning(file: fileName, line: object.line, item: "tbping \(id)", message: "a ping to category '\(target.categoryName)' (TrackBack \(object["tb_id"])): not imported, pings are kept on posts"))
            skipped["tbping (to a category)", default: 0] += 1
            return
        }
        guard let blog = try enter(blog: entry.blogID, for: object) else { return }
        var ping = Comment(sourceID: "tbping-\(id)")
        ping.commentType = "trackback"
        ping.author = object["blog_name"]
        ping.blogName = object["blog_name"]
        ping.sourceTitle = object["title"]
        ping.authorURL = object["source_url"]
        ping.authorIP = object["ip"]
        ping.content = object["excerpt"]
        ping.approved = Self.approved(object)
        setTime(of: &ping, object, blog: blog)
        try emit(.attachment(postSourceID: entry.sourceID, .comment(ping)))
    }

    private func addComment(_ object: MTBackupObject) throws {
        guard let id = object.id("id"), let entry = object.id("entry_id").flatMap({ entries[$0] }) else {
            return refuse(object, "its entry \(object["entry_id"]) is not in the backup")
        }
        guard let blog = try enter(blog: entry.blogID, for: object) else { return }
        var comment = Comment(sourceID: String(id))
        comment.commentType = "comment"
        comment.author = object["author"]
        comment.authorEmail = object["email"]
        comment.authorURL = object["url"]
        comment.authorIP = object["ip"]
        comment.content = object["text"]
        comment.parentSourceID = object.id("parent_id").map(String.init) ?? "0"
        comment.approved = Self.approved(object)
        setTime(of: &comment, object, blog: blog)
        try emit(.attachment(postSourceID: entry.sourceID, .comment(comment)))
    }

    /// MT's three states as its listing shows them: junk whatever `visible` says, else published
    /// when visible, else held for moderation.
    static func approved(_ object: MTBackupObject) -> String {
        if object["junk_status"].trimmingWhitespace() == "-1" { return "spam" }
        return object["visible"].trimmingWhitespace() == "1" ? "1" : "0"
    }

    // MARK: Helpers

    private func setTime(of comment: inout Comment, _ object: MTBackupObject, blog: Blog) {
        guard let time = time(object, "created_on", blog: blog) else { return }
        comment.date = time.local
        comment.dateGMT = time.utc
    }

    private func time(_ object: MTBackupObject, _ column: String, blog: Blog) -> MTBackupTime? {
        let text = object[column]
        guard !text.isEmpty else { return nil }
        guard let time = MTBackupTime(text, offsetSeconds: blog.offsetSeconds) else {
            warn(ImportWarning(file: fileName, line: object.line, item: "\(object.name) \(object["id"])", message: "invalid \(column) '\(text)'; expected 14 digits YYYYMMDDhhmmss"))
            return nil
        }
        return time
    }

    private func refuse(_ object: MTBackupObject, _ reason: String) {
        warn(ImportWarning(file: fileName, line: object.line, item: "\(object.name) \(object["id"])", message: "not imported: \(reason)"))
        skipped["\(object.name) (not placed)", default: 0] += 1
    }

    /// `scheme://host[:port]` of `url`, or the URL itself when it has no path.
    private static func origin(of url: String) -> String {
        guard let scheme = url.range(of: "://") else { return url }
        let afterScheme = url[scheme.upperBound...]
        guard let slash = afterScheme.firstIndex(of: "/") else { return url }
        return String(url[..<slash])
    }
}
