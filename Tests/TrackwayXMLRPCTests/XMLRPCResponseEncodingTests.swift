import Testing
import TrackwayTesting
import TrackwayXMLRPC

@Suite struct XMLRPCResponseEncodingTests {
    @Test("writes values that Python's xmlrpc.client reads back unchanged")
    func pythonReadsValues() throws {
        let value: XMLRPCValue = .structure([
            XMLRPCMember("text", .string("a < b & \"c\" \u{6771}\u{4EAC} 🎉")),
            XMLRPCMember("int", .int(-3)),
            XMLRPCMember("big", .int(5_000_000_000)),
            XMLRPCMember("flag", .boolean(true)),
            XMLRPCMember("double", .double(2.5)),
            XMLRPCMember("bytes", .base64([0, 255, 10])),
            XMLRPCMember("list", .array([.string(""), .array([])])),
        ])
        let decoded = try PythonXMLRPC.decode(try XMLRPCResponse.success(value).encoded())
        let result = try #require(decoded["result"] as? [String: Any])
        #expect(result["text"] as? String == "a < b & \"c\" \u{6771}\u{4EAC} 🎉")
        #expect(result["int"] as? Int == -3)
        #expect(result["big"] as? Int == 5_000_000_000)
        #expect(result["flag"] as? Bool == true)
        #expect(result["double"] as? Double == 2.5)
        #expect((result["bytes"] as? [String: Any])?["bytes"] as? [Int] == [0, 255, 10])
        #expect((result["list"] as? [Any])?.count == 2)
    }

    @Test("writes a fault with the code and text of WordPress's recorded unknown-method answer")
    func faultMatchesWordPress() throws {
        let recorded = try ProtocolFixtures.text("xmlrpc-unknown-method.xml")
        let decoded = try PythonXMLRPC.decode(try XMLRPCResponse.fault(.unknownMethod("no.such.method")).encoded())
        let fault = try #require(decoded["fault"] as? [Any])
        #expect(fault.first as? Int == ProtocolFixtures.firstElementText("int", in: recorded).flatMap { Int($0) })
        #expect(fault.last as? String == ProtocolFixtures.firstElementText("string", in: recorded))
    }
}
