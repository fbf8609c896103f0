import Testing
import TrackwayCore
import TrackwayFormats

/// Comments handed to the writer one at a time, as an export streams them from the store.
@Suite("WXR writer: a post's comments streamed")
struct WXRWriterCommentStreamTests {
    /// Writes one post whose comments come from `comments`, walked as often as the writer asks;
    /// returns the output and the number of walks.
    private func write(_ comments: [TrackwayCore.Comment]) throws -> (text: String, walks: Int) {
        let output = WXRWriterTestSupport.Output()
        let writer = try WXRWriter { output.bytes.append(contentsOf: $0) }
        try writer.writeHeader(site: Site(sourceKey: "http://s.example", format: .wxr), authors: [], terms: [], exportedAt: WXRWriterTestSupport.peerBlogExportTime)
        var walks = 0
        try writer.write(post: Post(sourceID: "1")) { body in
            walks += 1
            for comment in comments { try body(comment) }
        }
        try writer.finish()
        return (output.text, walks)
    }

    private func values(of element: String, in text: String) -> [Int] {
        text.components(separatedBy: "<\(element)>").dropFirst().compactMap { Int($0.prefix { $0 != "<" }) }
    }

    /// `count` comments with ids `c1`, `c2`, …; every tenth is spam, every seventh replies to the one before it.
    private func movableTypeComments(_ count: Int) -> [TrackwayCore.Comment] {
        (1...count).map { index in
            var comment = TrackwayCore.Comment(sourceID: "c\(index)")
            comment.content = "Comment \(index)"
            if index % 10 == 0 { comment.approved = "spam" }
            if index % 7 == 0 { comment.parentSourceID = "c\(index - 1)" }
            return comment
        }
    }

    @Test("many comments with ids that are not numbers are numbered by position, spam left out, replies following their parents")
    func manyRenumbered() throws {
        let comments = movableTypeComments(1_000)
        let (text, walks) = try write(comments)
        let written = comments.filter { $0.status != .spam }
        #expect(values(of: "wp:comment_id", in: text) == Array(1...written.count))
        let positions = Dictionary(uniqueKeysWithValues: written.enumerated().map { ($1.sourceID, $0 + 1) })
        #expect(values(of: "wp:comment_parent", in: text) == written.map { positions[$0.parentSourceID] ?? 0 })
        #expect(walks == 3)
    }

    @Test("many comments with numeric ids keep them, and are read twice, not held")
    func manyKept() throws {
        let comments = (1...1_000).map { index in
            var comment = TrackwayCore.Comment(sourceID: String(5_000 + index))
            comment.parentSourceID = index % 7 == 0 ? String(5_000 + index - 1) : "0"
            return comment
        }
        let (text, walks) = try write(comments)
        #expect(values(of: "wp:comment_id", in: text) == comments.compactMap { Int($0.sourceID) })
        #expect(values(of: "wp:comment_parent", in: text) == comments.compactMap { Int($0.parentSourceID) })
        #expect(walks == 2)
    }

    @Test("a few comments are read once and written as the post holding them writes them")
    func fewAreHeld() throws {
        let comments = movableTypeComments(20)
        let (text, walks) = try write(comments)
        var post = Post(sourceID: "1")
        post.comments = comments
        let whole = try WXRWriterTestSupport.export(site: Site(sourceKey: "http://s.example", format: .wxr), posts: [post])
        #expect(text == whole.text)
        #expect(walks == 1)
    }
}
