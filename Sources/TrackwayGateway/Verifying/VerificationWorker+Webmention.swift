import TrackwayCore
import TrackwayStore

extension VerificationWorker {
    /// Works through the queued Webmention requests until cancelled: fetches each source and
    /// stores, refreshes, refuses or deletes the mention as the W3C Recommendation says (§3.2.2,
    /// §3.2.4). Unreachable sources are retried with growing delays, then refused.
    func runWebmentions() async {
        await gateway.pollQueue(
            named: "webmention queue", concurrency: gateway.configuration.maxConcurrentChecks,
            due: { try $0.dueWebmentions(limit: $1) }, id: \.id, process: verify
        )
    }

    /// Until cancelled, hourly from the start: deletes the requests that finished more than
    /// `webmentionStatusDays` ago, a thousand per write so pings never wait long behind it.
    func forgetFinishedWebmentions() async {
        let days = gateway.configuration.webmentionStatusDays
        while !Task.isCancelled {
            do {
                while try await gateway.store.write({ try $0.forgetFinishedWebmentions(olderThanDays: days, limit: 1_000) }) == 1_000 {}
            } catch {
                gateway.logger.error("forgetting finished webmentions: \(error)")
            }
            do {
                try await Task.sleep(for: .seconds(3_600))
            } catch {
                return
            }
        }
    }

    private func verify(_ request: WebmentionRequest) async {
        do {
            let keys = try gateway.resolver.urlKeys(ofPost: request.postID)
            let found = try await gateway.verifier.get(request.source) { page in
                WebmentionVerdict.mention(in: page, target: request.target, postKeys: keys)
            }
            guard let mention = found else {
                await finish(request, refusal: "The source does not link to the target.", removingMention: true)
                return
            }
            var ping = NewPing(
                postID: request.postID, kind: .webmention, sourceURL: request.source, sourceTitle: mention.title,
                content: PingbackVerdict.content(excerpt: mention.excerpt), authorIP: request.authorIP,
                status: .approved, verification: "verified"
            )
            if gateway.configuration.notifyURL != nil, let post = try gateway.store.read({ try $0.post(id: request.postID) }) {
                ping.notificationPayload = PingNotification(
                    pingID: 0, kind: "webmention", status: "approved", postID: post.postID, postTitle: post.title, postURL: post.link,
                    sourceURL: request.source, sourceTitle: mention.title, blogName: "", excerpt: mention.excerpt,
                    clientAddress: request.authorIP
                ).json()
            }
            let state = try await gateway.store.write { [ping] in try $0.acceptWebmention(request, ping: ping) }
            gateway.logActivity("webmention from \(request.source) to \(request.target): \(state.rawValue)")
        } catch let error as FetchError {
            if case .httpStatus(410) = error.reason {
                await finish(request, refusal: "The source is gone (HTTP 410).", removingMention: true)
                return
            }
            guard error.isTemporary && request.attempts + 1 < Self.maxAttempts else {
                await finish(request, refusal: "The source could not be fetched (\(error)).", removingMention: false)
                return
            }
            do {
                try await gateway.store.write {
                    try $0.postponeWebmention(
                        request, error: "The last fetch of the source failed (\(error)); it will be tried again.",
                        delaySeconds: 60 << request.attempts
                    )
                }
            } catch {
                gateway.logger.error("webmention queue: \(error)")
                await gateway.pauseAfterUnrecordedFailure()
            }
        } catch {
            gateway.logger.error("verification of webmention \(request.id): \(error)")
            await gateway.pauseAfterUnrecordedFailure()
        }
    }

    private func finish(_ request: WebmentionRequest, refusal reason: String, removingMention: Bool) async {
        do {
            let state = try await gateway.store.write { try $0.refuseWebmention(request, reason: reason, removingMention: removingMention) }
            gateway.logActivity("webmention from \(request.source) to \(request.target): \(state.rawValue) (\(reason))")
        } catch {
            gateway.logger.error("webmention queue: \(error)")
            await gateway.pauseAfterUnrecordedFailure()
        }
    }
}
