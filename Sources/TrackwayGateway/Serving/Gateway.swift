import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization
import TrackwayCore
import TrackwayStore
import TrackwayXMLRPC

/// The TrackBack, Pingback and Webmention server: XML-RPC at `/xmlrpc.php` (and `/xmlrpc`, MT's
/// `mt-xmlrpc.cgi`), TrackBack at every legacy URL form, Webmention at `/webmention`, discovery
/// on every post URL, and the background verification and notification workers.
///
/// ```swift
/// let gateway = try Gateway(configuration: GatewayConfiguration(databasePath: "trackway.sqlite"))
/// try await gateway.run()   // until SIGINT/SIGTERM, finishing in-flight requests
/// ```
public final class Gateway: Sendable {
    public let configuration: GatewayConfiguration
    /// Where pings, their queues and the posts they aim at are kept.
    let store: any PingRepository
    /// Where the read API reads approved comments and pings; the answers it keeps, and what
    /// strangers wrote as it renders them.
    let mentions: any MentionReader
    let readAPIAnswers = ReadAPIAnswers()
    let mentionHTML = MentionHTML()
    let resolver: TargetResolver
    /// The archive pages' reader and their cache of rendered pages.
    let archivePages: ArchivePages
    /// Fetches pingback sources while the client waits.
    let fetcher: any PageFetcher
    /// Fetches the sources of stored trackbacks and webmentions, at background priority.
    let verifier: any PageFetcher
    /// Posts to the owner's webhook, at background priority.
    let notifier: any PageFetcher
    /// The libcurl threads of the three fetchers, stopped when `run` ends.
    private let curlDrivers = CurlDrivers()
    /// The HTTP server's service group while `run` runs, for `shutDown()`.
    private let server = Mutex<ServiceGroup?>(nil)
    /// In memory on SQLite (one node); in the database on PostgreSQL, where nodes share it.
    let rateLimiter: (any PingRateLimiting)?
    let trackbackDecider: TrackbackDecider
    let webmentionDecider: WebmentionDecider
    /// The owner's spam rules, in memory and reloaded when they change.
    let spamRules = LiveSpamRules()
    /// The owner's console at `/trackway/admin/`.
    let console: OwnerConsole
    let logger: Logger
    let registry: XMLRPCMethodRegistry
    /// Requests being answered now; background queues narrow while there are many.
    let requestLoad = RequestLoad()
    /// What `/metrics` shows (kept only with `metricsToken`).
    let metrics: GatewayMetrics
    /// This node's claim on the queue items it works on.
    let queueLease: QueueLease

    /// Opens (creating if needed) the database; throws `StoreError` when it cannot.
    public init(configuration: GatewayConfiguration, logger: Logger = Logger(label: "trackway.gateway")) throws {
        self.configuration = configuration
        self.logger = logger
        let metrics = GatewayMetrics(enabled: configuration.metricsToken != nil)
        self.metrics = metrics
        queueLease = QueueLease(owner: configuration.nodeID, seconds: configuration.queueLeaseSeconds)
        let repository = try StorePingRepository(location: configuration.database, metrics: metrics.factory, resumingReadsOn: { ResumePoint.current })
        store = repository
        mentions = StoreMentionReader(sharingReadersOf: repository)
        archivePages = ArchivePages(reader: StoreArchiveReader(sharingReadersOf: repository))
        console = OwnerConsole(
            repository: StoreConsoleRepository(sharingConnectionsOf: repository),
            publicURL: configuration.publicURL,
            loginWindowSeconds: configuration.consoleLoginWindowSeconds
        )
        resolver = TargetResolver(
            store: store, publicHost: configuration.publicURL.flatMap { LegacyURLKey($0) }.map(TargetResolver.host(of:))
        )
        let userAgent = "Trackway/1 (verifying a ping; +\(configuration.publicURL ?? "local"))"
        let timeout = Int(configuration.sourceTimeoutSeconds * 1000)
        let fetcher = SourceFetcher(
            allowPrivateAddresses: configuration.allowPrivateSources, maxBytes: configuration.maxSourceBytes, userAgent: userAgent,
            timeoutMilliseconds: timeout, slots: FetchSlots(total: configuration.maxConcurrentFetches, perHost: configuration.maxConcurrentFetchesPerHost),
            drivers: curlDrivers
        )
        let measuredFetcher = metrics.measuring(fetcher, as: .pingback)
        self.fetcher = measuredFetcher
        var verifier = fetcher
        verifier.background = true
        self.verifier = metrics.measuring(verifier, as: .verification)
        notifier = SourceFetcher(
            allowPrivateAddresses: configuration.allowPrivateSources, maxBytes: 64 * 1024, userAgent: userAgent,
            timeoutMilliseconds: timeout, background: true,
            drivers: curlDrivers
        )
        rateLimiter = configuration.pingRateLimit.map { limit -> any PingRateLimiting in
            configuration.database.isPostgres
                ? SharedRateLimiter(limit: limit, store: repository, logger: logger) : RateLimiter(limit: limit)
        }
        trackbackDecider = TrackbackDecider(
            maxBodyBytes: configuration.maxBodyBytes, bodyTimeoutSeconds: configuration.bodyTimeoutSeconds,
            notifying: configuration.notifyURL != nil
        )
        webmentionDecider = WebmentionDecider(notifying: configuration.notifyURL != nil)
        registry = PingbackService(
            configuration: configuration, store: store, resolver: resolver, fetcher: measuredFetcher, rateLimiter: rateLimiter, spamRules: spamRules,
            metrics: metrics
        ).registry()
    }

