#!/usr/bin/env python3
"""Writes a synthetic WordPress WXR 1.2 export of about SIZE megabytes, for import benchmarks.

Usage: make-wxr.py [--post-kb KB] [--popular-comments N] SIZE_MB OUTPUT.xml

Each item is a post with a ~4 KB CDATA body (or about KB kilobytes with --post-kb), post meta, two
terms, a comment, and alternately a trackback or a pingback, so every code path of the importer is
exercised at scale. With --popular-comments, every 50th post has N more comments.
"""
import argparse
import sys

HEADER = """<?xml version="1.0" encoding="UTF-8" ?>
<!-- generator="Trackway benchmark" -->
<rss version="2.0"
\txmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
\txmlns:content="http://purl.org/rss/1.0/modules/content/"
\txmlns:wfw="http://wellformedweb.org/CommentAPI/"
\txmlns:dc="http://purl.org/dc/elements/1.1/"
\txmlns:wp="http://wordpress.org/export/1.2/"
>
<channel>
\t<title>Synthetic Benchmark Blog</title>
\t<link>http://bench.example</link>
\t<description>Generated for import benchmarks</description>
\t<language>en-US</language>
\t<wp:wxr_version>1.2</wp:wxr_version>
\t<wp:base_site_url>http://bench.example</wp:base_site_url>
\t<wp:base_blog_url>http://bench.example</wp:base_blog_url>
\t<wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[bench]]></wp:author_login><wp:author_email><![CDATA[bench@bench.example]]></wp:author_email><wp:author_display_name><![CDATA[Bench]]></wp:author_display_name><wp:author_first_name><![CDATA[]]></wp:author_first_name><wp:author_last_name><![CDATA[]]></wp:author_last_name></wp:author>
\t<wp:category><wp:term_id>1</wp:term_id><wp:category_nicename><![CDATA[news]]></wp:category_nicename><wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[News]]></wp:cat_name></wp:category>
\t<wp:tag><wp:term_id>2</wp:term_id><wp:tag_slug><![CDATA[bench]]></wp:tag_slug><wp:tag_name><![CDATA[bench]]></wp:tag_name></wp:tag>
"""

PARAGRAPH = ("<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, café 東京 🎉, sed do eiusmod tempor "
             "incididunt ut labore et dolore magna aliqua &amp; more. Ut enim ad minim veniam, quis nostrud "
             "exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat.</p>\n")

ITEM = """\t<item>
\t\t<title><![CDATA[Synthetic post {n}]]></title>
\t\t<link>http://bench.example/{y}/{m:02d}/synthetic-post-{n}/</link>
\t\t<pubDate>Mon, 01 Jan 2024 00:00:00 +0000</pubDate>
\t\t<dc:creator><![CDATA[bench]]></dc:creator>
\t\t<guid isPermaLink="false">http://bench.example/?p={n}</guid>
\t\t<description></description>
\t\t<content:encoded><![CDATA[{body}]]></content:encoded>
\t\t<excerpt:encoded><![CDATA[Excerpt {n}]]></excerpt:encoded>
\t\t<wp:post_id>{n}</wp:post_id>
\t\t<wp:post_date><![CDATA[{y}-{m:02d}-01 10:00:00]]></wp:post_date>
\t\t<wp:post_date_gmt><![CDATA[{y}-{m:02d}-01 10:00:00]]></wp:post_date_gmt>
\t\t<wp:post_modified><![CDATA[{y}-{m:02d}-01 10:00:00]]></wp:post_modified>
\t\t<wp:post_modified_gmt><![CDATA[{y}-{m:02d}-01 10:00:00]]></wp:post_modified_gmt>
\t\t<wp:comment_status><![CDATA[open]]></wp:comment_status>
\t\t<wp:ping_status><![CDATA[open]]></wp:ping_status>
\t\t<wp:post_name><![CDATA[synthetic-post-{n}]]></wp:post_name>
\t\t<wp:status><![CDATA[publish]]></wp:status>
\t\t<wp:post_parent>0</wp:post_parent>
\t\t<wp:menu_order>0</wp:menu_order>
\t\t<wp:post_type><![CDATA[post]]></wp:post_type>
\t\t<wp:post_password><![CDATA[]]></wp:post_password>
\t\t<wp:is_sticky>0</wp:is_sticky>
\t\t<category domain="category" nicename="news"><![CDATA[News]]></category>
\t\t<category domain="post_tag" nicename="bench"><![CDATA[bench]]></category>
\t\t<wp:postmeta>
\t\t\t<wp:meta_key><![CDATA[_edit_last]]></wp:meta_key>
\t\t\t<wp:meta_value><![CDATA[1]]></wp:meta_value>
\t\t</wp:postmeta>
\t\t<wp:comment>
\t\t\t<wp:comment_id>{c1}</wp:comment_id>
\t\t\t<wp:comment_author><![CDATA[Reader {n}]]></wp:comment_author>
\t\t\t<wp:comment_author_email><![CDATA[reader{n}@example.org]]></wp:comment_author_email>
\t\t\t<wp:comment_author_url>http://reader{n}.example/</wp:comment_author_url>
\t\t\t<wp:comment_author_IP><![CDATA[192.0.2.1]]></wp:comment_author_IP>
\t\t\t<wp:comment_date><![CDATA[{y}-{m:02d}-02 10:00:00]]></wp:comment_date>
\t\t\t<wp:comment_date_gmt><![CDATA[{y}-{m:02d}-02 10:00:00]]></wp:comment_date_gmt>
\t\t\t<wp:comment_content><![CDATA[A comment on post {n}, with some words to make it realistic.]]></wp:comment_content>
\t\t\t<wp:comment_approved><![CDATA[1]]></wp:comment_approved>
\t\t\t<wp:comment_type><![CDATA[comment]]></wp:comment_type>
\t\t\t<wp:comment_parent>0</wp:comment_parent>
\t\t\t<wp:comment_user_id>0</wp:comment_user_id>
\t\t</wp:comment>
\t\t<wp:comment>
\t\t\t<wp:comment_id>{c2}</wp:comment_id>
\t\t\t<wp:comment_author><![CDATA[Linking Blog {n}]]></wp:comment_author>
\t\t\t<wp:comment_author_email><![CDATA[]]></wp:comment_author_email>
\t\t\t<wp:comment_author_url>http://linker{n}.example/post/</wp:comment_author_url>
\t\t\t<wp:comment_author_IP><![CDATA[198.51.100.1]]></wp:comment_author_IP>
\t\t\t<wp:comment_date><![CDATA[{y}-{m:02d}-03 10:00:00]]></wp:comment_date>
\t\t\t<wp:comment_date_gmt><![CDATA[{y}-{m:02d}-03 10:00:00]]></wp:comment_date_gmt>
\t\t\t<wp:comment_content><![CDATA[[&#8230;] linked to synthetic post {n} [&#8230;]]]></wp:comment_content>
\t\t\t<wp:comment_approved><![CDATA[1]]></wp:comment_approved>
\t\t\t<wp:comment_type><![CDATA[{ping}]]></wp:comment_type>
\t\t\t<wp:comment_parent>0</wp:comment_parent>
\t\t\t<wp:comment_user_id>0</wp:comment_user_id>
\t\t</wp:comment>
\t</item>
"""

