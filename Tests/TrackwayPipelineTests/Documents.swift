/// Export documents written in the tests, so what they hold is known from how they are made.
enum Documents {
    /// A WXR 1.2 blog of `posts` posts, each with `comments` comments and one trackback.
    static func wxr(posts: Int, comments: Int) -> String {
        let items = (1...posts).map { post in
            let replies = (1...comments).map { comment in
                """
                <wp:comment><wp:comment_id>\(post * 1000 + comment)</wp:comment_id>\
                <wp:comment_author><![CDATA[Reader \(comment)]]></wp:comment_author>\
                <wp:comment_date_gmt>2024-03-0\(comment % 9 + 1) 10:00:00</wp:comment_date_gmt>\
                <wp:comment_content><![CDATA[Comment \(comment) on post \(post)]]></wp:comment_content>\
                <wp:comment_approved>1</wp:comment_approved></wp:comment>
                """
            }
            return """
            <item><title>Post \(post)</title><link>http://harbour.example/?p=\(post)</link>
            <dc:creator><![CDATA[keeper]]></dc:creator><guid isPermaLink="false">http://harbour.example/?p=\(post)</guid>
            <content:encoded><![CDATA[<p>Body of post \(post) &amp; more.</p>]]></content:encoded>
            <wp:post_id>\(post)</wp:post_id><wp:post_date_gmt>2024-02-0\(post % 9 + 1) 09:00:00</wp:post_date_gmt>
            <wp:post_name>post-\(post)</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
            <category domain="category" nicename="harbour"><![CDATA[Harbour]]></category>
            \(replies.joined(separator: "\n"))
            <wp:comment><wp:comment_id>\(post * 1000)</wp:comment_id><wp:comment_author><![CDATA[Other blog]]></wp:comment_author>\
            <wp:comment_author_url>http://other.example/\(post)</wp:comment_author_url>\
            <wp:comment_content><![CDATA[A ping]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved>\
            <wp:comment_type><![CDATA[trackback]]></wp:comment_type></wp:comment>
            </item>
            """
        }
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" \
        xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" \
        xmlns:wp="http://wordpress.org/export/1.2/">
        <channel><title>Harbour</title><link>http://harbour.example</link><wp:wxr_version>1.2</wp:wxr_version>
        <wp:base_site_url>http://harbour.example</wp:base_site_url><wp:base_blog_url>http://harbour.example</wp:base_blog_url>
        <wp:author><wp:author_login><![CDATA[keeper]]></wp:author_login><wp:author_display_name><![CDATA[Keeper]]></wp:author_display_name></wp:author>
        <wp:category><wp:category_nicename>harbour</wp:category_nicename><wp:cat_name><![CDATA[Harbour]]></wp:cat_name></wp:category>
        \(items.joined(separator: "\n"))
        </channel>
        </rss>

        """
    }

    /// A Movable Type export of `entries` entries, each with `comments` comments and one ping.
    static func movableType(entries: Int, comments: Int) -> String {
        (1...entries).map { entry in
            let replies = (1...comments).map { comment in
                """
                COMMENT:
                AUTHOR: Reader \(comment)
                EMAIL: reader\(comment)@example.org
                DATE: 11/0\(comment % 9 + 1)/2004 07:02:11 AM
                Comment \(comment) on entry \(entry).
                -----

                """
            }
            return """
            AUTHOR: Keeper
            TITLE: Entry \(entry)
            BASENAME: entry_\(entry)
            STATUS: Publish
            CATEGORY: Keeping
            DATE: 10/0\(entry % 9 + 1)/2004 09:15:00 PM
            -----
            BODY:
            <p>The lamp turned \(entry) times.</p>
            -----
            \(replies.joined())PING:
            TITLE: Lights of the coast
            URL: http://coastlights.example/\(entry).html
            IP: 198.51.100.33
            BLOG NAME: Coast Lights
            DATE: 11/05/2004 02:00:00 PM
            A ping for entry \(entry).
            -----
            --------

            """
        }.joined()
    }
}
