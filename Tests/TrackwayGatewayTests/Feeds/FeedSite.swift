import Foundation
import TrackwayFormats
import TrackwayPipeline
import TrackwayStore
import TrackwayTesting

/// The data the feed tests serve: WordPress's own export of a real blog (`peer-blog.xml`, at
/// `127.0.0.1:8090`), a second export of that blog adding newer posts in every state a feed must
/// hide or show with care, and the Movable Type sample blog (`lighthouse-log.example`).
enum FeedSite {
    static let host = "127.0.0.1:8090"
    static let movableTypeHost = "lighthouse-log.example"
    static let peerBlog = TestPaths.sharedFixtures.appendingPathComponent("wxr/wordpress-6.1/peer-blog.xml").path
    static let movableType = TestPaths.repositoryRoot.appendingPathComponent("Samples/lighthouse-log.mt.txt").path

    /// The statuses WordPress shows no one but the author, each a post newer than every public one.
    static let hiddenStatuses = ["draft", "pending", "private", "future", "trash"]
    /// Comment states (`wp:comment_approved`) no reader sees, each a comment and a ping on the newest post.
    static let hiddenApprovals = ["0", "spam", "trash"]

    /// Imports the three files into a new database at `path`; the second export is written into
    /// `folder` as `additions.xml`. `hostile` goes into a post's content, a comment and a ping.
    static func seed(_ path: String, folder: TemporaryDirectory, hostile: String = "") throws {
        let additions = try folder.write(Array(additionsExport(hostile: hostile).utf8), to: "additions.xml")
        let run = ImportRun(inputs: [.file(peerBlog), .file(additions.path), .file(movableType)])
        let report = try run.perform(store: try Store(path: path), database: path)
        if let failed = report.files.first(where: { $0.error != nil }) {
            throw FeedSiteError(message: "\(failed.file): \(failed.error ?? "")")
        }
    }

    /// The title of the post in hidden state `status`.
    static func hiddenTitle(_ status: String) -> String { "Hidden \(status) post" }

    /// The author of the comment (and blog name of the ping) in hidden state `approval`.
    static func hiddenCommenter(_ approval: String) -> String { "Unapproved \(approval) commenter" }

