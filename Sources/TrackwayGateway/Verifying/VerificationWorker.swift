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

    /// Runs until cancelled.
    func run() async {
        await gateway.pollQueue(
            named: "verification queue", queue: .verifications, concurrency: gateway.configuration.maxConcurrentChecks,
            claim: { try await gateway.store.claimVerifications(limit: $0, lease: gateway.queueLease) }, id: \.commentID, process: verify
        )
    }

    /// Fetches the source, and stores what `TrackbackDecider.verdict` finds: approved when the
    /// page links to the post, else left for moderation.
    private func verify(_ item: PendingVerification) async {
        do {
            let html = try await gateway.verifier.get(item.sourceURL) { page in
                HTMLLinkScanner.scan(page.body, pageURL: page.url, charset: page.charset)
            }
            let verdict = TrackbackDecider.verdict(on: html, postKeys: try await gateway.resolver.urlKeys(ofPost: item.postID))
            let recorded = try await gateway.store.finishVerification(
                commentID: item.commentID, linksToPost: verdict.linksToPost, sourceTitle: verdict.sourceTitle, lease: gateway.queueLease
            )
            guard recorded else { return leaseLost(item) }
            gateway.metrics.countCheck("trackback", verdict.linksToPost ? "linked" : "not_linked")
            gateway.logActivity("verified ping \(item.commentID) from \(item.sourceURL): \(verdict.linksToPost ? "links to the post, approved" : "no link, left for moderation")")
        } catch let error as FetchError {
            await record(item, error: error)
        } catch {
            gateway.metrics.countCheck("trackback", "error")
            gateway.logger.error("verification of ping \(item.commentID): \(error)")
            await gateway.pauseAfterUnrecordedFailure()
        }
    }

    /// A failed fetch: tried again later while it may pass (`FetchError.retryDelaySeconds`), else
    /// the ping is left for moderation.
    private func record(_ item: PendingVerification, error: FetchError) async {
        let delay = error.retryDelaySeconds(afterAttempts: item.attempts)
        do {
            let recorded = if let delay {
                try await gateway.store.postponeVerification(
                    commentID: item.commentID, error: error.description, delaySeconds: delay, lease: gateway.queueLease
                )
            } else {
                try await gateway.store.finishVerification(commentID: item.commentID, linksToPost: false, sourceTitle: nil, lease: gateway.queueLease)
            }
            guard recorded else { return leaseLost(item) }
            gateway.metrics.countCheck("trackback", delay != nil ? "retry" : "unreachable")
            gateway.logActivity("ping \(item.commentID) not verified (\(error)); \(delay != nil ? "will retry" : "left for moderation")")
        } catch {
            gateway.metrics.countCheck("trackback", "error")
            gateway.logger.error("verification queue: \(error)")
            await gateway.pauseAfterUnrecordedFailure()
        }
    }

    /// The check took longer than the lease and another node claimed the ping: that node records it.
    private func leaseLost(_ item: PendingVerification) {
        gateway.logger.warning("verification of ping \(item.commentID) outlasted its lease; left to the node that claimed it since")
    }
}
