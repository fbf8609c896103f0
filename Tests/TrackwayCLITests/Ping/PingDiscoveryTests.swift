import Foundation
import Testing
import TrackwayTesting

/// The webmention.rocks discovery tests 1 to 23, each reproduced as a local page of the Python
/// receiver (own markup, same shape), plus redirect and entity cases: `trackway ping --via
/// webmention` must POST to the one right endpoint and nowhere else.
@Suite(.serialized) struct PingDiscoveryTests {
    typealias Page = TestSite.Page

    /// A discovery case: the routes to serve, the page to ping, and the endpoint (path and query)
    /// the Webmention must reach.
    struct Case: CustomStringConvertible {
        var name: String
        var target: String
        var routes: [String: Page]
        var endpoint: String
        var description: String { name }
    }

    static let page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>A post</title>"

    static func html(_ head: String, _ body: String) -> Page {
        Page(body: page + head + "</head><body><article><p>Words.</p>" + body + "</article></body></html>")
    }

    static func headers(_ fields: [(String, String)], body: String = "") -> Page {
        Page(headers: fields, body: page + "</head><body><p>Words.</p>" + body + "</body></html>")
    }

    static let cases: [Case] = [
        Case(name: "1 Link header, unquoted rel, relative URL", target: "/test/1",
             routes: ["/test/1": headers([("Link", "</test/1/endpoint>; rel=webmention")])], endpoint: "/test/1/endpoint"),
        Case(name: "2 Link header, unquoted rel, absolute URL", target: "/test/2",
             routes: ["/test/2": headers([("Link", "<{{base}}/test/2/endpoint>; rel=webmention")])], endpoint: "/test/2/endpoint"),
        Case(name: "3 <link>, relative URL", target: "/test/3",
             routes: ["/test/3": html("<link rel=\"webmention\" href=\"/test/3/endpoint\">", "")], endpoint: "/test/3/endpoint"),
        Case(name: "4 <link>, absolute URL", target: "/test/4",
             routes: ["/test/4": html("<link rel=\"webmention\" href=\"{{base}}/test/4/endpoint\">", "")], endpoint: "/test/4/endpoint"),
        Case(name: "5 <a>, relative URL", target: "/test/5",
             routes: ["/test/5": html("", "<p>Mentions go <a rel=\"webmention\" href=\"/test/5/endpoint\">here</a>.</p>")], endpoint: "/test/5/endpoint"),
        Case(name: "6 <a>, absolute URL", target: "/test/6",
             routes: ["/test/6": html("", "<a href=\"{{base}}/test/6/endpoint\" rel=\"webmention\">endpoint</a>")], endpoint: "/test/6/endpoint"),
        Case(name: "7 Link header with odd casing of the name and the rel", target: "/test/7",
             routes: ["/test/7": headers([("LinK", "</test/7/endpoint>; REL=\"WebMention\"")])], endpoint: "/test/7/endpoint"),
        Case(name: "8 Link header, quoted rel", target: "/test/8",
             routes: ["/test/8": headers([("Link", "</test/8/endpoint>; rel=\"webmention\"")])], endpoint: "/test/8/endpoint"),
        Case(name: "9 several rel values on a <link>", target: "/test/9",
             routes: ["/test/9": html("<link rel=\"alternate webmention author\" href=\"/test/9/endpoint\">", "")], endpoint: "/test/9/endpoint"),
        Case(name: "10 several rel values in a Link header", target: "/test/10",
             routes: ["/test/10": headers([("Link", "</test/10/endpoint>; rel=\"nofollow webmention\"")])], endpoint: "/test/10/endpoint"),
        Case(name: "11 Link header, <link> and <a> all advertise: the header wins", target: "/test/11",
             routes: ["/test/11": Page(headers: [("Link", "</test/11/endpoint>; rel=webmention")],
                                        body: page + "<link rel=\"webmention\" href=\"/test/11/wrong-link\"></head><body><a rel=\"webmention\" href=\"/test/11/wrong-a\">x</a></body></html>")],
             endpoint: "/test/11/endpoint"),
        Case(name: "12 rel must match webmention exactly", target: "/test/12",
             routes: ["/test/12": html("<link rel=\"not-webmention\" href=\"/test/12/wrong\"><link rel=\"webmentions\" href=\"/test/12/wrong2\"><link rel=\"webmention\" href=\"/test/12/endpoint\">", "")],
             endpoint: "/test/12/endpoint"),
        Case(name: "13 a false endpoint inside an HTML comment is ignored", target: "/test/13",
             routes: ["/test/13": html("<!-- <link rel=\"webmention\" href=\"/test/13/wrong\"> -->", "<!-- <a rel=\"webmention\" href=\"/test/13/wrong-a\">x</a> --><a rel=\"webmention\" href=\"/test/13/endpoint\">real</a>")],
             endpoint: "/test/13/endpoint"),
        Case(name: "14 a false endpoint in escaped HTML is ignored", target: "/test/14",
             routes: ["/test/14": html("", "<pre><code>&lt;a href=\"/test/14/wrong\" rel=\"webmention\"&gt;&lt;/a&gt;</code></pre><a rel=\"webmention\" href=\"/test/14/endpoint\">real</a>")],
             endpoint: "/test/14/endpoint"),
        Case(name: "15 an empty href is the page itself", target: "/test/15",
             routes: ["/test/15": html("<link rel=\"webmention\" href=\"\">", "")], endpoint: "/test/15"),
        Case(name: "16 <a> before <link> in document order: the <a>", target: "/test/16",
             routes: ["/test/16": Page(body: "<html><body><a rel=\"webmention\" href=\"/test/16/endpoint\">first</a><link rel=\"webmention\" href=\"/test/16/wrong\"></body></html>")],
             endpoint: "/test/16/endpoint"),
        Case(name: "17 <link> before <a> in document order: the <link>", target: "/test/17",
             routes: ["/test/17": html("<link rel=\"webmention\" href=\"/test/17/endpoint\">", "<a rel=\"webmention\" href=\"/test/17/wrong\">second</a>")],
             endpoint: "/test/17/endpoint"),
        Case(name: "18 several Link headers: the one with rel webmention", target: "/test/18",
             routes: ["/test/18": headers([("Link", "</test/18/wrong>; rel=\"other\""), ("Link", "</test/18/endpoint>; rel=\"webmention\"")])],
             endpoint: "/test/18/endpoint"),
        Case(name: "19 one Link header with several links", target: "/test/19",
             routes: ["/test/19": headers([("Link", "</test/19/wrong>; rel=\"other\", </test/19/endpoint>; rel=\"webmention\"")])],
             endpoint: "/test/19/endpoint"),
        Case(name: "20 a <link> without href is skipped", target: "/test/20",
             routes: ["/test/20": html("<link rel=\"webmention\">", "<a rel=\"webmention\" href=\"/test/20/endpoint\">here</a>")],
             endpoint: "/test/20/endpoint"),
        Case(name: "21 the endpoint's query string is kept", target: "/test/21",
             routes: ["/test/21": html("<link rel=\"webmention\" href=\"/test/21/endpoint?query=yes\">", "")], endpoint: "/test/21/endpoint?query=yes"),
        Case(name: "22 an endpoint relative to the page's path", target: "/test/22/page",
             routes: ["/test/22/page": html("<link rel=\"webmention\" href=\"endpoint\">", "")], endpoint: "/test/22/endpoint"),
        Case(name: "23 a redirected target with a relative endpoint resolves against the final page", target: "/test/23/page",
             routes: ["/test/23/page": Page(status: 302, headers: [("Location", "/test/23/page/final")]),
                      "/test/23/page/final": headers([("Link", "<endpoint>; rel=\"webmention\"")])],
             endpoint: "/test/23/page/endpoint"),
        Case(name: "301 redirect to a page with a relative <link>", target: "/moved/301",
             routes: ["/moved/301": Page(status: 301, headers: [("Location", "{{base}}/new/place/post")]),
                      "/new/place/post": html("<link rel=\"webmention\" href=\"../endpoint\">", "")],
             endpoint: "/new/endpoint"),
        Case(name: "307 redirect chain to a page with an <a>", target: "/moved/307",
             routes: ["/moved/307": Page(status: 307, headers: [("Location", "/moved/307b")]),
                      "/moved/307b": Page(status: 302, headers: [("Location", "/final/307")]),
                      "/final/307": html("", "<a rel=\"webmention\" href=\"?wm=1\">x</a>")],
             endpoint: "/final/307?wm=1"),
        Case(name: "entities in the href are decoded", target: "/test/entities",
             routes: ["/test/entities": html("<link rel=\"webmention\" href=\"/test/entities/endpoint?a=1&amp;b=caf&#233;\">", "")],
             endpoint: "/test/entities/endpoint?a=1&b=caf%C3%A9"),
    ]

    @Test("discovers the Webmention endpoint the way each webmention.rocks test page asks", arguments: cases)
    func discovery(_ testCase: Case) throws {
        let receiver = try TestSite()
        defer { receiver.stop() }
        try receiver.serve(testCase.routes)
        let source = "http://source.example/2024/05/mine/"
        let target = receiver.base + testCase.target
        let result = try CommandLineHarness.trackway(["ping", "--via", "webmention", "--json", "--allow-private-targets", source, target])
        #expect(result.status == 0, "\(testCase): \(result.stderr)")
        let received = try receiver.takeReceived()
        try #require(received.count == 1, "\(testCase): \(received)")
        let post = received[0]
        let query = post["query"] as? String ?? ""
        #expect((post["path"] as? String ?? "") + (query.isEmpty ? "" : "?" + query) == testCase.endpoint, "\(testCase)")
        #expect(post["form"] as? [String: String] == ["source": source, "target": target], "\(testCase)")
        let outcome = try CommandLineHarness.jsonObject(result.stdout)
        #expect(outcome["result"] as? String == "accepted")
        #expect(outcome["via"] as? String == "webmention")
    }
}
