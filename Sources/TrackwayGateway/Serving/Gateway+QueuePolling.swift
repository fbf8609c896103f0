import TrackwayStore

extension Gateway {
    /// Waits after an item failed for a reason its queue could not record (the database itself
    /// failing, a full disk): the item is still due, and without the pause its check would fetch
    /// the source again at once, over and over, for as long as the failure lasts.
    func pauseAfterUnrecordedFailure() async {
        try? await Task.sleep(for: .seconds(configuration.queuePollSeconds * 10))
    }

    /// Drains a queue kept in the database until the task is cancelled, with up to `concurrency`
    /// items in `process` at once, one while the server is busy answering (`RequestLoad`): as
    /// items finish, and every `queuePollSeconds`, more due ones are claimed, so a source that
    /// never answers holds up its own slot for its time limit and nothing else.
    ///
    /// `claim` leases at most `limit` due items to this node (`queueLease`), soonest first, and
    /// `process` finishes or postpones each under that lease. An item still in `process` when its
    /// lease expired may be claimed again by this node; it is skipped by its `id`.
    func pollQueue<Item: Sendable>(
        named name: String,
        concurrency: Int,
        claim: (_ limit: Int) async throws -> [Item],
        id: (Item) -> Int,
        process: @escaping @Sendable (Item) async -> Void
    ) async {
        // A child task returns its item's id when done; the poll timer returns nil.
        await withTaskGroup(of: Int?.self) { group in
            var inFlight: Set<Int> = []
            var timerRunning = false
            while !Task.isCancelled {
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
                        guard inFlight.insert(key).inserted else { continue }
                        group.addTask {
                            await process(item)
                            return key
                        }
                    }
                }
                // Looks again after the poll interval even while nothing finishes.
                if !timerRunning {
                    timerRunning = true
                    let seconds = configuration.queuePollSeconds
                    group.addTask {
                        try? await Task.sleep(for: .seconds(seconds))
                        return nil
                    }
                }
                switch await group.next() {
                case .some(.some(let finished)): inFlight.remove(finished)
                case .some(.none): timerRunning = false
                case .none: continue
                }
            }
        }
    }
}
