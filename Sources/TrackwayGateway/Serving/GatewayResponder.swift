import Foundation
import HTTPTypes
import Hummingbird
import Logging
import TrackwayCore
import TrackwayStore
import TrackwayXMLRPC

/// Dispatches every request: XML-RPC endpoints, TrackBack URL forms, discovery of post URLs.
/// Logs one line per request.
struct GatewayResponder: HTTPResponder {
    typealias Context = GatewayRequestContext

    let gateway: Gateway

    private static let xmlrpcPaths: Set<String> = ["/xmlrpc.php", "/xmlrpc", "/mt-xmlrpc.cgi", "/mt/mt-xmlrpc.cgi"]

    func respond(to request: Request, context: Context) async throws -> Response {
        let start = ContinuousClock.now
        var context = context
        context.believeForwardedFor(in: request.headers, from: gateway.configuration.trustedProxies)
        gateway.requestLoad.begin()
        defer { gateway.requestLoad.end() }
        let response: Response
        do {
            response = try await route(request, context: context)
        } catch {
            gateway.logger.error("\(request.method) \(request.uri.path): \(error)")
            response = Self.text(.internalServerError, "The request could not be completed.\n")
        }
        gateway.logActivity("\(context.clientAddress) \(request.method) \(Self.loggableURI(of: request)) \(response.status.code) \(Self.milliseconds(since: start))ms")
        return response
    }

    /// The time since `start` in milliseconds, two decimals (rounded down).
    private static func milliseconds(since start: ContinuousClock.Instant) -> String {
        milliseconds(ContinuousClock.now - start)
    }

    /// `duration` in milliseconds, two decimals (rounded down). Integer arithmetic: Foundation's
    /// `String(format:)` cost 2% of a logged trackback's server CPU time.
    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let hundredths = seconds * 100_000 + attoseconds / 10_000_000_000_000
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    private func route(_ request: Request, context: Context) async throws -> Response {
        let path = request.uri.path
        let host = request.head.authority
        if Self.xmlrpcPaths.contains(path) || path.hasSuffix("/mt-xmlrpc.cgi") {
            context.setRoute(.xmlrpc)
            return try await xmlrpc(request, context: context)
        }
        if path == Self.webmentionPath || path.hasPrefix(Self.webmentionPath + "/") {
            context.setRoute(.webmention)
            return try await webmention(request, context: context)
        }
        if let endpoint = ReadAPIEndpoint(path: path) {
            context.setRoute(.readAPI)
            return try await readAPI(request, endpoint: endpoint)
        }
        if path == OwnerFeed.path {
            context.setRoute(.ownerFeed)
            return try await ownerFeed(request)
        }
        if Self.isConsole(path) {
            context.setRoute(.console)
            return try await console(request, context: context)
        }
        if path == Self.healthPath {
            context.setRoute(.health)
            return await health(request)
        }
        if path == Self.metricsPath, let token = gateway.configuration.metricsToken {
            context.setRoute(.metrics)
            return await metrics(request, token: token)
        }
        if let url = MovableTypeTrackbackURL(path: path, query: request.uri.query),
           let target = try await gateway.resolver.resolveMovableTypeTrackback(url, requestHost: host) {
            context.setRoute(.movableTypeTrackback)
            return try await movableTypeTrackback(request, context: context, url: url, target: target)
        }
        if let resolution = try await gateway.resolver.resolveTrackback(path: path, query: request.uri.query, requestHost: host) {
            context.setRoute(.trackback)
            return try await trackback(request, context: context, resolution: resolution)
        }
        guard request.method == .get || request.method == .head else {
            context.setRoute(.methodNotAllowed)
            return Self.text(.methodNotAllowed, "Only GET and HEAD are answered here.\n", headers: [.allow: "GET, HEAD"])
        }
        if let feed = try await feed(request) {
            context.setRoute(.feed)
            return feed
        }
        context.setRoute(.archive)
        return try await archive(request)
    }

    // MARK: XML-RPC

    private func xmlrpc(_ request: Request, context: Context) async throws -> Response {
        guard request.method == .post else {
            if request.method == .get, request.uri.query == "rsd" { return rsd(request) }
            return Self.text(.methodNotAllowed, "XML-RPC server accepts POST requests only.", headers: [.allow: "POST"])
        }
        let body: [UInt8]
        switch try await collectBody(request, context: context) {
        case .success(let bytes): body = bytes
        case .failure(let refusal): return textAnswer(to: refusal, context: context)
        }
        let callContext = XMLRPCCallContext(
            clientAddress: context.clientAddress, requestHost: request.head.authority, userAgent: request.headers[.userAgent] ?? ""
        )
        let response: XMLRPCResponse
        do {
            response = await gateway.registry.respond(to: try XMLRPCRequest(parsing: Self.trimmedLeadingSpace(body)), context: callContext)
        } catch {
            response = .fault(error)
        }
        var status = HTTPResponse.Status.ok
        if case .fault(let fault) = response, fault.code == PingbackFault.rateLimited.code { status = .tooManyRequests }
        return Self.bytes(status, try response.encoded(), contentType: "text/xml; charset=UTF-8")
    }

