import Hummingbird
import HTTPTypes
import TrackwayStore

extension GatewayResponder {
    /// Answers webmention.io's read API (`ReadAPIEndpoint`) from the approved comments and pings
    /// of the posts the targets name. Every answer, refusals too, may be read from any origin
    /// and is not to be stored by caches, as webmention.io's.
    func readAPI(_ request: Request, endpoint: ReadAPIEndpoint) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Self.text(.methodNotAllowed, "Only GET and HEAD are answered here.\n", headers: [.allow: "GET, HEAD"])
        }
        let key = (request.head.authority ?? "") + " " + request.uri.path + "?" + (request.uri.query ?? "")
        let stamp = try await gateway.mentions.changeStamp()
        if let stamp, let kept = gateway.readAPIAnswers.answer(for: key, stamp: stamp) {
            return Self.response(kept, to: request)
        }
        let answer: ReadAPIAnswer
        do {
            answer = try await computeReadAPI(request, endpoint: endpoint, parameters: try ReadAPIParameters(query: request.uri.query))
        } catch let refusal as ReadAPIError {
            let error = ["error": "invalid_input", "error_description": refusal.description]
            return Self.response(try ReadAPIAnswer(.badRequest, error, callback: nil), to: request)
        }
        if let stamp { gateway.readAPIAnswers.keep(answer, for: key, stamp: stamp) }
        return Self.response(answer, to: request)
    }

    private func computeReadAPI(_ request: Request, endpoint: ReadAPIEndpoint, parameters: ReadAPIParameters) async throws -> ReadAPIAnswer {
        guard !parameters.targets.isEmpty else {
            throw ReadAPIError("a target URL is required (target=URL, or several target[]=URL); Trackway answers by target, it has no account tokens")
        }
        let targets = try await gateway.resolver.mentionTargets(
            parameters.targets, redirectBase: gateway.configuration.redirectBase, requestHost: request.head.authority
        )
        let postIDs = targets.map(\.post.postID)
        switch endpoint {
        case .count:
            return try ReadAPIAnswer(.ok, MentionCountAnswer(counts: try await gateway.mentions.counts(postIDs: postIDs)), callback: parameters.callback)
        case .mentions(let format):
            var query = MentionQuery(postIDs: postIDs, kinds: parameters.kinds)
            query.order = parameters.order
            query.descending = parameters.descending
            query.receivedAfter = parameters.receivedAfter
            query.afterID = parameters.afterID
            query.limit = parameters.perPage
            query.offset = parameters.offset
            let mentions = try await gateway.mentions.mentions(query)
            var shown: [ShownMention] = []
            shown.reserveCapacity(mentions.count)
            for mention in mentions {
                if let target = targets.first(where: { $0.post.postID == mention.postID }) {
                    shown.append(ShownMention(mention, target: target, contents: gateway.mentionHTML))
                }
            }
            switch format {
            case .jf2: return try ReadAPIAnswer(.ok, JF2Feed(children: shown), callback: parameters.callback)
            case .links: return try ReadAPIAnswer(.ok, LinksFeed(links: shown), callback: parameters.callback)
            }
        }
    }

    private static func response(_ answer: ReadAPIAnswer, to request: Request) -> Response {
        let headers: HTTPFields = [
            .contentType: answer.contentType,
            .contentLength: String(answer.body.readableBytes),
            .accessControlAllowOrigin: "*",
            .cacheControl: "no-store",
            .xContentTypeOptions: "nosniff",
        ]
        let body = request.method == .head ? ByteBuffer() : answer.body
        return Response(status: answer.status, headers: headers, body: ResponseBody(byteBuffer: body))
    }
}
