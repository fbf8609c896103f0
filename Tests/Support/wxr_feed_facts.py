#!/usr/bin/env python3
"""What a WXR file's feeds must show, read independently of Trackway (Python's ElementTree).

Usage: wxr_feed_facts.py FILE...

Prints one JSON object: the public posts (post type `post`, status `publish`, as WordPress's
feeds list them), newest first by their GMT date, each with its plain title, old link, GMT date,
whether it is password-protected, its categories and tags (name and slug), and its approved
comments and pings (author, GMT date, type); later files add to the earlier ones' site.
"""
import html
import json
import re
import sys
import xml.etree.ElementTree as ET

WP = re.compile(r"^\{https?://wordpress\.org/export/\d+\.\d+/\}(.*)$")


def wp(element, name):
    for child in element:
        match = WP.match(child.tag)
        if match and match.group(1) == name:
            return child.text or ""
    return ""


def wp_children(element, name):
    return [child for child in element if (WP.match(child.tag) or [None, None])[1] == name]


def plain(text):
    return html.unescape(re.sub(r"<[^>]*>", "", text or "")).strip()


def main(paths):
    posts = []
    for path in paths:
        channel = ET.parse(path).getroot().find("channel")
        for item in channel.findall("item"):
            if wp(item, "post_type") != "post" or wp(item, "status") != "publish":
                continue
            comments = [
                {"author": plain(wp(c, "comment_author")), "date": wp(c, "comment_date_gmt"), "type": wp(c, "comment_type") or "comment"}
                for c in wp_children(item, "comment") if wp(c, "comment_approved") == "1"
            ]
            terms = [(c.get("domain"), c.get("nicename"), plain(c.text)) for c in item.findall("category")]
            posts.append({
                "title": plain(item.findtext("title")),
                "link": item.findtext("link"),
                "date": wp(item, "post_date_gmt"),
                "protected": wp(item, "post_password") != "",
                "categories": [{"slug": slug, "name": name} for domain, slug, name in terms if domain == "category"],
                "tags": [{"slug": slug, "name": name} for domain, slug, name in terms if domain == "post_tag"],
                "comments": comments,
            })
    posts.sort(key=lambda post: post["date"], reverse=True)
    print(json.dumps({"posts": posts}))


if __name__ == "__main__":
    main(sys.argv[1:])
