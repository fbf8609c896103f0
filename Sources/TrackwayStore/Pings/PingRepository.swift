import TrackwayCore

/// Everything the gateway keeps in and reads from storage: the posts pings are aimed at, the
/// pings themselves with their verification, notification and Webmention queues, and their
/// moderation. `StorePingRepository` is the SQLite engine.
///
/// Every method is `async` so that an engine may answer on a thread of its own (SQLite's single
/// writer commits many writes at once) or over the network. A write returns once it is durable.
///
/// ```swift
/// let repository: any PingRepository = try StorePingRepository(path: "trackway.sqlite")
/// defer { repository.close() }
/// if let post = try await repository.post(forURLKey: key), post.acceptsPings {
///     _ = try await repository.store(ping, resumingOn: nil)   // .inserted(id) or .duplicate
/// }
/// ```
public protocol PingRepository: Sendable {
    // MARK: Targets

    /// The post a legacy URL resolves to; when two posts share a key, the lower id wins.
    func post(forURLKey key: LegacyURLKey) async throws -> PingTarget?

    /// The post whose source id (WordPress post ID, MT entry id) is `sourceID`, preferring the
    /// site whose blog URL has `host`, then the first site.
    func post(sourceID: String, host: String?) async throws -> PingTarget?

    /// The post with database id `id`.
    func post(id: Int) async throws -> PingTarget?

    /// Every URL key that resolves to the post, for recognising any of its old addresses in a link.
    func urlKeys(ofPost postID: Int) async throws -> Set<String>

    /// The hosts (normalised as in `LegacyURLKey`) the imported sites lived at.
    func siteHosts() async throws -> Set<String>

    /// The Movable Type TrackBack ping target `id` (the number in `mt-tb.cgi/<id>`, which a
    /// backup import keeps), preferring the site whose blog URL has `host`; nil when no import
    /// recorded it.
    func trackbackTarget(id: Int, host: String?) async throws -> StoredTrackbackTarget?

    // MARK: Pings

    /// True when the post already has a comment of any kind or status from `sourceURL`.
    func hasPing(postID: Int, sourceURL: String) async throws -> Bool

    /// Stores `ping` with its verification and notification queue rows, unless the post already
    /// has a comment from the same source URL; returns once committed, continuing on `executor`
    /// when one is given (an engine without a thread of its own ignores it).
    func store(_ ping: NewPing, resumingOn executor: (any ResumptionExecutor)?) async throws -> PingInsertResult

    /// Trackbacks, pingbacks and webmentions, newest first, optionally only those with `status`,
    /// and with `receivedOnly` only those this server received (not those an export brought).
    func pings(status: ModerationStatus?, receivedOnly: Bool, limit: Int) async throws -> [Ping]

    /// Source URLs of the post's pingbacks, any status (`pingback.extensions.getPingbacks`).
    func pingbackSources(postID: Int) async throws -> [String]

    /// The post's trackbacks (`mt.getTrackbackPings`, the TrackBack RSS), oldest first,
    /// optionally only the approved ones.
    func trackbacks(postID: Int, approvedOnly: Bool) async throws -> [Ping]

    /// Sets the moderation status of the pings `ids`; returns the ids that were not pings.
    func setStatus(_ status: ModerationStatus, ids: [Int]) async throws -> [Int]

    /// Deletes the pings `ids` (queue rows go with them); returns the ids that were not pings.
    func delete(ids: [Int]) async throws -> [Int]

    /// Carries out the owner's `action` on the pings `ids` in one write; returns the ids that were not pings.
    func moderate(_ action: PingAction, ids: [Int]) async throws -> [Int]

    /// Deletes every ping in spam or in the trash ("Empty Spam", "Empty Trash"); returns how many went.
    func deleteAllPings(in status: ModerationStatus) async throws -> Int

    /// "Block this site": the hosts of the pings `ids` go on `blocked-hosts`, every ping from them to spam.
    func blockHosts(ofPings ids: [Int]) async throws -> BlockedHosts

    // MARK: Spam rules

    /// The owner's spam rules.
    func spamRules() async throws -> SpamRules

    /// A number that changes whenever a rule changes, in this process or another: one small read.
    func spamRulesVersion() async throws -> Int

