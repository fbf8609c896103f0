/// Why a redirect map could not be built, with the offending value.
public struct RedirectMapError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One sentence naming the problem and the value that caused it.
    public var description: String

    static func invalidBase(_ base: String) -> RedirectMapError {
        RedirectMapError(description: "the new base '\(base)' is not an http or https URL with a host")
    }

    static func unknownTag(_ tag: String, in pattern: String) -> RedirectMapError {
        let known = RedirectPattern.Tag.allCases.map { "%\($0.rawValue)%" }.joined(separator: " ")
        return RedirectMapError(description: "the pattern '\(pattern)' uses %\(tag)%, which is not one of \(known)")
    }

    static func unclosedTag(in pattern: String) -> RedirectMapError {
        RedirectMapError(description: "the pattern '\(pattern)' has a % that opens no tag")
    }
}
