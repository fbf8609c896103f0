import TrackwayCore
import TrackwayStore
import TrackwayXML
import TrackwayXMLRPC

/// The Pingback 1.0 decisions of `pingback.ping`, as WordPress makes them, free of I/O. Each step
/// takes what the driver (`PingbackService`) gathered since the last one and either throws the
/// fault to answer or says what to do next; the driver does the I/O in between:
///
/// 1. `call(from:)`: the parameters; then the client's rate limit (`PingbackFault.rateLimited`);
/// 2. `target(of:resolvedAs:)`: the resolved target post;
/// 3. `sourceToFetch(_:alreadyPinged:)`: whether the store holds a ping from the source already;
/// 4. `sourcePage(_:)`: the fetched source, read on the fetch's thread by `scan(_:)`;
/// 5. `ping(_:to:page:postKeys:clientAddress:)`: the link to the post, and the ping to store;
/// 6. `answer(_:after:)`: what storing it did.
///
/// ```swift
/// let call = try PingbackDecider.call(from: params)   // throws(PingbackFault)
/// ```
struct PingbackDecider: Sendable {
    /// Fault 0 for a page without a title, as stock WordPress (`--wordpress-faults`).
    var wordpressFaults: Bool
    /// True when each stored ping carries its notification for the owner's webhook.
    var notifying: Bool

    /// The call's two URLs; fault 0 unless there are two strings, 16 when the source is no http(s)
    /// URL, 32 when the target is none, 0 when both name the same resource.
    static func call(from params: [XMLRPCValue]) throws(PingbackFault) -> PingbackCall {
        guard params.count == 2, let rawSource = params[0].stringValue, let rawTarget = params[1].stringValue else {
            throw .generic("pingback.ping takes two string parameters: sourceURI and targetURI.")
        }
        let source = rawSource.trimmingWhitespace().replacingAll("&amp;", with: "&")
        let target = rawTarget.trimmingWhitespace().replacingAll("&amp;", with: "&")
        guard let sourceKey = LegacyURLKey(source) else { throw .sourceDoesNotExist }
        guard let targetKey = LegacyURLKey(target) else { throw .targetDoesNotExist }
        if sourceKey == targetKey { throw .generic("The source URL and the target URL cannot both point to the same resource.") }
        return PingbackCall(source: source, target: target, sourceKey: sourceKey, targetKey: targetKey)
    }

    /// Fault 0 with the reason when the source is on a host the owner blocked (`blocked-hosts`):
    /// refused before anything is fetched or stored.
    static func admit(_ call: PingbackCall, rules: SpamRules) throws(PingbackFault) {
        if let blocked = SpamRuleDecider.door(sourceURL: call.source, rules: rules) { throw .generic(blocked.refusal) }
    }

    /// The post the target resolved to; fault 33 for another site's URL or a post that takes no
    /// pings, 32 when no post is there.
    static func target(of call: PingbackCall, resolvedAs resolution: TargetResolution) throws(PingbackFault) -> PingTarget {
        try resolution.pingablePost(notOurs: PingbackFault.targetCannotBeUsed, notFound: .targetDoesNotExist, closed: .targetCannotBeUsed)
    }

    /// The URL to fetch and decide on; fault 48 when the post holds a ping from the source already.
    static func sourceToFetch(_ call: PingbackCall, alreadyPinged: Bool) throws(PingbackFault) -> String {
        if alreadyPinged { throw .alreadyRegistered }
        return call.source
    }

    /// Reads a fetched source's links and title; nil for an empty page. Runs on the fetch's thread.
    static func scan(_ page: FetchedPage) -> HTMLPage? {
        page.body.isEmpty ? nil : HTMLLinkScanner.scan(page.body, pageURL: page.url, charset: page.charset)
    }

    /// The scanned source; fault 16 when it could not be fetched or was empty (`nil`).
    static func sourcePage(_ page: HTMLPage?) throws(PingbackFault) -> HTMLPage {
        guard let page else { throw .sourceDoesNotExist }
        return page
    }

    /// The ping to store, approved (verified just now): the page's first link to the post (any of
    /// `postKeys`, its addresses, or the target as given) with the words around it, and the page's
    /// title, else the source's host. Fault 17 without such a link. The owner's spam `rules` may
    /// hold it pending or make spam of it.
    func ping(
        _ call: PingbackCall, to post: PingTarget, page: HTMLPage, postKeys: Set<String>, clientAddress: String,
        userAgent: String, rules: SpamRules
    ) throws(PingbackFault) -> NewPing {
        guard let link = PingbackVerdict.link(in: page, toAnyOf: postKeys.union([call.targetKey.value])) else { throw .sourceHasNoLink }
        if wordpressFaults, page.title.isEmpty { throw .generic("A title on that page cannot be found.") }
        let title = page.title.isEmpty ? (call.sourceKey.value.split(separator: "/").first.map(String.init) ?? call.source) : page.title
        return .received(
            .pingback, postID: post.postID, sourceURL: call.source, sourceTitle: HTMLText.escaped(title), excerpt: HTMLText.escaped(link.context),
            authorIP: clientAddress, userAgent: userAgent, status: .approved, verification: .verified, rules: rules,
            notifying: notifying ? post : nil
        )
    }

    /// WordPress's success string once the ping is stored; fault 48 when a ping from the same
    /// source was stored meanwhile.
    static func answer(_ call: PingbackCall, after result: PingInsertResult) throws(PingbackFault) -> String {
        guard case .inserted = result else { throw .alreadyRegistered }
        return "Pingback from \(call.source) to \(call.target) registered. Keep the web talking! :-)"
    }
}
