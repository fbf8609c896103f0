import TrackwayCore

extension PingStore {
    /// Verifications whose next attempt is due, oldest first.
    func dueVerifications(limit: Int) throws -> [PendingVerification] {
        try database.statement("""
            SELECT q.comment_id, c.post_id, c.author_url, q.attempts FROM verification_queue q
            JOIN comments c ON c.id = q.comment_id
            WHERE q.next_attempt_at <= strftime('%Y-%m-%d %H:%M:%S', 'now') ORDER BY q.next_attempt_at, q.comment_id LIMIT ?
            """).rows(limit).map { PendingVerification(commentID: $0.int(0), postID: $0.int(1), sourceURL: $0.string(2), attempts: $0.int(3)) }
    }

    /// Records the outcome of a check: a source that links to the post approves a pending ping;
    /// one that does not leaves it pending (for moderation) and marks it `failed`. Either way the
    /// ping leaves the queue. A ping moderated meanwhile keeps its status, and so does one a spam
    /// rule held (`spam_rule`): the owner releases it.
    func finishVerification(commentID: Int, linksToPost: Bool, sourceTitle: String?) throws {
        try database.transaction {
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
            try database.statement("DELETE FROM verification_queue WHERE comment_id = ?").run(commentID)
        }
    }

    /// Puts a check that could not run (source unreachable) back in the queue `delaySeconds` later.
    func postponeVerification(commentID: Int, error: String, delaySeconds: Int) throws {
        try database.statement("""
            UPDATE verification_queue SET attempts = attempts + 1, last_error = ?,
                next_attempt_at = strftime('%Y-%m-%d %H:%M:%S', 'now', ?)
            WHERE comment_id = ?
            """).run(error, "+\(delaySeconds) seconds", commentID)
    }

    /// Notifications whose next attempt is due, oldest first.
    func dueNotifications(limit: Int) throws -> [PendingNotification] {
        try database.statement("""
            SELECT id, comment_id, payload, attempts FROM notification_queue
            WHERE next_attempt_at <= strftime('%Y-%m-%d %H:%M:%S', 'now') ORDER BY next_attempt_at, id LIMIT ?
            """).rows(limit).map { PendingNotification(id: $0.int(0), commentID: $0.int(1), payload: $0.string(2), attempts: $0.int(3)) }
    }

    /// Removes a delivered (or abandoned) notification.
    func finishNotification(id: Int) throws {
        try database.statement("DELETE FROM notification_queue WHERE id = ?").run(id)
    }

    /// Retries a notification `delaySeconds` later.
    func postponeNotification(id: Int, delaySeconds: Int) throws {
        try database.statement("""
            UPDATE notification_queue SET attempts = attempts + 1, next_attempt_at = strftime('%Y-%m-%d %H:%M:%S', 'now', ?)
            WHERE id = ?
            """).run("+\(delaySeconds) seconds", id)
    }
}
