import Foundation
import TrackwayCore

/// Interprets a Movable Type entry's values into a `Post`: dates in the site's zone, statuses in
/// WordPress's vocabulary, categories and tags as terms, comments and pings as comments.
///
/// Bad values never stop the import: each one gets a warning with its line, and the field keeps
/// a stated fallback (an invalid DATE leaves the dates empty and keeps the raw text in
/// `sourceFields`; an invalid STATUS imports the entry as `draft`; an invalid ALLOW COMMENTS or
/// ALLOW PINGS keeps the Core default `open`).
struct MTEntryConverter {
    let fileName: String
    let timeZone: TimeZone

    /// Metadata keys with a column of their own; every other key goes to `sourceFields`.
    private static let mappedKeys: Set<String> = [
        "AUTHOR", "TITLE", "DATE", "BASENAME", "ALLOW COMMENTS", "ALLOW PINGS", "CATEGORY", "PRIMARY CATEGORY", "TAGS",
    ]

    /// How many comments and pings of an entry were converted so far: their ids (`c1`, `p1`)
    /// count on across the pieces of a long entry.
    struct SectionCounts {
        var comments = 0
        var pings = 0
    }

    func post(from entry: MTEntry, warn: (ImportWarning) -> Void) -> Post {
        var counts = SectionCounts()
        return post(from: entry, counts: &counts, warn: warn)
    }

    /// The post of `entry`, its comments and pings numbered on from `counts`.
    func post(from entry: MTEntry, counts: inout SectionCounts, warn: (ImportWarning) -> Void) -> Post {
        var post = Post(sourceID: "")
        let title = entry.value("TITLE") ?? ""
        let date = entry.value("DATE") ?? ""
        post.title = title
        post.creator = entry.value("AUTHOR") ?? ""
        post.slug = entry.value("BASENAME") ?? ""
        post.sourceID = post.slug.isEmpty ? Self.stableID(date: date, title: title) : post.slug
        let item = "entry \(post.sourceID)"
        var categories: [String] = []
        for field in entry.fields {
            switch field.key {
            case "DATE":
                if let parsed = MTDate(field.value, timeZone: timeZone) {
                    post.postDate = parsed.local
                    post.postDateGMT = parsed.utc
                } else {
                    warn(invalid("DATE", field, item: item, fallback: "the post has no date; the text is kept"))
                    post.sourceFields.append(MetaEntry(key: field.key, value: field.value))
                }
            case "STATUS":
                post.sourceFields.append(MetaEntry(key: field.key, value: field.value))
                if let status = Self.wordPressStatus(field.value) {
                    post.status = status
                } else {
                    warn(invalid("STATUS", field, item: item, fallback: "imported as draft"))
                    post.status = "draft"
                }
            case "ALLOW COMMENTS":
                post.commentStatus = switchValue(field, item: item, allowed: ["1": "open", "0": "closed", "2": "closed", "": "closed"], warn: warn)
                    ?? post.commentStatus
            case "ALLOW PINGS":
                post.pingStatus = switchValue(field, item: item, allowed: ["1": "open", "0": "closed", "": "closed"], warn: warn)
                    ?? post.pingStatus
            case "PRIMARY CATEGORY":
                if !field.value.isEmpty { categories.insert(field.value, at: 0) }
            case "CATEGORY":
                if !field.value.isEmpty { categories.append(field.value) }
            case "TAGS":
                for tag in MTTagList.split(field.value) {
                    post.terms.append(PostTerm(taxonomy: "post_tag", slug: TermSlug.make(tag), name: tag))
                }
            case "UNIQUE URL":
                post.sourceFields.append(MetaEntry(key: field.key, value: field.value))
                if !field.value.isEmpty { post.legacyURLs.append(field.value) }
            case let key where !Self.mappedKeys.contains(key):
                post.sourceFields.append(MetaEntry(key: field.key, value: field.value))
            default:
                continue
            }
        }
        var seen: Set<String> = []
        let categoryTerms = categories.filter { seen.insert($0).inserted }.map {
            PostTerm(taxonomy: "category", slug: TermSlug.make($0), name: $0)
        }
        post.terms.insert(contentsOf: categoryTerms, at: 0)
        readSections(entry.sections, into: &post, counts: &counts, item: item, warn: warn)
        post.replacedCharacters = entry.replacedCharacters
        return post
    }

