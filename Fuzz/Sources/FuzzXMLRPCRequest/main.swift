import FuzzSupport
import TrackwayXMLRPC

/// One libFuzzer run: the input as an XML-RPC request body, parsed as the gateway parses it, and
/// the parameters it yields written back as a response (so the writer meets every value parsed).
///
/// Faults are expected; crashes, traps, hangs and runaway memory are the findings.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let body = Array(UnsafeBufferPointer(start: data, count: size))
    guard let request = try? XMLRPCRequest(parsing: body) else { return 0 }
    _ = try? XMLRPCResponse.success(.array(request.params)).encoded()
    return 0
}

FuzzDriver.run(fuzz)
