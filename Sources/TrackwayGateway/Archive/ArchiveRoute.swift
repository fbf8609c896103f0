import TrackwayStore

/// What a GET of the archive asks for, read from the path and query alone (WordPress's URL
/// shapes): a listing, the stylesheet, or a path that may be a post's address.
///
/// ```swift
/// ArchiveRoute(path: "/category/boats/page/2/", query: nil)
/// // .listing(.term(taxonomy: "category", slug: "boats"), page: 2)
/// ```
enum ArchiveRoute: Equatable {
    /// The site's posts (`.all` is the home page), page `page` from 1.
    case listing(ArchiveFilter, page: Int)
    case stylesheet
    /// Any other path: a post's address when the resolver knows it. `commentPage` is WordPress's
    /// `comment-page-N/` (taken off `path`), 1 when absent.
    case post(path: String, query: String?, commentPage: Int)

    static let stylesheetPath = "/trackway/style.css"

    init(path: String, query: String?) {
        if path == Self.stylesheetPath {
            self = .stylesheet
            return
        }
        let form = URLForm(query: query)
        var segments = path.split(separator: "/", omittingEmptySubsequences: true).map { String($0) }
        var page = form.string("paged").flatMap(Self.number) ?? 1
        if segments.count >= 2, segments[segments.count - 2] == "page", let number = Self.number(segments[segments.count - 1]) {
            page = number
            segments.removeLast(2)
        }
        let decoded = segments.map { String(decoding: URLForm.percentDecoded(Array($0.utf8)), as: UTF8.self) }
        if let filter = Self.filter(decoded, form: form) {
            self = .listing(filter, page: page)
            return
        }
        var postPath = path
        var commentPage = 1
        if let last = segments.last, last.hasPrefix("comment-page-"), let number = Self.number(String(last.dropFirst("comment-page-".count))) {
            commentPage = number
            postPath = "/" + segments.dropLast().joined(separator: "/") + (segments.count > 1 ? "/" : "")
        }
        self = .post(path: postPath, query: query, commentPage: commentPage)
    }

    /// The listing the path (pagination taken off, percent-decoded) or query names, if any.
    private static func filter(_ segments: [String], form: URLForm) -> ArchiveFilter? {
        if segments.isEmpty {
            if let search = form.string("s") { return .search(search) }
            if let tag = form.string("tag"), !tag.isEmpty { return .term(taxonomy: "post_tag", slug: termSlug(tag)) }
            if let name = form.string("category_name"), let slug = name.split(separator: "/").last {
                return .term(taxonomy: "category", slug: termSlug(String(slug)))
            }
            if let author = form.string("author_name"), !author.isEmpty { return .author(author) }
            if let month = form.string("m"), month.utf8.count == 6, let year = Int(month.prefix(4)), let number = Int(month.suffix(2)),
               (1...12).contains(number) {
                return .month(year: year, month: number)
            }
            // `?p=`, `?page_id=`… name a post; anything else is the home page.
            return form.has("p") || form.has("page_id") || form.has("attachment_id") ? nil : .all
        }
        switch (segments[0], segments.count) {
        case ("category", 2...): return .term(taxonomy: "category", slug: termSlug(segments[segments.count - 1]))
        case ("tag", 2): return .term(taxonomy: "post_tag", slug: termSlug(segments[1]))
        case ("author", 2): return .author(segments[1])
        case (_, 2):
            guard segments[0].utf8.count == 4, let year = Int(segments[0]), segments[1].utf8.count == 2,
                  let month = Int(segments[1]), (1...12).contains(month) else { return nil }
            return .month(year: year, month: month)
        default: return nil
        }
    }

    /// A term slug as stored (WordPress's `sanitize_title`, and `TermSlug` for Movable Type):
    /// ASCII in lower case, other bytes as lower-case `%xx`, whichever way the request spelled it.
    static func termSlug(_ decoded: String) -> String {
        var slug = ""
        for byte in decoded.utf8 {
            if byte >= 0x80 {
                let hex = String(byte, radix: 16)
                slug += "%" + (hex.count == 1 ? "0" + hex : hex)
            } else {
                slug.append(Character(UnicodeScalar(byte)).lowercased())
            }
        }
        return slug
    }

    /// A page number: ASCII digits, at least 1, at most a million.
    private static func number(_ text: String) -> Int? {
        guard !text.isEmpty, text.utf8.count <= 7, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let value = Int(text), value >= 1 else {
            return nil
        }
        return value
    }
}
