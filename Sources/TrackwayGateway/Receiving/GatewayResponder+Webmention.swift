import HTTPTypes
import Hummingbird
import TrackwayStore

extension GatewayResponder {
    /// Where Webmentions are POSTed; each request's status page lives below it.
    static let webmentionPath = "/webmention"

    /// `POST /webmention` and `GET /webmention/<token>`.
    ///
    /// A POST is checked at once (400 with a plain-text reason when the sender is at fault),
    /// queued for the verification worker, and answered `201 Created` with the status page in
    /// `Location`, as the W3C Recommendation asks of a receiver that offers one (§3.2).
    func webmention(_ request: Request, context: Context) async throws -> Response {
        let path = request.uri.path
        if path != Self.webmentionPath {
            guard request.method == .get || request.method == .head else {
                return Self.text(.methodNotAllowed, "A Webmention status page only answers GET.\n", headers: [.allow: "GET, HEAD"])
            }
            return try await webmentionStatus(token: String(path.dropFirst(Self.webmentionPath.count + 1)))
        }
        guard request.method == .post else {
            return Self.text(.methodNotAllowed, "Webmentions must be sent with POST (source and target, form-encoded).\n", headers: [.allow: "POST"])
        }
        if let limiter = gateway.rateLimiter, await !limiter.allowsPing(from: context.clientAddress) {
            gateway.metrics.count(.webmention, .rateLimited)
            return Self.text(.tooManyRequests, "You are sending webmentions too quickly. Please try again later.\n")
        }
        let body: [UInt8]
        switch try await collectBody(request, context: context) {
        case .success(let bytes): body = bytes
        case .failure(let refusal):
            gateway.metrics.count(.webmention, .error)
            return textAnswer(to: refusal, context: context)
        }
        let submission: WebmentionSubmission
        let post: PingTarget
        do {
            submission = try WebmentionSubmission(form: URLForm(body))
            post = try WebmentionDecider.target(resolvedAs: await gateway.resolver.resolve(url: submission.target, requestHost: request.head.authority))
        } catch let refusal as WebmentionRefusal {
            gateway.metrics.count(.webmention, .error)
            return Self.text(.badRequest, refusal.message + "\n")
        }
        do throws(WebmentionRefusal) {
            try WebmentionDecider.admit(source: submission.source, rules: gateway.spamRules.current)
        } catch {
            gateway.metrics.count(.webmention, .refusedByRule)
            return Self.text(.badRequest, error.message + "\n")
        }
        let token = Self.statusToken()
        let authorIP = context.clientAddress
        let queued = try await gateway.store.queueWebmention(
            token: token, source: submission.source, target: submission.target, postID: post.postID, authorIP: authorIP,
            userAgent: request.headers[.userAgent] ?? ""
        )
        gateway.metrics.count(.webmention, .accepted)
        let location = gateway.baseURL(requestHost: request.head.authority) + Self.webmentionPath + "/" + queued.token
        return Self.bytes(.created, try WebmentionStatus(queued).json(), contentType: "application/json", headers: [.location: location])
    }

    /// The `Link` header value that advertises the endpoint.
    func webmentionLink(requestHost: String?) -> String {
        "<\(gateway.webmentionURL(requestHost: requestHost))>; rel=\"webmention\""
    }

    /// 128 random bits in hex: anyone may read a status page, so one URL must not lead to the others.
    static func statusToken() -> String {
        var random = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let word = String(random.next() as UInt32, radix: 16)
            return String(repeating: "0", count: 8 - word.count) + word
        }.joined()
    }

    private func webmentionStatus(token: String) async throws -> Response {
        guard !token.isEmpty, let found = try await gateway.store.webmentionRequest(token: token) else {
            return Self.text(.notFound, "No webmention has that status URL.\n")
        }
        return Self.bytes(.ok, try WebmentionStatus(found).json(), contentType: "application/json")
    }
}
