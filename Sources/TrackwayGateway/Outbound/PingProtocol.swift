/// The three ways one blog tells another that it links to it, in the order a careful sender
/// tries them: Webmention, then Pingback, then TrackBack.
public enum PingProtocol: String, Sendable, CaseIterable, Codable {
    case webmention, pingback, trackback
}
