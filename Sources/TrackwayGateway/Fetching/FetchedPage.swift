import Foundation

/// A page fetched by `SourceFetcher`.
struct FetchedPage: Sendable {
    /// The URL after redirects.
    var url: String
    var status: Int
    /// The `charset` of the Content-Type, if the server named one.
    var charset: String?
    /// The media type of the Content-Type, lower-cased without parameters (`text/html`), if named.
    var mediaType: String?
    /// The header fields of the final response (after redirects), in the order received.
    var headers: [(name: String, value: String)] = []
    var body: [UInt8]

    /// The values of every header field called `name` (case-insensitive), in order.
    func headerValues(_ name: String) -> [String] {
        headers.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }.map(\.value)
    }
}
