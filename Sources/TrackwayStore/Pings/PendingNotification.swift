/// A webhook message about a new ping, waiting to be delivered.
public struct PendingNotification: Sendable, Equatable {
    public var id: Int
    public var commentID: Int
    /// The JSON body to POST.
    public var payload: String
    public var attempts: Int

    public init(id: Int, commentID: Int, payload: String, attempts: Int) {
        self.id = id
        self.commentID = commentID
        self.payload = payload
        self.attempts = attempts
    }
}
