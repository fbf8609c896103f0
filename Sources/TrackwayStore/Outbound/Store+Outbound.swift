extension Store {
    /// The post with database id `id`, with its content and its site, for sending its pings.
    public func outboundPost(id: Int) throws -> OutboundPost? {
        try PingStore(database: database).outboundPost(id: id)
    }

    /// Every recorded outbound ping of the post, by target URL.
    public func outboundPings(postID: Int) throws -> [OutboundPing] {
        try PingStore(database: database).outboundPings(postID: postID)
    }

    /// Records an outbound ping attempt, replacing the earlier one for the same post and target.
    public func record(_ ping: OutboundPing) throws {
        try PingStore(database: database).record(ping)
    }
}
