import Foundation

/// A regular expression compiled once, for the text rules ported from WordPress and Movable
/// Type (whose rules are PCRE and Perl expressions). `\s` there means ASCII whitespace only, so
/// the patterns here spell `[ \t\n\x0B\f\r]` (`TextPattern.space`) instead of ICU's `\s`, which
/// also matches a no-break space.
struct TextPattern: @unchecked Sendable {
    /// PCRE's `\s` without the `u` flag.
    static let space = "[ \\t\\n\\x0B\\f\\r]"

    // NSRegularExpression is immutable and documented thread-safe; it is not marked Sendable.
    private let expression: NSRegularExpression

    /// `pattern` must be valid: the patterns are literals in this folder, and a test runs each.
    init(_ pattern: String, caseInsensitive: Bool = false, dotMatchesNewlines: Bool = false) {
        var options: NSRegularExpression.Options = []
        if caseInsensitive { options.insert(.caseInsensitive) }
        if dotMatchesNewlines { options.insert(.dotMatchesLineSeparators) }
        do {
            expression = try NSRegularExpression(pattern: pattern, options: options)
        } catch {
            preconditionFailure("invalid pattern \(pattern): \(error)")
        }
    }

    /// `text` with every match replaced by `template` (`$1` names a group).
    func replacing(in text: String, with template: String) -> String {
        let range = NSRange(text.startIndex..., in: text)
        return expression.stringByReplacingMatches(in: text, range: range, withTemplate: template)
    }

    /// `text` with every match replaced by what `transform` makes of the matched text.
    func replacing(in text: String, transform: (Substring) -> String) -> String {
        var result = ""
        var last = text.startIndex
        for match in expression.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let range = Range(match.range, in: text) else { continue }
            result += text[last..<range.lowerBound]
            result += transform(text[range])
            last = range.upperBound
        }
        guard last != text.startIndex else { return text }
        result += text[last...]
        return result
    }

    /// `text` with every match replaced by what `transform` makes of its groups (index 0 the
    /// whole match, nil for a group that took no part), as PHP's `preg_replace_callback`.
    func replacing(in text: String, groups transform: ([Substring?]) -> String) -> String {
        var result = ""
        var last = text.startIndex
        for match in expression.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let range = Range(match.range, in: text) else { continue }
            let groups = (0..<match.numberOfRanges).map { Range(match.range(at: $0), in: text).map { text[$0] } }
            result += text[last..<range.lowerBound]
            result += transform(groups)
            last = range.upperBound
        }
        guard last != text.startIndex else { return text }
        result += text[last...]
        return result
    }

    /// How many times the pattern matches `text`, as PHP's `preg_match_all` counts.
    func count(in text: String) -> Int {
        expression.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))
    }

    /// The pieces of `text` between matches, empty ones left out (PHP's `preg_split` with
    /// `PREG_SPLIT_NO_EMPTY`).
    func split(_ text: String) -> [Substring] {
        var pieces: [Substring] = []
        var last = text.startIndex
        for match in expression.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let range = Range(match.range, in: text) else { continue }
            if last < range.lowerBound { pieces.append(text[last..<range.lowerBound]) }
            last = range.upperBound
        }
        if last < text.endIndex { pieces.append(text[last...]) }
        return pieces
    }

    /// The pieces of `text` between matches, as Perl's `split` gives them: empty pieces kept
    /// but for those at the end.
    func split(keepingEmpty text: String) -> [Substring] {
        var pieces: [Substring] = []
        var last = text.startIndex
        for match in expression.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let range = Range(match.range, in: text) else { continue }
            pieces.append(text[last..<range.lowerBound])
            last = range.upperBound
        }
        pieces.append(text[last...])
        while pieces.last?.isEmpty == true { pieces.removeLast() }
        return pieces
    }

    func matches(_ text: Substring) -> Bool {
        let string = String(text)
        return expression.firstMatch(in: string, range: NSRange(string.startIndex..., in: string)) != nil
    }
}
