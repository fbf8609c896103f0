/// Why a Webmention POST is refused with 400 Bad Request before anything is queued; `message`
/// is the plain-text body the sender reads.
///
/// ```swift
/// throw WebmentionRefusal.targetNotFound
/// ```
struct WebmentionRefusal: Error, Sendable, Equatable {
    var message: String

    /// A required form field is absent or empty.
    static func missing(_ field: String) -> WebmentionRefusal {
        WebmentionRefusal(message: "The \(field) parameter is required.")
    }

    /// The field is not an http or https URL with a host.
    static func unsupportedURL(_ field: String) -> WebmentionRefusal {
        WebmentionRefusal(message: "The \(field) must be an http or https URL.")
    }

    static let sameResource = WebmentionRefusal(message: "The source and the target must not be the same URL.")
    static let targetNotOurs = WebmentionRefusal(message: "The target is not on this site.")
    static let targetNotFound = WebmentionRefusal(message: "The target is not a post on this site.")
    static let targetClosed = WebmentionRefusal(message: "The target does not accept webmentions.")
}
