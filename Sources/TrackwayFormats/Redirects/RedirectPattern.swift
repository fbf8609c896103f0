/// A WordPress permalink structure such as `/%year%/%monthnum%/%postname%/`, rendered per post.
///
/// ```swift
/// let pattern = try RedirectPattern("/%category%/%postname%/")
/// pattern.path(for: source)   // "/boats/haul-out/"
/// ```
public struct RedirectPattern: Sendable, Equatable {
    /// The permalink tags WordPress documents for its permalink structures.
    public enum Tag: String, Sendable, CaseIterable {
        case year, monthnum, day, hour, minute, second, postname
        case postID = "post_id"
        case category, author
    }

    private enum Piece: Sendable, Equatable {
        case text(String)
        case tag(Tag)
    }

    /// The pattern as given.
    public let text: String
    private let pieces: [Piece]

    /// Parses `text`; a tag outside the documented set is an error rather than text, since a
    /// typo would otherwise send every old URL to a page that does not exist.
    public init(_ text: String) throws {
        self.text = text
        var pieces: [Piece] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "%") {
            pieces.append(.text(String(rest[..<open])))
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "%") else { throw RedirectMapError.unclosedTag(in: text) }
            let name = String(rest[afterOpen..<close])
            guard let tag = Tag(rawValue: name) else { throw RedirectMapError.unknownTag(name, in: text) }
            pieces.append(.tag(tag))
            rest = rest[rest.index(after: close)...]
        }
        pieces.append(.text(String(rest)))
        self.pieces = pieces.filter { $0 != .text("") }
    }

    /// The new path of `source`: pages at their WordPress permalink, the path of their parents'
    /// slugs and their own (`/about/team/`, as `get_page_uri()` makes it), posts rendered from
    /// the pattern. nil when
    /// the pattern does not apply (attachments, other types) or the post lacks what it needs
    /// (no slug for `%postname%`, a date that is not `YYYY-MM-DD HH:MM:SS`): the caller keeps
    /// the old path then.
    public func path(for source: RedirectSource) -> String? {
        switch source.postType {
        case "page":
            guard !source.slug.isEmpty else { return nil }
            return source.parentPath.isEmpty ? "/\(source.slug)/" : "/\(source.parentPath)/\(source.slug)/"
        case "post":
            var path = ""
            for piece in pieces {
                switch piece {
                case .text(let text): path += text
                case .tag(let tag):
                    guard let value = value(of: tag, for: source), !value.isEmpty else { return nil }
                    path += value
                }
            }
            return path.hasPrefix("/") ? path : "/" + path
        default:
            return nil
        }
    }

    private func value(of tag: Tag, for source: RedirectSource) -> String? {
        // Fixed positions of "YYYY-MM-DD HH:MM:SS"; WordPress writes post_date this way.
        let date = Array(source.postDate)
        let datePart: (Int, Int) -> String? = { start, length in
            guard date.count >= 19, date[start..<(start + length)].allSatisfy(\.isASCII),
                  date[start..<(start + length)].allSatisfy(\.isNumber) else { return nil }
            return String(date[start..<(start + length)])
        }
        switch tag {
        case .year: return datePart(0, 4)
        case .monthnum: return datePart(5, 2)
        case .day: return datePart(8, 2)
        case .hour: return datePart(11, 2)
        case .minute: return datePart(14, 2)
        case .second: return datePart(17, 2)
        case .postname: return source.slug
        case .postID: return source.postID
        // WordPress files uncategorized posts under its default category's slug.
        case .category: return source.category.isEmpty ? "uncategorized" : source.category
        case .author: return source.author
        }
    }
}
