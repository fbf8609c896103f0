#!/usr/bin/env python3
"""Writes a synthetic Movable Type backup (MT 5/6 shape) of about SIZE megabytes, for import
benchmarks and the interrupted-import test.

Usage: make-mt-backup.py [--blogs N] [--comments N] SIZE_MB OUTPUT.xml

Like MT's Backup & Restore it writes class by class: a website and N blogs (server_offset 5.5),
authors with password and api_password columns, categories (a hierarchy) and folders, entries and
pages with ~4 KB of text, templates (skipped by the importer), fileinfo, placements, tags,
trackbacks (ping targets whose ids differ from the entries', plus category targets), tbpings and
threaded comments in MT's three states. Streamed: memory stays flat at any size.
"""
import argparse

PARAGRAPH = ("&lt;p&gt;Lorem ipsum dolor sit amet, consectetur adipiscing elit, café 東京, sed do eiusmod tempor "
             "incididunt ut labore et dolore magna aliqua &amp;amp; more. Ut enim ad minim veniam, quis nostrud "
             "exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat.&lt;/p&gt;\n")
CATEGORIES = 10
TAGS = 50
STATES = [("1", "1"), ("1", "1"), ("0", "1"), ("0", "-1")]  # (visible, junk_status): approved x2, pending, spam


def stamp(n):
    return f"20{10 + n % 10:02d}{1 + n % 12:02d}{1 + n % 28:02d}{n % 24:02d}{n % 60:02d}00"


