import Foundation
import TrackwayCore

/// Turns a Movable Type backup's objects, in file order, into import records: a machine with
/// objects in and records out, testable without XML.
///
/// MT writes a backup class by class (`website`, `blog`, `author`, then categories, entries and
/// the rest, then placements, trackbacks, tags' links, pings, comments), each class for every
/// blog at once. So what comes after an entry is handed on as `.attachment` records that name it
/// by MT's ids (the entry's, or a ping's TrackBack target's), which the store looks up in the rows
/// it wrote; when an object belongs to another blog than the one before, `.resumeSite` switches
/// first. The machine keeps only a bit per entry and target id met (to refuse what names none)
/// and the blogs' vocabulary (authors, categories, tags, category targets): memory does not grow
/// with the number of entries, comments or pings, nor with their text. `fileinfo` rows met before
/// their entry are the exception: they wait for it in memory, up to `earlyURLLimit` of them, and
/// past that in a temporary file (`MTBackupURLSpill`), handed on as `.attachment`s at the end.
///
/// Statuses and times follow MT: entry status 1-6 (`Draft`, `Publish`, `Review`, `Future`,
/// `Spam`, `Unpublish`) as the text export's converter maps them; a comment or ping is spam
/// when `junk_status` is -1, else approved when `visible` is 1, else held for moderation; a
/// 14-digit local time is stored as it reads and in UTC by the blog's `server_offset`.
final class MTBackupConverter {
    /// A blog of the backup, as the machine keeps it. A class: nearly every object looks its blog
    /// up, and handing out a reference costs one retain where a copy cost one a field.
    final class Blog {
        let sourceKey: String
        let offsetSeconds: Int
        /// `site_url` without its trailing slash: what MT's `%r` stands for in asset URLs.
        let siteURL: String
        /// `scheme://host` of `site_url`, which `fileinfo` paths are relative to.
        let origin: String
        var declaredAuthors: Set<String> = []

        init(sourceKey: String, offsetSeconds: Int, siteURL: String, origin: String) {
            self.sourceKey = sourceKey
            self.offsetSeconds = offsetSeconds
            self.siteURL = siteURL
            self.origin = origin
        }
    }

    struct CategoryRef {
        var blogID: Int
        var taxonomy: String
        var slug: String
        var name: String
    }

    /// MT's entry status numbers as its text export spells them (`MT::Entry::status_text`).
    static let statusNames = [1: "Draft", 2: "Publish", 3: "Review", 4: "Future", 5: "Spam", 6: "Unpublish"]

    /// The root's `schema_version`, recorded as the sites' generator.
    var schemaVersion = ""
    /// The name of the document being read, for warnings.
    var fileName: String

    private let siteKey: String?
    let emit: (ImportRecord) throws -> Void
    let warn: (ImportWarning) -> Void

    private var pendingSites: [MTBackupObject] = []
    private var sitesEmitted = false
    var blogs: [Int: Blog] = [:]
    var currentBlog: Int?
    var authors: [Int: Author] = [:]
    var categories: [Int: CategoryRef] = [:]
    /// The entries and pages met, by id.
    var entries = MTBackupIDSet()
    /// The tags met, by id, each with its slug: made once a tag, not once a tagged entry.
    var tags: [Int: PostTerm] = [:]
    /// The entries' TrackBack targets met, by id.
    var entryTrackbacks = MTBackupIDSet()
    /// The categories' TrackBack targets met: their category's label, by target id.
    var categoryTrackbacks: [Int: String] = [:]
    /// `fileinfo` URLs met before their entry (MT orders classes of equal rank as it likes).
    var earlyURLs: [Int: [String]] = [:]
    /// How many URLs `earlyURLs` holds.
    var earlyURLCount = 0
    /// `fileinfo` URLs met before their entry when `earlyURLs` was full, made on the first.
    var urlSpill: MTBackupURLSpill?
    /// The most `fileinfo` URLs waiting for their entry in memory at once: some 18 MB (a URL
    /// takes about 180 bytes with its string, array and dictionary entry). MT may write every
    /// `fileinfo` row before the entries (both are of rank 500): a blog of up to 100,000 entries
    /// then has its URLs written with its entries, a larger one the rest at the end, from disk,
    /// and a hostile file writing millions of them for entries it never holds costs no more memory
    /// than that.
    static let earlyURLLimit = 100_000
    var skipped: [String: Int] = [:]

    /// A machine handing records to `emit` and problems to `warn`; `siteKey` names the site of a
    /// backup holding one blog, and is the prefix of each blog's key (in place of `mt`) in a
    /// backup holding several.
    init(fileName: String, siteKey: String?, emit: @escaping (ImportRecord) throws -> Void, warn: @escaping (ImportWarning) -> Void) {
        self.fileName = fileName
        self.siteKey = siteKey
        self.emit = emit
        self.warn = warn
    }

