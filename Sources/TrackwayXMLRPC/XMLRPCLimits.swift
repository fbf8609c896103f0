/// Bounds on what one XML-RPC request may contain, so hostile bodies cost little to refuse.
public struct XMLRPCLimits: Sendable, Equatable {
    /// Deepest nesting of arrays and structs inside one parameter.
    public var maxDepth: Int
    /// Most `<param>` elements in a call.
    public var maxParams: Int
    /// Most `<value>` elements in the whole call.
    public var maxValues: Int
    /// Most calls in one `system.multicall`.
    public var maxMulticallCalls: Int

    public init(maxDepth: Int = 16, maxParams: Int = 32, maxValues: Int = 10_000, maxMulticallCalls: Int = 50) {
        self.maxDepth = maxDepth
        self.maxParams = maxParams
        self.maxValues = maxValues
        self.maxMulticallCalls = maxMulticallCalls
    }
}
