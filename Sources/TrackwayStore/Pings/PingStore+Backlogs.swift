import TrackwayCore

extension PingStore {
    /// The three queues' depths and the reception time of each one's oldest item: a count over the
    /// queue's own table (or partial index), and one row found by primary key, as the oldest item
    /// is the one with the lowest id (ids only grow).
    func queueBacklogs() throws -> [QueueBacklog] {
        [
            try backlog(.verification, """
                SELECT (SELECT count(*) FROM verification_queue),
                    (SELECT c.created_at FROM comments c WHERE c.id = (SELECT MIN(comment_id) FROM verification_queue))
                """),
            try backlog(.notification, """
                SELECT (SELECT count(*) FROM notification_queue),
                    (SELECT c.created_at FROM notification_queue n JOIN comments c ON c.id = n.comment_id
                     WHERE n.id = (SELECT MIN(id) FROM notification_queue))
                """),
            try backlog(.webmention, """
                SELECT (SELECT count(*) FROM webmention_requests WHERE state = 'queued'),
                    (SELECT created_at FROM webmention_requests WHERE id = (SELECT MIN(id) FROM webmention_requests WHERE state = 'queued'))
                """),
        ]
    }

    /// One queue's backlog from `sql`, which answers its count and its oldest item's time as text.
    private func backlog(_ queue: QueueBacklog.Queue, _ sql: String) throws -> QueueBacklog {
        guard let row = try database.statement(sql).firstRow() else { return QueueBacklog(queue: queue, depth: 0, oldestReceivedAt: nil) }
        let oldest = row.isNull(1) ? nil : CivilDate.secondsSince1970(row.string(1))
        return QueueBacklog(queue: queue, depth: row.int(0), oldestReceivedAt: oldest)
    }
}
