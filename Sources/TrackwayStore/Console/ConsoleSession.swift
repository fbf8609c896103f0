/// A signed-in session of the owner's console as the database keeps it: known by a hash of its
/// id (the cookie's value never reaches the disk), with the CSRF token its forms carry. Times are
/// Unix seconds.
public struct ConsoleSession: Sendable, Equatable {
    /// A hash of the session id (hex); the id itself stays with the browser.
    public var idHash: String
    /// The token every form of the session carries (hex).
    public var csrf: String
    public var createdAt: Int64
    public var lastSeenAt: Int64
    /// After this the session is over, unless it is seen again before and extended.
    public var expiresAt: Int64

    public init(idHash: String, csrf: String, createdAt: Int64, lastSeenAt: Int64, expiresAt: Int64) {
        self.idHash = idHash
        self.csrf = csrf
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
        self.expiresAt = expiresAt
    }
}