    /// Takes the next object of the backup.
    func add(_ object: MTBackupObject) throws {
        if object.element.kind == .site {
            guard !sitesEmitted else { return refuse(object, "a \(object.name) after other objects; MT writes sites first") }
            pendingSites.append(object)
            return
        }
        try emitSites()
        switch object.element.kind {
        case .site: break
        case .author: addAuthor(object)
        case .category: try addCategory(object)
        case .entry: try addEntry(object)
        case .placement: try addPlacement(object)
        case .tag: addTag(object)
        case .objectTag: try addObjectTag(object)
        case .trackback: try addTrackback(object)
        case .ping: try addPing(object)
        case .comment: try addComment(object)
        case .fileInfo: try addFileInfo(object)
        case .asset: try addAsset(object)
        }
    }

    /// Counts an element the backup holds and Trackway does not import.
    func skip(elementNamed name: String) {
        skipped[name, default: 0] += 1
    }

    /// Ends the backup: sites of a backup with nothing else, the `fileinfo` URLs that waited on
    /// disk for their entries, what could not be placed, and the skipped elements' counts.
    func finish() throws {
        try emitSites()
        var unplaced = earlyURLCount
        try urlSpill?.forEach { blogID, entryID, url in
            guard entries.contains(entryID) else { return unplaced += 1 }
            try enter(knownBlog: blogID)
            try emit(.attachment(to: .movableTypeEntry(entryID), .legacyURL(url)))
        }
        urlSpill = nil
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
        var usedKeys: Set<String> = []
        for object in pendingSites {
            guard let id = object.id(.id) else {
                refuse(object, "a \(object.name) without an id")
                continue
            }
            var key = pendingSites.count == 1
                ? siteKey ?? MTBackupSiteKey.make(blogName: object[.name])
                : MTBackupSiteKey.make(blogName: object[.name], prefix: siteKey ?? MTBackupSiteKey.defaultPrefix)
            if !usedKeys.insert(key).inserted {
                key += "-\(id)"
                usedKeys.insert(key)
            }
            let offset = MTBackupTime.offsetSeconds(object[.serverOffset].isEmpty ? "0" : object[.serverOffset])
            if offset == nil {
                warn(ImportWarning(file: fileName, line: object.line, item: "\(object.name) \(id)", message: "invalid server_offset '\(object[.serverOffset])'; times read as UTC"))
            }
            var site = Site(sourceKey: key, format: .movableType)
            site.title = object[.name]
            site.link = object[.siteURL]
            site.description = object[.description]
            site.language = object[.language]
            site.baseSiteURL = object[.siteURL]
            site.baseBlogURL = object[.siteURL]
            site.generator = Site.movableTypeBackupGenerator + (schemaVersion.isEmpty ? "" : ", schema \(schemaVersion)")
            site.timeZone = TimeZone(secondsFromGMT: offset ?? 0)?.identifier ?? "UTC"
            var siteURL = object[.siteURL]
            while siteURL.hasSuffix("/") { siteURL.removeLast() }
            blogs[id] = Blog(sourceKey: key, offsetSeconds: offset ?? 0, siteURL: siteURL, origin: Self.origin(of: siteURL))
            try emit(.site(site))
            currentBlog = id
        }
        pendingSites = []
    }

    private func addAuthor(_ object: MTBackupObject) {
        guard let id = object.id(.id), !object[.name].isEmpty else { return refuse(object, "an author without an id or a name") }
        var author = Author(login: object[.name])
        author.sourceID = id
        author.displayName = object[.nickname].isEmpty ? object[.name] : object[.nickname]
        author.email = object[.email]
        authors[id] = author
    }

    /// Makes `blogID` the current site (announcing the switch); nil, with a warning, for a blog
    /// the backup does not hold.
    func enter(blog blogID: Int?, for object: MTBackupObject) throws -> Blog? {
        guard let blogID, let blog = blogs[blogID] else {
            refuse(object, "it belongs to blog \(object[.blogID]), which the backup does not hold")
            return nil
        }
        try enter(knownBlog: blogID)
        return blog
    }

    /// Switches the records that follow to blog `blogID`, one the backup holds.
    func enter(knownBlog blogID: Int) throws {
        guard currentBlog != blogID, let blog = blogs[blogID] else { return }
        try emit(.resumeSite(sourceKey: blog.sourceKey))
        currentBlog = blogID
    }

    // MARK: Helpers

    func setTime(of comment: inout Comment, _ object: MTBackupObject, blog: Blog) {
        guard let time = time(object, .createdOn, blog: blog) else { return }
        comment.date = time.local
        comment.dateGMT = time.utc
    }

    func time(_ object: MTBackupObject, _ column: MTBackupColumn, blog: Blog) -> MTBackupTime? {
        let text = object[column]
        guard !text.isEmpty else { return nil }
        guard let time = MTBackupTime(text, offsetSeconds: blog.offsetSeconds) else {
            warn(ImportWarning(file: fileName, line: object.line, item: "\(object.name) \(object[.id])", message: "invalid \(column.name) '\(text)'; expected 14 digits YYYYMMDDhhmmss"))
            return nil
        }
        return time
    }

    func refuse(_ object: MTBackupObject, _ reason: String) {
        warn(ImportWarning(file: fileName, line: object.line, item: "\(object.name) \(object[.id])", message: "not imported: \(reason)"))
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
