import Testing
import TrackwayCore
import TrackwayStore
import TrackwayXML
import TrackwayXMLRPC
@testable import TrackwayGateway

@Suite struct PingbackDeciderTests {
    private static let linking = "<html><head><title>A citing page</title></head><body><p>Words before <a href=\"http://blog.example/2008/01/hello/\">the post</a> and after.</p></body></html>"

    /// Runs every step as `PingbackService` does, with the store's and the fetch's answers given
    /// (`page` nil: the fetch failed).
    private func decide(
        _ params: [XMLRPCValue], target: TargetResolution = .post(DeciderSamples.openPost), alreadyPinged: Bool = false,
        page: FetchedPage? = DeciderSamples.page(linking), decider: PingbackDecider = PingbackDecider(wordpressFaults: false, notifying: false)
    ) -> Result<NewPing, PingbackFault> {
        Result { () throws(PingbackFault) -> NewPing in
            let call = try PingbackDecider.call(from: params)
            let post = try PingbackDecider.target(of: call, resolvedAs: target)
            let source = try PingbackDecider.sourceToFetch(call, alreadyPinged: alreadyPinged)
            #expect(source == call.source)
            let html = try PingbackDecider.sourcePage(page.flatMap(PingbackDecider.scan))
            return try decider.ping(call, to: post, page: html, postKeys: DeciderSamples.openPostKeys, clientAddress: "192.0.2.7", userAgent: "", rules: .defaults)
        }
    }

    private func fault(_ result: Result<NewPing, PingbackFault>) -> PingbackFault? {
        if case .failure(let fault) = result { return fault }
        return nil
    }

    private func strings(_ params: String...) -> [XMLRPCValue] {
        params.map { .string($0) }
    }

    /// The answer the gateway writes for `fault`, masked or not, without indentation.
    private func encoded(_ fault: PingbackFault, masking: Bool) throws -> [UInt8] {
        DeciderSamples.unindented(try XMLRPCResponse.fault(fault.xmlrpcFault(wordpressMasking: masking)).encoded())
    }

    /// WordPress's recorded answer `name` without its indentation, which the gateway does not write.
    private func recorded(_ name: String) throws -> [UInt8] {
        DeciderSamples.unindented(try DeciderSamples.recorded(name))
    }

    /// What each recorded WordPress fault was asked, as the decider's inputs.
    private func recordedCases() throws -> [(name: String, fault: PingbackFault?, sameAsWordPressUnmasked: Bool)] {
        let closed = TargetResolution.post(DeciderSamples.closedPost)
        let noTitle = DeciderSamples.page("<p><a href=\"http://127.0.0.1:8090/2008/01/post-001-pinata-feed/\">x</a></p>")
        return [
            ("pingback-fault0-source-equals-target", fault(decide(try DeciderSamples.recordedParams("pingback-fault0-source-equals-target"))), true),
            ("pingback-fault0-target-not-on-this-site", fault(decide(try DeciderSamples.recordedParams("pingback-fault0-target-not-on-this-site"), target: .notOurs)), false),
            ("pingback-fault16-empty-source", fault(decide(try DeciderSamples.recordedParams("pingback-fault16-empty-source"), page: DeciderSamples.page(""))), true),
            ("pingback-fault16-loopback-localhost-rejected", fault(decide(try DeciderSamples.recordedParams("pingback-fault16-loopback-localhost-rejected"), page: nil)), false),
            ("pingback-fault16-source-port-not-allowed", fault(decide(try DeciderSamples.recordedParams("pingback-fault16-source-port-not-allowed"), page: nil)), false),
            ("pingback-fault17-no-link", fault(decide(try DeciderSamples.recordedParams("pingback-fault17-no-link"), page: DeciderSamples.page("<title>x</title><p>nothing</p>"))), true),
            ("pingback-fault32-no-title", fault(decide(
                try DeciderSamples.recordedParams("pingback-fault32-no-title"), page: noTitle, decider: PingbackDecider(wordpressFaults: true, notifying: false)
            )), false),
            ("pingback-fault33-pings-closed", fault(decide(try DeciderSamples.recordedParams("pingback-fault33-pings-closed"), target: closed)), true),
            ("pingback-fault33-target-not-a-post", fault(decide(try DeciderSamples.recordedParams("pingback-fault33-target-not-a-post"), target: .notFound)), false),
            ("pingback-fault33-target-not-found", fault(decide(try DeciderSamples.recordedParams("pingback-fault33-target-not-found"), target: .notFound)), false),
            ("pingback-fault48-duplicate", fault(decide(try DeciderSamples.recordedParams("pingback-fault48-duplicate"), alreadyPinged: true)), true),
        ]
    }

