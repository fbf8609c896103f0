import Foundation
import TrackwayTesting

/// A `TestSite` with sources that never end: `/loop/N` redirects to `/loop/N+1`, `/endless`
/// streams a body forever, `/silent` never answers; `/page` is a well-behaved page that keeps the
/// connection open.
final class HostileSite: Sendable {
    private let site: TestSite
    var port: Int { site.port }

    init() throws {
        site = try TestSite()
        try site.serve([
            "/page": TestSite.Page(headers: [("Content-Type", "text/html")], body: "<title>kept</title>"),
            "/loop/*": TestSite.Page(status: 302, headers: [("Location", "{{next}}")]),
            "/endless": TestSite.Page(headers: [("Content-Type", "text/html")], body: "<p>" + String(repeating: "x", count: 65536) + "</p>", endless: true),
            "/silent": TestSite.Page(delay: 60),
        ])
    }

    func url(_ path: String) -> String { site.url(path) }

    /// Stops the server; returns what it recorded, in order: the first path segment of each
    /// request (for `/page`, with the client's port: one port is one connection), and the
    /// `hung up after N` of `/endless`.
    func requests() -> [String] {
        site.stop()
        return ((try? site.received()) ?? []).map { request in
            let path = request["path"] as? String ?? ""
            if let written = request["hung_up_after"] as? Int { return "hung up after \(written)" }
            if path == "/page" { return "/page \(request["client_port"] as? Int ?? 0)" }
            return "/" + (path.split(separator: "/").first ?? "")
        }
    }

    /// How many requests the site has recorded so far; it keeps serving.
    func requestCountSoFar() -> Int {
        (try? site.received().count) ?? 0
    }

    func stop() {
        site.stop()
    }
}
