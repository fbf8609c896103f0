import HTTPTypes

/// What the gateway answers a TrackBack request: the HTTP status and the TrackBack 1.2 body,
/// `<error>0</error>` or `<error>1</error>` with a message (`TrackbackResponse`).
///
/// ```swift
/// let answer = TrackbackAnswer.error("Sorry, trackbacks are closed for this item.")
/// let body = try answer.body()
/// ```
struct TrackbackAnswer: Sendable, Equatable {
    var status: HTTPResponse.Status
    /// The `<message>` of an error; nil for success.
    var error: String?
    /// True for the answers to a ping, which carry `X-Pingback`; the 404 and 405 that refuse a
    /// request before it is taken for a ping do not.
    var advertisesPingback = true
    /// True when the rest of the request body is left unread and the connection closes after it.
    var closesConnection = false
    /// True when the owner's `blocked-hosts` rule refused the ping, which `/metrics` counts apart.
    /// The client receives what any other error brings, so equality leaves it out.
    var refusedByRule = false

    static func == (lhs: TrackbackAnswer, rhs: TrackbackAnswer) -> Bool {
        lhs.status == rhs.status && lhs.error == rhs.error && lhs.advertisesPingback == rhs.advertisesPingback
            && lhs.closesConnection == rhs.closesConnection
    }

    /// `<error>0</error>`, 200.
    static let success = TrackbackAnswer(status: .ok, error: nil)

    /// `<error>1</error>` with `message`, 200 as WordPress answers (the status of its errors).
    static func error(_ message: String) -> TrackbackAnswer {
        TrackbackAnswer(status: .ok, error: message)
    }

    /// The client is over its rate limit: 429.
    static let rateLimited = TrackbackAnswer(status: .tooManyRequests, error: "You are sending TrackBack pings too quickly. Please try again later.")

    /// The TrackBack body.
    func body() throws -> [UInt8] {
        try error.map(TrackbackResponse.error) ?? TrackbackResponse.success()
    }
}