    @Test("every fault WordPress recorded, masked as stock WordPress masks it, encodes as WordPress answered, byte for byte but for indentation")
    func maskedFaultsMatchWordPress() throws {
        for sample in try recordedCases() {
            let fault = try #require(sample.fault, "\(sample.name) was accepted")
            #expect(try encoded(fault, masking: true) == recorded("\(sample.name).xml"), "\(sample.name)")
        }
        let oneParam = try #require(fault(decide(try DeciderSamples.recordedParams("pingback-one-param"))))
        #expect(try encoded(oneParam, masking: true) == recorded("pingback-one-param.xml"))
    }

    @Test("the faults whose code WordPress also gives unmasked encode as WordPress's unmasked answers, byte for byte but for indentation")
    func unmaskedFaultsMatchWordPress() throws {
        for sample in try recordedCases() where sample.sameAsWordPressUnmasked {
            let fault = try #require(sample.fault, "\(sample.name) was accepted")
            #expect(try encoded(fault, masking: false) == recorded("\(sample.name)-unmasked.xml"), "\(sample.name)")
        }
    }

    @Test("a client over its rate limit gets WordPress's flood answer, masked or not")
    func rateLimitedMatchesWordPress() throws {
        #expect(try encoded(.rateLimited, masking: true) == recorded("pingback-flood-within-15s.xml"))
        #expect(try encoded(.rateLimited, masking: false) == recorded("pingback-flood-within-15s-unmasked.xml"))
    }

    @Test("answers a stored ping with WordPress's success string for the recorded call, encoded as WordPress did but for indentation")
    func successMatchesWordPress() throws {
        for name in ["pingback-success", "pingback-success-unmasked"] {
            let call = try PingbackDecider.call(from: try DeciderSamples.recordedParams(name))
            let answer = try PingbackDecider.answer(call, after: .inserted(7))
            #expect(try DeciderSamples.unindented(XMLRPCResponse.success(.string(answer)).encoded()) == recorded("\(name).xml"), "\(name)")
        }
    }

    @Test("gives the spec's fault for each wrong call: 0 for the same page or other than two strings, 16 and 32 for URLs that are none")
    func callFaults() {
        #expect(fault(decide(strings("http://blog.example/2008/01/hello/", "http://BLOG.example/2008/01/hello/")))?.code == 0)
        #expect(fault(decide(strings("http://blog.example/2008/01/hello/")))?.code == 0)
        #expect(fault(decide([.string("http://other.example/"), .int(1)]))?.code == 0)
        #expect(fault(decide(strings("ftp://other.example/x", "http://blog.example/2008/01/hello/"))) == .sourceDoesNotExist)
        #expect(fault(decide(strings("http://other.example/x", "mailto:me@blog.example"))) == .targetDoesNotExist)
    }

    @Test("gives 33 for another site's URL, a closed or unpublished post, and 32 where no post is")
    func targetFaults() {
        let call = strings("http://other.example/citing/", "http://blog.example/2008/01/hello/")
        #expect(fault(decide(call, target: .notOurs)) == .targetCannotBeUsed)
        #expect(fault(decide(call, target: .post(DeciderSamples.closedPost))) == .targetCannotBeUsed)
        #expect(fault(decide(call, target: .post(DeciderSamples.draftPost))) == .targetCannotBeUsed)
        #expect(fault(decide(call, target: .notFound)) == .targetDoesNotExist)
    }

