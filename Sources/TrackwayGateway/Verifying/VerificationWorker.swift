import TrackwayCore
import TrackwayStore
import TrackwayXML

/// Works through the verification queue in the database: fetches each trackback's source and
/// approves the ping when the page links to the post; otherwise it stays pending for moderation.
/// Unreachable sources are retried with growing delays, then left to moderation. The queue lives
/// in SQLite, so a restart picks up where the last run stopped. Webmention requests wait in a
/// queue of their own (`runWebmentions`).
struct VerificationWorker: Sendable {
    let gateway: Gateway
    static let maxAttempts = 5

    /// Runs until cancelled.
    func run() async {
        await gateway.pollQueue(
            named: "verification queue", concurrency: gateway.configuration.maxConcurrentChecks,
            due: { try $0.dueVerifications(limit: $1) }, id: \.commentID, process: verify
        )
    }

    private func verify(_ item: PendingVerification) async {
        do {
            let html = try await gateway.verifier.get(item.sourceURL) { page in
                HTMLLinkScanner.scan(page.body, pageURL: page.url, charset: page.charset)
            }
            let keys = try gateway.resolver.urlKeys(ofPost: item.postID)
            let links = PingbackVerdict.link(in: html, toAnyOf: keys) != nil
            let title = html.title.isEmpty ? nil : html.title
            try await gateway.store.write {
                try $0.finishVerification(commentID: item.commentID, linksToPost: links, sourceTitle: title)
            }
            gateway.logActivity("verified ping \(item.commentID) from \(item.sourceURL): \(links ? "links to the post, approved" : "no link, left for moderation")")
        } catch let error as FetchError {
            await record(item, error: error)
        } catch {
            gateway.logger.error("verification of ping \(item.commentID): \(error)")
            await gateway.pauseAfterUnrecordedFailure()
        }
    }

    private func record(_ item: PendingVerification, error: FetchError) async {
        let retryable = error.isTemporary && item.attempts + 1 < Self.maxAttempts
        do {
            try await gateway.store.write { store in
                if retryable {
                    try store.postponeVerification(commentID: item.commentID, error: error.description, delaySeconds: 60 << item.attempts)
                } else {
                    try store.finishVerification(commentID: item.commentID, linksToPost: false, sourceTitle: nil)
                }
            }
            gateway.logActivity("ping \(item.commentID) not verified (\(error)); \(retryable ? "will retry" : "left for moderation")")
        } catch {
            gateway.logger.error("verification queue: \(error)")
            await gateway.pauseAfterUnrecordedFailure()
        }
    }
}
