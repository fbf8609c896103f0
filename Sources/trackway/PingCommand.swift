import ArgumentParser
import Foundation
import TrackwayGateway
import TrackwayStore

/// `trackway ping`: send a Webmention, pingback or trackback, one by hand or every outbound link
/// of a stored post.
struct PingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ping",
        abstract: "Send a Webmention, pingback or trackback: discover the target's endpoint, send, report the answer.",
        discussion: """
        Discovery order: Webmention (HTTP Link header, then <link>/<a rel="webmention">), Pingback (X-Pingback header, then <link rel="pingback">), TrackBack (the RDF trackback:ping, then rel="trackback"). --via picks one protocol instead of the first found.

        Examples:
          trackway ping https://me.example/mine/ https://them.example/theirs/
          trackway ping SOURCE TARGET --via trackback --title "Mine" --blog-name "Me"
          trackway ping --post 42 --dry-run    # what each link of post 42 would get
          trackway ping --post 42 --json       # send, record, print one JSON object

        With --post, every link of the post's content to another site is a target; targets already pinged (recorded per post) are skipped; every attempt is recorded. Importing never pings.

        Exit status: 0 when every ping sent was accepted; 1 with a one-line reason otherwise (no endpoint, refused, fault, unreachable). With --post, links without an endpoint are not errors.
        """
    )

    enum Via: String, ExpressibleByArgument, CaseIterable {
        case auto, webmention, pingback, trackback
    }

    @Argument(help: "The page that links (your post's URL).") var source: String?
    @Argument(help: "The page it links to.") var target: String?
    @Option(help: "TrackBack title of the source.") var title: String?
    @Option(help: "TrackBack excerpt of the source.") var excerpt: String?
    @Option(help: "TrackBack blog name of the source.") var blogName: String?
    @Option(help: "Protocol: auto (first found), webmention, pingback or trackback.") var via: Via = .auto
    @Flag(help: "Print one JSON object instead of lines.") var json = false
    @Option(help: DatabaseChoice.help) var db: String?
    @Option(help: "Ping every outbound link of the stored post with this id (as `trackway pings list` shows it).") var post: Int?
    @Flag(help: "With --post: discover only, list what would be sent, record nothing.") var dryRun = false
    @Flag(help: "RISKY: let targets and endpoints be loopback or private addresses. A page can then steer requests into your network; for tests and local demos only.")
    var allowPrivateTargets = false

    func validate() throws {
        if post != nil {
            guard source == nil, target == nil else { throw ValidationError("give either SOURCE_URL TARGET_URL or --post ID, not both") }
        } else {
            guard source != nil, target != nil else { throw ValidationError("give SOURCE_URL and TARGET_URL, or --post ID") }
            guard !dryRun else { throw ValidationError("--dry-run goes with --post") }
        }
    }

    var protocols: [PingProtocol] {
        switch via {
        case .auto: return PingProtocol.allCases
        case .webmention: return [.webmention]
        case .pingback: return [.pingback]
        case .trackback: return [.trackback]
        }
    }

    func run() async throws {
        if let post {
            try await PostPings(command: self, postID: post).run()
            return
        }
        guard let source, let target else { return }
        let message = PingMessage(source: source, target: target, title: title ?? "", excerpt: excerpt ?? "", blogName: blogName ?? "")
        let outcome = await sender(site: source).send(message, protocols: protocols)
        if json {
            print(try Self.json(outcome))
        } else {
            Self.printReport(outcome)
        }
        guard outcome.isAccepted else {
            StandardError.line("trackway ping: \(outcome.summary)")
            throw ExitCode(1)
        }
    }

    func sender(site: String) -> PingSender {
        PingSender(allowPrivateAddresses: allowPrivateTargets, userAgent: "Trackway/1 (sending a ping; +\(site))")
    }

    /// The report for people: what was found, what was sent, what came back.
    static func printReport(_ outcome: PingOutcome) {
        print("target      \(outcome.target)")
        if let found = outcome.discovered {
            if found.pageURL != outcome.target { print("read        \(found.pageURL)") }
            for kind in PingProtocol.allCases {
                print("\(kind.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0))\(found.endpoint(for: kind) ?? "-")")
            }
        }
        if let via = outcome.via, let endpoint = outcome.endpoint {
            let fields = (outcome.sent ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            print("sent        \(via.rawValue) to \(endpoint): \(fields)")
        }
        print("result      \(outcome.summary)")
    }

    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
