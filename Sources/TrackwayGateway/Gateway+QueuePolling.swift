import TrackwayStore

extension Gateway {
    /// Drains a queue kept in the database until the task is cancelled: takes the due items,
    /// hands them to `process`, and sleeps `queuePollSeconds` whenever nothing is due.
    func pollQueue<Item: Sendable>(
        named name: String,
        due: (PingStore) throws -> [Item],
        process: ([Item]) async -> Void
    ) async {
        while !Task.isCancelled {
            let items: [Item]
            do {
                items = try store.read { try due($0) }
            } catch {
                logger.error("\(name): \(error)")
                items = []
            }
            if items.isEmpty {
                do {
                    try await Task.sleep(for: .seconds(configuration.queuePollSeconds))
                } catch {
                    return
                }
                continue
            }
            await process(items)
        }
    }
}
