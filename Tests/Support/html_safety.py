"""Finds what could run script in an HTML document, as a browser would parse it.

Usage: html_safety.py [FILE | URL | -]       (no argument or '-' reads standard input)
       html_safety.py --allow-list           (prints the iframe embed prefixes it accepts)

The document is parsed by html5lib, an HTML5 parser that builds the tree browsers build
(foreign SVG and MathML content, raw-text elements, broken tags and comments as the standard
reads them). It prints, one per line, every script element, every on* attribute, every URL
attribute whose scheme is javascript, vbscript or data once normalised as browsers normalise
URLs, every srcdoc, every object, embed or applet, every meta refresh to such a URL, and every
iframe or frame whose src is not an embed player on the allow-list. It exits 1 when it printed
anything, 0 when the document is clean, 2 when it could not read it.
"""
import re
import sys
import urllib.request

import html5lib

# The same prefixes as Sources/TrackwayXML/Sanitizing/HTMLEmbedAllowList.swift (a Swift test
# compares the two lists).
ALLOWED_EMBEDS = [
    "https://www.youtube.com/embed/",
    "https://youtube.com/embed/",
    "https://www.youtube-nocookie.com/embed/",
    "https://youtube-nocookie.com/embed/",
    "https://player.vimeo.com/video/",
    "https://w.soundcloud.com/player/",
    "https://www.slideshare.net/slideshow/embed_code/",
    "https://open.spotify.com/embed/",
    "https://www.dailymotion.com/embed/",
]

DANGEROUS_SCHEMES = {"javascript", "vbscript", "data", "livescript", "mocha"}

URL_ATTRIBUTES = {
    "href", "src", "action", "formaction", "poster", "background", "cite", "data", "codebase", "classid",
    "archive", "longdesc", "lowsrc", "dynsrc", "usemap", "manifest", "profile", "icon", "ping", "itemtype",
}
URL_LIST_ATTRIBUTES = {"srcset", "imagesrcset"}
ANIMATION_ELEMENTS = {"animate", "set", "animatemotion", "animatetransform", "animatecolor"}
ANIMATION_VALUES = {"to", "from", "by", "values"}
PLUGIN_ELEMENTS = {"object", "embed", "applet"}

SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")


def local(name):
    """'{namespace}name' or 'prefix:name' as 'name', lowercased."""
    name = name.rsplit("}", 1)[-1]
    return name.rsplit(":", 1)[-1].lower()


def browser_url(value):
    """The URL a browser parses: C0 controls and spaces trimmed, tabs and newlines removed."""
    value = value.strip("".join(chr(c) for c in range(0x21)))
    return re.sub(r"[\t\n\r]", "", value)


def scheme(value):
    match = SCHEME.match(browser_url(value))
    return match.group(1).lower() if match else None


def is_dangerous(value):
    return scheme(value) in DANGEROUS_SCHEMES


def embed_allowed(src):
    url = browser_url(src or "")
    lowered = url.lower()
    if not url or "\\" in url or "/.." in url or "%2e" in lowered or any(ord(c) <= 0x20 for c in url):
        return False
    return any(lowered.startswith(prefix) and len(lowered) > len(prefix) for prefix in ALLOWED_EMBEDS)


def describe(element, name):
    attributes = " ".join(f'{local(k)}="{v}"' for k, v in element.attrib.items())
    text = f"<{name} {attributes}>" if attributes else f"<{name}>"
    return text if len(text) <= 200 else text[:197] + "..."


def findings(document):
    found = []
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue  # comments
        name = local(element.tag)
        if name == "script":
            found.append("script: " + describe(element, name) + (element.text or "")[:100])
        if name in PLUGIN_ELEMENTS:
            found.append("plugin: " + describe(element, name))
        if name in ("iframe", "frame") and not embed_allowed(element.get("src")):
            found.append("iframe: " + describe(element, name))
        for key, value in element.attrib.items():
            attribute = local(key)
            if attribute.startswith("on"):
                found.append(f"handler: {attribute} on " + describe(element, name))
            elif attribute == "srcdoc":
                found.append("srcdoc: " + describe(element, name))
            elif attribute in URL_ATTRIBUTES and is_dangerous(value):
                found.append(f"url: {attribute} on " + describe(element, name))
            elif attribute in URL_LIST_ATTRIBUTES and any(is_dangerous(c) for c in re.split(r"[\s,]+", value) if c):
                found.append(f"url: {attribute} on " + describe(element, name))
            elif name in ANIMATION_ELEMENTS and attribute in ANIMATION_VALUES and any(is_dangerous(v) for v in value.split(";")):
                found.append(f"url: {attribute} on " + describe(element, name))
        if name == "meta" and (element.get("http-equiv") or "").lower() == "refresh":
            target = re.sub(r"^[^;]*;\s*(url\s*=\s*)?", "", element.get("content") or "", flags=re.I).strip("'\" ")
            if is_dangerous(target):
                found.append("url: refresh on " + describe(element, name))
    return found


def read(argument):
    if argument in (None, "-"):
        return sys.stdin.buffer.read(), None
    if re.match(r"^https?://", argument):
        with urllib.request.urlopen(argument, timeout=30) as response:
            return response.read(), response.headers.get_content_charset()
    with open(argument, "rb") as file:
        return file.read(), None


def main(arguments):
    if arguments[:1] == ["--allow-list"]:
        print("\n".join(ALLOWED_EMBEDS))
        return 0
    try:
        data, charset = read(arguments[0] if arguments else None)
    except Exception as error:  # noqa: BLE001 - any read failure is reported the same way
        print(f"html_safety.py: cannot read {arguments[0] if arguments else 'stdin'}: {error}", file=sys.stderr)
        return 2
    document = html5lib.parse(data, treebuilder="etree", transport_encoding=charset, namespaceHTMLElements=True)
    found = findings(document)
    for line in found:
        print(line)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
