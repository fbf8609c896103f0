import ArgumentParser
import Foundation
import Logging
import TrackwayGateway

/// `trackway serve`: the TrackBack, Pingback and Webmention gateway over the database.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Answer TrackBack, Pingback, Webmention and old URLs from the database over HTTP.",
        discussion: """
        Pingback (XML-RPC) answers at /xmlrpc.php, TrackBack at every old WordPress and \
        Movable Type URL (<permalink>trackback/, wp-trackback.php?p=ID, mt-tb.cgi/ID), \
        Webmention at /webmention. Every old post URL serves the post with its comments, \
        pings and discovery markup; the feeds, the read API (/api/mentions.jf2) and \
        /healthz answer too, and the owner's console at /trackway/admin/ once \
        `trackway admin set-password` has turned it on.

        It listens on 127.0.0.1 unless --host says otherwise: put it behind a reverse \
        proxy that serves the old domain, and name that domain with --public-url so \
        that discovery advertises it. New pings are checked against their source in \
        the background and moderated by the spam rules (`trackway rules`). SIGTERM or \
        Ctrl-C stops it after the requests in flight.

        Examples:
          trackway serve --public-url https://old-blog.example
          trackway serve --db site.sqlite --port 8081 --trusted-proxy 127.0.0.1
          # a node of several on one PostgreSQL database:
          TRACKWAY_DATABASE_URL=postgresql://trackway@db:5432/trackway \\
            trackway serve --host 0.0.0.0 --public-url https://old-blog.example
        """
    )

    @Option(help: DatabaseChoice.help) var db: String?
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on (0 picks a free one).") var port = 8080
    @Option(help: "Base URL the world reaches this server at, for X-Pingback and discovery pages.") var publicURL: String?
    @Option(help: "Answer GET of an old post URL with a 301 to this base plus the path.") var redirectBase: String?
    @Option(help: "POST a JSON description of each new ping to this URL.") var notifyURL: String?
    @Option(help: ArgumentHelp(
        "Serve the owner's Atom feed of received pings (every status) at /trackway/pings.atom to requests carrying this secret.",
        discussion: "Subscribe to http://HOST:PORT/trackway/pings.atom?token=SECRET (add &status=pending for the moderation queue), "
            + "or send Authorization: Bearer SECRET. Off without it. The environment variable TRACKWAY_OWNER_FEED_TOKEN "
            + "sets it too and keeps the secret out of the process list.",
        valueName: "secret"
    )) var ownerFeedToken: String?
    @Option(help: ArgumentHelp(
        "Serve Prometheus metrics at /metrics to requests carrying Authorization: Bearer with this secret.",
        discussion: "Off without it (404). The environment variable TRACKWAY_METRICS_TOKEN sets it too and keeps the secret "
            + "out of the process list.",
        valueName: "secret"
    )) var metricsToken: String?
    @Option(help: ArgumentHelp(
        "A load balancer or reverse proxy in front of this server, by address or CIDR range (repeatable).",
        discussion: "A request whose connection comes from one is taken to come from the client its X-Forwarded-For header names: "
            + "the header is read from the right, past the addresses of trusted proxies, to the first other address. That "
            + "address is rate limited, stored with the ping and matched by spam rules. Without this option the header is never "
            + "read, as any client can write it. For example: --trusted-proxy 127.0.0.1 --trusted-proxy 10.0.0.0/8 --trusted-proxy ::1",
        valueName: "address-or-cidr"
    )) var trustedProxy: [String] = []
    @Option(help: "Pings a client may send at once (0 disables the rate limit).") var rateBurst = RateLimit.standard.burst
    @Option(help: "Pings a client earns back per minute.") var ratePerMinute = RateLimit.standard.perMinute
    @Option(help: "Largest request body accepted, in bytes.") var maxBody = 1 << 20
    @Option(help: "Days a finished webmention's status URL keeps answering (0: forever).") var webmentionStatusDays = 30
    @Option(help: ArgumentHelp(
        "Seconds this node holds the queued checks and notifications it took before another node on the same database may take them.",
        discussion: "Nodes sharing a PostgreSQL database take queue items under a lease, renewed every third of it while the node works on them; a node that dies leaves its items to the others once their leases end.",
        valueName: "seconds"
    )) var queueLease = 120
    @Flag(help: "Answer pingback faults as stock WordPress does (code 0, empty text, except 48).") var wordpressFaults = false
    @Flag(help: "Let source checks and notifications reach loopback and private addresses (tests, local demos).")
    var allowPrivateSources = false
    @Flag(help: "Do not log a line per request or per background check (warnings and errors still are).") var quiet = false

    func run() async throws {
        // Only the server gains from it. The main actor is where NIO wants it installed (it checks
        // for the main thread on Darwin); tasks already running move to the loops as they resume.
        await MainActor.run { _ = Gateway.runSwiftTasksOnEventLoops() }
        let location = try DatabaseChoice.location(db, command: "serve")
        var configuration = GatewayConfiguration(database: location)
        configuration.host = host
        configuration.port = port
        configuration.publicURL = publicURL
        configuration.redirectBase = redirectBase
        configuration.notifyURL = notifyURL
        let environment = ProcessInfo.processInfo.environment
        configuration.ownerFeedToken = try Self.checkedSecret(ownerFeedToken ?? environment["TRACKWAY_OWNER_FEED_TOKEN"], of: "the owner feed secret", option: "--owner-feed-token")
        configuration.metricsToken = try Self.checkedSecret(metricsToken ?? environment["TRACKWAY_METRICS_TOKEN"], of: "the metrics secret", option: "--metrics-token")
        do {
            configuration.trustedProxies = try TrustedProxies(parsing: trustedProxy)
        } catch {
            throw ValidationError("--trusted-proxy \(error)")
        }
        configuration.pingRateLimit = rateBurst > 0 ? RateLimit(burst: rateBurst, perMinute: ratePerMinute) : nil
        configuration.maxBodyBytes = maxBody
        configuration.webmentionStatusDays = webmentionStatusDays
        guard queueLease > 0 else { throw ValidationError("--queue-lease must be at least 1 second (it is \(queueLease))") }
        configuration.queueLeaseSeconds = queueLease
        configuration.wordpressFaults = wordpressFaults
        configuration.allowPrivateSources = allowPrivateSources
        configuration.logActivity = !quiet
        let logger = Logger(label: "trackway.serve")
        let gateway = try Gateway(configuration: configuration, logger: logger)
        let servesFeed = configuration.ownerFeedToken != nil
        try await gateway.run { port in
            logger.info("serving \(location) on http://\(host):\(port)")
            if servesFeed {
                logger.info("owner's feed of received pings: http://\(host):\(port)/trackway/pings.atom?token=… (the secret you set)")
            }
        }
    }

    /// Shortest secret accepted (owner feed, metrics): anyone who guesses the feed's reads every
    /// ping, spam included.
    static let minimumFeedTokenLength = 16

    private static func checkedSecret(_ token: String?, of name: String, option: String) throws -> String? {
        guard let token else { return nil }
        guard token.count >= minimumFeedTokenLength else {
            throw ValidationError(
                "\(name) must be at least \(minimumFeedTokenLength) characters (it has \(token.count)); "
                    + "for example: \(option) $(openssl rand -hex 16)"
            )
        }
        return token
    }
}
