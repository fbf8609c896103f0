import TrackwayXML

/// WordPress's `make_clickable` (wp-includes/formatting.php, WordPress 6.x), the `comment_text`
/// filter that turns the URLs, `www.`/`ftp.` names and e-mail addresses of a comment's text into
/// links, and the link count `check_comment()` compares with `comment_max_links`: the
/// `<a [^>]*href` of the filtered text.
///
/// ```swift
/// WordPressClickable.linkCount(in: "see http://a.example and www.b.example")   // 2
/// ```
///
/// Text inside tags, and inside `<code>`, `<pre>`, `<script>` and `<style>`, is left alone; a
/// link made inside a link is undone, as WordPress undoes it. URL schemes must be among
/// WordPress's allowed protocols (`esc_url`), or no link is made.
enum WordPressClickable {
    /// How many links WordPress counts in `content` for `comment_max_links`.
    static func linkCount(in content: String) -> Int {
        linkCount(inFiltered: filtered(content))
    }

    /// `content` as `check_comment()` matches it after the `comment_text` filter, as far as
    /// `make_clickable` changes it; `content` itself, uncopied, when it holds nothing that could
    /// become a link (most pings: a scan of the bytes says so).
    static func filtered(_ content: String) -> String {
        mayHoldLinks(content) ? clickable(content) : content
    }

    /// At least as many links as `linkCount(in:)` finds, from a scan of the bytes: every link
    /// starts at an `<a ` of the text or at one `make_clickable` makes, and it makes one at most
    /// for each `://`, `www.`, `ftp.` and `@` (`max-links` needs no more when this is below it).
    static func linkBound(in content: String) -> Int {
        content.utf8.withContiguousStorageIfAvailable(linkBound) ?? Array(content.utf8).withUnsafeBufferPointer(linkBound)
    }

    private static func linkBound(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var bound = 0
        for index in bytes.indices where isLinkStart(bytes, index) { bound += 1 }
        return bound
    }

    /// True when `bytes[index]` ends a `www.` or `ftp.`, starts `<a` or `://`, or is an `@`.
    private static func isLinkStart(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        let count = bytes.count
        switch bytes[index] {
        case 0x40: return true
        case 0x3C: return index + 1 < count && bytes[index + 1] | 0x20 == 0x61
        case 0x3A: return index + 2 < count && bytes[index + 1] == 0x2F && bytes[index + 2] == 0x2F
        case 0x2E where index >= 3:
            let (a, b, c) = (bytes[index - 3] | 0x20, bytes[index - 2] | 0x20, bytes[index - 1] | 0x20)
            return (a, b, c) == (0x77, 0x77, 0x77) || (a, b, c) == (0x66, 0x74, 0x70)
        default: return false
        }
    }

    /// The `<a [^>]*href` of a text `filtered` gave.
    static func linkCount(inFiltered text: String) -> Int {
        mayHoldLinks(text) ? Patterns.anchorWithHref.count(in: text) : 0
    }

    /// `text` as `make_clickable` gives it, the links it makes with `rel="nofollow ugc"` (as in `comment_text`).
    static func clickable(_ text: String) -> String {
        var result = ""
        var nested = 0
        for piece in pieces(text) {
            let lower = piece.lowercased()
            if ["<code", "<pre", "<script", "<style"].contains(where: { lower.hasPrefix($0) && startsElement(lower, afterPrefix: $0) }) {
                nested += 1
            } else if nested > 0, ["</code>", "</pre>", "</script>", "</style>"].contains(lower) {
                nested -= 1
            }
            if nested > 0 || piece.isEmpty || (piece.hasPrefix("<") && !looksLikeBracketedURL(piece)) {
                result += piece
            } else if piece.utf8.count > 10_000 {
                for chunk in chunks(piece, goal: 2_100) {
                    result += chunk.utf8.count > 2_101 ? chunk : clickable(chunk)
                }
            } else {
                // Each pattern runs only where what it needs is there (the passes cost tens of µs).
                var padded = " " + piece + " "
                if lower.firstUTF8Range(of: "://") != nil { padded = Patterns.url.replacing(in: padded, groups: urlLink) }
                if lower.firstUTF8Range(of: "www.") != nil || lower.firstUTF8Range(of: "ftp.") != nil {
                    padded = Patterns.webOrFTP.replacing(in: padded, groups: webLink)
                }
                if lower.utf8.contains(0x40) { padded = Patterns.email.replacing(in: padded, groups: emailLink) }
                result += padded.dropFirst().dropLast()
            }
        }
        return Patterns.linkInLink.replacing(in: result, with: "$1$3</a>")
    }

