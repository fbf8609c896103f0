/// Where a received Webmention request stands, as its status page tells the sender.
public enum WebmentionState: String, Sendable, Codable, CaseIterable {
    /// Waiting for the fetch of its source (or for another attempt at it).
    case queued
    /// The source links to the target: the mention is stored, or the stored one refreshed.
    case accepted
    /// Nothing was stored; the request's reason says why.
    case refused
    /// The source is gone or no longer links to the target: the mention stored before was removed.
    case deleted
}
