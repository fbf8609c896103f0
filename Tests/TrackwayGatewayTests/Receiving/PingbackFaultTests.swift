import Testing
import TrackwayXMLRPC
@testable import TrackwayGateway

@Suite struct PingbackFaultTests {
    private let all: [PingbackFault] = [
        .generic("why"), .sourceDoesNotExist, .sourceHasNoLink, .targetDoesNotExist, .targetCannotBeUsed, .alreadyRegistered, .rateLimited,
    ]

    @Test("carries the Pingback 1.0 codes, and 429 for the flood answer")
    func codes() {
        #expect(all.map(\.code) == [0, 16, 17, 32, 33, 48, 429])
        #expect(PingbackFault.generic("why").message == "why")
    }

    @Test("unmasked, keeps code and text; masked, turns all but 48 and 429 into code 0 without text, as stock WordPress")
    func masking() {
        for fault in all {
            #expect(fault.xmlrpcFault(wordpressMasking: false).code == fault.code)
            #expect(fault.xmlrpcFault(wordpressMasking: false).message == fault.message)
            let masked = fault.xmlrpcFault(wordpressMasking: true)
            let kept = fault == .alreadyRegistered || fault == .rateLimited
            #expect(masked.code == (kept ? fault.code : 0) && masked.message == (kept ? fault.message : ""), "\(fault)")
        }
        #expect(((PingbackFault.sourceHasNoLink as any Error).xmlrpcFault(wordpressMasking: true) as? XMLRPCFault)?.code == 0)
        struct Other: Error {}
        #expect((Other() as any Error).xmlrpcFault(wordpressMasking: true) is Other)
    }

    @Test("explains a code a pingback server answered, for the sender's report")
    func meanings() {
        #expect(PingbackFault.meaning(ofCode: 17) == PingbackFault.sourceHasNoLink.message)
        #expect(PingbackFault.meaning(ofCode: 0).contains("masks"))
        #expect(PingbackFault.meaning(ofCode: -32601) == "The server has no pingback.ping method.")
        #expect(PingbackFault.meaning(ofCode: -32100) == "XML-RPC server error.")
        #expect(PingbackFault.meaning(ofCode: 12_345) == "unknown fault code")
    }
}
