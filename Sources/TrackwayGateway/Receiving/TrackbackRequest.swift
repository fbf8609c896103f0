import TrackwayXML

/// A TrackBack ping's fields, decoded to UTF-8 from the charset the sender declared.
struct TrackbackRequest: Sendable, Equatable {
    var url: String
    var title: String
    var excerpt: String
    var blogName: String

    /// Why a TrackBack body could not be read.
    enum Refusal: Error, Equatable {
        /// UTF-7 can smuggle markup past filters; WordPress refuses it too.
        case utf7
        case unknownCharset(String)
        case undecodable(String)
    }

    /// Reads a form body; `contentTypeCharset` is the Content-Type's charset, used when the body
    /// has no `charset` field.
    init(form: URLForm, contentTypeCharset: String?) throws(Refusal) {
        let declared = form.string("charset").map { $0.filter { $0 != "," && $0 != " " } } ?? contentTypeCharset
        let charset = declared?.trimmingCharacters(in: " \t").uppercased()
        if let charset, charset.contains("UTF-7") { throw .utf7 }
        func field(_ name: String) throws(Refusal) -> String {
            guard let bytes = form.bytes(name) else { return "" }
            guard let text = CharsetConverter.decode(bytes, charset: charset) else {
                if let charset, CharsetConverter.decode([0x41], charset: charset) == nil { throw .unknownCharset(charset) }
                throw .undecodable(charset ?? "UTF-8")
            }
            return text
        }
        // The URL is ASCII in practice; it is read as UTF-8 whatever the charset, as WordPress does.
        url = form.string("url")?.trimmingWhitespace() ?? ""
        title = try field("title")
        excerpt = try field("excerpt")
        blogName = try field("blog_name")
    }

    init(url: String, title: String, excerpt: String, blogName: String) {
        self.url = url
        self.title = title
        self.excerpt = excerpt
        self.blogName = blogName
    }
}
