import Foundation

/// Read API answers kept for repeated requests (a widget on a popular page asks the same
/// question on every view), each with the store's change stamp read before it was computed: an
/// answer is given again only while the stamp reads the same, so a moderation change (made by
/// this server, or by `trackway pings approve` in another process) is seen by the next request.
/// A kept answer also goes after two seconds, as the target resolutions it used do. At most
/// `capacity` answers and `maxBytes` of them are kept, so made-up questions cannot fill memory.
///
/// ```swift
/// let stamp = try await reader.changeStamp()
/// if let stamp, let kept = answers.answer(for: key, stamp: stamp) { return kept }
/// let answer = try await compute()
/// if let stamp { answers.keep(answer, for: key, stamp: stamp) }
/// ```
final class ReadAPIAnswers: @unchecked Sendable {
    private let capacity: Int
    private let maxBytes: Int
    private let lifetime: Double
    private let lock = NSLock()
    /// The stamp every kept answer was computed under; all go when it changes.
    private var stamp: Int?
    private var answers: [String: (answer: ReadAPIAnswer, keptAt: Double)] = [:]
    private var keptBytes = 0

    init(capacity: Int = 4_096, maxBytes: Int = 32 << 20, lifetime: Double = 2) {
        self.capacity = capacity
        self.maxBytes = maxBytes
        self.lifetime = lifetime
    }

    /// The answer kept for `key`, when it was computed under `stamp` less than `lifetime` ago.
    func answer(for key: String, stamp: Int, now: Double = ProcessInfo.processInfo.systemUptime) -> ReadAPIAnswer? {
        lock.withLock {
            guard self.stamp == stamp, let kept = answers[key], now - kept.keptAt < lifetime else { return nil }
            return kept.answer
        }
    }

    /// Keeps `answer`, computed after reading `stamp`; answers kept under another stamp go.
    func keep(_ answer: ReadAPIAnswer, for key: String, stamp: Int, now: Double = ProcessInfo.processInfo.systemUptime) {
        lock.withLock {
            let size = key.utf8.count + answer.body.readableBytes
            if self.stamp != stamp || answers.count >= capacity || keptBytes + size > maxBytes {
                answers.removeAll(keepingCapacity: true)
                keptBytes = 0
                self.stamp = stamp
            }
            if let replaced = answers.updateValue((answer, now), forKey: key) {
                keptBytes -= key.utf8.count + replaced.answer.body.readableBytes
            }
            keptBytes += size
        }
    }
}
