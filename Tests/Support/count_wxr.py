#!/usr/bin/env python3
"""Counts what a WXR file holds, independently of Trackway (Python's ElementTree), for tests.

Prints one JSON object with the same keys as `trackway stats --json`. Namespaces are matched by
URI (any wordpress.org/export/N.N/ version, http or https), terms are distinct (taxonomy, slug)
pairs, declared at channel level or referenced by items.
"""
import json
import re
import sys
import xml.etree.ElementTree as ET

WP = re.compile(r"^\{https?://wordpress\.org/export/\d+\.\d+/\}(.*)$")


def wp(tag):
    match = WP.match(tag)
    return match.group(1) if match else None


def main(path):
    root = ET.parse(path).getroot()
    channel = root.find("channel")
    counts = dict(sites=1, authors=0, terms=0, posts=0, pages=0, attachments=0, other_items=0,
                  comments=0, trackbacks=0, pingbacks=0)
    terms = set()
    logins = set()
    creators = set()
    for child in channel:
        name = wp(child.tag)
        fields = {wp(c.tag): (c.text or "") for c in child}
        if name == "author":
            logins.add(fields.get("author_login", ""))
        elif name == "category":
            terms.add(("category", fields.get("category_nicename", "")))
        elif name == "tag":
            terms.add(("post_tag", fields.get("tag_slug", "")))
        elif name == "term":
            terms.add((fields.get("term_taxonomy", ""), fields.get("term_slug", "")))
        elif child.tag == "item":
            post_type = "post"
            for c in child:
                if wp(c.tag) == "post_type":
                    post_type = c.text or ""
                elif c.tag == "{http://purl.org/dc/elements/1.1/}creator" and c.text:
                    creators.add(c.text)
                elif c.tag == "category" and c.get("nicename") is not None and c.get("domain") is not None:
                    domain = c.get("domain")
                    terms.add(("post_tag" if domain == "tag" else domain, c.get("nicename")))
                elif wp(c.tag) == "comment":
                    kind = next((x.text or "" for x in c if wp(x.tag) == "comment_type"), "")
                    if kind in ("", "comment"):
                        counts["comments"] += 1
                    elif kind == "trackback":
                        counts["trackbacks"] += 1
                    elif kind == "pingback":
                        counts["pingbacks"] += 1
            key = {"post": "posts", "page": "pages", "attachment": "attachments"}.get(post_type, "other_items")
            counts[key] += 1
    counts["authors"] = len(logins | creators) if logins else len(creators)
    counts["terms"] = len(terms)
    print(json.dumps(counts))


if __name__ == "__main__":
    main(sys.argv[1])
