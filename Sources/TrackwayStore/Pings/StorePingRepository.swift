import CoreMetrics
import TrackwayCore

/// `PingRepository` on the store's database (a SQLite file or PostgreSQL): reads on a small pool
/// of read-only connections (on SQLite, WAL lets them run beside the writer), and every write
/// through one `StoreWriter` thread that commits whatever arrived meanwhile in one transaction.
/// SQLite's reads run on the calling thread; PostgreSQL's, network round trips, on threads of
/// their own (`ReadThreads`), so that they do not hold up an event loop.
///
/// ```swift
/// let repository = try StorePingRepository(path: "trackway.sqlite")
/// defer { repository.close() }
/// let post = try await repository.post(id: 1)          // SQLite: on the calling thread, no hop
/// let result = try await repository.store(ping, resumingOn: nil)   // answered once committed
/// ```
public final class StorePingRepository: PingRepository {
    /// The read-only connections, shared with `StoreMentionReader` and `StoreArchiveReader`.
    let readers: ReaderPool
    /// Whether anything was committed, shared with the same readers (one watching connection).
    let changes: DataVersionWatch
    /// The one writer thread, shared with `StoreConsoleRepository`.
    let writer: StoreWriter
    /// Connections for the rate limit's counters: one statement each, committed alone, beside
    /// the writer's batches (a counter needs no group commit, and a ping must not wait for one).
    private let counters: ReaderPool

    /// The histogram of writes committed together (`metrics`' recorder label).
    public static let commitBatchSizeLabel = StoreWriter.batchSizeLabel

    /// Opens the writer connection (creating a SQLite file, and bringing the schema up to date);
    /// the writer records how many writes each commit carries into `metrics`. A caller whose
    /// read went to another thread (PostgreSQL's) continues on the executor `resumingReadsOn`
    /// names, asked on the caller's thread (the gateway's: its event loop).
    public init(
        location: StoreLocation, metrics: any MetricsFactory = NOOPMetricsHandler.instance,
        resumingReadsOn resumption: @escaping @Sendable () -> (any ResumptionExecutor)? = { nil }
    ) throws {
        writer = try StoreWriter(location: location, metrics: metrics)
        readers = ReaderPool(location: location, resumingOn: resumption)
        counters = ReaderPool(location: location, readOnly: false, resumingOn: resumption)
        changes = DataVersionWatch(location: location)
    }

    /// Opens the SQLite file at `path` (creating it, and bringing its schema up to date).
    public convenience init(path: String, metrics: any MetricsFactory = NOOPMetricsHandler.instance) throws {
        try self.init(location: .sqlite(path: path), metrics: metrics)
    }

    /// Lets queued writes finish and stops the writer thread.
    public func close() {
        writer.close()
    }

    public func countPing(from client: String, windowSeconds: Int) async throws -> Int {
        try await counters.read { try $0.countPing(from: client, windowSeconds: windowSeconds, now: StoreClock.seconds()) }
    }

    public func forgetPingCounts(windowSeconds: Int) async throws {
        let now = StoreClock.seconds()
        _ = try await counters.read { try $0.forgetPingCounts(windowSeconds: windowSeconds, now: now) }
    }

    /// Runs `body` on an idle read-only connection; it sees every write committed before the call.
    private func read<T: Sendable>(_ body: @escaping @Sendable (PingStore) throws -> T) async throws -> T {
        try await readers.read(body)
    }

    /// Runs `body` inside the writer's next group transaction; returns once that committed.
    private func write<T: Sendable>(_ body: @escaping @Sendable (PingStore) throws -> T) async throws -> T {
        try await writer.write(body)
    }

    public func post(forURLKey key: LegacyURLKey) async throws -> PingTarget? {
        try await read { try $0.post(forURLKey: key) }
    }

    public func post(sourceID: String, host: String?) async throws -> PingTarget? {
        try await read { try $0.post(sourceID: sourceID, host: host) }
    }

    public func post(id: Int) async throws -> PingTarget? {
        try await read { try $0.post(id: id) }
    }

    public func urlKeys(ofPost postID: Int) async throws -> Set<String> {
        try await read { try $0.urlKeys(ofPost: postID) }
    }

    public func siteHosts() async throws -> Set<String> {
        try await read { try $0.siteHosts() }
    }

    public func trackbackTarget(id: Int, host: String?) async throws -> StoredTrackbackTarget? {
        try await read { try $0.trackbackTarget(id: id, host: host) }
    }

    public func hasPing(postID: Int, sourceURL: String) async throws -> Bool {
        try await read { try $0.hasPing(postID: postID, sourceURL: sourceURL) }
    }

    public func store(_ ping: NewPing, resumingOn executor: (any ResumptionExecutor)?) async throws -> PingInsertResult {
        try await writer.write(resumingOn: executor) { try $0.insert(ping) }
    }

    public func pings(status: ModerationStatus?, receivedOnly: Bool, limit: Int) async throws -> [Ping] {
        try await read { try $0.pings(status: status, receivedOnly: receivedOnly, limit: limit) }
    }

    public func pingbackSources(postID: Int) async throws -> [String] {
        try await read { try $0.pingbackSources(postID: postID) }
    }

    public func trackbacks(postID: Int, approvedOnly: Bool) async throws -> [Ping] {
        try await read { try $0.trackbacks(postID: postID, approvedOnly: approvedOnly) }
    }

