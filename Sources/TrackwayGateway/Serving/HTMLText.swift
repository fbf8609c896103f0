/// Escaping for text placed in HTML built by the gateway (discovery pages, stored excerpts).
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

    /// `text` cut to `limit` characters with `&#8230;` appended when cut (WordPress's `wp_html_excerpt`).
    static func excerpt(_ text: String, limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit)) + "\u{2026}"
    }
}
