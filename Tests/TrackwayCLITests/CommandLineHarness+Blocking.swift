import Foundation

extension CommandLineHarness {
    /// Runs `trackway` with `arguments` under a Python parent that reports the child's peak
    /// resident memory (getrusage of children); returns the run and the peak in megabytes.
    static func trackwayMeasuringMemory(_ arguments: [String], in directory: URL? = nil) throws -> (result: ProcessResult, peakMegabytes: Double) {
        let script = """
            import resource, subprocess, sys
            status = subprocess.call(sys.argv[1:])
            sys.stderr.write("\\npeak-kilobytes %d\\n" % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
            sys.exit(status)
            """
        var result = try tool("python3", ["-c", script, trackwayBinary.path] + arguments, in: directory)
        guard let marker = result.stderr.range(of: "\npeak-kilobytes ", options: .backwards),
              let kilobytes = Double(result.stderr[marker.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw HarnessError(message: "no peak memory reported: \(result.stderr.suffix(300))")
        }
        result.stderr = String(result.stderr[..<marker.lowerBound])
        return (result, kilobytes / 1024)
    }
}

extension CommandLineHarness {
    /// Runs blocking harness work (a long `trackway` run) on a dispatch thread: blocking the few
    /// cooperative threads of the test process would starve the gateways other tests run in it.
    static func offCooperativePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }
}
