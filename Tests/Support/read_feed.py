#!/usr/bin/env python3
"""Fetches a feed as a feed reader does and prints what feedparser (a real reader's library) read.

Usage: read_feed.py URL [HOST] [HEADER: VALUE ...]
  HOST, when not empty, is sent as the Host header (the gateway picks the site by it).

Prints one JSON object: the HTTP status and validators, feedparser's bozo flag and its reason,
the feed's version, title and link, and every entry's fields. HTML fields (summary, content) are
given as served: feedparser's own sanitizing is off, so the tests see what a reader that renders
them without sanitizing would.
"""
import json
import sys
import urllib.error
import urllib.request

import feedparser


def main(url, host="", *headers):
    request = urllib.request.Request(url)
    if host:
        request.add_header("Host", host)
    for header in headers:
        name, _, value = header.partition(":")
        request.add_header(name.strip(), value.strip())
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            status, answer_headers, body = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, answer_headers, body = error.code, error.headers, error.read()
    result = {
        "status": status,
        "etag": answer_headers.get("ETag"),
        "last_modified": answer_headers.get("Last-Modified"),
        "content_type": answer_headers.get("Content-Type"),
        "length": len(body),
    }
    if status == 200:
        parsed = feedparser.parse(body, response_headers={"content-type": answer_headers.get("Content-Type", "")},
                                  sanitize_html=False, resolve_relative_uris=False)
        result.update({
            "bozo": parsed.bozo,
            "error": str(parsed.get("bozo_exception", "")),
            "version": parsed.version,
            "title": parsed.feed.get("title"),
            "link": parsed.feed.get("link"),
            "entries": [entry_fields(entry) for entry in parsed.entries],
        })
    print(json.dumps(result))


def entry_fields(entry):
    published = entry.get("published_parsed") or entry.get("updated_parsed")
    return {
        "title": entry.get("title"),
        "link": entry.get("link"),
        "id": entry.get("id"),
        "author": entry.get("author"),
        "published": "%04d-%02d-%02d %02d:%02d:%02d" % tuple(published[:6]) if published else None,
        "tags": [tag.term for tag in entry.get("tags", [])],
        "summary": entry.get("summary"),
        "content": [content.value for content in entry.get("content", [])],
        "comments": entry.get("comments"),
        "comment_count": entry.get("slash_comments") or entry.get("thr_total"),
        "comment_feed": entry.get("wfw_commentrss"),
    }


if __name__ == "__main__":
    main(*sys.argv[1:])
