import TrackwayCore

extension PingStore {
    static let webmentionColumns = """
        id, token, source, target, post_id, author_ip, state, reason, comment_id, attempts, updated_at, user_agent
        """

    static func webmentionRequest(_ row: Row) -> WebmentionRequest {
        WebmentionRequest(
            id: row.int(0), token: row.string(1), source: row.string(2), target: row.string(3), postID: row.int(4),
            authorIP: row.string(5), state: WebmentionState(rawValue: row.string(6)) ?? .queued, reason: row.string(7),
            commentID: row.isNull(8) ? nil : row.int(8), attempts: row.int(9), updatedAt: row.string(10), userAgent: row.string(11)
        )
    }

    /// Queues a validated Webmention request for verification under the status token `token`
    /// and returns it as stored.
    ///
    /// A request from the same source for the same post that is still queued answers for both
    /// (and keeps its token): one fetch verifies them, so a sender repeating itself costs no fetch.
    ///
    /// ```swift
    /// let queued = try store.queueWebmention(token: fresh, source: s, target: t, postID: 1, authorIP: ip)
    /// queued.state   // .queued
    /// ```
    func queueWebmention(token: String, source: String, target: String, postID: Int, authorIP: String, userAgent: String = "") throws -> WebmentionRequest {
        try database.transaction {
            let waiting = try database.statement("""
                SELECT \(Self.webmentionColumns) FROM webmention_requests WHERE post_id = ? AND source = ? AND state = 'queued' LIMIT 1
                """).firstRow(postID, source)
            if let waiting { return Self.webmentionRequest(waiting) }
            try database.statement("""
                INSERT INTO webmention_requests(token, source, target, post_id, author_ip, user_agent) VALUES (?, ?, ?, ?, ?, ?)
                """, returningID: true).run(token, source, target, postID, authorIP, userAgent)
            let stored = try database.statement("SELECT \(Self.webmentionColumns) FROM webmention_requests WHERE id = ?")
                .firstRow(Int(database.lastInsertRowID))
            guard let stored else { throw StoreError.notFound("the webmention request just queued") }
            return Self.webmentionRequest(stored)
        }
    }

    /// The request whose status token is `token`.
    func webmentionRequest(token: String) throws -> WebmentionRequest? {
        try database.statement("SELECT \(Self.webmentionColumns) FROM webmention_requests WHERE token = ?")
            .firstRow(token).map(Self.webmentionRequest)
    }

    /// Claims up to `limit` queued requests that are due and not leased (or whose lease
    /// expired), oldest first, for `lease`.
    func claimWebmentions(limit: Int, lease: QueueLease, now: Int) throws -> [WebmentionRequest] {
        try database.statement("""
            UPDATE webmention_requests SET lease_owner = ?, lease_expires = ?
            WHERE id IN (
                SELECT id FROM webmention_requests WHERE \(LeasedQueue.webmentions.dueCondition)
                ORDER BY next_attempt_at, id LIMIT ?\(database.claimLocking))
            RETURNING \(Self.webmentionColumns), next_attempt_at
            """).rows(lease.owner, now + lease.seconds, StoreClock.text(now), now, limit)
            .sorted { ($0.string(12), $0.int(0)) < ($1.string(12), $1.int(0)) }
            .map(Self.webmentionRequest)
    }

    /// Stores the verified mention `ping` (kind `.webmention`) for `request` and marks the request
    /// accepted; returns the state the request ended in.
    ///
    /// The first mention from a source becomes a comment with the comment meta the WordPress
    /// Webmention plugin keeps (`protocol`, `webmention_source_url`, `webmention_target_url`,
    /// `webmention_created_at`), so it exports as that plugin's comments do. A later one refreshes
    /// that comment's title and text and keeps its moderation state. A post that already has a
    /// trackback or pingback from the source refuses the request, as it refuses a second ping.
    ///
    /// With a `lease`, nothing happens (and it returns nil) unless the request is still queued
    /// under that lease.
    func acceptWebmention(_ request: WebmentionRequest, ping: NewPing, lease: QueueLease? = nil) throws -> WebmentionState? {
        try database.transaction {
            guard try release(request, from: lease) else { return nil }
            return try storeWebmention(request, ping: ping)
        }
    }