    /// Serves until SIGINT or SIGTERM; in-flight requests finish first.
    public func run() async throws {
        try await run(onRunning: { _ in })
    }

    /// Serves until SIGINT/SIGTERM or cancellation, calling `onRunning` with the bound port once
    /// the server listens (port 0 in the configuration picks a free one). A gateway runs once: its
    /// fetch threads stop when `run` returns.
    public func run(onRunning: @escaping @Sendable (Int) async -> Void) async throws {
        let application = Application(
            responder: MiddlewareChain(middleware: RequestTimingMiddleware(durations: metrics.requests), next: GatewayResponder(gateway: self)),
            server: .http1(configuration: .init(idleTimeout: .milliseconds(Int64(configuration.idleTimeoutSeconds * 1000)))),
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port), serverName: "Trackway"
            ),
            onServerRunning: { channel in
                await onRunning(channel.localAddress?.port ?? 0)
            },
            logger: logger
        )
        // The workers have stopped by then, so no fetch is left waiting; queued writes commit before
        // the process goes on to exit.
        defer {
            curlDrivers.shutdown()
            store.close()
        }
        // The first ping already meets the owner's rules.
        try await spamRules.reload(from: store, logger: logger)
        let serviceGroup = ServiceGroup(configuration: .init(services: [application], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        server.withLock { $0 = serviceGroup }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await serviceGroup.run() }
            group.addTask { await self.spamRules.watch(self.store, logger: self.logger) }
            group.addTask { await VerificationWorker(gateway: self).run() }
            group.addTask { await VerificationWorker(gateway: self).runWebmentions() }
            if configuration.webmentionStatusDays > 0 {
                group.addTask { await VerificationWorker(gateway: self).forgetFinishedWebmentions() }
            }
            if configuration.notifyURL != nil {
                group.addTask { await NotificationWorker(gateway: self).run() }
            }
            // The server returns after a shutdown signal; the workers only stop when cancelled.
            try await group.next()
            group.cancelAll()
        }
    }

    /// Shuts the server down as SIGTERM does: it stops accepting, answers the requests in
    /// flight, and `run` returns. This is how a gateway run in-process (the tests) ends; cancelling
    /// `run`'s task instead can leave an accepted connection never served, which SwiftNIO traps on
    /// ("Deinited NIOAsyncWriter without calling finish()", swift-nio issue 3481).
    public func shutDown() async {
        await server.withLock { $0 }?.triggerGracefulShutdown()
    }

    /// Logs one line about a request or a background check, unless the operator asked for quiet
    /// (`logActivity` off); warnings and errors go to `logger` directly.
    func logActivity(_ message: @autoclosure () -> Logger.Message) {
        if configuration.logActivity { logger.info(message()) }
    }

    /// The XML-RPC endpoint URL to advertise, from `--public-url` or the request's Host.
    func xmlrpcURL(requestHost: String?) -> String {
        baseURL(requestHost: requestHost) + "/xmlrpc.php"
    }

    /// The Webmention endpoint URL to advertise, from `--public-url` or the request's Host.
    func webmentionURL(requestHost: String?) -> String {
        baseURL(requestHost: requestHost) + GatewayResponder.webmentionPath
    }

    func baseURL(requestHost: String?) -> String {
        if var base = configuration.publicURL {
            while base.hasSuffix("/") { base.removeLast() }
            return base
        }
        return "http://" + (requestHost ?? "\(configuration.host):\(configuration.port)")
    }
}
