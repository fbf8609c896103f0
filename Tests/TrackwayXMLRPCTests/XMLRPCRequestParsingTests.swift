import Testing
import TrackwayTesting
import TrackwayXMLRPC

@Suite struct XMLRPCRequestParsingTests {
    private func parse(_ xml: String) throws(XMLRPCFault) -> XMLRPCRequest {
        try XMLRPCRequest(parsing: Array(xml.utf8))
    }

    private func fault(_ xml: String) -> XMLRPCFault? {
        do {
            _ = try parse(xml)
            return nil
        } catch {
            return error
        }
    }

    @Test("reads WordPress's recorded pingback.ping request as two string parameters")
    func recordedPingbackRequest() throws {
        let body = try ProtocolFixtures.requestBody("pingback-success")
        let call = try parse(body)
        #expect(call.methodName == "pingback.ping")
        #expect(call.params == [
            .string("http://127.0.0.1:8080/ok-20261124161850s.html"),
            .string("http://127.0.0.1:8090/2008/01/post-001-pinata-feed/"),
        ])
    }

    @Test("reads every XML-RPC type, nil and i8 included, and untyped values as strings")
    func everyType() throws {
        let call = try parse("""
        <?xml version="1.0"?>
        <methodCall><methodName>t</methodName><params>
        <param><value><int>-7</int></value></param>
        <param><value><i4>42</i4></value></param>
        <param><value><i8>9007199254740993</i8></value></param>
        <param><value><boolean>1</boolean></value></param>
        <param><value><double>-1.5</double></value></param>
        <param><value><dateTime.iso8601>19980717T14:08:55</dateTime.iso8601></value></param>
        <param><value><base64>aGVsbG8=</base64></value></param>
        <param><value>  untyped &amp; kept  </value></param>
        <param><value><string>a &lt;b&gt; &#x263A;</string></value></param>
        <param><value><nil/></value></param>
        <param><value><ex:nil xmlns:ex="http://ws.apache.org/xmlrpc/namespaces/extensions"/></value></param>
        <param><value><array><data><value><int>1</int></value><value>two</value></data></array></value></param>
        <param><value><struct><member><name>k</name><value><boolean>0</boolean></value></member></struct></value></param>
        <param><value></value></param>
        </params></methodCall>
        """)
        #expect(call.params == [
            .int(-7), .int(42), .int(9_007_199_254_740_993), .boolean(true), .double(-1.5),
            .dateTime("19980717T14:08:55"), .base64(Array("hello".utf8)), .string("  untyped & kept  "),
            .string("a <b> \u{263A}"), .nil, .nil, .array([.int(1), .string("two")]),
            .structure([XMLRPCMember("k", .boolean(false))]), .string(""),
        ])
    }

    @Test("answers WordPress's recorded malformed body with its fault code -32700")
    func malformedMatchesWordPress() throws {
        let expected = try ProtocolFixtures.text("xmlrpc-malformed.xml")
        let code = ProtocolFixtures.firstElementText("int", in: expected).flatMap { Int($0) }
        #expect(fault(try ProtocolFixtures.requestBody("xmlrpc-malformed"))?.code == code)
    }

    @Test("refuses a DOCTYPE with fault -32700, so no entity is ever declared or expanded")
    func doctypeRefused() {
        let laughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
        <methodCall><methodName>demo.sayHello</methodName><params><param><value>&lol2;</value></param></params></methodCall>
        """
        #expect(fault(laughs)?.code == -32700)
        let external = """
        <?xml version="1.0"?><!DOCTYPE methodCall SYSTEM "file:///etc/passwd"><methodCall><methodName>x</methodName></methodCall>
        """
        #expect(fault(external)?.code == -32700)
    }

    @Test("refuses an undeclared entity reference with fault -32700")
    func undeclaredEntity() {
        #expect(fault("<methodCall><methodName>&x;</methodName></methodCall>")?.code == -32700)
    }

    @Test("answers well-formed XML that is not a methodCall with fault -32600")
    func notAMethodCall() {
        #expect(fault("<methodResponse><params/></methodResponse>")?.code == -32600)
        #expect(fault("<methodCall><params/></methodCall>")?.code == -32600)
        #expect(fault("<methodCall><methodName>x</methodName><params><param><value><int>x</int></value></param></params></methodCall>")?.code == -32600)
        #expect(fault("<methodCall><methodName>x</methodName><params><param><value><float>1</float></value></param></params></methodCall>")?.code == -32600)
    }

    @Test("refuses nesting, parameter counts and value counts over the limits")
    func limits() {
        let nested = String(repeating: "<value><array><data>", count: 20) + String(repeating: "</data></array></value>", count: 20)
        #expect(fault("<methodCall><methodName>x</methodName><params><param>\(nested)</param></params></methodCall>")?.code == -32600)
        let params = String(repeating: "<param><value>1</value></param>", count: 33)
        #expect(fault("<methodCall><methodName>x</methodName><params>\(params)</params></methodCall>")?.code == -32600)
        let limits = XMLRPCLimits(maxValues: 3)
        let values = "<value><array><data><value>1</value><value>2</value><value>3</value></data></array></value>"
        let body = "<methodCall><methodName>x</methodName><params><param>\(values)</param></params></methodCall>"
        #expect(throws: XMLRPCFault.self) { try XMLRPCRequest(parsing: Array(body.utf8), limits: limits) }
    }
}
