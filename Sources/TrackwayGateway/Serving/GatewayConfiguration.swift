import TrackwayStore

/// Everything `trackway serve` can be told.
///
/// ```swift
/// var configuration = GatewayConfiguration(databasePath: "trackway.sqlite")
/// configuration.port = 0                    // any free port; learn it from `onRunning`
/// configuration.allowPrivateSources = true  // tests and local demos fetch loopback sources
/// try await Gateway(configuration: configuration).run()
/// ```
public struct GatewayConfiguration: Sendable {
    /// The database: a SQLite file, or a PostgreSQL database that several nodes may share.
    public var database: StoreLocation
    /// The SQLite file's path (on PostgreSQL, the database's URL without its password).
    public var databasePath: String { database.description }
    public var host: String = "127.0.0.1"
    public var port: Int = 8080
    /// The base URL the world reaches this server at (`https://blog.example`); used in the
    /// `X-Pingback` header and discovery pages. Without it, the request's `Host` is used.
    public var publicURL: String?
    /// Answer pingback faults the way stock WordPress does (code 0, empty text, except 48).
    public var wordpressFaults = false
    /// Let source fetches and notifications reach loopback, private and link-local addresses.
    public var allowPrivateSources = false
    /// Answer GET of a legacy URL with a 301 to this base plus the request path, instead of a page.
    public var redirectBase: String?
    /// Where to POST a JSON description of each new ping.
    public var notifyURL: String?
    /// The secret that opens the owner's Atom feed of received pings at `/trackway/pings.atom`
    /// (`?token=` or `Authorization: Bearer`); nil serves no feed. The feed lists pending and
    /// spam pings too, so it is never open without a token.
    public var ownerFeedToken: String?
    /// The secret that opens `/metrics` (`Authorization: Bearer`); nil serves no metrics and keeps
    /// none. The counts say who pings how much, so they are never open without a token.
    public var metricsToken: String?
    /// The load balancers or reverse proxies in front of this node: a request from one of them is
    /// taken to come from the client its `X-Forwarded-For` names (for rate limits, the stored
    /// ping's IP, spam rules, the console's login throttle and the log). None by default: the
    /// header is then never read, as any client can write it.
    public var trustedProxies = TrustedProxies()
    /// Per-client-address limit on pings (pingback.ping calls and TrackBack POSTs); nil for none.
    public var pingRateLimit: RateLimit? = .standard
    /// Seconds over which the console counts an address's failed logins: the eleventh within
    /// them is refused with 429 until the oldest is this old.
    public var consoleLoginWindowSeconds: Double = 60
    /// Largest request body accepted; larger ones get HTTP 413.
    public var maxBodyBytes = 1 << 20
    /// Seconds a connection may stay without a complete request head or body chunk before it is
    /// closed, so clients that trickle bytes (slowloris) cannot hold connections open.
    public var idleTimeoutSeconds: Double = 30
    /// Seconds a request body may take to arrive in full; a slower one gets HTTP 408.
    public var bodyTimeoutSeconds: Double = 20
    /// Seconds a source page (or a notification) may take to fetch in all, connecting included.
    public var sourceTimeoutSeconds: Double = 10
    /// Largest source page read when verifying a ping.
    public var maxSourceBytes = 1 << 20
    /// Source checks running at once, in all; more wait their turn.
    public var maxConcurrentFetches = 32
    /// Source checks running at once against one host, so a flood of pings naming one site's
    /// pages cannot turn this server into a weapon against it.
    public var maxConcurrentFetchesPerHost = 4
    /// Background checks of each queue (trackbacks, webmentions) in progress at once. Each takes
    /// the next queued ping as it finishes; a check also costs the event loops and the writer
    /// some time, so more at once would slow the answers during a burst.
    public var maxConcurrentChecks = 16
    /// Seconds between scans of the verification and notification queues.
    public var queuePollSeconds: Double = 1
    /// This node's name on the queue items it claims; unique to the process unless set.
    public var nodeID = QueueLease.processOwner()
    /// Seconds a node holds the queue items it claimed: after that another node sharing the
    /// database takes them over (the work of a node that died). Longer than a check can take
    /// while it waits for a fetch slot (`maxConcurrentChecks` checks, 4 a host, each up to
    /// `sourceTimeoutSeconds`).
    public var queueLeaseSeconds = 120
    /// Days a finished webmention request's status URL keeps answering before the request is
    /// forgotten (the mention it stored stays); 0 keeps them all.
    public var webmentionStatusDays = 30
    /// Log one line per request and one per background check of a ping or webmention (warnings
    /// and errors are logged either way).
    public var logActivity = true

    public init(database: StoreLocation) {
        self.database = database
    }

    /// A gateway on the SQLite file at `databasePath`.
    public init(databasePath: String) {
        self.init(database: .sqlite(path: databasePath))
    }
}
