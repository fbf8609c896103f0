import TrackwayCore
import TrackwayStore

extension VerificationWorker {
    /// Works through the queued Webmention requests until cancelled: fetches each source and
    /// stores, refreshes, refuses or deletes the mention as the W3C Recommendation says (§3.2.2,
    /// §3.2.4). Unreachable sources are retried with growing delays, then refused.
    func runWebmentions() async {
        await gateway.pollQueue(
            named: "webmention queue", queue: .webmentions, concurrency: gateway.configuration.maxConcurrentChecks,
            claim: { try await gateway.store.claimWebmentions(limit: $0, lease: gateway.queueLease) }, id: \.id, process: verify
        )
    }

    /// Until cancelled, hourly from the start: deletes the requests that finished more than
    /// `webmentionStatusDays` ago, a thousand per write so pings never wait long behind it.
    func forgetFinishedWebmentions() async {
        let days = gateway.configuration.webmentionStatusDays
        while !Task.isCancelled {
            do {
                while try await gateway.store.forgetFinishedWebmentions(olderThanDays: days, limit: 1_000) == 1_000 {}
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

    /// Fetches the source, gathers what `WebmentionDecider` asks for, and carries out its decision.
    private func verify(_ request: WebmentionRequest) async {
        let decider = gateway.webmentionDecider
        let decision: WebmentionDecider.Decision
        do {
            let keys = try await gateway.resolver.urlKeys(ofPost: request.postID)
            let mention = try await gateway.verifier.get(request.source) { page in
                WebmentionVerdict.mention(in: page, target: request.target, postKeys: keys)
            }
            let post = decider.needsPost(for: mention) ? try await gateway.store.post(id: request.postID) : nil
            decision = decider.decide(request, mention: mention, post: post, rules: gateway.spamRules.current)
        } catch let error as FetchError {
            decision = WebmentionDecider.decide(request, failedFetch: error)
        } catch {
            gateway.logger.error("verification of webmention \(request.id): \(error)")
            gateway.metrics.countCheck("webmention", "error")
            await gateway.pauseAfterUnrecordedFailure()
            return
        }
        switch decision {
        case .accept(let ping):
            do {
                guard let state = try await gateway.store.acceptWebmention(request, ping: ping, lease: gateway.queueLease) else {
                    return leaseLost(request)
                }
                gateway.metrics.countCheck("webmention", state.rawValue)
                gateway.logActivity("webmention from \(request.source) to \(request.target): \(state.rawValue)")
            } catch {
                gateway.logger.error("verification of webmention \(request.id): \(error)")
                gateway.metrics.countCheck("webmention", "error")
            await gateway.pauseAfterUnrecordedFailure()
            }
        case .refuse(let reason, let removingMention):
            await finish(request, refusal: reason, removingMention: removingMention)
        case .retry(let reason, let delaySeconds):
            do {
                let recorded = try await gateway.store.postponeWebmention(request, error: reason, delaySeconds: delaySeconds, lease: gateway.queueLease)
                guard recorded else { return leaseLost(request) }
                gateway.metrics.countCheck("webmention", "retry")
            } catch {
                gateway.logger.error("webmention queue: \(error)")
                gateway.metrics.countCheck("webmention", "error")
            await gateway.pauseAfterUnrecordedFailure()
            }
        }
    }

    private func finish(_ request: WebmentionRequest, refusal reason: String, removingMention: Bool) async {
        do {
            guard let state = try await gateway.store.refuseWebmention(
                request, reason: reason, removingMention: removingMention, lease: gateway.queueLease
            ) else {
                return leaseLost(request)
            }
            gateway.metrics.countCheck("webmention", state.rawValue)
            gateway.logActivity("webmention from \(request.source) to \(request.target): \(state.rawValue) (\(reason))")
        } catch {
            gateway.logger.error("webmention queue: \(error)")
            gateway.metrics.countCheck("webmention", "error")
            await gateway.pauseAfterUnrecordedFailure()
        }
    }

    /// The check took longer than the lease and another node claimed the request: that node records it.
    private func leaseLost(_ request: WebmentionRequest) {
        gateway.logger.warning("verification of webmention \(request.id) outlasted its lease; left to the node that claimed it since")
    }
}
