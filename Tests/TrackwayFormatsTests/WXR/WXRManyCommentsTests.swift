import Testing
import TrackwayCore
@testable import TrackwayFormats

@Suite("WXR posts with many comments")
struct WXRManyCommentsTests {
    @Test("a post with more comments than are held comes in pieces, every comment in order, its late fields at the end")
    func pieces() throws {
        let count = WXRParser.heldComments * 2 + 7
        let comments = (1...count).map {
            "<wp:comment><wp:comment_id>\($0)</wp:comment_id><wp:comment_content><![CDATA[c\($0)]]></wp:comment_content></wp:comment>"
        }.joined(separator: "\n")
        let result = try readDocument(wxrDocument(items: """
        <item><title>Small</title><wp:post_id>1</wp:post_id><wp:comment><wp:comment_id>1</wp:comment_id></wp:comment></item>
        <item><title>Popular</title><dc:creator>alice</dc:creator><wp:post_id>2</wp:post_id>
        \(comments)
        <wp:post_type>page</wp:post_type></item>
        """))
        #expect(result.error == nil)
        #expect(result.postRecordKinds == ["post", "start", "comments", "end"])
        let popular = try #require(result.post("2"))
        #expect(popular.comments.map(\.sourceID) == (1...count).map(String.init))
        #expect(popular.comments.last?.content == "c\(count)")
        #expect(popular.postType == "page")
    }
}
