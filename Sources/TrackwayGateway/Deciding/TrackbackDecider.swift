import HTTPTypes
import TrackwayCore
import TrackwayStore
import TrackwayXML

/// The TrackBack 1.2 decisions, as WordPress's `wp-trackback.php` makes them, free of I/O. The
/// driver (`GatewayResponder.trackback`) asks `route` first, then, for a ping, checks the client's
/// rate limit (`TrackbackAnswer.rateLimited`) and reads the body (`answer(to:)` when refused),
/// asks `decide` and stores the ping it returns, and answers with `answer(after:)`. The background
/// check of a stored trackback asks `verdict(on:postKeys:)`.
///
/// ```swift
/// let decider = TrackbackDecider(maxBodyBytes: 1 << 20, bodyTimeoutSeconds: 20, notifying: false)
/// if case .store(let ping) = decider.decide(body: body, contentType: nil, post: post, clientAddress: "192.0.2.1",
///                                           userAgent: "WordPress/6.1", rules: .defaults) { … }
/// ```
struct TrackbackDecider: Sendable {
    /// The limits a refused body is told of.
    var maxBodyBytes: Int
    var bodyTimeoutSeconds: Double
    /// True when each stored ping carries its notification for the owner's webhook.
    var notifying: Bool

    /// What a request to a TrackBack URL is, before any body is read.
    enum Route: Sendable, Equatable {
        case answer(TrackbackAnswer)
        /// A GET or HEAD: the post's discovery page, as for any of its URLs.
        case showDiscovery
        /// `?__mode=rss`: the post's approved trackbacks as RSS (`TrackbackResponse.rss`).
        case listTrackbacks(PingTarget)
        /// A POST: a ping for this post, to rate-limit, read and decide.
        case receive(PingTarget)
    }

    /// What to do with a ping's body.
    enum Decision: Sendable, Equatable {
        case answer(TrackbackAnswer)
        /// Store the ping (pending, queued for the background check), then answer `answer(after:)`.
        case store(NewPing)
    }

    /// What the whole check of a stored trackback's source found.
    struct Verdict: Sendable, Equatable {
        /// True when the source links to the post: the ping is approved, else left for moderation.
        var linksToPost: Bool
        /// The source page's title as HTML text, to store in place of the sender's; nil when it has none.
        var sourceTitle: String?
    }

    /// Routes a request to a TrackBack URL: 404 without a post, the discovery page or the RSS
    /// listing for GET and HEAD, 405 for methods other than POST.
    static func route(method: HTTPRequest.Method, query: String?, target: TargetResolution) -> Route {
        guard case .post(let post) = target else {
            return .answer(TrackbackAnswer(status: .notFound, error: "There is no post at this TrackBack URL.", advertisesPingback: false))
        }
        if method == .get || method == .head {
            return URLForm(query: query).string("__mode") == "rss" ? .listTrackbacks(post) : .showDiscovery
        }
        guard method == .post else {
            return .answer(TrackbackAnswer(status: .methodNotAllowed, error: "Trackback pings must use HTTP POST", advertisesPingback: false))
        }
        return .receive(post)
    }

    /// The answer to a body that was not read to its end: 413 or 408, closing the connection.
    func answer(to refusal: BodyRefusal) -> TrackbackAnswer {
        switch refusal {
        case .tooLarge:
            TrackbackAnswer(status: .contentTooLarge, error: "The TrackBack ping is larger than \(maxBodyBytes) bytes.", closesConnection: true)
        case .tooSlow:
            TrackbackAnswer(status: .requestTimeout, error: "The TrackBack ping did not arrive within \(bodyTimeoutSeconds) seconds.", closesConnection: true)
        }
    }

    /// Decides on a ping's form body (`contentType` is the request's Content-Type, whose charset
    /// applies when the form names none): an error for a charset that is refused, unknown or does
    /// not fit the text, for a missing or unusable `url`, for a source on a blocked host, or for a
    /// post whose pings are closed; else the ping to store, pending until its source is checked,
    /// or as the owner's spam `rules` decide.
    func decide(
        body: [UInt8], contentType: String?, post: PingTarget, clientAddress: String, userAgent: String, rules: SpamRules
    ) -> Decision {
        let ping: TrackbackRequest
        do throws(TrackbackRequest.Refusal) {
            ping = try TrackbackRequest(form: URLForm(body), contentTypeCharset: contentType.flatMap(SourceFetcher.charset(inContentType:)))
        } catch {
            switch error {
            case .utf7: return .answer(.error("The charset UTF-7 is not accepted."))
            case .unknownCharset(let charset): return .answer(.error("The charset \(charset) is not supported."))
            case .undecodable(let charset): return .answer(.error("The ping's text is not valid \(charset)."))
            }
        }
        guard !ping.url.isEmpty else { return .answer(.error("You need to provide a Source URL (url).")) }
        guard LegacyURLKey(ping.url) != nil else { return .answer(.error("Invalid URL '\(ping.url)'")) }
        if let blocked = SpamRuleDecider.door(sourceURL: ping.url, rules: rules) {
            var refusal = TrackbackAnswer.error(blocked.refusal)
            refusal.refusedByRule = true
            return .answer(refusal)
        }
        guard post.acceptsPings else { return .answer(.error("Sorry, trackbacks are closed for this item.")) }
        // The fields are HTML text, as WordPress's senders write them (`WordPress&#8217;s`): stored
        // as WordPress's wp-trackback.php stores them (`HTMLText.normalized`), never escaped again.
        let title = ping.title.isEmpty ? HTMLText.escaped(HTMLText.excerpt(ping.url, limit: 250)) : HTMLText.normalized(ping.title, limit: 250)
        return .store(.received(
            .trackback, postID: post.postID, sourceURL: ping.url, sourceTitle: title, blogName: HTMLText.normalized(ping.blogName),
            excerpt: HTMLText.normalized(ping.excerpt, limit: 252), authorIP: clientAddress, userAgent: userAgent,
            status: .pending, verification: .queued, rules: rules, notifying: notifying ? post : nil
        ))
    }

    /// Success once the ping is stored; an error when the post holds a ping from that URL already.
    static func answer(after result: PingInsertResult) -> TrackbackAnswer {
        switch result {
        case .inserted: .success
        case .duplicate: .error("There is already a ping from that URL for this post.")
        }
    }

    /// The background check of a stored trackback: does its source page link to the post (any of
    /// `postKeys`, its addresses), and under what title.
    static func verdict(on page: HTMLPage, postKeys: Set<String>) -> Verdict {
        Verdict(linksToPost: PingbackVerdict.link(in: page, toAnyOf: postKeys) != nil, sourceTitle: page.title.isEmpty ? nil : HTMLText.escaped(page.title))
    }
}
