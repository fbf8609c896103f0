import Foundation
import TrackwayStore

/// The JSON body of a Webmention request's status page (`GET /webmention/<token>`), also sent
/// with the `201 Created` that answers the POST.
///
/// ```json
/// {"reason":"","source":"http://other.example/post","status":"accepted","target":"http://blog.example/2008/01/hello/","updated":"2026-11-26 11:00:00"}
/// ```
/// `status` is `queued`, `accepted`, `refused` or `deleted` (the source is gone or no longer
/// links, and the mention stored before was removed); `reason` says why for the last two, and for
/// a queued request whose last fetch failed and will be tried again. `updated` is UTC.
struct WebmentionStatus: Codable, Sendable, Equatable {
    var source: String
    var target: String
    var status: String
    var reason: String
    var updated: String

    init(_ request: WebmentionRequest) {
        source = request.source
        target = request.target
        status = request.state.rawValue
        reason = request.reason
        updated = request.updatedAt
    }

    func json() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(self)) + [UInt8(ascii: "\n")]
    }
}
