import Testing
import TrackwayCore
@testable import TrackwayFormats

@Suite("Movable Type entries with many comments and pings")
struct MTManyCommentsTests {
    @Test("an entry with more comments and pings than are held comes in pieces, numbered on, with its late sections at the end")
    func pieces() throws {
        let count = MTExportReader.heldPingsAndComments * 2 + 7
        let sections = (1...count).map { index in
            index % 10 == 0
                ? "PING:\nTITLE: Linker \(index)\nURL: http://linker\(index).example/\nBLOG NAME: Blog \(index)\nDATE: 01/04/2006 03:04:05 PM\nLinked \(index).\n-----\n"
                : "COMMENT:\nAUTHOR: Reader \(index)\nDATE: \(index == 3 ? "not a date" : "01/04/2006 03:04:05 PM")\nComment \(index).\n-----\n"
        }.joined()
        let document = """
        AUTHOR: alice
        TITLE: Small
        DATE: 01/02/2006 03:04:05 PM
        -----
        BODY:
        hello
        -----
        --------
        AUTHOR: bob
        TITLE: Popular
        BASENAME: popular
        DATE: 01/03/2006 03:04:05 PM
        -----
        BODY:
        many comments
        -----
        \(sections)EXCERPT:
        after the comments
        -----
        --------

        """
        let result = try readDocument(document, suffix: ".txt")
        #expect(result.error == nil)
        #expect(result.postRecordKinds == ["post", "start", "comments", "end"])
        let popular = try #require(result.post("popular"))
        let pings = count / 10
        let expectedIDs = (1...count).map { index in
            index % 10 == 0 ? "p\(index / 10)" : "c\(index - index / 10)"
        }
        #expect(popular.comments.map(\.sourceID) == expectedIDs)
        #expect(popular.comments.filter { $0.kind == .trackback }.count == pings)
        #expect(popular.comments.last?.content == "Comment \(count).")
        #expect(popular.content == "many comments")
        #expect(popular.excerpt == "after the comments")
        #expect(result.authors.map(\.login) == ["alice", "bob"])
        // The bad date of comment 3 is reported once.
        #expect(result.warnings.filter { $0.message.contains("DATE") }.count == 1)
    }
}
