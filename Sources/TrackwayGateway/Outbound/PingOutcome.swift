/// What happened to one ping: what discovery found, what was sent where, and what the receiver
/// answered. The CLI prints it as a line or one JSON object.
///
/// ```swift
/// let outcome = await sender.send(PingMessage(source: mine, target: theirs))
/// if !outcome.isAccepted { print(outcome.summary) }
/// ```
public struct PingOutcome: Sendable, Equatable, Codable {
    public enum Result: String, Sendable, Codable {
        /// The receiver took it (2xx Webmention, pingback success string, TrackBack error 0).
        case accepted
        /// Discovery only (`--dry-run`): this is where it would go.
        case notSent = "not-sent"
        /// The target advertises no endpoint for the protocols asked for.
        case noEndpoint = "no-endpoint"
        /// The receiver said no: an HTTP error status, a TrackBack error, a Webmention 4xx.
        case refused
        /// The pingback server answered with an XML-RPC fault.
        case fault
        /// Nothing usable came back: the target or endpoint could not be fetched (refused
        /// address, timeout, size) or the answer was unreadable.
        case failed
    }

    public var source: String
    public var target: String
    /// What the target page advertised; nil when it could not be read.
    public var discovered: DiscoveredEndpoints?
    /// The protocol used (or that would be, for `notSent`).
    public var via: PingProtocol?
    public var endpoint: String?
    /// The fields sent: the form for Webmention and TrackBack, method and params for Pingback.
    public var sent: [String: String]?
    public var httpStatus: Int?
    public var result: Result
    /// The XML-RPC fault code, for `fault`.
    public var faultCode: Int?
    /// The receiver's words (success string, fault text, TrackBack message, Webmention body or
    /// `Location`), or ours when there were none.
    public var message: String

    public init(source: String, target: String, result: Result, message: String) {
        self.source = source
        self.target = target
        self.result = result
        self.message = message
    }

    public var isAccepted: Bool { result == .accepted }

    /// Accepted, or a pingback the receiver already has (fault 48): either way the target knows,
    /// and a sender recording what it pinged (WordPress's `pinged`) counts it as done.
    public var isSettled: Bool { result == .accepted || (result == .fault && faultCode == 48) }

    /// One line for people: result, protocol, endpoint and the receiver's words.
    public var summary: String {
        var line = result.rawValue
        if let via { line += " via \(via.rawValue)" }
        if let endpoint { line += " at \(endpoint)" }
        if let httpStatus { line += " (HTTP \(httpStatus))" }
        if let faultCode { line += ": fault \(faultCode)" }
        if !message.isEmpty { line += (faultCode == nil ? ": " : " ") + message }
        return line
    }
}