    /// The newer posts: one public with approved and unapproved comments and pings (also in a
    /// category slugged `feed`), one password-protected with a comment, one carrying `hostile`
    /// text, and one per hidden status, all filed under the `swift` category and tag.
    static func additionsExport(hostile: String) -> String {
        var items: [String] = []
        var discussion = [
            comment(1, author: "Fresh Reader", date: "2013-03-01 11:00:00", content: "Fresh approved words.", approved: "1"),
            comment(2, author: "Citing Blog", date: "2013-03-01 12:00:00", content: "<strong>Citing post</strong>\n\nA citing excerpt.",
                    approved: "1", type: "trackback", url: "http://citing.example/post/"),
        ]
        for (offset, approval) in hiddenApprovals.enumerated() {
            discussion.append(comment(10 + offset, author: hiddenCommenter(approval), date: "2013-03-01 16:0\(offset):00",
                                      content: "Words of the \(approval) commenter.", approved: approval))
            discussion.append(comment(20 + offset, author: hiddenCommenter(approval) + " blog", date: "2013-03-01 17:0\(offset):00",
                                      content: "Ping of the \(approval) blog.", approved: approval, type: "pingback",
                                      url: "http://\(approval).example/cites/"))
        }
        items.append(item(901, title: "Newest public post", slug: "newest-public-post", date: "2013-03-01 10:00:00",
                          content: "Newest public words.", comments: discussion,
                          terms: #"<category domain="category" nicename="feed"><![CDATA[Feed]]></category>"#))
        items.append(item(902, title: "Protected post", slug: "protected-post", date: "2013-02-28 10:00:00",
                          content: "Secret body words.", excerpt: "Secret excerpt words.", password: "pw",
                          comments: [comment(1, author: "Protected Reader", date: "2013-03-01 13:00:00", content: "Secret comment words.", approved: "1")]))
        items.append(item(903, title: "Hostile post", slug: "hostile-post", date: "2013-02-27 10:00:00", content: "<p>Hostile content:</p>" + hostile,
                          comments: [
                            comment(1, author: "Hostile Reader", date: "2013-03-01 14:00:00", content: hostile, approved: "1"),
                            comment(2, author: "Hostile Blog", date: "2013-03-01 15:00:00", content: hostile, approved: "1", type: "trackback",
                                    url: "http://hostile.example/"),
                          ]))
        for (offset, status) in hiddenStatuses.enumerated() {
            items.append(item(910 + offset, title: hiddenTitle(status), slug: "hidden-\(status)-post", date: "2013-03-0\(2 + offset) 10:00:00",
                              content: "Words of the \(status) post.", status: status,
                              comments: [comment(1, author: "Reader of \(status)", date: "2013-03-09 10:00:00", content: "On a \(status) post.", approved: "1")]))
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
            <channel>
            <title>Peer Blog</title><link>http://127.0.0.1:8090</link>
            <description>Reference peer — a WordPress blog with café, 東京 and 🎉</description><language>en-US</language>
            <wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>http://127.0.0.1:8090</wp:base_site_url><wp:base_blog_url>http://127.0.0.1:8090</wp:base_blog_url>
            <wp:author><wp:author_id>2</wp:author_id><wp:author_login><![CDATA[jdoe]]></wp:author_login><wp:author_email><![CDATA[jdoe@example.org]]></wp:author_email><wp:author_display_name><![CDATA[Jane Doe]]></wp:author_display_name><wp:author_first_name><![CDATA[Jane]]></wp:author_first_name><wp:author_last_name><![CDATA[Doe]]></wp:author_last_name></wp:author>
            \(items.joined(separator: "\n"))
            </channel>
            </rss>
            """
    }

    private static func item(
        _ id: Int, title: String, slug: String, date: String, content: String, excerpt: String = "", status: String = "publish",
        password: String = "", comments: [String], terms: String = ""
    ) -> String {
        let link = "http://127.0.0.1:8090/\(date.prefix(4))/\(date.dropFirst(5).prefix(2))/\(slug)/"
        return """
            <item><title>\(title)</title><link>\(link)</link><dc:creator><![CDATA[jdoe]]></dc:creator>
            <guid isPermaLink="false">http://127.0.0.1:8090/?p=\(id)</guid><description></description>
            <content:encoded><![CDATA[\(cdata(content))]]></content:encoded><excerpt:encoded><![CDATA[\(excerpt)]]></excerpt:encoded>
            <wp:post_id>\(id)</wp:post_id><wp:post_date>\(date)</wp:post_date><wp:post_date_gmt>\(date)</wp:post_date_gmt>
            <wp:post_modified>\(date)</wp:post_modified><wp:post_modified_gmt>\(date)</wp:post_modified_gmt>
            <wp:comment_status>open</wp:comment_status><wp:ping_status>open</wp:ping_status><wp:post_name>\(slug)</wp:post_name>
            <wp:status>\(status)</wp:status><wp:post_parent>0</wp:post_parent><wp:menu_order>0</wp:menu_order><wp:post_type>post</wp:post_type>
            <wp:post_password>\(password)</wp:post_password><wp:is_sticky>0</wp:is_sticky>
            <category domain="category" nicename="swift"><![CDATA[Swift]]></category><category domain="post_tag" nicename="swift"><![CDATA[swift]]></category>\(terms)
            \(comments.joined(separator: "\n"))
            </item>
            """
    }

    private static func comment(
        _ id: Int, author: String, date: String, content: String, approved: String, type: String = "comment", url: String = ""
    ) -> String {
        """
        <wp:comment><wp:comment_id>\(id)</wp:comment_id><wp:comment_author><![CDATA[\(cdata(author))]]></wp:comment_author>
        <wp:comment_author_email>r\(id)@example.org</wp:comment_author_email><wp:comment_author_url>\(url)</wp:comment_author_url>
        <wp:comment_author_IP>192.0.2.9</wp:comment_author_IP><wp:comment_date>\(date)</wp:comment_date><wp:comment_date_gmt>\(date)</wp:comment_date_gmt>
        <wp:comment_content><![CDATA[\(cdata(content))]]></wp:comment_content><wp:comment_approved>\(approved)</wp:comment_approved>
        <wp:comment_type>\(type)</wp:comment_type><wp:comment_parent>0</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id></wp:comment>
        """
    }

    /// `text` safe inside one CDATA section, split the way WordPress's exporter splits it.
    private static func cdata(_ text: String) -> String {
        text.replacingOccurrences(of: "]]>", with: "]]]]><![CDATA[>")
    }
}

struct FeedSiteError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
