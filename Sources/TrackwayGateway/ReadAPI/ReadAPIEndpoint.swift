/// The read API's routes, webmention.io's paths: `/api/mentions` and `/api/links` with `.json`
/// (the default, the `links` shape) or `.jf2`, and `/api/count` with or without `.json`.
///
/// ```swift
/// ReadAPIEndpoint(path: "/api/mentions.jf2")   // .mentions(.jf2)
/// ReadAPIEndpoint(path: "/2008/01/hello/")     // nil
/// ```
enum ReadAPIEndpoint: Equatable {
    case mentions(MentionFormat)
    case count

    /// The two shapes of a mention list.
    enum MentionFormat: Equatable {
        /// `{"links": [...]}`, webmention.io's original JSON.
        case links
        /// `{"type": "feed", "children": [...]}`.
        case jf2
    }

    init?(path: String) {
        switch path {
        case "/api/mentions", "/api/mentions.json", "/api/links", "/api/links.json": self = .mentions(.links)
        case "/api/mentions.jf2", "/api/links.jf2": self = .mentions(.jf2)
        case "/api/count", "/api/count.json": self = .count
        default: return nil
        }
    }
}
