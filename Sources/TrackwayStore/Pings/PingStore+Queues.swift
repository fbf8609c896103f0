import TrackwayCore

extension PingStore {
    /// Whether `queue` has an item to claim: a read, so that a node polling an idle queue asks
    /// the writer for nothing (a claim is a write).
    func hasClaimableItem(in queue: LeasedQueue, now: Int) throws -> Bool {
        try database.statement("SELECT 1 FROM \(queue.table) WHERE \(queue.dueCondition) LIMIT 1")
            .firstRow(StoreClock.text(now), now) != nil
    }

    /// Claims up to `limit` verifications that are due and not leased (or whose lease expired),
    /// oldest first, for `lease`: one statement marks them, so two nodes claiming at once never
    /// take the same item.
    func claimVerifications(limit: Int, lease: QueueLease, now: Int) throws -> [PendingVerification] {
        try database.statement("""
            UPDATE verification_queue SET lease_owner = ?, lease_expires = ?
            WHERE comment_id IN (
                SELECT comment_id FROM verification_queue WHERE \(LeasedQueue.verifications.dueCondition)
                ORDER BY next_attempt_at, comment_id LIMIT ?\(database.claimLocking))
            RETURNING comment_id, attempts, next_attempt_at,
                (SELECT c.post_id FROM comments c WHERE c.id = verification_queue.comment_id),
                (SELECT c.author_url FROM comments c WHERE c.id = verification_queue.comment_id)
            """).rows(lease.owner, now + lease.seconds, StoreClock.text(now), now, limit)
            .sorted { ($0.string(2), $0.int(0)) < ($1.string(2), $1.int(0)) }
            .map { PendingVerification(commentID: $0.int(0), postID: $0.int(3), sourceURL: $0.string(4), attempts: $0.int(1)) }
    }

    /// Records the outcome of a check: a source that links to the post approves a pending ping;
    /// one that does not leaves it pending (for moderation) and marks it `failed`. Either way the
    /// ping leaves the queue. A ping moderated meanwhile keeps its status, and so does one a spam
    /// rule held (`spam_rule`): the owner releases it.
    ///
    /// With a `lease`, nothing happens (and it returns false) unless the item is still that
    /// lease's: another node that claimed it after the lease expired records its own outcome.
    @discardableResult
    func finishVerification(commentID: Int, linksToPost: Bool, sourceTitle: String?, lease: QueueLease? = nil) throws -> Bool {
        try database.transaction {
            if let lease {
                let owned = try database.statement("DELETE FROM verification_queue WHERE comment_id = ? AND lease_owner = ? RETURNING comment_id")
                    .firstRow(commentID, lease.owner)
                guard owned != nil else { return false }
            } else {
                try database.statement("DELETE FROM verification_queue WHERE comment_id = ?").run(commentID)
            }
            if linksToPost {
                let approved = ModerationStatus.approved
                try database.statement("""
                    UPDATE comments SET verification = 'verified',
                        status = CASE WHEN status = 'pending' AND spam_rule = '' THEN ? ELSE status END,
                        approved = CASE WHEN status = 'pending' AND spam_rule = '' THEN ? ELSE approved END,
                        source_title = CASE WHEN source_title = '' THEN ? ELSE source_title END
                    WHERE id = ?
                    """).run(approved, approved.wordPressApproved, sourceTitle ?? "", commentID)
            } else {
                try database.statement("UPDATE comments SET verification = 'failed' WHERE id = ?").run(commentID)
            }
            return true
        }
    }

    /// Puts a check that could not run (source unreachable) back in the queue `delaySeconds`
    /// later, free for any node; false (and nothing done) when the item is no longer `lease`'s.
    @discardableResult
    func postponeVerification(commentID: Int, error: String, delaySeconds: Int, lease: QueueLease, now: Int) throws -> Bool {
        try database.statement("""
            UPDATE verification_queue SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?,
                lease_owner = '', lease_expires = 0
            WHERE comment_id = ? AND lease_owner = ? RETURNING comment_id
            """).firstRow(error, StoreClock.text(now + delaySeconds), commentID, lease.owner) != nil
    }

    /// Claims up to `limit` notifications that are due and not leased (or whose lease expired),
    /// oldest first, for `lease`.
    func claimNotifications(limit: Int, lease: QueueLease, now: Int) throws -> [PendingNotification] {
        try database.statement("""
            UPDATE notification_queue SET lease_owner = ?, lease_expires = ?
            WHERE id IN (
                SELECT id FROM notification_queue WHERE \(LeasedQueue.notifications.dueCondition)
                ORDER BY next_attempt_at, id LIMIT ?\(database.claimLocking))
            RETURNING id, comment_id, payload, attempts, next_attempt_at
            """).rows(lease.owner, now + lease.seconds, StoreClock.text(now), now, limit)
            .sorted { ($0.string(4), $0.int(0)) < ($1.string(4), $1.int(0)) }
            .map { PendingNotification(id: $0.int(0), commentID: $0.int(1), payload: $0.string(2), attempts: $0.int(3)) }
    }

    /// Removes a delivered (or abandoned) notification; false when it is no longer `lease`'s.
    @discardableResult
    func finishNotification(id: Int, lease: QueueLease) throws -> Bool {
        try database.statement("DELETE FROM notification_queue WHERE id = ? AND lease_owner = ? RETURNING id")
            .firstRow(id, lease.owner) != nil
    }

    /// Retries a notification `delaySeconds` later, free for any node; false when it is no
    /// longer `lease`'s.
    @discardableResult
    func postponeNotification(id: Int, delaySeconds: Int, lease: QueueLease, now: Int) throws -> Bool {
        try database.statement("""
            UPDATE notification_queue SET attempts = attempts + 1, next_attempt_at = ?, lease_owner = '', lease_expires = 0
            WHERE id = ? AND lease_owner = ? RETURNING id
            """).firstRow(StoreClock.text(now + delaySeconds), id, lease.owner) != nil
    }
}
