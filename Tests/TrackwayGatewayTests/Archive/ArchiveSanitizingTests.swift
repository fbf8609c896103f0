import Foundation
import Testing
import TrackwayCore
import TrackwayTesting

/// The XSS corpus in every field an archive page shows (post title, content and excerpt,
/// comment author, address and text, ping title, blog name, excerpt and source), checked by
/// parsing the served pages as a browser would (`HTMLSafety`, html5lib).
@Suite struct ArchiveSanitizingTests {
    /// The corpus in 8 posts of 16 strings: each post's content is its strings one a paragraph,
    /// each string is one comment's fields and one ping's fields; every other post takes its
    /// first string as its own excerpt.
    private static func hostileRecords(_ corpus: [String]) -> [ImportRecord] {
        stride(from: 0, to: corpus.count, by: 16).enumerated().map { index, start in
            let strings = Array(corpus[start..<min(start + 16, corpus.count)])
            var post = Post(sourceID: String(600 + index))
            post.title = strings[0]
            post.link = ArchiveSample.url("/2026/07/hostile-\(index)/")
            post.postDate = "2026-07-\(index + 10) 10:00:00"
            post.postDateGMT = post.postDate
            post.content = strings.joined(separator: "\n\n")
            if index.isMultiple(of: 2) { post.excerpt = strings[0] }
            post.comments = strings.enumerated().flatMap { number, text in
                var comment = Comment(sourceID: "c\(number)")
                comment.author = text
                comment.authorURL = text
                comment.content = text
                var ping = Comment(sourceID: "p\(number)")
                ping.commentType = number.isMultiple(of: 2) ? "trackback" : "pingback"
                ping.author = text
                ping.authorURL = text
                ping.sourceTitle = text
                ping.blogName = text
                ping.content = number.isMultiple(of: 3) ? "<strong>\(text)</strong>\n\n\(text)" : text
                return [comment, ping]
            }
            return .post(post)
        }
    }

    @Test("no script, handler, scripting URL or foreign frame reaches a post page, a listing or a search from any field")
    func corpusEverywhere() async throws {
        let corpus = try HTMLSafety.corpus()
        let harness = try await GatewayHarness.archive(Self.hostileRecords(corpus))
        defer { harness.stop() }
        let posts = (0..<(corpus.count + 15) / 16).map { "/2026/07/hostile-\($0)/" }
        for path in posts + ["/", "/page/2/", "/2026/07/", "/?s=script", "/?s=alert"] {
            let page = try await harness.get(path)
            #expect(page.status == 200, "\(path)")
            #expect(try HTMLSafety.check(html: page.body) == [], "\(path)")
        }
        // The pages did show the fields: the corpus is there, escaped or cleaned, not left out.
        let first = try await harness.get(posts[0])
        #expect(first.body.contains("<h2>16 comments</h2>") && first.body.contains("<h2>16 trackbacks, pingbacks and webmentions</h2>"))
        #expect(first.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }
}
