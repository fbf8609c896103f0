extension Schema {
    // A post holds at most one received ping from a source: nodes sharing a database may store
    // the same ping at the same moment, and the index, not a query before the insert, decides
    // which one is stored (the other is told it is a duplicate).
    static let receivedPingSources = """
    CREATE UNIQUE INDEX comments_received_from ON comments(post_id, author_url) WHERE origin = 'gateway';
    """
}
