/// A page fetched by `SourceFetcher`.
struct FetchedPage: Sendable {
    /// The URL after redirects.
    var url: String
    var status: Int
    /// The `charset` of the Content-Type, if the server named one.
    var charset: String?
    /// The media type of the Content-Type, lower-cased without parameters (`text/html`), if named.
    var mediaType: String?
    var body: [UInt8]
}
