import HTTPTypes
import Hummingbird
import TrackwayStore
import TrackwayXML

extension GatewayResponder {
    /// A request to one of a post's TrackBack URLs: gathers what `TrackbackDecider` asks for (the
    /// client's rate limit, the body), stores the ping it decides on and sends its answer. The
    /// body is read and the answer written on the connection's event loop.
    func trackback(_ request: Request, context: Context, resolution: TargetResolution) async throws -> Response {
        let post: PingTarget
        switch TrackbackDecider.route(method: request.method, query: request.uri.query, target: resolution) {
        case .answer(let answer): return try trackbackResponse(answer, to: request, context: context)
        case .showDiscovery: return try await archive(request, resolution: resolution)
        case .listTrackbacks(let listed): return try await trackbackRSS(of: listed, request: request)
        case .receive(let receiving): post = receiving
        }
        let ping: NewPing
        switch try await receiveTrackback(request, context: context, post: post) {
        case .refused(let answer): return answer
        case .ping(let received, body: _): ping = received
        }
        // This task read the body on its connection's event loop: continuing there after the
        // commit writes the answer without handing it to the other loop.
        let result = try await gateway.store.store(ping, resumingOn: ResumePoint.current)
        gateway.metrics.count(.trackback, ReceivedPingOutcome(result))
        return try trackbackResponse(TrackbackDecider.answer(after: result), to: request, context: context)
    }

    /// What a TrackBack POST to `post` brings, checked in the order every TrackBack route checks
    /// it: the client's rate limit, the body within its limits, then `TrackbackDecider`'s verdict.
    enum ReceivedTrackback {
        /// The answer that refuses the ping.
        case refused(Response)
        /// The ping to store, and the body it came in.
        case ping(NewPing, body: [UInt8])
    }

    func receiveTrackback(_ request: Request, context: Context, post: PingTarget) async throws -> ReceivedTrackback {
        if let limiter = gateway.rateLimiter, await !limiter.allowsPing(from: context.clientAddress) {
            gateway.metrics.count(.trackback, .rateLimited)
            return .refused(try trackbackResponse(.rateLimited, to: request, context: context))
        }
        let body: [UInt8]
        switch try await collectBody(request, context: context) {
        case .success(let bytes): body = bytes
        case .failure(let refusal):
            gateway.metrics.count(.trackback, .error)
            return .refused(try trackbackResponse(gateway.trackbackDecider.answer(to: refusal), to: request, context: context))
        }
        let decision = gateway.trackbackDecider.decide(
            body: body, contentType: request.headers[.contentType], post: post, clientAddress: context.clientAddress,
            userAgent: request.headers[.userAgent] ?? "", rules: gateway.spamRules.current
        )
        switch decision {
        case .answer(let answer):
            gateway.metrics.count(.trackback, answer.refusedByRule ? .refusedByRule : .error)
            return .refused(try trackbackResponse(answer, to: request, context: context))
        case .store(let ping): return .ping(ping, body: body)
        }
    }

    func trackbackResponse(_ answer: TrackbackAnswer, to request: Request, context: Context) throws -> Response {
        let headers: HTTPFields = answer.advertisesPingback ? [.xPingback: gateway.xmlrpcURL(requestHost: request.head.authority)] : [:]
        let response = Self.bytes(answer.status, try answer.body(), contentType: TrackbackResponse.contentType, headers: headers)
        return answer.closesConnection ? context.closingConnection(after: response) : response
    }

    /// `?__mode=rss`: the post's approved trackbacks.
    func trackbackRSS(of post: PingTarget, request: Request) async throws -> Response {
        let pings = try await gateway.store.trackbacks(postID: post.postID, approvedOnly: true).map(\.plainText)
        let body = try TrackbackResponse.rss(
            title: HTMLLinkScanner.text(ofFragment: post.title), link: post.link,
            items: pings.map { ($0.sourceTitle.isEmpty ? $0.sourceURL : $0.sourceTitle, $0.sourceURL, Self.trackbackExcerpt($0.content)) }
        )
        return Self.bytes(.ok, body, contentType: TrackbackResponse.contentType, headers: [.xPingback: gateway.xmlrpcURL(requestHost: request.head.authority)])
    }

    /// The excerpt part of a stored `<strong>title</strong>\n\nexcerpt` trackback.
    static func trackbackExcerpt(_ content: String) -> String {
        guard let split = content.firstRange(of: "</strong>\n\n") else { return "" }
        return String(content[split.upperBound...])
    }
}