EXTRA_COMMENT = """\t\t<wp:comment>
\t\t\t<wp:comment_id>{id}</wp:comment_id>
\t\t\t<wp:comment_author><![CDATA[Fan {k}]]></wp:comment_author>
\t\t\t<wp:comment_author_email><![CDATA[fan{k}@example.org]]></wp:comment_author_email>
\t\t\t<wp:comment_date><![CDATA[{y}-{m:02d}-04 10:00:00]]></wp:comment_date>
\t\t\t<wp:comment_date_gmt><![CDATA[{y}-{m:02d}-04 10:00:00]]></wp:comment_date_gmt>
\t\t\t<wp:comment_content><![CDATA[Comment {k} on post {n}, one of many.]]></wp:comment_content>
\t\t\t<wp:comment_approved><![CDATA[1]]></wp:comment_approved>
\t\t\t<wp:comment_parent>0</wp:comment_parent>
\t\t</wp:comment>
"""

FOOTER = "</channel>\n</rss>\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--post-kb", type=float, help="body size of each post in KB (default: 16 paragraphs, about 4)")
    parser.add_argument("--popular-comments", type=int, default=0, help="more comments on every 50th post (default 0)")
    parser.add_argument("size", type=float, metavar="SIZE_MB")
    parser.add_argument("output", metavar="OUTPUT.xml")
    arguments = parser.parse_args()
    target = int(arguments.size * 1024 * 1024)
    paragraphs = 16 if arguments.post_kb is None else max(1, round(arguments.post_kb * 1024 / len(PARAGRAPH.encode())))
    body = PARAGRAPH * paragraphs
    with open(arguments.output, "w", encoding="utf-8", newline="\n", buffering=1 << 20) as out:
        out.write(HEADER)
        written = len(HEADER.encode())
        n = 1
        while written < target:
            item = ITEM.format(n=n, y=2000 + n % 25, m=1 + n % 12, body=body, c1=2 * n, c2=2 * n + 1,
                               ping="trackback" if n % 2 else "pingback")
            if arguments.popular_comments and n % 50 == 0:
                y, m = 2000 + n % 25, 1 + n % 12
                extra = "".join(EXTRA_COMMENT.format(id=10_000_000 + n * 10_000 + k, k=k, n=n, y=y, m=m)
                                for k in range(1, arguments.popular_comments + 1))
                item = item.replace("\t</item>\n", extra + "\t</item>\n")
            out.write(item)
            written += len(item.encode())
            n += 1
        out.write(FOOTER)
    print(f"{arguments.output}: {n - 1} items, {written + len(FOOTER)} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
