import TrackwayStore

extension Gateway {
    /// Waits after an item failed for a reason its queue could not record (the database itself
    /// failing, a full disk): the item is still due, and without the pause its check would fetch
    /// the source again at once, over and over, for as long as the failure lasts.
    func pauseAfterUnrecordedFailure() async {
        try? await Task.sleep(for: .seconds(configuration.queuePollSeconds * 10))
    }

    /// Renews this node's leases on the items `ids` of `queue` it is working on; a failure is
    /// logged, and the next renewal tries again before the leases expire.
    private func renewLeases(in queue: LeasedQueue, ids: [Int], named name: String) async {
        do {
            // An item missing from the answer was finished meanwhile, or claimed by another node
            // after a renewal failed: its worker finds out when it records its outcome.
            try await store.renewLeases(in: queue, ids: ids, lease: queueLease)
        } catch {
            logger.error("\(name): renewing leases: \(error)")
        }
    }

    /// Drains a queue kept in the database until the task is cancelled, with up to `concurrency`
    /// items in `process` at once, one while the server is busy answering (`RequestLoad`): as
    /// items finish, and every `queuePollSeconds`, more due ones are claimed, so a source that
    /// never answers holds up its own slot for its time limit and nothing else.
    ///
    /// `claim` leases at most `limit` due items of `queue` to this node (`queueLease`), soonest
    /// first, and `process` finishes or postpones each under that lease. An item still in
    /// `process` a third of the lease after it was claimed (or last renewed) has its lease
    /// renewed, so a check that outlasts the lease (a slow source, retries) stays this node's; a
    /// check that ends sooner costs no renewal. A node that stops (killed, hung) stops renewing,
    /// and its items pass to another once their leases expire. An item still in `process` that
    /// this node claimed again (its renewal failed) is skipped by its `id`.
    func pollQueue<Item: Sendable>(
        named name: String,
        queue: LeasedQueue,
        concurrency: Int,
        claim: (_ limit: Int) async throws -> [Item],
        id: (Item) -> Int,
        process: @escaping @Sendable (Item) async -> Void
    ) async {
        let renewalInterval = Duration.seconds(Double(queueLease.seconds) / 3)
        let clock = ContinuousClock()
        // A child task returns its item's id when done; the poll timer returns nil.
        await withTaskGroup(of: Int?.self) { group in
            // The items in `process`, each with when its lease was taken or last renewed.
            var inFlight: [Int: ContinuousClock.Instant] = [:]
            var timerRunning = false
            while !Task.isCancelled {
                let now = clock.now
                let due = inFlight.filter { now - $0.value >= renewalInterval }.map(\.key)
                if !due.isEmpty {
                    for key in due { inFlight[key] = now }
                    await renewLeases(in: queue, ids: due, named: name)
                }
                // Refilled at half empty, so one query takes many items during a burst.
                let width = requestLoad.backgroundConcurrency(configured: concurrency)
                if inFlight.count <= width / 2 {
                    let items: [Item]
                    do {
                        items = try await claim(width - inFlight.count)
                    } catch {
                        logger.error("\(name): \(error)")
                        items = []
                    }
                    for item in items where inFlight.count < width {
                        let key = id(item)
                        guard inFlight[key] == nil else { continue }
                        inFlight[key] = clock.now
                        group.addTask {
                            await process(item)
                            return key
                        }
                    }
                }
                // Looks again after the poll interval even while nothing finishes, and often
                // enough to renew each lease well before it expires.
                if !timerRunning {
                    timerRunning = true
                    let wait = min(Duration.seconds(configuration.queuePollSeconds), renewalInterval / 2)
                    group.addTask {
                        try? await Task.sleep(for: wait)
                        return nil
                    }
                }
                switch await group.next() {
                case .some(.some(let finished)): inFlight[finished] = nil
                case .some(.none): timerRunning = false
                case .none: continue
                }
            }
        }
    }
}
