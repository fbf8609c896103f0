import Foundation
import Testing
@testable import TrackwayStore

/// The threads PostgreSQL reads run on, with plain closures for reads.
@Suite struct ReadThreadsTests {
    @Test("thousands of jobs submitted at once, so that the queue runs long without emptying, each return their own result")
    func longQueue() async throws {
        let threads = ReadThreads(limit: 4)
        let results = try await withThrowingTaskGroup(of: (Int, Int).self) { group in
            for number in 0..<5_000 {
                group.addTask { (number, try await threads.run(resumingOn: nil) { number * 3 }) }
            }
            return try await group.reduce(into: [Int: Int]()) { $0[$1.0] = $1.1 }
        }
        #expect(results.count == 5_000)
        #expect(results.allSatisfy { $0.value == $0.key * 3 })
    }

    @Test("a job's error reaches its caller, and the threads go on with the next job")
    func errorsReachTheCaller() async throws {
        struct Refused: Error {}
        let threads = ReadThreads(limit: 2)
        await #expect(throws: Refused.self) { try await threads.run(resumingOn: nil) { () throws -> Int in throw Refused() } }
        #expect(try await threads.run(resumingOn: nil) { 7 } == 7)
    }
}
