import Foundation
import Testing
import TrackwayTesting

/// `trackway ping SOURCE TARGET` against a Python receiver on 127.0.0.1 for each protocol: what
/// it sent (form fields, XML-RPC call), what it reported, and its exit status.
@Suite(.serialized) struct PingCommandTests {
    typealias Page = TestSite.Page
    let source = "http://source.example/2024/05/mine/"

    private func ping(_ arguments: [String]) throws -> ProcessResult {
        try CommandLineHarness.trackway(["ping", "--allow-private-targets"] + arguments)
    }

    @Test("sends a Webmention as a form of source and target, and reports a 201's status URL")
    func webmention() throws {
        let receiver = try TestSite()
        defer { receiver.stop() }
        try receiver.serve([
            "/post": Page(headers: [("Link", "</wm>; rel=webmention")], body: "<html><link rel=\"pingback\" href=\"/xmlrpc\"></html>"),
            "/wm": Page(status: 201, headers: [("Location", "{{base}}/status/1")]),
        ])
        let result = try ping([source, receiver.base + "/post"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("webmention  \(receiver.base)/wm"))
        #expect(result.stdout.contains("pingback    \(receiver.base)/xmlrpc"))
        #expect(result.stdout.contains("result      accepted via webmention at \(receiver.base)/wm (HTTP 201): status at \(receiver.base)/status/1"))
        let received = try receiver.takeReceived()
        #expect(received.count == 1)
        #expect(received.first?["content_type"] as? String == "application/x-www-form-urlencoded")
        #expect(received.first?["form"] as? [String: String] == ["source": source, "target": receiver.base + "/post"])
    }

    @Test("reports a Webmention 400 with the receiver's words and exits 1")
    func webmentionRefused() throws {
        let receiver = try TestSite()
        defer { receiver.stop() }
        try receiver.serve([
            "/post": Page(headers: [("Link", "</wm>; rel=webmention")]),
            "/wm": Page(status: 400, body: "Source does not link to target"),
        ])
        let result = try ping(["--json", source, receiver.base + "/post"])
        #expect(result.status == 1)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains("refused via webmention") && result.stderr.contains("Source does not link to target"))
        let outcome = try CommandLineHarness.jsonObject(result.stdout)
        #expect(outcome["result"] as? String == "refused")
        #expect(outcome["httpStatus"] as? Int == 400)
    }

    @Test("sends pingback.ping(source, target) to the X-Pingback server before the <link>, and prints the success string")
    func pingback() throws {
        let receiver = try TestSite()
        defer { receiver.stop() }
        let success = try String(contentsOf: ProtocolFixtures.folder.appendingPathComponent("pingback-success.xml"), encoding: .utf8)
        try receiver.serve([
            "/post": Page(headers: [("X-Pingback", "{{base}}/xmlrpc.php")], body: "<html><head><link rel=\"pingback\" href=\"/wrong\"></head></html>"),
            "/xmlrpc.php": Page(headers: [("Content-Type", "text/xml")], body: success),
        ])
        let result = try ping(["--json", source, receiver.base + "/post"])
        #expect(result.status == 0, "\(result.stderr)")
        let received = try receiver.takeReceived()
        #expect(received.count == 1)
        #expect(received.first?["path"] as? String == "/xmlrpc.php")
        let call = received.first?["xmlrpc"] as? [String: Any]
        #expect(call?["method"] as? String == "pingback.ping")
        #expect(call?["params"] as? [String] == [source, receiver.base + "/post"])
        let outcome = try CommandLineHarness.jsonObject(result.stdout)
        #expect(outcome["via"] as? String == "pingback")
        #expect(outcome["message"] as? String == ProtocolFixtures.firstElementText("string", in: success))
    }

    @Test("spells out pingback faults: WordPress's recorded fault 17, and a masked fault 0 without text")
    func pingbackFaults() throws {
        let receiver = try TestSite()
        defer { receiver.stop() }
        for (fixture, code) in [("pingback-fault17-no-link-unmasked.xml", 17), ("pingback-fault17-no-link.xml", 0)] {
            let body = try String(contentsOf: ProtocolFixtures.folder.appendingPathComponent(fixture), encoding: .utf8)
            try receiver.serve([
                "/post": Page(body: "<html><head><link rel=\"pingback\" href=\"/xmlrpc.php\"></head></html>"),
                "/xmlrpc.php": Page(headers: [("Content-Type", "text/xml")], body: body),
            ])
            let result = try ping(["--json", source, receiver.base + "/post"])
            #expect(result.status == 1)
            let outcome = try CommandLineHarness.jsonObject(result.stdout)
            #expect(outcome["result"] as? String == "fault")
            #expect(outcome["faultCode"] as? Int == code)
            let message = outcome["message"] as? String ?? ""
            if code == 17 {
                #expect(message == ProtocolFixtures.firstElementText("string", in: body))
                #expect(result.stderr.contains("fault 17 The source URL does not contain a link"))
            } else {
                #expect(message.contains("no text") && message.contains("WordPress masks"), "\(message)")
            }
            #expect(try receiver.takeReceived().count == 1)
        }
    }

    @Test("sends the TrackBack form found through the RDF in a comment, with title, excerpt and blog name")
    func trackback() throws {
        let receiver = try TestSite()
        defer { receiver.stop() }
        let success = try String(contentsOf: ProtocolFixtures.folder.appendingPathComponent("trackback-success.xml"), encoding: .utf8)
        try receiver.serve([
            "/2008/01/hello/": Page(body: """
                <html><head><title>Hello</title></head><body><p>Text</p>
                <!--
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:trackback="http://madskills.com/public/xml/rss/module/trackback/">
                <rdf:Description rdf:about="{{base}}/2008/01/hello/" dc:identifier="{{base}}/2008/01/hello/" dc:title="Hello &amp; welcome" trackback:ping="/mt-tb.cgi?tb_id=5&amp;x=1" />
                </rdf:RDF>
                -->
                </body></html>
                """),
            "/mt-tb.cgi": Page(headers: [("Content-Type", "text/xml; charset=utf-8")], body: success),
        ])
        let result = try ping(["--title", "Mine ü", "--excerpt", "I agree & more", "--blog-name", "My blog", source, receiver.base + "/2008/01/hello/"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("trackback   \(receiver.base)/mt-tb.cgi?tb_id=5&x=1"))
        let received = try receiver.takeReceived()
        #expect(received.count == 1)
        #expect(received.first?["query"] as? String == "tb_id=5&x=1")
        #expect(received.first?["content_type"] as? String == "application/x-www-form-urlencoded; charset=utf-8")
        #expect(received.first?["form"] as? [String: String] == ["url": source, "title": "Mine ü", "excerpt": "I agree & more", "blog_name": "My blog"])
    }

    @Test("reports TrackBack errors with their message, including WordPress's unescaped ones", arguments: [
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<response>\n<error>1</error>\n<message>Sorry, trackbacks are closed for this item.</message>\n</response>",
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<response>\n<error>1</error>\n<message>Sorry, trackbacks & pings are closed for this item.</message>\n</response>",
    ])
    func trackbackError(_ answer: String) throws {
        let receiver = try TestSite()
        defer { receiver.stop() }
        try receiver.serve([
            "/post": Page(body: "<html><a rel=\"trackback\" href=\"/tb/7\">TrackBack URL</a></html>"),
            "/tb/7": Page(body: answer),
        ])
        let result = try ping(["--via", "trackback", source, receiver.base + "/post"])
        #expect(result.status == 1)
        let expected = ProtocolFixtures.firstElementText("message", in: answer) ?? "?"
        #expect(result.stderr.contains("refused via trackback at \(receiver.base)/tb/7 (HTTP 200): TrackBack error 1: \(expected)"), "\(result.stderr)")
    }

    @Test("exits 1 with a one-line reason when the target advertises nothing, or not what --via asks")
    func noEndpoint() throws {
        let receiver = try TestSite()
        defer { receiver.stop() }
        try receiver.serve([
            "/plain": Page(body: "<html><body><p>No endpoints</p></body></html>"),
            "/pingback-only": Page(headers: [("X-Pingback", "{{base}}/xmlrpc")]),
        ])
        let plain = try ping([source, receiver.base + "/plain"])
        #expect(plain.status == 1)
        #expect(plain.stderr == "trackway ping: no-endpoint: the target advertises no webmention, pingback, trackback endpoint\n")
        let asked = try ping(["--via", "webmention", source, receiver.base + "/pingback-only"])
        #expect(asked.status == 1 && asked.stderr.contains("no webmention endpoint"))
        #expect(try receiver.takeReceived().isEmpty)
    }

    @Test("refuses loopback targets unless --allow-private-targets is given, sending nothing")
    func refusesPrivateTargets() throws {
        let receiver = try TestSite()
        defer { receiver.stop() }
        try receiver.serve(["/post": Page(headers: [("Link", "</wm>; rel=webmention")])])
        for target in [receiver.base + "/post", "http://localhost:\(receiver.port)/post"] {
            let result = try CommandLineHarness.trackway(["ping", source, target])
            #expect(result.status == 1)
            #expect(result.stderr.contains("refused to connect to an internal address"), "\(result.stderr)")
        }
        #expect(try receiver.takeReceived().isEmpty)
        let help = try CommandLineHarness.trackway(["ping", "--help"])
        #expect(help.stdout.contains("--allow-private-targets") && help.stdout.contains("RISKY"))
    }

    @Test("refuses an endpoint on a private address even when the target page is allowed to be read")
    func refusesPrivateEndpointRedirect() throws {
        let receiver = try TestSite()
        defer { receiver.stop() }
        // The page itself is reachable only with the flag; a redirect hop is checked the same way.
        try receiver.serve(["/hop": Page(status: 302, headers: [("Location", "http://127.0.0.1:\(receiver.port)/post")])])
        let result = try CommandLineHarness.trackway(["ping", source, "http://127.0.0.1:\(receiver.port)/hop"])
        #expect(result.status == 1 && result.stderr.contains("internal address"))
    }
}