    /// The comments and pings of `sections`, taken from the entry of post `postSourceID`,
    /// numbered on from `counts`.
    func pingsAndComments(
        from sections: [MTEntry.Section], of postSourceID: String, counts: inout SectionCounts, warn: (ImportWarning) -> Void
    ) -> [Comment] {
        var post = Post(sourceID: postSourceID)
        readSections(sections, into: &post, counts: &counts, item: "entry \(postSourceID)", warn: warn)
        return post.comments
    }

    private func readSections(
        _ sections: [MTEntry.Section], into post: inout Post, counts: inout SectionCounts, item: String,
        warn: (ImportWarning) -> Void
    ) {
        for section in sections {
            switch section.name {
            case "BODY":
                post.content = section.text
            case "EXCERPT":
                post.excerpt = section.text
            case "COMMENT":
                counts.comments += 1
                var comment = Comment(sourceID: "c\(counts.comments)")
                comment.commentType = "comment"
                comment.content = section.text
                for header in section.headers {
                    switch header.key {
                    case "AUTHOR": comment.author = header.value
                    case "EMAIL": comment.authorEmail = header.value
                    case "URL": comment.authorURL = header.value
                    case "IP": comment.authorIP = header.value
                    default: setDate(header, of: &comment, item: item, warn: warn)
                    }
                }
                post.comments.append(comment)
            case "PING":
                counts.pings += 1
                var ping = Comment(sourceID: "p\(counts.pings)")
                ping.commentType = "trackback"
                ping.content = section.text
                for header in section.headers {
                    switch header.key {
                    case "TITLE": ping.sourceTitle = header.value
                    case "URL": ping.authorURL = header.value
                    case "IP": ping.authorIP = header.value
                    case "BLOG NAME":
                        ping.blogName = header.value
                        ping.author = header.value
                    default: setDate(header, of: &ping, item: item, warn: warn)
                    }
                }
                post.comments.append(ping)
            default:
                // EXTENDED BODY, KEYWORDS and sections no WordPress column holds.
                post.sourceFields.append(MetaEntry(key: section.name, value: section.text))
            }
        }
    }

    private func setDate(_ header: MTEntry.Field, of comment: inout Comment, item: String, warn: (ImportWarning) -> Void) {
        if let parsed = MTDate(header.value, timeZone: timeZone) {
            comment.date = parsed.local
            comment.dateGMT = parsed.utc
        } else {
            warn(invalid("DATE", header, item: item + " " + comment.sourceID, fallback: "the \(comment.kind.rawValue) has no date"))
        }
    }

    private func switchValue(
        _ field: MTEntry.Field, item: String, allowed: [String: String], warn: (ImportWarning) -> Void
    ) -> String? {
        if let value = allowed[field.value] { return value }
        warn(invalid(field.key, field, item: item, fallback: "kept as open"))
        return nil
    }

    private func invalid(_ key: String, _ field: MTEntry.Field, item: String, fallback: String) -> ImportWarning {
        ImportWarning(file: fileName, line: field.line, item: item, message: "invalid \(key) '\(field.value)'; \(fallback)")
    }

    /// Movable Type's status names (any case) in WordPress's vocabulary.
    static func wordPressStatus(_ value: String) -> String? {
        switch value.lowercased() {
        case "publish": return "publish"
        case "draft": return "draft"
        case "review": return "pending"
        case "future": return "future"
        case "unpublish": return "draft"
        // Junk entries must not go live; trash keeps them recoverable.
        case "spam", "junk": return "trash"
        default: return nil
        }
    }

    /// An id for an entry without BASENAME that stays the same across imports of the same file:
    /// FNV-1a (64 bit) of DATE and TITLE, in hex.
    static func stableID(date: String, title: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in (date + "\n" + title).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return "mt-" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
