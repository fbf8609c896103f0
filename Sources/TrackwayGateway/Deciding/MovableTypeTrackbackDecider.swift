import HTTPTypes
import TrackwayStore

/// The decisions `MT::App::Trackback` (MT 6.8's `mt-tb.cgi`) makes for a ping to a target a
/// backup import kept, free of I/O, in MT's order and with its texts; the body's own checks
/// (charset, `url`) are `TrackbackDecider.decide`'s, whose texts for them are MT's too.
///
/// ```swift
/// switch MovableTypeTrackbackDecider.route(method: .post, query: nil, url: url, target: target) {
/// case .receive(let post): …   // read the body, then `refusal(target:post:passphrase:)`
/// case .answer(let answer): …
/// default: …
/// }
/// ```
///
/// A category's target refuses pings with "This TrackBack item is disabled.": Trackway keeps
/// pings on posts, as WordPress does, so a category ping could be neither shown on a page of
/// the migrated blog nor exported (WordPress has no category pings, and MT's own text export
/// leaves them out); refusing says so to the sender, where accepting would keep it nowhere.
enum MovableTypeTrackbackDecider {
    /// MT's refusal of a disabled target, a closed entry or (here) a category.
    static let disabled = "This TrackBack item is disabled."
    static let protected = "This TrackBack item is protected by a passphrase."

    /// What a request to a kept target is, before any body is read.
    enum Route: Sendable, Equatable {
        case answer(TrackbackAnswer)
        /// A GET or HEAD of an entry's target: the entry's discovery page.
        case showDiscovery(PingTarget)
        /// `?__mode=rss`: the entry's approved trackbacks.
        case listTrackbacks(PingTarget)
        /// A POST to a published entry's target: a ping to read and decide.
        case receive(PingTarget)
    }

    /// Routes as MT does: only POST pings (`__mode=rss` lists by GET); an entry that is not
    /// published is an invalid id; a category's target refuses.
    static func route(method: HTTPRequest.Method, query: String?, url: MovableTypeTrackbackURL, target: StoredTrackbackTarget) -> Route {
        let invalid = TrackbackAnswer.error("Invalid TrackBack ID '\(url.trackbackID)'")
        let isRead = method == .get || method == .head
        guard case .post(let post) = target.subject else {
            return .answer(isRead || method == .post ? .error(disabled) : notPost)
        }
        if isRead {
            guard post.isPingable else { return .answer(TrackbackAnswer(status: .notFound, error: "Not found.", advertisesPingback: false)) }
            return URLForm(query: query).string("__mode") == "rss" ? .listTrackbacks(post) : .showDiscovery(post)
        }
        guard method == .post else { return .answer(notPost) }
        guard post.isPingable else { return .answer(invalid) }
        return .receive(post)
    }

    /// After the body's checks passed: MT's refusal of a disabled target (or an entry whose
    /// pings are off), then of a missing or wrong passphrase; nil to store the ping.
    static func refusal(target: StoredTrackbackTarget, post: PingTarget, passphrase: String?) -> TrackbackAnswer? {
        if target.isDisabled || post.pingStatus != "open" { return .error(disabled) }
        if !target.passphrase.isEmpty && passphrase != target.passphrase { return .error(protected) }
        return nil
    }

    private static let notPost = TrackbackAnswer(status: .methodNotAllowed, error: "Trackback pings must use HTTP POST", advertisesPingback: false)
}