    /// False only when `content` cannot hold a link before or after `make_clickable`: no `<a`, `://`,
    /// `@`, `www.` or `ftp.`, in any case.
    private static func mayHoldLinks(_ content: String) -> Bool {
        content.utf8.withContiguousStorageIfAvailable(mayHoldLinks) ?? Array(content.utf8).withUnsafeBufferPointer(mayHoldLinks)
    }

    private static func mayHoldLinks(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.indices.contains { isLinkStart(bytes, $0) }
    }

    /// The text split into tags (`<[^<>]+>`) and the text between them, as `preg_split` with
    /// `PREG_SPLIT_DELIM_CAPTURE` gives them (empty pieces included).
    private static func pieces(_ text: String) -> [String] {
        var pieces: [String] = []
        let bytes = Array(text.utf8)
        var start = 0
        var index = 0
        while index < bytes.count {
            guard bytes[index] == 0x3C else {
                index += 1
                continue
            }
            var end = index + 1
            while end < bytes.count, bytes[end] != 0x3C, bytes[end] != 0x3E { end += 1 }
            guard end < bytes.count, bytes[end] == 0x3E, end > index + 1 else {
                index = end
                continue
            }
            pieces.append(String(decoding: bytes[start..<index], as: UTF8.self))
            pieces.append(String(decoding: bytes[index...end], as: UTF8.self))
            start = end + 1
            index = end + 1
        }
        pieces.append(String(decoding: bytes[start...], as: UTF8.self))
        return pieces
    }

    /// `^<code[\s>]` and the like: the name is followed by a space or `>`.
    private static func startsElement(_ lower: String, afterPrefix prefix: String) -> Bool {
        guard let next = lower.utf8.dropFirst(prefix.utf8.count).first else { return false }
        return next == 0x3E || isSpace(next)
    }

    /// `^<\s*[\w]{1,20}+://`: a tag-looking piece that is a URL in brackets, which is text.
    private static func looksLikeBracketedURL(_ piece: String) -> Bool {
        var bytes = piece.utf8.dropFirst()[...]
        while let first = bytes.first, isSpace(first) { bytes = bytes.dropFirst() }
        let word = bytes.prefix { isWord($0) }
        // `{1,20}+` is possessive: a longer word is no scheme.
        guard (1...20).contains(word.count) else { return false }
        return bytes.dropFirst(word.count).starts(with: "://".utf8)
    }

    /// WordPress's `_split_str_by_whitespace`: chunks of about `goal` bytes, each ending in its
    /// whitespace, longer ones only where there is none to split at.
    private static func chunks(_ text: String, goal: Int) -> [String] {
        var chunks: [String] = []
        var bytes = Array(text.utf8)[...]
        while goal < bytes.count {
            let window = bytes.prefix(goal + 1)
            guard let space = window.lastIndex(where: isSpace) ?? bytes.dropFirst(goal + 1).firstIndex(where: isSpace) else { break }
            chunks.append(String(decoding: bytes[...space], as: UTF8.self))
            bytes = bytes[(space + 1)...]
        }
        if !bytes.isEmpty { chunks.append(String(decoding: bytes, as: UTF8.self)) }
        return chunks
    }

    // MARK: The callbacks

