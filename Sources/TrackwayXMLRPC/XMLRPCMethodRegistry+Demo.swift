extension XMLRPCMethodRegistry {
    /// Registers WordPress's `demo.sayHello` (answers `Hello!`) and `demo.addTwoNumbers`.
    public mutating func registerDemoMethods() {
        register(XMLRPCMethod(name: "demo.sayHello", signatures: [["string"]], help: "Answers Hello!") { _, _ in
            .string("Hello!")
        })
        register(XMLRPCMethod(
            name: "demo.addTwoNumbers", signatures: [["int", "int", "int"]], help: "Adds two integers."
        ) { params, _ in
            guard params.count == 2, let first = params[0].intValue, let second = params[1].intValue else {
                throw XMLRPCFault(code: 400, message: "Invalid arguments passed to this XML-RPC method. Requires two integers.")
            }
            let (sum, overflow) = first.addingReportingOverflow(second)
            guard !overflow else { throw XMLRPCFault.badParameters("the sum does not fit 64 bits") }
            return .int(sum)
        })
    }
}
