import Foundation
import TrackwayTesting

/// A moment to SIGKILL an import at: a delay after start-up (opening the database, migrations),
/// or once the import has read a number of bytes of its input.
enum KillPoint: CustomStringConvertible, Sendable {
    case afterStart(seconds: Double)
    case afterReading(bytes: Int)

    var description: String {
        switch self {
        case .afterStart(let seconds): String(format: "%.1f ms after start", seconds * 1000)
        case .afterReading(let bytes): "after reading \(bytes) bytes"
        }
    }

    /// `startUp` points in the first `startUpSeconds`, then `progress` points spread over the whole
    /// input (one drawn in each equal slice of the file, the last when all of it was read, while
    /// the final batch commits), in a random order so a later run also meets committed batches.
    static func draw(
        startUp: Int, startUpSeconds: Double, progress: Int, fileSize: Int, using generator: inout SplitMix64
    ) -> [KillPoint] {
        var points = (0..<startUp).map { _ in KillPoint.afterStart(seconds: Double.random(in: 0..<startUpSeconds, using: &generator)) }
        let slice = Double(fileSize) / Double(progress - 1)
        for index in 0..<(progress - 1) {
            points.append(.afterReading(bytes: Int(Double(index) * slice + Double.random(in: 0..<slice, using: &generator))))
        }
        points.append(.afterReading(bytes: fileSize))
        points.shuffle(using: &generator)
        return points
    }

    /// Waits for this point in `process`'s run reading `input`; false when the process ended first.
    func wait(for process: Process, reading input: URL) -> Bool {
        switch self {
        case .afterStart(let seconds):
            Thread.sleep(forTimeInterval: seconds)
        case .afterReading(let bytes):
            var offset = OpenFileOffset(processID: process.processIdentifier, path: input)
            var wasOpen = false
            while !process.hasExited {
                if let current = offset.current() {
                    wasOpen = true
                    if current >= bytes { break }
                } else if wasOpen {
                    break  // the input was read to its end and closed: the last commit is under way
                }
                usleep(300)
            }
        }
        return !process.hasExited
    }
}