    @Test("gives 48 before fetching when the source pinged the post already, and when a ping from it was stored meanwhile")
    func duplicateFaults() throws {
        let call = try PingbackDecider.call(from: strings("http://other.example/citing/", "http://blog.example/2008/01/hello/"))
        #expect(throws: PingbackFault.alreadyRegistered) { try PingbackDecider.sourceToFetch(call, alreadyPinged: true) }
        #expect(throws: PingbackFault.alreadyRegistered) { try PingbackDecider.answer(call, after: .duplicate) }
    }

    @Test("gives 16 for a source that could not be fetched or is empty, 17 for one without a link to any address of the post")
    func sourceFaults() {
        let call = strings("http://other.example/citing/", "http://blog.example/2008/01/hello/")
        #expect(fault(decide(call, page: nil)) == .sourceDoesNotExist)
        #expect(fault(decide(call, page: DeciderSamples.page(""))) == .sourceDoesNotExist)
        #expect(fault(decide(call, page: DeciderSamples.page("<title>T</title><a href=\"http://blog.example/2008/01/other/\">x</a>"))) == .sourceHasNoLink)
    }

    @Test("stores a ping approved and verified, with the page's title and WordPress's [...] excerpt around the link")
    func acceptedPing() throws {
        let ping = try decide(strings(" http://other.example/citing/?a=1&amp;b=2 ", "http://blog.example/2008/01/hello/")).get()
        #expect(ping.kind == .pingback && ping.status == .approved && ping.verification == .verified)
        #expect(ping.postID == 1 && ping.sourceURL == "http://other.example/citing/?a=1&b=2" && ping.authorIP == "192.0.2.7")
        #expect(ping.sourceTitle == "A citing page")
        #expect(ping.content.hasPrefix("[&#8230;] ") && ping.content.hasSuffix(" [&#8230;]") && ping.content.contains("the post"))
        #expect(ping.notificationPayload == nil)
    }

    @Test("finds the link to any of the post's addresses, and to the target as the caller gave it")
    func linkToAnyAddress() throws {
        let guid = DeciderSamples.page("<title>G</title><a href=\"https://blog.example/?p=1\">x</a>")
        #expect(throws: Never.self) { try decide(strings("http://other.example/g/", "http://blog.example/2008/01/hello/"), page: guid).get() }
        let asGiven = DeciderSamples.page("<title>Q</title><a href=\"http://blog.example/hello?ref=1\">x</a>")
        #expect(throws: Never.self) { try decide(strings("http://other.example/q/", "http://blog.example/hello?ref=1"), page: asGiven).get() }
    }

    @Test("names an untitled source by its host, or refuses it with fault 0 under --wordpress-faults")
    func untitledSource() throws {
        let untitled = DeciderSamples.page("<p><a href=\"http://blog.example/2008/01/hello/\">x</a></p>")
        let call = strings("http://www.other.example/citing/", "http://blog.example/2008/01/hello/")
        #expect(try decide(call, page: untitled).get().sourceTitle == "other.example")
        let strict = PingbackDecider(wordpressFaults: true, notifying: false)
        #expect(fault(decide(call, page: untitled, decider: strict)) == .generic("A title on that page cannot be found."))
    }

    @Test("carries the owner's notification, naming the post, the source and the excerpt, when notifying")
    func notification() throws {
        let ping = try decide(
            strings("http://other.example/citing/", "http://blog.example/2008/01/hello/"), decider: PingbackDecider(wordpressFaults: false, notifying: true)
        ).get()
        let payload = try #require(ping.notificationPayload)
        for field in ["\"kind\":\"pingback\"", "\"status\":\"approved\"", "\"post_id\":1", "\"post_title\":\"Post 1\"", "\"post_url\":\"http://blog.example/2008/01/hello/\"",
                      "\"source_url\":\"http://other.example/citing/\"", "\"source_title\":\"A citing page\"", "\"client_address\":\"192.0.2.7\"", "\"ping_id\":0"] {
            #expect(payload.contains(field), "\(field) in \(payload)")
        }
        #expect(payload.contains("the post"))
    }
}
