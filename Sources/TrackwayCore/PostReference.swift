/// How a record met after its post names that post: by the id the source file gave it, which the
/// store looks up among the rows it wrote, so a reader keeps no index of every post it passed.
///
/// ```swift
/// emit(.attachment(to: .movableTypeEntry(10), .comment(comment)))
/// emit(.attachment(to: .movableTypeTrackback(5), .comment(ping)))
/// ```
public enum PostReference: Sendable, Equatable {
    /// The post of the Movable Type entry or page with this `entry.id` (its `ENTRY ID` source
    /// field), in the current site.
    case movableTypeEntry(Int)
    /// The post whose Movable Type TrackBack ping target has this `trackback.id`, in the current
    /// site: a backup's `tbping` names its target, never its entry.
    case movableTypeTrackback(Int)
}

extension PostReference: CustomStringConvertible {
    public var description: String {
        switch self {
        case .movableTypeEntry(let id): "entry \(id)"
        case .movableTypeTrackback(let id): "TrackBack \(id)'s entry"
        }
    }
}
