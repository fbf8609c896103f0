/// What blocking sites did: the hosts now on the `blocked-hosts` list, and the pings from them
/// marked spam.
public struct BlockedHosts: Sendable, Equatable, Codable {
    /// The hosts blocked, as the list keeps them (lower case, without `www.`).
    public var hosts: [String]
    /// How many pings from those hosts (or below them) went to spam.
    public var pingsMarkedSpam: Int
    /// Ids asked for that were no pings.
    public var missing: [Int]

    public init(hosts: [String], pingsMarkedSpam: Int, missing: [Int] = []) {
        self.hosts = hosts
        self.pingsMarkedSpam = pingsMarkedSpam
        self.missing = missing
    }
}
