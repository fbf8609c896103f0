// The timing loop of the micro benchmarks compiled with swiftc -O (forwarded-client.sh,
// render-text.sh, spam-rules.sh): compiled in beside each one's main.swift.
import Foundation

/// The best of five runs of `iterations` calls of `body`, in nanoseconds a call. The results
/// are summed into a value printed only in a case that never happens, so the optimizer cannot
/// drop the calls.
func nanoseconds(_ iterations: Int, _ body: () -> Int) -> Double {
    var best = Double.infinity
    var sink = 0
    for _ in 0..<5 {
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<iterations { sink &+= body() }
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / Double(iterations))
    }
    if sink == 42 { print("") }
    return best
}
