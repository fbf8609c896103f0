import Foundation

/// An HTTP `Link` header (RFC 8288) read as (target, rel tokens) pairs in order: commas and
/// semicolons inside `<…>` or quotes do not split, rel values may be quoted and hold several
/// space-separated tokens, compared lowercased.
///
/// ```swift
/// LinkHeader.parse(#"</a>; rel="other", <http://b.example/wm>; rel=webmention"#)
/// // [("/a", ["other"]), ("http://b.example/wm", ["webmention"])]
/// ```
enum LinkHeader {
    static func parse(_ value: String) -> [(target: String, rels: [String])] {
        var links: [(target: String, rels: [String])] = []
        for part in split(value, on: ",") {
            let fields = split(part, on: ";")
            guard let first = fields.first?.trimmingCharacters(in: .whitespaces),
                  first.hasPrefix("<"), first.hasSuffix(">") else { continue }
            let target = String(first.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
            var rels: [String] = []
            for parameter in fields.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1)
                guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "rel" else { continue }
                var raw = pair[1].trimmingCharacters(in: .whitespaces)
                if raw.count >= 2, raw.hasPrefix("\""), raw.hasSuffix("\"") { raw = String(raw.dropFirst().dropLast()) }
                rels = raw.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
                // Only the first rel parameter counts (RFC 8288 §3.3).
                break
            }
            links.append((target, rels))
        }
        return links
    }

    /// `text` cut at `separator` where it is outside `<…>` and outside double quotes.
    private static func split(_ text: String, on separator: Character) -> [String] {
        var parts: [String] = []
        var current = ""
        var inAngle = false
        var inQuote = false
        for character in text {
            switch character {
            case "<" where !inQuote: inAngle = true
            case ">" where !inQuote: inAngle = false
            case "\"" where !inAngle: inQuote.toggle()
            case separator where !inAngle && !inQuote:
                parts.append(current)
                current = ""
                continue
            default: break
            }
            current.append(character)
        }
        parts.append(current)
        return parts
    }
}