    private func rsd(_ request: Request) -> Response {
        let endpoint = HTMLText.escaped(gateway.xmlrpcURL(requestHost: request.head.authority))
        let home = HTMLText.escaped(gateway.baseURL(requestHost: request.head.authority) + "/")
        let body = """
        <?xml version="1.0" encoding="UTF-8"?><rsd version="1.0" xmlns="http://archipelago.phrasewise.com/rsd">
        <service><engineName>Trackway</engineName><homePageLink>\(home)</homePageLink><apis>
        <api name="Movable Type" blogID="1" preferred="true" apiLink="\(endpoint)" />
        </apis></service></rsd>
        """
        return Self.bytes(.ok, Array(body.utf8), contentType: "application/rsd+xml; charset=UTF-8")
    }

    // MARK: Redirect

    /// With `--redirect-base`: a post's address answers 301 to the new site (with the discovery
    /// headers, so senders still find the endpoints here); anything else 404.
    func redirect(_ request: Request, resolution: TargetResolution) throws -> Response {
        guard case .post(let post) = resolution, post.isPingable, var base = gateway.configuration.redirectBase else {
            return Self.text(.notFound, "Not found.\n")
        }
        while base.hasSuffix("/") { base.removeLast() }
        return Response(status: .movedPermanently, headers: [
            .location: base + request.uri.string, .xPingback: gateway.xmlrpcURL(requestHost: request.head.authority),
            .link: webmentionLink(requestHost: request.head.authority),
        ])
    }

    // MARK: Helpers

    /// The path (and query) of an absolute URL; nil when it has none.
    static func path(of url: String) -> String? {
        guard let schemeEnd = url.firstRange(of: "://") else { return nil }
        let rest = url[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) else { return nil }
        let path = String(rest[slash...])
        return path.hasPrefix("?") ? "/" + path : path
    }

    /// The whole body, or why it was refused: over the size limit (from Content-Length before
    /// reading, or while reading) or still arriving at the time limit. The answer to a refusal
    /// goes through `context.closingConnection(after:)`, so the rest is never read.
    func collectBody(_ request: Request, context: Context) async throws -> Result<[UInt8], BodyRefusal> {
        let limit = gateway.configuration.maxBodyBytes
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit {
            return .failure(.tooLarge)
        }
        let deadline = ContinuousClock.now + .milliseconds(Int(gateway.configuration.bodyTimeoutSeconds * 1000))
        var body: [UInt8] = []
        for try await chunk in request.body {
            guard body.count + chunk.readableBytes <= limit else { return .failure(.tooLarge) }
            guard ContinuousClock.now < deadline else { return .failure(.tooSlow) }
            body.append(contentsOf: chunk.readableBytesView)
        }
        return .success(body)
    }

    /// The plain-text answer to a refused body (413 or 408); the connection closes after it.
    func textAnswer(to refusal: BodyRefusal, context: Context) -> Response {
        switch refusal {
        case .tooLarge:
            return context.closingConnection(after: Self.text(.contentTooLarge, "The request body is larger than \(gateway.configuration.maxBodyBytes) bytes.\n"))
        case .tooSlow:
            return context.closingConnection(after: Self.text(.requestTimeout, "The request body did not arrive within \(gateway.configuration.bodyTimeoutSeconds) seconds.\n"))
        }
    }

    /// WordPress tolerates whitespace before `<?xml`; libxml2 does not.
    static func trimmedLeadingSpace(_ body: [UInt8]) -> [UInt8] {
        guard let first = body.firstIndex(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else { return body }
        return first == 0 ? body : Array(body[first...])
    }

    static func bytes(_ status: HTTPResponse.Status, _ body: [UInt8], contentType: String, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = contentType
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    static func text(_ status: HTTPResponse.Status, _ text: String, headers: HTTPFields = [:]) -> Response {
        bytes(status, Array(text.utf8), contentType: "text/plain; charset=UTF-8", headers: headers)
    }
}

extension HTTPField.Name {
    /// `X-Pingback`: the Pingback 1.0 server discovery header.
    static let xPingback = HTTPField.Name("X-Pingback")!
    /// `Link` (RFC 8288), which advertises the Webmention endpoint.
    static let link = HTTPField.Name("Link")!
}