    private static func urlLink(_ groups: [Substring?]) -> String {
        var url = String(groups[2] ?? "")
        var suffix = String(groups[3] ?? "")
        if suffix == ")", let open = url.firstIndex(of: "("), open != url.startIndex {
            url += suffix
            suffix = ""
        }
        while url.count(where: { $0 == "(" }) < url.count(where: { $0 == ")" }), let close = url.lastIndex(of: ")") {
            suffix = String(url[close...]) + suffix
            url = String(url[..<close])
        }
        guard let escaped = escapedURL(url) else { return String(groups[0] ?? "") }
        return String(groups[1] ?? "") + "<a href=\"\(escaped)\" rel=\"nofollow ugc\">\(escaped)</a>" + suffix
    }

    private static func webLink(_ groups: [Substring?]) -> String {
        var destination = "http://" + String(groups[2] ?? "")
        var trailing = ""
        if let last = destination.last, ".,;:)".contains(last) {
            trailing = String(last)
            destination.removeLast()
        }
        guard let escaped = escapedURL(destination) else { return String(groups[0] ?? "") }
        return String(groups[1] ?? "") + "<a href=\"\(escaped)\" rel=\"nofollow ugc\">\(escaped)</a>" + trailing
    }

    private static func emailLink(_ groups: [Substring?]) -> String {
        let email = String(groups[2] ?? "") + "@" + String(groups[3] ?? "")
        return String(groups[1] ?? "") + "<a href=\"mailto:\(email)\">\(email)</a>"
    }

    /// `esc_url` as far as a link's making depends on it: nil for a scheme WordPress does not
    /// allow (`wp_allowed_protocols`), else the URL without the characters it drops.
    private static func escapedURL(_ url: String) -> String? {
        guard let colon = url.firstIndex(of: ":"), allowedProtocols.contains(url[..<colon].lowercased()) else { return nil }
        let kept = url.unicodeScalars.filter { $0.value >= 0x80 || urlCharacters.contains($0) }
        return String(String.UnicodeScalarView(kept)).replacingAll("&", with: "&#038;").replacingAll("'", with: "&#039;")
    }

    private static let allowedProtocols: Set<String> = [
        "http", "https", "ftp", "ftps", "mailto", "news", "irc", "irc6", "ircs", "gopher", "nntp", "feed", "telnet",
        "mms", "rtsp", "sms", "svn", "tel", "fax", "xmpp", "webcal", "urn",
    ]

    private static let urlCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-~+_.?#=!&;,/:%@$|*'()[]".unicodeScalars)

    /// PCRE's `\s` without the `u` flag.
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    private static func isWord(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
    }

    /// The patterns of `make_clickable` in ICU's syntax. PHP reads bytes: its `\w` is ASCII, and
    /// `\x80-\xff` takes in every byte of a non-ASCII character, so here every non-ASCII one.
    private enum Patterns {
        static let urlCharacter = #"A-Za-z0-9_\x{80}-\x{10FFFF}#%~/@\[\]*(+=&$\-"#
        static let url = TextPattern(
            "([ \\t\\n\\x0B\\f\\r(<.,;:!?])([A-Za-z0-9_]{1,20}+://(?=[^ \\t\\n\\x0B\\f\\r]{1,2000}\(TextPattern.space))"
                + "[\(urlCharacter)]*+(?:['.,;:!?)][\(urlCharacter)]++)*)(\\)?)"
        )
        static let webOrFTP = TextPattern(
            #"([ \t\n\x0B\f\r>])((www|ftp)\.[A-Za-z0-9_\x{80}-\x{10FFFF}#$%&~/.\-;:=,?@\[\]+]+)"#, caseInsensitive: true, dotMatchesNewlines: true
        )
        static let email = TextPattern(#"([ \t\n\x0B\f\r>])([.0-9a-z_+\-]+)@(([0-9a-z\-]+\.)+[0-9a-z]{2,})"#, caseInsensitive: true)
        static let linkInLink = TextPattern(#"(<a([ \r\n\t]+[^>]+?>|>))<a [^>]+?>([^>]+?)</a></a>"#, caseInsensitive: true)
        static let anchorWithHref = TextPattern("<a [^>]*href", caseInsensitive: true)
    }
}
