import HTTPTypes
import TrackwayStore
import TrackwayXML

/// The archive's state in a running gateway: the store's public side and the rendered pages
/// kept for reuse.
final class ArchivePages: Sendable {
    let reader: any ArchiveReader
    let cache: ArchivePageCache

    /// Comment threads (and pings) shown on one page of a post, WordPress's default 50.
    static let commentsPerPage = 50
    /// Posts on one page of a listing, WordPress's default 10.
    static let postsPerPage = 10

    /// What every archive answer carries: no inline script may run (the console will share
    /// this origin), no content sniffing.
    /// Images and media may come from anywhere (the old blog's uploads); frames only from the
    /// players post content may embed (`HTMLEmbedAllowList`).
    static let policy = "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'self'; "
        + "frame-ancestors 'self'; img-src *; media-src *; frame-src " + embedOrigins.joined(separator: " ")

    /// The origins (`https://host`) of the embed allow-list's players.
    private static let embedOrigins: [String] = {
        var origins: [String] = []
        for prefix in HTMLEmbedAllowList.prefixes {
            let origin = prefix.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false).prefix(3).joined(separator: "/")
            if !origins.contains(origin) { origins.append(origin) }
        }
        return origins
    }()

    static let securityHeaders: HTTPFields = [.contentSecurityPolicy: policy, .xContentTypeOptions: "nosniff"]

    /// Pages change when pings are approved: a client may keep one but asks again (a 304 when unchanged).
    static let pageHeaders: HTTPFields = securityHeaders + [.contentType: "text/html; charset=UTF-8", .cacheControl: "no-cache"]

    static let stylesheetHeaders: HTTPFields = securityHeaders + [.contentType: "text/css; charset=UTF-8", .cacheControl: "public, max-age=86400"]

    init(reader: any ArchiveReader) {
        self.reader = reader
        cache = ArchivePageCache(reader: reader)
    }
}

private func + (lhs: HTTPFields, rhs: HTTPFields) -> HTTPFields {
    var fields = lhs
    fields.append(contentsOf: rhs)
    return fields
}