    public func setStatus(_ status: ModerationStatus, ids: [Int]) async throws -> [Int] {
        try await write { try $0.setStatus(status, ids: ids) }
    }

    public func delete(ids: [Int]) async throws -> [Int] {
        try await write { try $0.delete(ids: ids) }
    }

    public func moderate(_ action: PingAction, ids: [Int]) async throws -> [Int] {
        try await write { try $0.moderate(action, ids: ids) }
    }

    public func deleteAllPings(in status: ModerationStatus) async throws -> Int {
        try await write { try $0.deleteAll(in: status) }
    }

    public func blockHosts(ofPings ids: [Int]) async throws -> BlockedHosts {
        try await write { try $0.blockHosts(ofPings: ids) }
    }

    public func spamRules() async throws -> SpamRules {
        try await read { SpamRules(texts: try $0.spamRuleTexts()) }
    }

    public func spamRulesVersion() async throws -> Int {
        try await read { try $0.spamRulesVersion() }
    }

    public func claimVerifications(limit: Int, lease: QueueLease) async throws -> [PendingVerification] {
        guard try await read({ try $0.hasClaimableItem(in: .verifications, now: StoreClock.seconds()) }) else { return [] }
        return try await write { try $0.claimVerifications(limit: limit, lease: lease, now: StoreClock.seconds()) }
    }

    public func finishVerification(commentID: Int, linksToPost: Bool, sourceTitle: String?, lease: QueueLease) async throws -> Bool {
        try await write { try $0.finishVerification(commentID: commentID, linksToPost: linksToPost, sourceTitle: sourceTitle, lease: lease) }
    }

    public func postponeVerification(commentID: Int, error: String, delaySeconds: Int, lease: QueueLease) async throws -> Bool {
        try await write {
            try $0.postponeVerification(commentID: commentID, error: error, delaySeconds: delaySeconds, lease: lease, now: StoreClock.seconds())
        }
    }

    public func claimNotifications(limit: Int, lease: QueueLease) async throws -> [PendingNotification] {
        guard try await read({ try $0.hasClaimableItem(in: .notifications, now: StoreClock.seconds()) }) else { return [] }
        return try await write { try $0.claimNotifications(limit: limit, lease: lease, now: StoreClock.seconds()) }
    }

    public func finishNotification(id: Int, lease: QueueLease) async throws -> Bool {
        try await write { try $0.finishNotification(id: id, lease: lease) }
    }

    public func postponeNotification(id: Int, delaySeconds: Int, lease: QueueLease) async throws -> Bool {
        try await write { try $0.postponeNotification(id: id, delaySeconds: delaySeconds, lease: lease, now: StoreClock.seconds()) }
    }

    public func renewLeases(in queue: LeasedQueue, ids: [Int], lease: QueueLease) async throws -> [Int] {
        guard !ids.isEmpty else { return [] }
        return try await write { try $0.renewLeases(in: queue, ids: ids, lease: lease, now: StoreClock.seconds()) }
    }

    public func queueWebmention(
        token: String, source: String, target: String, postID: Int, authorIP: String, userAgent: String
    ) async throws -> WebmentionRequest {
        try await write { try $0.queueWebmention(token: token, source: source, target: target, postID: postID, authorIP: authorIP, userAgent: userAgent) }
    }

    public func webmentionRequest(token: String) async throws -> WebmentionRequest? {
        try await read { try $0.webmentionRequest(token: token) }
    }

    public func claimWebmentions(limit: Int, lease: QueueLease) async throws -> [WebmentionRequest] {
        guard try await read({ try $0.hasClaimableItem(in: .webmentions, now: StoreClock.seconds()) }) else { return [] }
        return try await write { try $0.claimWebmentions(limit: limit, lease: lease, now: StoreClock.seconds()) }
    }

    public func acceptWebmention(_ request: WebmentionRequest, ping: NewPing, lease: QueueLease) async throws -> WebmentionState? {
        try await write { try $0.acceptWebmention(request, ping: ping, lease: lease) }
    }

    public func refuseWebmention(_ request: WebmentionRequest, reason: String, removingMention: Bool, lease: QueueLease) async throws -> WebmentionState? {
        try await write { try $0.refuseWebmention(request, reason: reason, removingMention: removingMention, lease: lease) }
    }

    public func postponeWebmention(_ request: WebmentionRequest, error: String, delaySeconds: Int, lease: QueueLease) async throws -> Bool {
        try await write { try $0.postponeWebmention(request, error: error, delaySeconds: delaySeconds, lease: lease, now: StoreClock.seconds()) }
    }

    /// Reads through a connection opened for the check (`ReaderPool.checkReachable`): a file
    /// moved, deleted or made unreadable fails it, where the pool's open connections would still
    /// read the file they opened. SQLite's reason is kept, the path left out.
    public func checkHealth() async throws {
        do {
            try await readers.offload { [readers] in try readers.checkReachable() }
        } catch let error as StoreError {
            throw StoreError.unreachable(error.reason)
        }
    }

    public func queueBacklogs() async throws -> [QueueBacklog] {
        try await read { try $0.queueBacklogs() }
    }

    public func forgetFinishedWebmentions(olderThanDays days: Int, limit: Int) async throws -> Int {
        try await write { try $0.forgetFinishedWebmentions(olderThanDays: days, limit: limit) }
    }
}
