import TrackwayCore
import TrackwayStore
import TrackwayTesting
import TrackwayXML
import TrackwayXMLRPC
@testable import TrackwayGateway

/// Inputs the decider tests share: posts as the resolver finds them, pages as a fetch reads them,
/// and WordPress's recorded requests and answers.
enum DeciderSamples {
    static let openPost = post(id: 1, link: "http://blog.example/2008/01/hello/")
    static let closedPost = post(id: 2, link: "http://blog.example/2009/01/closed/", pingStatus: "closed")
    static let draftPost = post(id: 3, link: "http://blog.example/2009/02/draft/", status: "draft")

    /// The `LegacyURLKey` values of the open post's addresses, as the store lists them.
    static let openPostKeys = Set(["http://blog.example/2008/01/hello/", "http://blog.example/?p=1"].compactMap { LegacyURLKey($0)?.value })

    static func post(id: Int, link: String, status: String = "publish", pingStatus: String = "open") -> PingTarget {
        PingTarget(
            postID: id, siteID: 1, sourceID: String(id), postType: "post", status: status, pingStatus: pingStatus,
            title: "Post \(id)", link: link, guid: "http://blog.example/?p=\(id)"
        )
    }

    /// `html` as a fetch of `url` hands it over.
    static func page(_ html: String, at url: String = "http://other.example/citing/", contentType: String? = "text/html") -> FetchedPage {
        FetchedPage(
            url: url, status: 200, charset: nil, mediaType: contentType.flatMap(SourceFetcher.mediaType(inContentType:)),
            body: Array(html.utf8)
        )
    }

    /// `html` scanned for its title and links.
    static func scanned(_ html: String, at url: String = "http://other.example/citing/") -> HTMLPage {
        HTMLLinkScanner.scan(Array(html.utf8), pageURL: url)
    }

    /// The bytes of WordPress's recorded answer `name` (`pingback-success.xml`).
    static func recorded(_ name: String) throws -> [UInt8] {
        Array(try ProtocolFixtures.text(name).utf8)
    }

    /// The parameters of WordPress's recorded `pingback.ping` call `name`.
    static func recordedParams(_ name: String) throws -> [XMLRPCValue] {
        try XMLRPCRequest(parsing: Array(try ProtocolFixtures.requestBody(name).utf8)).params
    }

    /// The form body of WordPress's recorded TrackBack request `name` (its last line).
    static func recordedForm(_ name: String) throws -> [UInt8] {
        Array((try ProtocolFixtures.requestBody(name).split(separator: "\n").last.map(String.init) ?? "").utf8)
    }

    /// `xml` without the whitespace between a `>` and the next `<` and at its end: WordPress
    /// indents its XML-RPC answers, the gateway writes them without (whitespace between
    /// elements means nothing in XML-RPC), and the rest must agree byte for byte.
    static func unindented(_ xml: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        var pending: [UInt8] = []
        for byte in xml {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D, result.last == UInt8(ascii: ">") || !pending.isEmpty {
                pending.append(byte)
                continue
            }
            if byte != UInt8(ascii: "<") { result += pending }
            pending = []
            result.append(byte)
        }
        return result
    }
}
