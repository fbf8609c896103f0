import Foundation
import Testing

@Suite struct DiscoveryEndToEndTests {
    @Test("serves a post's legacy URL forms with X-Pingback, the pingback link and the TrackBack RDF")
    func discoveryPage() async throws {
        let harness = try await GatewayHarness()
        defer { harness.stop() }
        // A query no export recorded (tracking parameters) is dropped, as WordPress's url_to_postid does.
        for path in ["/2008/01/hello/", "/2008/01/hello", "/?p=1", "/2008/01/hello/?utm_source=feed&utm_medium=rss"] {
            let page = try await harness.curl([harness.base + path])
            #expect(page.status == 200, "\(path)")
            #expect(page.headers.lowercased().contains("x-pingback: \(harness.base)/xmlrpc.php"))
            #expect(page.body.contains("<link rel=\"pingback\" href=\"\(harness.base)/xmlrpc.php\" />"))
            #expect(page.body.contains("trackback:ping=\"\(harness.base)/2008/01/hello/trackback/\""))
        }
        #expect(try await harness.curl(["-I", harness.base + "/2008/01/hello/"]).status == 200)
        #expect(try await harness.curl([harness.base + "/2001/01/nothing/"]).status == 404)
        #expect(try await harness.curl([harness.base + "/2001/01/nothing/?utm_source=feed"]).status == 404)
        #expect(try await harness.curl([harness.base + "/2009/02/draft/"]).status == 404)
    }

    @Test("redirects legacy URLs to the new site with --redirect-base")
    func redirect() async throws {
        let harness = try await GatewayHarness { $0.redirectBase = "https://new.example/" }
        defer { harness.stop() }
        let answer = try await harness.curl([harness.base + "/2008/01/hello/"])
        #expect(answer.status == 301)
        #expect(answer.headers.lowercased().contains("location: https://new.example/2008/01/hello/"))
    }

    @Test("answers GET on the XML-RPC endpoint with 405, as WordPress does, and oversized bodies with 413")
    func xmlrpcTransport() async throws {
        let harness = try await GatewayHarness { $0.maxBodyBytes = 1_000 }
        defer { harness.stop() }
        let get = try await harness.curl([harness.base + "/xmlrpc.php"])
        #expect(get.status == 405 && get.body == "XML-RPC server accepts POST requests only.")
        let big = "<methodCall><methodName>" + String(repeating: "x", count: 2_000) + "</methodName></methodCall>"
        #expect(try await harness.curl(["--data-binary", big, harness.base + "/xmlrpc.php"]).status == 413)
        for path in ["/xmlrpc", "/mt-xmlrpc.cgi", "/mt/mt-xmlrpc.cgi"] {
            #expect(try await harness.xmlrpc("demo.sayHello", [], path: path)["result"] as? String == "Hello!")
        }
        let doctype = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"b\">]><methodCall><methodName>demo.sayHello</methodName></methodCall>"
        #expect(try await harness.curl(["--data-binary", doctype, harness.base + "/xmlrpc.php"]).body.contains("<int>-32700</int>"))
    }
}
