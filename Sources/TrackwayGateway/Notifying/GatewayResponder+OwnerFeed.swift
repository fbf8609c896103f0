import Foundation
import HTTPTypes
import Hummingbird
import TrackwayCore

extension GatewayResponder {
    /// `GET /trackway/pings.atom?token=…` (or with `Authorization: Bearer …`): the owner's feed
    /// of received pings (`OwnerFeed`), `?status=pending` for one status only. Not found while
    /// `serve --owner-feed-token` is unset; 403 for a missing or wrong token.
    func ownerFeed(_ request: Request) async throws -> Response {
        guard let token = gateway.configuration.ownerFeedToken, !token.isEmpty else {
            return Self.text(.notFound, "Not found.\n")
        }
        guard request.method == .get || request.method == .head else {
            return Self.text(.methodNotAllowed, "Only GET and HEAD are answered here.\n", headers: [.allow: "GET, HEAD"])
        }
        let query = URLForm(query: request.uri.query)
        let offered = query.string("token") ?? Self.bearerToken(request.headers[.authorization])
        guard let offered, Self.constantTimeEqual(offered, token) else {
            return Self.text(.forbidden, "This feed needs the owner's token (?token= or Authorization: Bearer).\n")
        }
        var status: ModerationStatus?
        if let asked = query.string("status") {
            guard let known = ModerationStatus(rawValue: asked) else {
                let statuses = ModerationStatus.allCases.map(\.rawValue).joined(separator: ", ")
                return Self.text(.badRequest, "Unknown status '\(asked)': expected one of \(statuses).\n")
            }
            status = known
        }
        let pings = try await gateway.store.pings(status: status, receivedOnly: true, limit: OwnerFeed.entryLimit)
        let body = try OwnerFeed.document(
            pings: pings, feedURL: gateway.baseURL(requestHost: request.head.authority) + OwnerFeed.path,
            fallbackUpdated: Date().ISO8601Format()
        )
        // The token is in the URL: keep the answer out of shared caches.
        return Self.bytes(.ok, request.method == .head ? [] : body, contentType: OwnerFeed.contentType, headers: [.cacheControl: "private, no-store"])
    }

    /// The request URI for the log: the owner feed's secret never reaches it.
    static func loggableURI(of request: Request) -> String {
        let uri = request.uri
        guard uri.path == OwnerFeed.path, let query = uri.query, !query.isEmpty else { return uri.string }
        let fields = query.split(separator: "&").map { $0.hasPrefix("token=") ? "token=…" : $0 }
        return uri.path + "?" + fields.joined(separator: "&")
    }

    /// The token of an `Authorization: Bearer <token>` header.
    static func bearerToken(_ authorization: String?) -> String? {
        guard let authorization, authorization.lowercased().hasPrefix("bearer ") else { return nil }
        return String(authorization.dropFirst("bearer ".count)).trimmingCharacters(in: " ")
    }

    /// Compares in time that depends on the lengths only, not on where the first difference is.
    static func constantTimeEqual(_ offered: String, _ expected: String) -> Bool {
        let a = Array(offered.utf8), b = Array(expected.utf8)
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for index in 0..<b.count {
            difference |= (index < a.count ? a[index] : 0) ^ b[index]
        }
        return difference == 0
    }
}
