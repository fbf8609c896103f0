import NIOCore
import Testing
@testable import TrackwayGateway

/// Kept read API answers are given again only under the change stamp they were computed under.
@Suite struct ReadAPIAnswersTests {
    private static func answer(_ text: String) throws -> ReadAPIAnswer {
        try ReadAPIAnswer(.ok, ["answer": text], callback: nil)
    }

    private static func text(_ answer: ReadAPIAnswer?) -> String? {
        answer.map { String(buffer: $0.body) }
    }

    @Test func anAnswerIsGivenAgainWhileTheStampReadsTheSame() throws {
        let answers = ReadAPIAnswers()
        answers.keep(try Self.answer("one"), for: "a", stamp: 7, now: 100)
        #expect(Self.text(answers.answer(for: "a", stamp: 7, now: 101))?.contains("one") == true)
        #expect(answers.answer(for: "b", stamp: 7, now: 101) == nil)
    }

    @Test func aNewStampDropsEveryKeptAnswer() throws {
        let answers = ReadAPIAnswers()
        answers.keep(try Self.answer("one"), for: "a", stamp: 7, now: 100)
        #expect(answers.answer(for: "a", stamp: 8, now: 100) == nil)
        answers.keep(try Self.answer("two"), for: "b", stamp: 8, now: 100)
        // An answer computed under the old stamp is not given to a request that read it either.
        #expect(answers.answer(for: "a", stamp: 7, now: 100) == nil)
        #expect(Self.text(answers.answer(for: "b", stamp: 8, now: 100))?.contains("two") == true)
    }

    @Test func anAnswerGoesOnceItIsTwoSecondsOld() throws {
        let answers = ReadAPIAnswers(lifetime: 2)
        answers.keep(try Self.answer("one"), for: "a", stamp: 7, now: 100)
        #expect(answers.answer(for: "a", stamp: 7, now: 101.9) != nil)
        #expect(answers.answer(for: "a", stamp: 7, now: 102) == nil)
    }

    @Test func atCapacityTheKeptAnswersAreDropped() throws {
        let answers = ReadAPIAnswers(capacity: 2)
        answers.keep(try Self.answer("one"), for: "a", stamp: 1, now: 0)
        answers.keep(try Self.answer("two"), for: "b", stamp: 1, now: 0)
        answers.keep(try Self.answer("three"), for: "c", stamp: 1, now: 0)
        #expect(answers.answer(for: "a", stamp: 1, now: 0) == nil)
        #expect(answers.answer(for: "c", stamp: 1, now: 0) != nil)
    }

    @Test func pastTheByteBudgetTheKeptAnswersAreDropped() throws {
        let one = try Self.answer("one")
        let size = "a".utf8.count + one.body.readableBytes
        let answers = ReadAPIAnswers(maxBytes: 2 * size)
        answers.keep(one, for: "a", stamp: 1, now: 0)
        answers.keep(try Self.answer("two"), for: "b", stamp: 1, now: 0)
        #expect(answers.answer(for: "a", stamp: 1, now: 0) != nil)
        answers.keep(try Self.answer("six"), for: "c", stamp: 1, now: 0)
        #expect(answers.answer(for: "a", stamp: 1, now: 0) == nil)
        #expect(answers.answer(for: "c", stamp: 1, now: 0) != nil)
    }
}
