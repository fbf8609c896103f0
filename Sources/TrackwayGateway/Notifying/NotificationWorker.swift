import TrackwayStore

/// Delivers the notification queue to `--notify-url` as JSON POSTs, retrying failures with
/// growing delays (up to `maxAttempts`), never on a request's path.
struct NotificationWorker: Sendable {
    let gateway: Gateway
    static let maxAttempts = 8

    /// Runs until cancelled.
    func run() async {
        guard let url = gateway.configuration.notifyURL else { return }
        // One at a time: the owner's endpoint hears of pings in the order they came.
        await gateway.pollQueue(
            named: "notification queue", queue: .notifications, concurrency: 1,
            claim: { try await gateway.store.claimNotifications(limit: $0, lease: gateway.queueLease) }, id: \.id,
            process: { await deliver($0, to: url) }
        )
    }

    private func deliver(_ item: PendingNotification, to url: String) async {
        // The payload was written before the comment id existed; add it now.
        let payload = item.payload.replacingAll("\"ping_id\":0", with: "\"ping_id\":\(item.commentID)")
        do {
            _ = try await gateway.notifier.post(url, body: Array(payload.utf8), contentType: "application/json")
            try await gateway.store.finishNotification(id: item.id, lease: gateway.queueLease)
        } catch {
            let retry = item.attempts + 1 < Self.maxAttempts
            gateway.logger.warning("notification \(item.id) to \(url) failed: \(error)\(retry ? "; will retry" : "; dropped")")
            do {
                if retry {
                    try await gateway.store.postponeNotification(id: item.id, delaySeconds: 5 << item.attempts, lease: gateway.queueLease)
                } else {
                    try await gateway.store.finishNotification(id: item.id, lease: gateway.queueLease)
                }
            } catch {
                gateway.logger.error("notification queue: \(error)")
            }
        }
    }
}
