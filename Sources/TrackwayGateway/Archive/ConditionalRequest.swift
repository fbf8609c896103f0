import HTTPTypes
import TrackwayCore

/// A GET's `If-None-Match` and `If-Modified-Since` (RFC 9110 §13), decided against an answer's
/// validators.
struct ConditionalRequest {
    let ifNoneMatch: String?
    let ifModifiedSince: String?

    init(_ headers: HTTPFields) {
        ifNoneMatch = headers[values: .ifNoneMatch].isEmpty ? nil : headers[values: .ifNoneMatch].joined(separator: ",")
        ifModifiedSince = headers[.ifModifiedSince]
    }

    /// True when the client's copy is current, so a 304 answers. `If-None-Match` decides alone
    /// when sent (weak comparison, `*` matching anything); otherwise `If-Modified-Since` is
    /// compared with `lastModified`.
    func isSatisfied(etag: String, lastModified: Int?) -> Bool {
        if let ifNoneMatch {
            let opaque = Self.opaque(etag)
            return ifNoneMatch.split(separator: ",").contains { candidate in
                let tag = candidate.trimmingWhitespace()
                return tag == "*" || Self.opaque(String(tag)) == opaque
            }
        }
        guard let ifModifiedSince, let lastModified, let since = HTTPDate.seconds(ifModifiedSince) else { return false }
        return lastModified <= since
    }

    /// The tag without its weakness prefix.
    private static func opaque(_ tag: String) -> Substring {
        tag.hasPrefix("W/") ? tag.dropFirst(2) : Substring(tag)
    }
}