def write(out, entries, blogs, comments):
    blog_ids = list(range(2, 2 + blogs))
    blog_of = lambda n: blog_ids[n % blogs]
    out.write("<?xml version='1.0'?>\n<movabletype xmlns='http://www.sixapart.com/ns/movabletype' "
              "backup_what='1' backup_by='bench(ID: 1)' schema_version='5.0036' backup_on='2020-01-01T00:00:00'>\n")
    out.write("<website id='1' class='website' name='Bench Website' site_url='http://bench.example/' "
              "server_offset='5.5' language='en-us'><description>Benchmark</description></website>\n")
    for b in blog_ids:
        out.write(f"<blog id='{b}' class='blog' parent_id='1' name='Bench Blog {b}' site_url='http://bench.example/b{b}/' "
                  f"server_offset='5.5' language='en-us'><description>Blog {b}</description><meta>U0VSRwAAAAAB</meta></blog>\n")
    for a in (1, 2, 3):
        out.write(f"<author id='{a}' name='author{a}' nickname='Author {a}' email='a{a}@bench.example' "
                  f"password='$6$salt{a}$hashhashhash{a}' api_password='api-secret-{a}' type='1' status='1'/>\n")
    category_id = lambda b, c: (b - 2) * (CATEGORIES + 2) + c + 1
    for b in blog_ids:
        for c in range(CATEGORIES):
            parent = category_id(b, 0) if c else 0
            out.write(f"<category id='{category_id(b, c)}' class='category' blog_id='{b}' label='Topic {b}-{c}' "
                      f"basename='topic_{c}' parent='{parent}' author_id='1'/>\n")
        for f in (CATEGORIES, CATEGORIES + 1):
            out.write(f"<folder id='{category_id(b, f)}' class='folder' blog_id='{b}' label='Folder {b}-{f}' "
                      f"basename='folder_{f}' parent='0' author_id='1'/>\n")
    body = PARAGRAPH * 14
    for n in range(1, entries + 1):
        kind = "page" if n % 40 == 0 else "entry"
        status = 1 if n % 17 == 0 else 3 if n % 23 == 0 else 2
        out.write(f"<{kind} id='{n}' class='{kind}' blog_id='{blog_of(n)}' author_id='{1 + n % 3}' status='{status}' "
                  f"allow_comments='1' allow_pings='{0 if n % 13 == 0 else 1}' basename='entry_{n}' title='Entry {n}' "
                  f"convert_breaks='richtext' authored_on='{stamp(n)}' created_on='{stamp(n)}'><text>{body}</text>"
                  f"<text_more>More {n}</text_more><keywords>bench, {n}</keywords></{kind}>\n")
    for t in range(1, 6):
        out.write(f"<template id='{t}' blog_id='2' name='Template {t}' type='index'><text>&lt;mt:Entries/&gt;</text></template>\n")
    for n in range(1, entries + 1):
        out.write(f"<fileinfo id='{n}' blog_id='{blog_of(n)}' entry_id='{n}' archive_type='Individual' "
                  f"url='/b{blog_of(n)}/{stamp(n)[:4]}/{stamp(n)[4:6]}/entry_{n}.html' file_path='/var/www/entry_{n}.html'/>\n")
    for t in range(1, TAGS + 1):
        out.write(f"<tag id='{t}' name='Tag {t}' n8d_id='0' is_private='0'/>\n")
    for n in range(1, entries + 1):
        folder = n % 40 == 0
        c = CATEGORIES + (n % 2) if folder else n % CATEGORIES
        out.write(f"<placement id='{n}' blog_id='{blog_of(n)}' entry_id='{n}' category_id='{category_id(blog_of(n), c)}' is_primary='1'/>\n")
    for n in range(1, entries + 1):
        for k in (0, 1):
            out.write(f"<objecttag id='{2 * n + k}' blog_id='{blog_of(n)}' object_id='{n}' object_datasource='entry' "
                      f"tag_id='{1 + (n + k * 7) % TAGS}'/>\n")
    # Category targets first, so every entry's target id is its entry id + the number of them.
    targets = blogs * CATEGORIES
    for b in blog_ids:
        for c in range(CATEGORIES):
            out.write(f"<trackback id='{(b - 2) * CATEGORIES + c + 1}' blog_id='{b}' category_id='{category_id(b, c)}' "
                      f"title='Topic {b}-{c}' is_disabled='0'/>\n")
    for n in range(1, entries + 1):
        out.write(f"<trackback id='{targets + n}' blog_id='{blog_of(n)}' entry_id='{n}' title='Entry {n}' "
                  f"url='http://bench.example/b{blog_of(n)}/entry_{n}.html' is_disabled='{1 if n % 29 == 0 else 0}'>"
                  f"<description>Entry {n}</description></trackback>\n")
    for n in range(1, entries + 1):
        if n % 3:
            continue
        visible, junk = STATES[n % 4]
        out.write(f"<tbping id='{n}' blog_id='{blog_of(n)}' tb_id='{targets + n}' title='Ping {n}' "
                  f"source_url='http://sender{n % 97}.example/post/{n}' ip='192.0.2.{n % 250}' blog_name='Sender {n % 97}' "
                  f"visible='{visible}' junk_status='{junk}' created_on='{stamp(n)}'><excerpt>Excerpt of ping {n}.</excerpt></tbping>\n")
    comment = 0
    for n in range(1, entries + 1):
        first = comment + 1
        for k in range(comments):
            comment += 1
            visible, junk = STATES[comment % 4]
            parent = first if k else 0
            out.write(f"<comment id='{comment}' blog_id='{blog_of(n)}' entry_id='{n}' author='Reader {comment % 500}' "
                      f"email='r{comment % 500}@example.org' ip='198.51.100.{comment % 250}' visible='{visible}' "
                      f"junk_status='{junk}' parent_id='{parent}' created_on='{stamp(n + k)}'>"
                      f"<text>Comment {comment}: lorem ipsum dolor sit amet, consectetur adipiscing elit.</text></comment>\n")
    out.write("</movabletype>\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", type=float, metavar="SIZE_MB")
    parser.add_argument("output")
    parser.add_argument("--blogs", type=int, default=2, help="blogs under the website (default 2)")
    parser.add_argument("--comments", type=int, default=3, help="comments per entry (default 3)")
    args = parser.parse_args()
    # About 3.9 KB of text, 0.5 KB of fields and rows and 0.25 KB a comment per entry.
    per_entry = 4400 + 250 * args.comments
    entries = max(1, int(args.size * 1e6 / per_entry))
    with open(args.output, "w", encoding="utf-8") as out:
        write(out, entries, max(1, args.blogs), args.comments)


if __name__ == "__main__":
    main()
