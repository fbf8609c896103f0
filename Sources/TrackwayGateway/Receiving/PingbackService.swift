import TrackwayCore
import TrackwayStore
import TrackwayXMLRPC

/// The XML-RPC methods of the gateway: `pingback.ping` (the Pingback 1.0 algorithm, verified
/// synchronously, stored approved), `pingback.extensions.getPingbacks`, and the `mt.*` methods
/// legacy clients call.
struct PingbackService: Sendable {
    let configuration: GatewayConfiguration
    let store: any PingRepository
    let resolver: TargetResolver
    let fetcher: any PageFetcher
    let rateLimiter: (any PingRateLimiting)?
    /// The owner's spam rules, as the gateway keeps them current.
    var spamRules = LiveSpamRules()
    /// Where each `pingback.ping` is counted by its outcome.
    var metrics = GatewayMetrics(enabled: false)

    private var decider: PingbackDecider {
        PingbackDecider(wordpressFaults: configuration.wordpressFaults, notifying: configuration.notifyURL != nil)
    }

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
                return try await pingbacks(params, context: context)
            } catch {
                throw error.xmlrpcFault(wordpressMasking: configuration.wordpressFaults)
            }
        })
        registry.register(XMLRPCMethod(
            name: "mt.getTrackbackPings", signatures: [["array", "string"]],
            help: "Lists a post's trackbacks as {pingTitle, pingURL, pingIP}; pingIP is withheld."
        ) { params, _ in
            try await trackbackPings(params)
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

    /// `pingback.ping`, counted in the metrics by how it ended: a fault by its code (48 as a
    /// duplicate, 429 as a rate limit), fault 0 from the `blocked-hosts` rule as refused by it.
    func ping(_ params: [XMLRPCValue], context: XMLRPCCallContext) async throws(PingbackFault) -> String {
        do {
            let answer = try await receive(params, context: context)
            metrics.count(.pingback, .accepted)
            return answer
        } catch {
            let blocked = (try? PingbackDecider.call(from: params)).flatMap { SpamRuleDecider.door(sourceURL: $0.source, rules: spamRules.current) }
            metrics.count(.pingback, blocked != nil && error.code == 0 ? .refusedByRule : ReceivedPingOutcome(error))
            throw error
        }
    }

    /// Gathers what `PingbackDecider` asks for, step by step, in the order WordPress does (the
    /// fetch last, as it is the costly part), and stores what it decides.
    private func receive(_ params: [XMLRPCValue], context: XMLRPCCallContext) async throws(PingbackFault) -> String {
        let call = try PingbackDecider.call(from: params)
        if let rateLimiter, await !rateLimiter.allowsPing(from: context.clientAddress) { throw .rateLimited }
        let rules = spamRules.current
        try PingbackDecider.admit(call, rules: rules)
        let post = try PingbackDecider.target(of: call, resolvedAs: try await checking {
            try await resolver.resolve(url: call.target, requestHost: context.requestHost)
        })
        let source = try PingbackDecider.sourceToFetch(call, alreadyPinged: try await checking {
            try await store.hasPing(postID: post.postID, sourceURL: call.source)
        })
        let page = try PingbackDecider.sourcePage(try? await fetcher.get(source, reading: PingbackDecider.scan))
        let postKeys = try await checking { try await resolver.urlKeys(ofPost: post.postID) }
        let ping = try decider.ping(
            call, to: post, page: page, postKeys: postKeys, clientAddress: context.clientAddress, userAgent: context.userAgent, rules: rules
        )
        let result: PingInsertResult
        do {
            result = try await store.store(ping, resumingOn: nil)
        } catch {
            throw .generic("The pingback could not be stored.")
        }
        return try PingbackDecider.answer(call, after: result)
    }

    /// The database read `read`, its failure answered with fault 0.
    private func checking<T>(_ read: () async throws -> T) async throws(PingbackFault) -> T {
        do {
            return try await read()
        } catch {
            throw .generic("The ping could not be checked: the database failed.")
        }
    }

    func pingbacks(_ params: [XMLRPCValue], context: XMLRPCCallContext) async throws(PingbackFault) -> XMLRPCValue {
        guard params.count == 1, let url = params[0].stringValue else {
            throw .generic("pingback.extensions.getPingbacks takes one URL.")
        }
        do {
            switch try await resolver.resolve(url: url.trimmingWhitespace(), requestHost: context.requestHost) {
            case .post(let post):
                return .array(try await store.pingbackSources(postID: post.postID).map { .string($0) })
            case .notOurs: throw PingbackFault.targetCannotBeUsed
            case .notFound: throw PingbackFault.targetDoesNotExist
            }
        } catch let fault as PingbackFault {
            throw fault
        } catch {
            throw .generic("The database failed.")
        }
    }

    func trackbackPings(_ params: [XMLRPCValue]) async throws -> XMLRPCValue {
        let id: String
        switch params.first {
        case .int(let number): id = String(number)
        case .string(let text): id = text.trimmingWhitespace()
        default: throw XMLRPCFault(code: 400, message: "Insufficient arguments passed to this XML-RPC method.")
        }
        guard let post = try await store.post(sourceID: id, host: nil) else {
            throw XMLRPCFault(code: 404, message: "Sorry, no such post.")
        }
        let pings = try await store.trackbacks(postID: post.postID, approvedOnly: false)
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