    // MARK: Verification and notification queues
    //
    // Several nodes may drain the queues of one database: an item is claimed under a lease
    // (`QueueLease`), and its outcome is recorded only while the lease is still the caller's
    // (false or nil otherwise: another node claimed it after the lease expired and records its
    // own). Postponing an item frees it for any node.

    /// Claims up to `limit` due verifications, oldest first, under `lease`.
    func claimVerifications(limit: Int, lease: QueueLease) async throws -> [PendingVerification]

    /// Records the outcome of a check: a source that links to the post approves a pending ping;
    /// one that does not leaves it pending and marks it `failed`. Either way it leaves the queue.
    @discardableResult
    func finishVerification(commentID: Int, linksToPost: Bool, sourceTitle: String?, lease: QueueLease) async throws -> Bool

    /// Puts a check that could not run (source unreachable) back in the queue `delaySeconds` later.
    @discardableResult
    func postponeVerification(commentID: Int, error: String, delaySeconds: Int, lease: QueueLease) async throws -> Bool

    /// Claims up to `limit` due notifications, oldest first, under `lease`.
    func claimNotifications(limit: Int, lease: QueueLease) async throws -> [PendingNotification]

    /// Removes a delivered (or abandoned) notification.
    @discardableResult
    func finishNotification(id: Int, lease: QueueLease) async throws -> Bool

    /// Retries a notification `delaySeconds` later.
    @discardableResult
    func postponeNotification(id: Int, delaySeconds: Int, lease: QueueLease) async throws -> Bool

    /// Extends `lease` over the items `ids` of `queue` (claimed by it and still being worked on)
    /// for another `lease.seconds`; returns the ids it still holds. A node renews its items a
    /// third of the lease apart, so that a check outlasting the lease is not claimed by another.
    @discardableResult
    func renewLeases(in queue: LeasedQueue, ids: [Int], lease: QueueLease) async throws -> [Int]

    // MARK: Webmention requests

    /// Queues a validated Webmention request under the status token `token` and returns it as
    /// stored; a request from the same source for the same post still queued answers for both.
    func queueWebmention(token: String, source: String, target: String, postID: Int, authorIP: String, userAgent: String) async throws -> WebmentionRequest

    /// The request whose status token is `token`.
    func webmentionRequest(token: String) async throws -> WebmentionRequest?

    /// Claims up to `limit` queued requests whose next attempt is due, oldest first, under `lease`.
    func claimWebmentions(limit: Int, lease: QueueLease) async throws -> [WebmentionRequest]

    /// Stores the verified mention `ping` for `request` (or refreshes the one stored from its
    /// source) and returns the state the request ended in.
    func acceptWebmention(_ request: WebmentionRequest, ping: NewPing, lease: QueueLease) async throws -> WebmentionState?

    /// Ends `request` without storing anything, for `reason`; with `removingMention` the
    /// webmention the post holds from that source goes too.
    func refuseWebmention(_ request: WebmentionRequest, reason: String, removingMention: Bool, lease: QueueLease) async throws -> WebmentionState?

    /// Puts a request whose source could not be fetched back in the queue `delaySeconds` later.
    @discardableResult
    func postponeWebmention(_ request: WebmentionRequest, error: String, delaySeconds: Int, lease: QueueLease) async throws -> Bool

    /// Deletes at most `limit` requests that finished more than `days` days ago; returns how many went.
    func forgetFinishedWebmentions(olderThanDays days: Int, limit: Int) async throws -> Int

    // MARK: Rate limits shared by nodes

    /// Counts a ping from `client` in the current fixed window of `windowSeconds`, as every node
    /// sharing the database sees it; returns the window's count with this ping.
    func countPing(from client: String, windowSeconds: Int) async throws -> Int

    /// Deletes the counts of windows that ended `windowSeconds` ago or earlier.
    func forgetPingCounts(windowSeconds: Int) async throws

    // MARK: Operation

    /// Returns once a trivial read of the database succeeded; throws when the database cannot be
    /// reached, with an error whose description says what failed and holds no secret (no
    /// password, no file path: `/healthz` shows it). Quick either way: `/healthz` stops waiting
    /// after two seconds.
    func checkHealth() async throws

    /// The depth of each background queue and the reception time of its oldest item, for
    /// `/metrics`: cheap reads (a count of each queue, rows found by primary key).
    func queueBacklogs() async throws -> [QueueBacklog]

    // MARK: Lifetime

    /// Lets queued writes finish and releases the connections; later calls fail.
    func close()
}
