"""What an import of a Movable Type backup should report, counted from the XML alone.

Used by the tests as an oracle independent of Trackway's reader: Python's ElementTree reads the
backup (one document, or the parts a .manifest lists) and applies MT's rules as
../shared/reference/movabletype-and-specs.md section 3 states them:

- entry status 1..6 -> draft, publish, pending, future, trash (junk), draft (unpublished);
- a comment or ping is spam when junk_status is -1, else approved when visible is 1, else pending;
- a tbping reaches its entry through trackback.tb_id -> trackback.entry_id; pings to a
  category's target are not kept (Trackway keeps pings on posts);
- elements outside the whitelist are skipped and counted by name.

Prints one JSON object. Usage: python3 mt_backup_counts.py BACKUP.xml|BACKUP.manifest
"""
import json
import os
import sys
import xml.etree.ElementTree as ET

NS = "{http://www.sixapart.com/ns/movabletype}"
KEPT = {"website", "blog", "author", "category", "folder", "entry", "page", "placement", "tag", "objecttag",
        "trackback", "tbping", "comment", "asset", "image", "audio", "video", "file", "fileinfo"}
STATUS = {"1": "draft", "2": "publish", "3": "pending", "4": "future", "5": "trash", "6": "draft"}


def documents(path):
    root = ET.parse(path).getroot()
    if root.tag == NS + "manifest":
        directory = os.path.dirname(path)
        for entry in root.iter(NS + "file"):
            if entry.get("type") == "backup":
                yield ET.parse(os.path.join(directory, entry.get("name"))).getroot()
    else:
        yield root


def state(element):
    if element.get("junk_status", "1").strip() == "-1":
        return "spam"
    return "approved" if element.get("visible") == "1" else "pending"


def main(path):
    objects = [child for root in documents(path) for child in root]
    by_name = lambda name: [o for o in objects if o.tag == NS + name]
    entries = {o.get("id"): o for o in by_name("entry") + by_name("page")}
    trackbacks = {o.get("id"): o for o in by_name("trackback")}
    counts = {
        "sites": len(by_name("website")) + len(by_name("blog")),
        "posts": len(by_name("entry")),
        "pages": len(by_name("page")),
        "attachments": sum(len(by_name(n)) for n in ("asset", "image", "audio", "video", "file")),
        "ping_targets": len(trackbacks),
        "post_statuses": {},
        "comments": {},
        "trackbacks": {},
        "category_pings": 0,
        "skipped_elements": {},
        # An author is declared on each blog whose entries name them.
        "authors": len({(o.get("blog_id"), o.get("author_id")) for o in entries.values() if o.get("author_id")}),
        "threaded_comments": sum(1 for o in by_name("comment") if o.get("parent_id", "0") != "0"),
    }
    for o in entries.values():
        status = STATUS[o.get("status")]
        counts["post_statuses"][status] = counts["post_statuses"].get(status, 0) + 1
    for o in by_name("comment"):
        counts["comments"][state(o)] = counts["comments"].get(state(o), 0) + 1
    for o in by_name("tbping"):
        target = trackbacks[o.get("tb_id")]
        if target.get("entry_id", "0") == "0":
            counts["category_pings"] += 1
        else:
            counts["trackbacks"][state(o)] = counts["trackbacks"].get(state(o), 0) + 1
    for o in objects:
        name = o.tag[len(NS):]
        if name not in KEPT:
            counts["skipped_elements"][name] = counts["skipped_elements"].get(name, 0) + 1
    print(json.dumps(counts, sort_keys=True))


if __name__ == "__main__":
    main(sys.argv[1])
