#!/usr/bin/env python3
"""Writes a WordPress WXR 1.2 export of one published post with 50 approved comments, 10
approved trackbacks and 10 approved pingbacks, for the read-side rows of gateway-load.sh.

Usage: make-discussed-post.py OUTPUT.xml      (the post is http://discussed.example/2026/04/discussed/)
"""
import sys
from xml.sax.saxutils import escape

POST = "http://discussed.example/2026/04/discussed/"


def comment(number, kind, author, url, content, approved="1"):
    minute = number % 60
    hour = (10 + number // 60) % 24
    return f"""\t\t<wp:comment>
\t\t\t<wp:comment_id>{number}</wp:comment_id>
\t\t\t<wp:comment_author><![CDATA[{author}]]></wp:comment_author>
\t\t\t<wp:comment_author_email><![CDATA[]]></wp:comment_author_email>
\t\t\t<wp:comment_author_url>{escape(url)}</wp:comment_author_url>
\t\t\t<wp:comment_author_IP><![CDATA[192.0.2.{number % 250 + 1}]]></wp:comment_author_IP>
\t\t\t<wp:comment_date><![CDATA[2026-04-02 {hour:02d}:{minute:02d}:00]]></wp:comment_date>
\t\t\t<wp:comment_date_gmt><![CDATA[2026-04-02 {hour:02d}:{minute:02d}:00]]></wp:comment_date_gmt>
\t\t\t<wp:comment_content><![CDATA[{content}]]></wp:comment_content>
\t\t\t<wp:comment_approved><![CDATA[{approved}]]></wp:comment_approved>
\t\t\t<wp:comment_type><![CDATA[{kind}]]></wp:comment_type>
\t\t\t<wp:comment_parent>0</wp:comment_parent>
\t\t\t<wp:comment_user_id>0</wp:comment_user_id>
\t\t</wp:comment>
"""


def main(output):
    comments = []
    for n in range(1, 51):
        comments.append(comment(n, "comment", f"Reader {n}", f"https://reader{n}.example/",
                                f"<p>Comment {n}: a considered reply with <em>some</em> markup, caf\u00e9 \u6771\u4eac &amp; more.</p>"))
    for n in range(51, 61):
        comments.append(comment(n, "trackback", f"Citing Blog {n}", f"https://blog{n}.example/2026/04/answer/",
                                f"<strong>An answer {n}</strong>\n\nAn excerpt of the citing post, as TrackBack sends it."))
    for n in range(61, 71):
        comments.append(comment(n, "pingback", f"Citing page {n}", f"https://page{n}.example/notes/",
                                "[&#8230;] as the discussed post says, the tides were high [&#8230;]"))
    with open(output, "w", encoding="utf-8") as file:
        file.write(document(comments))


def document(comments):
    """The export: the one post, holding `comments` (each from comment())."""
    return f"""<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
\t<title>Discussed</title>
\t<link>http://discussed.example</link>
\t<wp:wxr_version>1.2</wp:wxr_version>
\t<wp:base_site_url>http://discussed.example</wp:base_site_url>
\t<wp:base_blog_url>http://discussed.example</wp:base_blog_url>
\t<item>
\t\t<title><![CDATA[A discussed post]]></title>
\t\t<link>{POST}</link>
\t\t<pubDate>Wed, 01 Apr 2026 09:00:00 +0000</pubDate>
\t\t<dc:creator><![CDATA[bench]]></dc:creator>
\t\t<guid isPermaLink="false">http://discussed.example/?p=1</guid>
\t\t<content:encoded><![CDATA[<p>A post many people answered.</p>]]></content:encoded>
\t\t<wp:post_id>1</wp:post_id>
\t\t<wp:post_date><![CDATA[2026-04-01 09:00:00]]></wp:post_date>
\t\t<wp:post_date_gmt><![CDATA[2026-04-01 09:00:00]]></wp:post_date_gmt>
\t\t<wp:comment_status><![CDATA[open]]></wp:comment_status>
\t\t<wp:ping_status><![CDATA[open]]></wp:ping_status>
\t\t<wp:post_name><![CDATA[discussed]]></wp:post_name>
\t\t<wp:status><![CDATA[publish]]></wp:status>
\t\t<wp:post_parent>0</wp:post_parent>
\t\t<wp:menu_order>0</wp:menu_order>
\t\t<wp:post_type><![CDATA[post]]></wp:post_type>
\t\t<wp:post_password><![CDATA[]]></wp:post_password>
\t\t<wp:is_sticky>0</wp:is_sticky>
{"".join(comments)}\t</item>
</channel>
</rss>
"""


if __name__ == "__main__":
    main(sys.argv[1])
