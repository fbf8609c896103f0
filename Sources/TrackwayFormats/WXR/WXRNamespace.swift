/// The namespaces a WXR reader knows, matched by URI (any prefix, http or https, any version).
enum WXRNamespace: Equatable {
    /// No namespace: RSS elements (`title`, `link`, `item`, `category`, …).
    case rss
    /// `http://wordpress.org/export/N.N/`.
    case wordPress
    /// `http://wordpress.org/export/N.N/excerpt/`.
    case excerpt
    /// `http://purl.org/rss/1.0/modules/content/`.
    case content
    /// `http://purl.org/dc/elements/1.1/`.
    case dublinCore
    /// Anything else: plugin data, foreign namespaces.
    case other

    init(uri: String) {
        if uri.isEmpty {
            self = .rss
        } else if uri.wholeMatch(of: /https?:\/\/wordpress\.org\/export\/\d+\.\d+\//) != nil {
            self = .wordPress
        } else if uri.wholeMatch(of: /https?:\/\/wordpress\.org\/export\/\d+\.\d+\/excerpt\//) != nil {
            self = .excerpt
        } else if uri.wholeMatch(of: /https?:\/\/purl\.org\/rss\/1\.0\/modules\/content\//) != nil {
            self = .content
        } else if uri.wholeMatch(of: /https?:\/\/purl\.org\/dc\/elements\/1\.1\//) != nil {
            self = .dublinCore
        } else {
            self = .other
        }
    }
}