    private func storeWebmention(_ request: WebmentionRequest, ping: NewPing) throws -> WebmentionState {
        if let existing = try webmentionComment(postID: request.postID, source: request.source) {
            try database.transaction {
                try database.statement("""
                    UPDATE comments SET author = ?, source_title = ?, content = ?, verification = 'verified' WHERE id = ?
                    """).run(ping.sourceTitle, ping.sourceTitle, ping.content, existing)
                try finishWebmention(request, state: .accepted, reason: "", commentID: existing)
            }
            return .accepted
        }
        switch try insert(ping) {
        case .duplicate:
            try finishWebmention(request, state: .refused, reason: "There is already a ping from that URL for this post.", commentID: nil)
            return .refused
        case .inserted(let commentID):
            try database.transaction {
                let created = try database.statement("SELECT date_gmt FROM comments WHERE id = ?").firstRow(commentID)?.string(0) ?? ""
                let meta = [
                    ("protocol", "webmention"), ("webmention_source_url", request.source),
                    ("webmention_target_url", request.target), ("webmention_created_at", created),
                ]
                for (seq, (key, value)) in meta.enumerated() {
                    try database.statement("INSERT INTO comment_meta(comment_id, seq, key, value) VALUES (?, ?, ?, ?)")
                        .run(commentID, seq, key, value)
                }
                try finishWebmention(request, state: .accepted, reason: "", commentID: commentID)
            }
            return .accepted
        }
    }

    /// Ends `request` without storing anything, for `reason`. With `removingMention` (the source
    /// is gone or no longer links to the target) the webmention the post holds from that source is
    /// deleted, and the request ends `deleted` when there was one; otherwise it ends `refused`.
    /// With a `lease`, nothing happens (and it returns nil) unless the request is still queued
    /// under that lease.
    func refuseWebmention(_ request: WebmentionRequest, reason: String, removingMention: Bool, lease: QueueLease? = nil) throws -> WebmentionState? {
        try database.transaction {
            guard try release(request, from: lease) else { return nil }
            var state = WebmentionState.refused
            if removingMention, let existing = try webmentionComment(postID: request.postID, source: request.source) {
                try database.statement("DELETE FROM comments WHERE id = ?").run(existing)
                state = .deleted
            }
            try finishWebmention(request, state: state, reason: reason, commentID: nil)
            return state
        }
    }

    /// Puts a request whose source could not be fetched back in the queue `delaySeconds` later,
    /// free for any node; false (and nothing done) when it is no longer `lease`'s.
    @discardableResult
    func postponeWebmention(_ request: WebmentionRequest, error: String, delaySeconds: Int, lease: QueueLease, now: Int) throws -> Bool {
        try database.statement("""
            UPDATE webmention_requests SET attempts = attempts + 1, reason = ?, next_attempt_at = ?, lease_owner = '', lease_expires = 0
            WHERE id = ? AND state = 'queued' AND lease_owner = ? RETURNING id
            """).firstRow(error, StoreClock.text(now + delaySeconds), request.id, lease.owner) != nil
    }

    /// Deletes at most `limit` requests that finished (accepted, refused or deleted) more than
    /// `days` days ago, so their status URLs answer 404 from then on; returns how many went. The
    /// mentions they stored stay: only the request records go.
    func forgetFinishedWebmentions(olderThanDays days: Int, limit: Int) throws -> Int {
        try database.statement("""
            DELETE FROM webmention_requests WHERE id IN (
                SELECT id FROM webmention_requests
                WHERE state <> 'queued' AND updated_at < ? LIMIT ?)
            """).run(StoreClock.text(StoreClock.seconds() - days * 86_400), limit)
        return database.changes
    }

    /// Ends `lease`'s claim on `request` inside the transaction that settles it: true when the
    /// request was still queued under that lease (or no lease was named), so its outcome is
    /// recorded once, by the node that holds it.
    private func release(_ request: WebmentionRequest, from lease: QueueLease?) throws -> Bool {
        guard let lease else { return true }
        return try database.statement("""
            UPDATE webmention_requests SET lease_owner = '', lease_expires = 0
            WHERE id = ? AND state = 'queued' AND lease_owner = ? RETURNING id
            """).firstRow(request.id, lease.owner) != nil
    }

    private func webmentionComment(postID: Int, source: String) throws -> Int? {
        try database.statement("SELECT id FROM comments WHERE post_id = ? AND author_url = ? AND kind = 'webmention' LIMIT 1")
            .firstRow(postID, source).map { $0.int(0) }
    }

    private func finishWebmention(_ request: WebmentionRequest, state: WebmentionState, reason: String, commentID: Int?) throws {
        try database.statement("""
            UPDATE webmention_requests SET state = ?, reason = ?, comment_id = ?,
                updated_at = ?
            WHERE id = ?
            """).run(state.rawValue, reason, commentID, StoreClock.text(StoreClock.seconds()), request.id)
    }
}
