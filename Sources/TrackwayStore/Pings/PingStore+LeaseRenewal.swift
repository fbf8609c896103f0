extension PingStore {
    /// Extends `lease` over the items `ids` of `queue` that are still its, to `lease.seconds`
    /// after `now`, and returns those ids: a node renews the items it is still working on, so a
    /// check that outlasts the lease is not claimed by another node meanwhile. An item another
    /// node claimed after the lease expired, or that was finished or postponed, is left alone.
    func renewLeases(in queue: LeasedQueue, ids: [Int], lease: QueueLease, now: Int) throws -> [Int] {
        guard !ids.isEmpty else { return [] }
        let renew = try database.statement("""
            UPDATE \(queue.table) SET lease_expires = ?
            WHERE \(queue.itemColumn) = ? AND \(queue.heldCondition) RETURNING \(queue.itemColumn)
            """)
        return try ids.filter { try renew.firstRow(now + lease.seconds, $0, lease.owner) != nil }
    }
}
