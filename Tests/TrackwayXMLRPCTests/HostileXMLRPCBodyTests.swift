import Foundation
import Synchronization
import Testing
import TrackwayTesting
import TrackwayXMLRPC

/// Bodies built to hurt a parser: entity tricks, blow-ups, deep nesting, huge counts, broken
/// encodings. Each gets its exact fault, quickly, and none reads a file or opens a connection.
@Suite struct HostileXMLRPCBodyTests {
    private static let notWellFormed = XMLRPCFault.notWellFormed

    /// The fault parsing `bytes` ends in (nil when it parses), and how long it took.
    private func fault(_ bytes: [UInt8], limits: XMLRPCLimits = XMLRPCLimits()) -> (fault: XMLRPCFault?, seconds: Double) {
        let start = ContinuousClock.now
        var fault: XMLRPCFault?
        do {
            _ = try XMLRPCRequest(parsing: bytes, limits: limits)
        } catch {
            fault = error
        }
        let elapsed = ContinuousClock.now - start
        return (fault, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    private func fault(_ xml: String) -> (fault: XMLRPCFault?, seconds: Double) {
        fault(Array(xml.utf8))
    }

    private static func call(_ valueXML: String, method: String = "demo.sayHello") -> String {
        "<?xml version=\"1.0\"?><methodCall><methodName>\(method)</methodName><params><param>\(valueXML)</param></params></methodCall>"
    }

    @Test("external entities, external DTDs and parameter entities are refused with -32700 and nothing is read or fetched")
    func externalEntities() throws {
        let trap = try Tripwire()
        defer { trap.stop() }
        let bodies = [
            "<!DOCTYPE methodCall [<!ENTITY x SYSTEM \"file://\(trap.filePath)\">]>" + Self.call("<value>&x;</value>"),
            "<!DOCTYPE methodCall [<!ENTITY x SYSTEM \"\(trap.filePath)\">]>" + Self.call("<value>&x;</value>"),
            "<!DOCTYPE methodCall [<!ENTITY x SYSTEM \"\(trap.url)x.txt\">]>" + Self.call("<value>&x;</value>"),
            "<!DOCTYPE methodCall SYSTEM \"\(trap.url)call.dtd\">" + Self.call("<value>&x;</value>"),
            "<!DOCTYPE methodCall PUBLIC \"-//Evil//DTD//EN\" \"file://\(trap.filePath)\">" + Self.call("<value>1</value>"),
            "<!DOCTYPE methodCall [<!ENTITY % remote SYSTEM \"\(trap.url)p.dtd\"> %remote;]>" + Self.call("<value>1</value>"),
            "<!DOCTYPE methodCall [<!ENTITY % local SYSTEM \"file://\(trap.filePath)\"> %local;]>" + Self.call("<value>1</value>"),
        ]
        for body in bodies {
            let (fault, seconds) = fault(body)
            #expect(fault == Self.notWellFormed, "\(body)")
            #expect(seconds < 10, "\(body)")
        }
        // XInclude is never processed: the include element is just an unknown value type.
        let include = Self.call("<value><x:include xmlns:x=\"http://www.w3.org/2001/XInclude\" href=\"file://\(trap.filePath)\"/></value>")
        #expect(fault(include).fault == .invalidRequest("unknown value type <include>"))
        #expect(trap.touches() == [])
    }

    @Test("the trap records a read of its file and a connection, so an empty record means nothing happened")
    func trapWorks() throws {
        let trap = try Tripwire()
        defer { trap.stop() }
        let pipe = try #require(FileHandle(forReadingAtPath: trap.filePath))
        let secret = String(decoding: pipe.readDataToEndOfFile(), as: UTF8.self)
        try pipe.close()
        let curl = try ChildProcess.run(URL(fileURLWithPath: "/usr/bin/curl"), ["-s", "-o", "/dev/null", trap.url])
        // The trap may write more than once before this reader sees the end of the pipe.
        #expect(secret.hasPrefix("TRIPWIRE-SECRET"))
        #expect(curl.status == 0)
        #expect(Set(trap.touches()) == ["file", "connection"])
    }

    @Test("billion laughs and quadratic blow-up are refused with -32700 at the DOCTYPE, within a bounded time")
    func entityBlowUps() {
        var laughs = "<!ENTITY lol0 \"lol\">"
        for level in 1...10 {
            laughs += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
        }
        let billion = "<?xml version=\"1.0\"?><!DOCTYPE methodCall [\(laughs)]>"
            + "<methodCall><methodName>demo.sayHello</methodName><params><param><value>&lol10;</value></param></params></methodCall>"
        // One 50 kB entity referenced 20,000 times: 1 GB if expanded, from a 150 kB body.
        let quadratic = "<?xml version=\"1.0\"?><!DOCTYPE methodCall [<!ENTITY a \"" + String(repeating: "a", count: 50_000) + "\">]>"
            + "<methodCall><methodName>demo.sayHello</methodName><params><param><value>"
            + String(repeating: "&a;", count: 20_000) + "</value></param></params></methodCall>"
        for body in [billion, quadratic] {
            let (fault, seconds) = fault(body)
            #expect(fault == Self.notWellFormed)
            #expect(seconds < 10)
        }
    }

    @Test("a DOCTYPE of any kind, even empty or after a comment, is refused with -32700")
    func anyDoctype() {
        for doctype in ["<!DOCTYPE methodCall>", "<!DOCTYPE methodCall []>", "<!-- hi --><!DOCTYPE methodCall>",
                        "<!DOCTYPE methodCall [<!ELEMENT methodCall ANY>]>", "<!DOCTYPE html>"] {
            #expect(fault("<?xml version=\"1.0\"?>" + doctype + Self.call("<value>1</value>")).fault == Self.notWellFormed, "\(doctype)")
        }
    }

    @Test("10,000-deep nesting of arrays, structs or unknown elements is refused with -32600 at the depth limit")
    func deepNesting() {
        let depth = 10_000
        let arrays = String(repeating: "<value><array><data>", count: depth) + String(repeating: "</data></array></value>", count: depth)
        let structs = String(repeating: "<value><struct><member><name>m</name>", count: depth)
            + String(repeating: "</member></struct></value>", count: depth)
        let elements = "<value>" + String(repeating: "<x>", count: depth) + String(repeating: "</x>", count: depth) + "</value>"
        let inString = "<value><string>" + String(repeating: "<b>", count: depth) + String(repeating: "</b>", count: depth) + "</string></value>"
        let expectations: [(String, XMLRPCFault)] = [
            (Self.call(arrays), .invalidRequest("values nested deeper than 16")),
            (Self.call(structs), .invalidRequest("values nested deeper than 16")),
            (Self.call(elements), .invalidRequest("unknown value type <x>")),
            (Self.call(inString), .invalidRequest("unexpected <b> inside a scalar")),
            (String(repeating: "<methodCall>", count: depth) + String(repeating: "</methodCall>", count: depth), .invalidRequest("expected <methodName>")),
            (String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth), .invalidRequest("Request must be a methodCall")),
        ]
        for (body, expected) in expectations {
            let (fault, seconds) = fault(body)
            #expect(fault == expected, "\(body.prefix(60))")
            #expect(seconds < 10)
        }
    }

    @Test("a string longer than libxml2's 10 MB text limit is refused with -32700")
    func hugeString() {
        let body = Self.call("<value><string>" + String(repeating: "x", count: 12_000_000) + "</string></value>")
        let (fault, seconds) = fault(body)
        #expect(fault == Self.notWellFormed)
        #expect(seconds < 10)
    }

    @Test("invalid UTF-8 (a stray continuation, an overlong form, a surrogate, 0xFF) is refused with -32700")
    func invalidUTF8() {
        for bad: [UInt8] in [[0xC3, 0x28], [0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xFF], [0xF4, 0x90, 0x80, 0x80]] {
            let body = Array("<?xml version=\"1.0\"?><methodCall><methodName>demo.".utf8) + bad
                + Array("sayHello</methodName></methodCall>".utf8)
            #expect(fault(body).fault == Self.notWellFormed, "\(bad)")
        }
    }

    @Test("anything after the methodCall other than space, a comment or a processing instruction is refused with -32700")
    func trailingGarbage() {
        let call = Self.call("<value>1</value>")
        for tail in ["garbage", "<methodCall><methodName>x</methodName></methodCall>", "<", "\u{0}", "]]>"] {
            #expect(fault(call + tail).fault == Self.notWellFormed, "\(tail)")
        }
        #expect(fault(call + "\n<!-- fine -->\n").fault == nil)
    }

    @Test("a root other than methodCall is refused with -32600")
    func wrongRoot() {
        for body in ["<methodResponse><params/></methodResponse>", "<html><body/></html>", "<fault/>", "<methodcall><methodName>x</methodName></methodcall>"] {
            #expect(fault(body).fault == .invalidRequest("Request must be a methodCall"), "\(body)")
        }
    }

    @Test("a methodCall with 10,000 params is refused with -32600 at the params limit")
    func tenThousandParams() {
        let params = String(repeating: "<param><value><int>1</int></value></param>", count: 10_000)
        let (fault, seconds) = fault("<methodCall><methodName>demo.addTwoNumbers</methodName><params>\(params)</params></methodCall>")
        #expect(fault == .invalidRequest("more than 32 params"))
        #expect(seconds < 10)
    }

    @Test("system.multicall with thousands of calls runs none of them and answers -32600")
    func hugeMulticall() async throws {
        let counter = Counter()
        let registry = counter.registry()
        func multicall(_ count: Int) -> String {
            let entry = "<value><struct><member><name>methodName</name><value>count</value></member></struct></value>"
            return Self.call("<value><array><data>" + String(repeating: entry, count: count) + "</data></array></value>", method: "system.multicall")
        }
        // 3,000 calls parse (6,000 values) and are refused by the call limit before any runs.
        let request = try XMLRPCRequest(parsing: Array(multicall(3_000).utf8))
        #expect(await registry.respond(to: request, context: XMLRPCCallContext())
            == .fault(.invalidRequest("system.multicall accepts at most 50 calls")))
        // 10,000 calls exceed the value limit while parsing.
        #expect(fault(Array(multicall(10_000).utf8)).fault == .invalidRequest("more than 10000 values"))
        #expect(counter.calls == 0)
        // The control: within the limit, the calls do run.
        let small = try XMLRPCRequest(parsing: Array(multicall(3).utf8))
        _ = await registry.respond(to: small, context: XMLRPCCallContext())
        #expect(counter.calls == 3)
    }

