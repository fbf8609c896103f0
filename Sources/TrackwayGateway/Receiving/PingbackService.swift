import TrackwayCore
import TrackwayStore
import TrackwayXML
import TrackwayXMLRPC

/// The XML-RPC methods of the gateway: `pingback.ping` (the Pingback 1.0 algorithm, verified
/// synchronously, stored approved), `pingback.extensions.getPingbacks`, and the `mt.*` methods
/// legacy clients call.
struct PingbackService: Sendable {
    let configuration: GatewayConfiguration
    let store: GatewayStore
    let resolver: TargetResolver
    let fetcher: SourceFetcher
    let rateLimiter: RateLimiter?

    /// The registry with every method this server answers.
    func registry() -> XMLRPCMethodRegistry {
        var registry = XMLRPCMethodRegistry()
        registry.registerDemoMethods()
        registry.register(XMLRPCMethod(
            name: "pingback.ping", signatures: [["string", "string", "string"]],
            help: "Registers a link from sourceURI to targetURI (Pingback 1.0)."
        ) { params, context in
            do {
                return .string(try await ping(params, context: context))
            } catch {
                throw error.xmlrpcFault(wordpressMasking: configuration.wordpressFaults)
            }
        })
        registry.register(XMLRPCMethod(
            name: "pingback.extensions.getPingbacks", signatures: [["array", "string"]],
            help: "Lists the source URLs of the pingbacks a post received."
        ) { params, context in
            do {
                return try pingbacks(params, context: context)
            } catch {
                throw error.xmlrpcFault(wordpressMasking: configuration.wordpressFaults)
            }
        })
        registry.register(XMLRPCMethod(
            name: "mt.getTrackbackPings", signatures: [["array", "string"]],
            help: "Lists a post's trackbacks as {pingTitle, pingURL, pingIP}; pingIP is withheld."
        ) { params, _ in
            try trackbackPings(params)
        })
        registry.register(XMLRPCMethod(
            name: "mt.supportedTextFilters", signatures: [["array"]], help: "Lists text filters: none."
        ) { _, _ in .array([]) })
        let names = registry.registeredMethodNames + ["mt.supportedMethods"]
        registry.register(XMLRPCMethod(
            name: "mt.supportedMethods", signatures: [["array"]], help: "Lists the methods this server answers, without system.*."
        ) { _, _ in .array(names.map { .string($0) }) })
        return registry
    }

