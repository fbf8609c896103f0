import Foundation
import Testing
import TrackwayTesting
import TrackwayXMLRPC

/// Reading what a server answered (a sender's side of XML-RPC) and writing calls.
@Suite struct XMLRPCResponseParsingTests {
    @Test("reads WordPress's recorded pingback answers: the success string and each fault's code and text", arguments: [
        "pingback-success-unmasked.xml", "pingback-fault17-no-link-unmasked.xml", "pingback-fault17-no-link.xml",
        "pingback-fault48-duplicate.xml", "pingback-fault33-pings-closed-unmasked.xml", "xmlrpc-unknown-method.xml",
    ])
    func wordpressAnswers(_ fixture: String) throws {
        let body = try ProtocolFixtures.text(fixture)
        let response = try XMLRPCResponse(parsing: Array(body.utf8))
        let text = ProtocolFixtures.firstElementText("string", in: body) ?? ""
        if body.contains("<fault>") {
            let code = ProtocolFixtures.firstElementText("int", in: body).flatMap { Int($0) }
            #expect(response == .fault(XMLRPCFault(code: code ?? -1, message: text)))
        } else {
            #expect(response == .success(.string(text)))
        }
    }

    @Test("reads back what it writes, nested values included", arguments: [
        XMLRPCResponse.success(.structure([XMLRPCMember("a", .array([.int(1), .boolean(true), .string("x & <y>")])), XMLRPCMember("b", .nil)])),
        XMLRPCResponse.fault(XMLRPCFault(code: 48, message: "The pingback has already been registered.")),
        XMLRPCResponse.success(.string("")),
    ])
    func roundTrip(_ response: XMLRPCResponse) throws {
        #expect(try XMLRPCResponse(parsing: try response.encoded()) == response)
    }

    @Test("refuses bodies that are not a methodResponse: HTML, a call, a DOCTYPE, two params, a fault without a code")
    func refusals() {
        for body in [
            "<html><body>Not here</body></html>",
            "<methodCall><methodName>x</methodName></methodCall>",
            "<!DOCTYPE x [<!ENTITY a 'b'>]><methodResponse><params><param><value>&a;</value></param></params></methodResponse>",
            "<methodResponse><params><param><value>1</value></param><param><value>2</value></param></params></methodResponse>",
            "<methodResponse><fault><value><struct><member><name>faultString</name><value>x</value></member></struct></value></fault></methodResponse>",
            "not xml",
        ] {
            #expect(throws: XMLRPCFault.self, "\(body)") { try XMLRPCResponse(parsing: Array(body.utf8)) }
        }
    }

    @Test("writes a methodCall its own request parser reads back")
    func requestRoundTrip() throws {
        let call = XMLRPCRequest(methodName: "pingback.ping", params: [.string("http://a.example/?x=1&y=<2>"), .string("http://b.example/ü")])
        #expect(try XMLRPCRequest(parsing: try call.encoded()) == call)
        let empty = XMLRPCRequest(methodName: "system.listMethods", params: [])
        #expect(try XMLRPCRequest(parsing: try empty.encoded()) == empty)
    }
}
