import Foundation

/// Quoting and escaping shared by the nginx and Apache writers.
enum RedirectSyntax {
    /// `text` with every POSIX/PCRE regex metacharacter backslash-escaped.
    static func regexEscaped(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if "\\.^$|?*+()[]{}".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    /// The path as a server matches it after decoding percent-escapes; the raw path when it
    /// does not decode to valid UTF-8.
    static func decodedPath(_ path: String) -> String {
        path.removingPercentEncoding ?? path
    }

    /// `text` as one configuration word: double-quoted (with `"` and `\` escaped) when it holds
    /// whitespace, quotes or characters the config syntax would read as its own.
    static func word(_ text: String, specials: String) -> String {
        guard !text.isEmpty, !text.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "'" || specials.contains($0) }) else {
            return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        return text
    }
}