    @Test("a multicall inside a multicall is answered with a -32600 fault struct and its calls do not run")
    func nestedMulticall() async {
        let counter = Counter()
        let inner: XMLRPCValue = .array([.structure([XMLRPCMember("methodName", .string("count"))])])
        let nested: XMLRPCValue = .array([.structure([
            XMLRPCMember("methodName", .string("system.multicall")), XMLRPCMember("params", .array([inner])),
        ])])
        let response = await counter.registry().respond(
            to: XMLRPCRequest(methodName: "system.multicall", params: [nested]), context: XMLRPCCallContext()
        )
        let fault = XMLRPCFault.invalidRequest("Recursive calls to system.multicall are forbidden")
        #expect(response == .success(.array([.structure([
            XMLRPCMember("faultCode", .int(fault.code)), XMLRPCMember("faultString", .string(fault.message)),
        ])])))
        #expect(counter.calls == 0)
    }
}

/// Counts how often its `count` method ran.
private final class Counter: Sendable {
    private let count = Mutex(0)

    var calls: Int { count.withLock { $0 } }

    func registry() -> XMLRPCMethodRegistry {
        var registry = XMLRPCMethodRegistry()
        registry.register(XMLRPCMethod(name: "count", signatures: [["int"]], help: "Counts.") { [self] _, _ in
            .int(count.withLock { value in
                value += 1
                return value
            })
        })
        return registry
    }
}
