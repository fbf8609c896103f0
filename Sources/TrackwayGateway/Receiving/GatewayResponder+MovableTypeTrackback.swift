import Hummingbird
import TrackwayCore
import TrackwayStore

extension GatewayResponder {
    /// A request to a Movable Type ping target a backup import kept (`mt-tb.cgi/<tb_id>` under
    /// any CGI path): gathers what `MovableTypeTrackbackDecider` asks for, in MT's order, and
    /// stores the ping as any TrackBack is stored (pending, checked in the background).
    func movableTypeTrackback(
        _ request: Request, context: Context, url: MovableTypeTrackbackURL, target: StoredTrackbackTarget
    ) async throws -> Response {
        let post: PingTarget
        switch MovableTypeTrackbackDecider.route(method: request.method, query: request.uri.query, url: url, target: target) {
        case .answer(let answer): return try trackbackResponse(answer, to: request, context: context)
        case .showDiscovery(let shown): return try await archive(request, resolution: .post(shown))
        case .listTrackbacks(let listed): return try await trackbackRSS(of: listed, request: request)
        case .receive(let receiving): post = receiving
        }
        // The body's checks come first, as in MT; pings open here, so its closed text is not
        // the one a closed entry answers.
        var open = post
        open.pingStatus = "open"
        let ping: NewPing
        let body: [UInt8]
        switch try await receiveTrackback(request, context: context, post: open) {
        case .refused(let answer): return answer
        case .ping(let received, let receivedBody): (ping, body) = (received, receivedBody)
        }
        let passphrase = url.passphrase ?? URLForm(body).string("pass")
        if let refusal = MovableTypeTrackbackDecider.refusal(target: target, post: post, passphrase: passphrase) {
            gateway.metrics.count(.trackback, .error)
            return try trackbackResponse(refusal, to: request, context: context)
        }
        // MT answers a repeated ping (same target, same source URL) with success, storing nothing.
        let result = try await gateway.store.store(ping, resumingOn: ResumePoint.current)
        gateway.metrics.count(.trackback, ReceivedPingOutcome(result))
        return try trackbackResponse(.success, to: request, context: context)
    }
}