    func ping(_ params: [XMLRPCValue], context: XMLRPCCallContext) async throws(PingbackFault) -> String {
        guard params.count == 2, let rawSource = params[0].stringValue, let rawTarget = params[1].stringValue else {
            throw .generic("pingback.ping takes two string parameters: sourceURI and targetURI.")
        }
        let source = rawSource.trimmingWhitespace().replacingAll("&amp;", with: "&")
        let target = rawTarget.trimmingWhitespace().replacingAll("&amp;", with: "&")
        guard let sourceKey = LegacyURLKey(source) else { throw .sourceDoesNotExist }
        guard let targetKey = LegacyURLKey(target) else { throw .targetDoesNotExist }
        if sourceKey == targetKey { throw .generic("The source URL and the target URL cannot both point to the same resource.") }
        if let rateLimiter, !rateLimiter.allow(context.clientAddress) { throw .rateLimited }

        let post: PingTarget
        do {
            switch try resolver.resolve(url: target, requestHost: context.requestHost) {
            case .post(let found): post = found
            case .notOurs: throw PingbackFault.targetCannotBeUsed
            case .notFound: throw PingbackFault.targetDoesNotExist
            }
            guard post.acceptsPings else { throw PingbackFault.targetCannotBeUsed }
            if try store.read({ try $0.hasPing(postID: post.postID, sourceURL: source) }) { throw PingbackFault.alreadyRegistered }
        } catch let fault as PingbackFault {
            throw fault
        } catch {
            throw .generic("The ping could not be checked: the database failed.")
        }

        let scanned: HTMLPage?
        do {
            scanned = try await fetcher.get(source) { page in
                page.body.isEmpty ? nil : HTMLLinkScanner.scan(page.body, pageURL: page.url, charset: page.charset)
            }
        } catch {
            throw .sourceDoesNotExist
        }
        guard let html = scanned else { throw .sourceDoesNotExist }
        let postKeys: Set<String>
        do {
            postKeys = try resolver.urlKeys(ofPost: post.postID).union([targetKey.value])
        } catch {
            throw .generic("The ping could not be checked: the database failed.")
        }
        guard let link = PingbackVerdict.link(in: html, toAnyOf: postKeys) else { throw .sourceHasNoLink }
        if configuration.wordpressFaults, html.title.isEmpty { throw .generic("A title on that page cannot be found.") }
        let title = html.title.isEmpty ? (sourceKey.value.split(separator: "/").first.map(String.init) ?? source) : html.title

        var ping = NewPing(
            postID: post.postID, kind: .pingback, sourceURL: source, sourceTitle: title,
            content: PingbackVerdict.content(excerpt: link.context), authorIP: context.clientAddress,
            status: .approved, verification: "verified"
        )
        if configuration.notifyURL != nil {
            ping.notificationPayload = PingNotification(
                pingID: 0, kind: "pingback", status: "approved", postID: post.postID, postTitle: post.title, postURL: post.link,
                sourceURL: source, sourceTitle: title, blogName: "", excerpt: link.context, clientAddress: context.clientAddress
            ).json()
        }
        let result: PingInsertResult
        do {
            result = try await store.write { [ping] in try $0.insert(ping) }
        } catch {
            throw .generic("The pingback could not be stored.")
        }
        guard case .inserted = result else { throw .alreadyRegistered }
        return "Pingback from \(source) to \(target) registered. Keep the web talking! :-)"
    }

    func pingbacks(_ params: [XMLRPCValue], context: XMLRPCCallContext) throws(PingbackFault) -> XMLRPCValue {
        guard params.count == 1, let url = params[0].stringValue else {
            throw .generic("pingback.extensions.getPingbacks takes one URL.")
        }
        do {
            switch try resolver.resolve(url: url.trimmingWhitespace(), requestHost: context.requestHost) {
            case .post(let post):
                return .array(try store.read { try $0.pingbackSources(postID: post.postID) }.map { .string($0) })
            case .notOurs: throw PingbackFault.targetCannotBeUsed
            case .notFound: throw PingbackFault.targetDoesNotExist
            }
        } catch let fault as PingbackFault {
            throw fault
        } catch {
            throw .generic("The database failed.")
        }
    }

    func trackbackPings(_ params: [XMLRPCValue]) throws -> XMLRPCValue {
        let id: String
        switch params.first {
        case .int(let number): id = String(number)
        case .string(let text): id = text.trimmingWhitespace()
        default: throw XMLRPCFault(code: 400, message: "Insufficient arguments passed to this XML-RPC method.")
        }
        guard let post = try store.read({ try $0.post(sourceID: id, host: nil) }) else {
            throw XMLRPCFault(code: 404, message: "Sorry, no such post.")
        }
        let pings = try store.read { try $0.trackbacks(postID: post.postID, approvedOnly: false) }
        return .array(pings.map { ping in
            .structure([
                XMLRPCMember("pingTitle", .string(ping.sourceTitle)),
                XMLRPCMember("pingURL", .string(ping.sourceURL)),
                // WordPress and MT hand out the sender's IP unauthenticated; Trackway does not.
                XMLRPCMember("pingIP", .string("")),
            ])
        })
    }
}

extension Error {
    /// A `PingbackFault` as XML-RPC (masked for WordPress compatibility when asked), others as is.
    func xmlrpcFault(wordpressMasking: Bool) -> Error {
        (self as? PingbackFault)?.xmlrpcFault(wordpressMasking: wordpressMasking) ?? self
    }
}

extension String {
    /// Every occurrence of `target` replaced by `replacement`.
    func replacingAll(_ target: String, with replacement: String) -> String {
        // Most texts hold no occurrence, and a scan of the bytes rules that out cheaply.
        guard !target.isEmpty, firstUTF8Range(of: target) != nil else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
