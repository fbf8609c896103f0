import Foundation
import TrackwayTesting

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
        var result = try ChildProcess.tool("python3", ["-c", script, trackwayBinary.path] + arguments, in: directory)
        guard let marker = result.stderr.range(of: "\npeak-kilobytes ", options: .backwards),
              let kilobytes = Double(result.stderr[marker.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw HarnessError(message: "no peak memory reported: \(result.stderr.suffix(300))")
        }
        result.stderr = String(result.stderr[..<marker.lowerBound])
        return (result, kilobytes / 1024)
    }
}
