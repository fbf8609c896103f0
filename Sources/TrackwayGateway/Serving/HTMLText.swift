import TrackwayXML

/// Escaping for text placed in HTML built by the gateway (discovery pages, stored excerpts), and
/// the HTML text WordPress stores of what a sender wrote.
enum HTMLText {
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#039;"
            default: result.append(character)
            }
        }
        return result
    }

    /// `url` when it is an http or https address, the only kind a link from stored data may be
    /// on a page or in an answer (a stranger's, or an export's: a hostile file could name
    /// `javascript:` as a permalink).
    static func webAddress(_ url: String) -> String? {
        let lowered = url.prefix(8).lowercased()
        return lowered.hasPrefix("http://") || lowered.hasPrefix("https://") ? url : nil
    }

    /// `text` cut to `limit` characters with `…` appended when cut (WordPress's `wp_html_excerpt`,
    /// which appends `&#8230;`).
    static func excerpt(_ text: String, limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit)) + "\u{2026}"
    }

    /// A field a sender wrote as HTML (a TrackBack's `title`, `excerpt`, `blog_name`) as the HTML
    /// text WordPress stores of it: markup dropped and whitespace collapsed (`wp_strip_all_tags`),
    /// cut to `limit` characters with `&#8230;` appended when longer (`wp_html_excerpt`, which
    /// counts a reference by its letters, as WordPress's senders count when they cut), then
    /// every valid character reference kept as written and any other `&`, `<`, `>` escaped
    /// (kses, on `wp_new_comment`).
    ///
    /// ```swift
    /// HTMLText.normalized("<em>It&#8217;s</em> AT&T &lt;3", limit: 250)   // "It&#8217;s AT&amp;T &lt;3"
    /// ```
    static func normalized(_ html: String, limit: Int? = nil) -> String {
        let text = HTMLLinkScanner.textKeepingReferences(ofFragment: html)
        // A text of no more bytes than the limit has no more characters: not counted.
        guard let limit, text.utf8.count > limit, text.count > limit else { return HTMLCharacterReference.escapingBareCharacters(text) }
        var cut = text.prefix(limit)
        // wp_html_excerpt's "remove part of an entity at the end": an `&` and up to six more.
        if let ampersand = cut.suffix(7).lastIndex(of: "&"), !cut[ampersand...].contains(where: { $0 == ";" || $0.isWhitespace }) {
            cut = cut[..<ampersand]
        }
        while cut.last == " " { cut = cut.dropLast() }
        return HTMLCharacterReference.escapingBareCharacters(cut + "&#8230;")
    }
}
