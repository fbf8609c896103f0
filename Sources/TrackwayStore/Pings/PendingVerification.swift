/// A stored ping waiting for the background check that its source links to the post.
public struct PendingVerification: Sendable, Equatable {
    public var commentID: Int
    public var postID: Int
    public var sourceURL: String
    public var attempts: Int

    public init(commentID: Int, postID: Int, sourceURL: String, attempts: Int) {
        self.commentID = commentID
        self.postID = postID
        self.sourceURL = sourceURL
        self.attempts = attempts
    }
}
