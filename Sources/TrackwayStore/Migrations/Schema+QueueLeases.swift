extension Schema {
    // Several gateway nodes may drain the same queues: an item a node claimed carries the node
    // (lease_owner, '' when free) and the second since 1970 its claim ends (lease_expires, 0
    // when free). Only the owner finishes or postpones it; after the expiry any node claims it.
    static let queueLeases = """
    ALTER TABLE verification_queue ADD COLUMN lease_owner TEXT NOT NULL DEFAULT '';
    ALTER TABLE verification_queue ADD COLUMN lease_expires INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE notification_queue ADD COLUMN lease_owner TEXT NOT NULL DEFAULT '';
    ALTER TABLE notification_queue ADD COLUMN lease_expires INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE webmention_requests ADD COLUMN lease_owner TEXT NOT NULL DEFAULT '';
    ALTER TABLE webmention_requests ADD COLUMN lease_expires INTEGER NOT NULL DEFAULT 0;
    """
}
