import TrackwayCore

/// Splits a Movable Type `TAGS` value: comma-separated, a tag may be quoted with `"` or `'`
/// (so it can hold commas), whitespace around each tag is trimmed, empty tags are dropped.
///
/// ```swift
/// MTTagList.split(#""Movable Type",foo, bar"#)   // ["Movable Type", "foo", "bar"]
/// ```
enum MTTagList {
    static func split(_ value: String) -> [String] {
        var tags: [String] = []
        var rest = Substring(value)
        while !rest.isEmpty {
            rest = rest.drop(while: { $0 == " " || $0 == "\t" })
            var tag: Substring
            if let quote = rest.first, quote == "\"" || quote == "'",
               let close = rest.dropFirst().firstIndex(of: quote) {
                tag = rest[rest.index(after: rest.startIndex)..<close]
                rest = rest[rest.index(after: close)...]
                // Anything between the closing quote and the next comma is dropped.
                if let comma = rest.firstIndex(of: ",") { rest = rest[rest.index(after: comma)...] } else { rest = "" }
            } else if let comma = rest.firstIndex(of: ",") {
                tag = rest[..<comma]
                rest = rest[rest.index(after: comma)...]
            } else {
                tag = rest
                rest = ""
            }
            let trimmed = String(tag).trimmingWhitespace()
            if !trimmed.isEmpty { tags.append(trimmed) }
        }
        return tags
    }
}
