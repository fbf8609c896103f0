import Testing
import TrackwayTesting
import TrackwayXMLRPC

@Suite struct XMLRPCMethodRegistryTests {
    private let registry: XMLRPCMethodRegistry = {
        var registry = XMLRPCMethodRegistry(limits: XMLRPCLimits(maxMulticallCalls: 3))
        registry.registerDemoMethods()
        return registry
    }()

    private func call(_ name: String, _ params: [XMLRPCValue] = []) async -> XMLRPCResponse {
        await registry.respond(to: XMLRPCRequest(methodName: name, params: params), context: XMLRPCCallContext())
    }

    @Test("answers demo.sayHello with Hello! and demo.addTwoNumbers with the sum")
    func demoMethods() async {
        #expect(await call("demo.sayHello") == .success(.string("Hello!")))
        #expect(await call("demo.addTwoNumbers", [.int(2), .int(40)]) == .success(.int(42)))
        guard case .fault(let fault) = await call("demo.addTwoNumbers", [.string("2")]) else {
            Issue.record("expected a fault")
            return
        }
        #expect(fault.code == 400)
    }

    @Test("lists system methods first and every registered method, as WordPress's recorded list contains them")
    func listMethods() async throws {
        let recorded = try ProtocolFixtures.text("system.listMethods.txt").split(separator: "\n").map(String.init)
        guard case .success(.array(let names)) = await call("system.listMethods") else {
            Issue.record("expected an array")
            return
        }
        let listed = names.compactMap(\.stringValue)
        #expect(listed.prefix(2) == ["system.multicall", "system.listMethods"])
        for name in ["system.multicall", "system.listMethods", "system.getCapabilities", "demo.sayHello", "demo.addTwoNumbers"] {
            #expect(recorded.contains(name))
            #expect(listed.contains(name))
        }
    }

    @Test("describes methods through system.methodSignature and system.methodHelp")
    func introspection() async {
        #expect(await call("system.methodSignature", [.string("demo.addTwoNumbers")])
            == .success(.array([.array([.string("int"), .string("int"), .string("int")])])))
        #expect(await call("system.methodHelp", [.string("demo.sayHello")]) == .success(.string("Answers Hello!")))
        #expect(await call("system.methodHelp", [.string("nope")]) == .fault(.unknownMethod("nope")))
        guard case .success(let capabilities) = await call("system.getCapabilities") else {
            Issue.record("expected a struct")
            return
        }
        #expect(capabilities[member: "faults_interop"]?[member: "specVersion"] == .int(20010516))
    }

    @Test("runs system.multicall entries in order, faults per entry, no nesting, bounded count")
    func multicall() async {
        let entries: [XMLRPCValue] = [
            .structure([XMLRPCMember("methodName", .string("demo.sayHello"))]),
            .structure([XMLRPCMember("methodName", .string("system.multicall")), XMLRPCMember("params", .array([.array([])]))]),
            .string("not a struct"),
        ]
        guard case .success(.array(let answers)) = await call("system.multicall", [.array(entries)]) else {
            Issue.record("expected an array")
            return
        }
        #expect(answers.count == 3)
        #expect(answers.first == .array([.string("Hello!")]))
        #expect(answers[1][member: "faultCode"] == .int(-32600))
        #expect(answers[2][member: "faultCode"] == .int(-32600))
        let tooMany = Array(repeating: entries[0], count: 4)
        guard case .fault(let fault) = await call("system.multicall", [.array(tooMany)]) else {
            Issue.record("expected a fault")
            return
        }
        #expect(fault.code == -32600)
    }

    @Test("answers an unknown method with fault -32601")
    func unknownMethod() async {
        guard case .fault(let fault) = await call("no.such.method") else {
            Issue.record("expected a fault")
            return
        }
        #expect(fault.code == -32601)
    }
}
