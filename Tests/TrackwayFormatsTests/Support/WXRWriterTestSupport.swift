import Foundation
import TrackwayCore
import TrackwayFormats
import TrackwayTesting

/// Helpers for the WXR writer tests: fixtures, running the writer into memory, and reading its
/// output back with tools other than Trackway's own (python3's ElementTree, xmllint).
enum WXRWriterTestSupport {
    static let peerBlog = URL(fileURLWithPath: Fixture.peerBlog)

    /// The peer blog's export time (its channel `pubDate`, Tue, 24 Nov 2026 16:21:38 +0000).
    static let peerBlogExportTime = Date(timeIntervalSince1970: 1_795_537_298)

    /// Output collected from a writer's sink.
    final class Output {
        var bytes: [UInt8] = []
        var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    /// Writes a whole export into memory.
    static func export(
        site: Site, authors: [Author] = [], terms: [Term] = [], posts: [Post],
        exportedAt: Date = peerBlogExportTime
    ) throws -> Output {
        let output = Output()
        let writer = try WXRWriter { output.bytes.append(contentsOf: $0) }
        try writer.writeHeader(site: site, authors: authors, terms: terms, exportedAt: exportedAt)
        for post in posts {
            try writer.write(post: post)
        }
        try writer.finish()
        return output
    }

    /// xmllint's verdict on `bytes`: nil when well-formed, else its complaint.
    static func xmllintComplaint(_ bytes: [UInt8]) throws -> String? {
        let result = try ChildProcess.tool("xmllint", ["--noout", "-"], input: Data(bytes))
        return result.status == 0 ? nil : result.stderr
    }

    /// Runs a python3 script with `arguments`, the document on stdin; decodes its JSON output.
    static func python<T: Decodable>(_ script: String, _ arguments: [String] = [], input: [UInt8] = [], as type: T.Type) throws -> T {
        let result = try ChildProcess.tool("python3", ["-c", script] + arguments, input: Data(input))
        guard result.status == 0 else {
            throw ScriptFailure(message: result.stderr)
        }
        return try JSONDecoder().decode(T.self, from: result.output)
    }

    struct ScriptFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// The document read back by ElementTree, element names with WordPress's prefixes.
    struct Document: Decodable {
        var channel: [String: String]
        var channelOrder: [String]
        var items: [Item]
    }

    struct Item: Decodable {
        /// Leaf children by name (the first of each name), text with CDATA sections joined.
        var fields: [String: String]
        var attributes: [String: [String: String]]
        var order: [String]
        var categories: [[String]]
        var postmeta: [[String]]
        var comments: [CommentFields]
    }

    struct CommentFields: Decodable {
        var fields: [String: String]
        var meta: [[String]]
    }

    /// Reads the document on stdin as `Document`.
    static func read(_ output: Output) throws -> Document {
        try python(readScript, input: output.bytes, as: Document.self)
    }

    private static let prefixes = """
    NS = {'http://wordpress.org/export/1.2/': 'wp:', 'http://wordpress.org/export/1.2/excerpt/': 'excerpt:',
          'http://purl.org/rss/1.0/modules/content/': 'content:', 'http://purl.org/dc/elements/1.1/': 'dc:',
          'http://wellformedweb.org/CommentAPI/': 'wfw:'}
    def name(tag):
        if tag.startswith('{'):
            uri, local = tag[1:].split('}')
            return NS.get(uri, '{' + uri + '}') + local
        return tag
    """

    private static let readScript = """
    import sys, json, xml.etree.ElementTree as ET
    \(prefixes)
    root = ET.fromstring(sys.stdin.buffer.read())
    channel = root.find('channel')
    def leaves(e):
        out = {}
        for c in e:
            if len(c) == 0 and name(c.tag) not in out:
                out[name(c.tag)] = c.text or ''
        return out
    def pairs(e, tag):
        return [[c.find('wp:meta_key', {'wp': 'http://wordpress.org/export/1.2/'}).text or '',
                 c.find('wp:meta_value', {'wp': 'http://wordpress.org/export/1.2/'}).text or ''] for c in e if name(c.tag) == tag]
    items = []
    for it in channel.findall('item'):
        items.append({
            'fields': leaves(it),
            'attributes': {name(c.tag): dict(c.attrib) for c in it if c.attrib and name(c.tag) != 'category'},
            'order': [name(c.tag) for c in it],
            'categories': [[c.get('domain'), c.get('nicename'), c.text or ''] for c in it if c.tag == 'category'],
            'postmeta': pairs(it, 'wp:postmeta'),
            'comments': [{'fields': leaves(c), 'meta': pairs(c, 'wp:commentmeta')} for c in it if name(c.tag) == 'wp:comment'],
        })
    print(json.dumps({'channel': leaves(channel), 'channelOrder': [name(c.tag) for c in channel if c.tag != 'item'], 'items': items}))
    """

    /// Compares an item of `expectedFile` (by `wp:post_id`) with the same item of the document
    /// on stdin, element by element: names, attributes and text, in order. Prints the
    /// differences as a JSON list of strings.
    static let compareItemScript = """
    import sys, json, xml.etree.ElementTree as ET
    \(prefixes)
    def canon(e):
        if len(e):
            return [name(e.tag), sorted(e.attrib.items()), [canon(c) for c in e]]
        return [name(e.tag), sorted(e.attrib.items()), e.text or '']
    def item(root, post_id):
        for it in root.find('channel').findall('item'):
            if it.find('{http://wordpress.org/export/1.2/}post_id').text == post_id:
                return it
    def diff(a, b, path, out):
        if a[0] != b[0] or a[1] != b[1] or type(a[2]) != type(b[2]):
            out.append(path + ': expected ' + json.dumps(a[:2]) + ', got ' + json.dumps(b[:2])); return
        if isinstance(a[2], str):
            if a[2] != b[2]: out.append(path + '/' + a[0] + ': expected ' + json.dumps(a[2]) + ', got ' + json.dumps(b[2]))
            return
        for i in range(max(len(a[2]), len(b[2]))):
            if i >= len(a[2]) or i >= len(b[2]):
                out.append(path + '/' + a[0] + ': child counts ' + str(len(a[2])) + ' and ' + str(len(b[2]))); return
            diff(a[2][i], b[2][i], path + '/' + a[0] + '[' + str(i) + ']', out)
    expected = ET.parse(sys.argv[1]).getroot()
    actual = ET.fromstring(sys.stdin.buffer.read())
    out = []
    for post_id in sys.argv[2:]:
        e, a = item(expected, post_id), item(actual, post_id)
        if e is None or a is None:
            out.append('post ' + post_id + ' missing'); continue
        diff(canon(e), canon(a), 'post ' + post_id, out)
    print(json.dumps(out))
    """

    /// Reads `peer-blog.xml` into the JSON shape of Trackway's domain values (a stand-in for the
    /// WXR reader, written with ElementTree): `{site, authors, terms, posts}`. Categories and tags
    /// repeated as `wp:term` collapse to one term, as Trackway identifies terms.
    static let peerBlogValuesScript = """
    import sys, json, xml.etree.ElementTree as ET
    W = '{http://wordpress.org/export/1.2/}'
    root = ET.parse(sys.argv[1]).getroot()
    ch = root.find('channel')
    def t(e, tag):
        c = e.find(tag)
        return '' if c is None or c.text is None else c.text
    def meta(e, tag):
        return [{'key': t(m, W + 'meta_key'), 'value': t(m, W + 'meta_value')} for m in e.findall(W + tag)]
    site = {'sourceKey': t(ch, W + 'base_blog_url'), 'format': 'wxr', 'title': t(ch, 'title'), 'link': t(ch, 'link'),
            'description': t(ch, 'description'), 'language': t(ch, 'language'), 'baseSiteURL': t(ch, W + 'base_site_url'),
            'baseBlogURL': t(ch, W + 'base_blog_url'), 'wxrVersion': t(ch, W + 'wxr_version'), 'generator': t(ch, 'generator'),
            'pubDate': t(ch, 'pubDate'), 'timeZone': 'UTC', 'unknownElements': []}
    authors = [{'sourceID': int(t(a, W + 'author_id')), 'login': t(a, W + 'author_login'), 'email': t(a, W + 'author_email'),
                'displayName': t(a, W + 'author_display_name'), 'firstName': t(a, W + 'author_first_name'),
                'lastName': t(a, W + 'author_last_name')} for a in ch.findall(W + 'author')]
    terms, seen = [], set()
    def add(tax, e, slug, parent, name, desc):
        if (tax, slug) in seen: return
        seen.add((tax, slug))
        terms.append({'sourceID': int(t(e, W + 'term_id')), 'taxonomy': tax, 'slug': slug, 'name': name,
                      'parentSlug': parent, 'description': desc, 'meta': meta(e, 'termmeta')})
    for c in ch.findall(W + 'category'):
        add('category', c, t(c, W + 'category_nicename'), t(c, W + 'category_parent'), t(c, W + 'cat_name'), t(c, W + 'category_description'))
    for c in ch.findall(W + 'tag'):
        add('post_tag', c, t(c, W + 'tag_slug'), '', t(c, W + 'tag_name'), t(c, W + 'tag_description'))
    for c in ch.findall(W + 'term'):
        add(t(c, W + 'term_taxonomy'), c, t(c, W + 'term_slug'), t(c, W + 'term_parent'), t(c, W + 'term_name'), t(c, W + 'term_description'))
    posts = []
    for it in ch.findall('item'):
        comments = []
        for c in it.findall(W + 'comment'):
            comments.append({'sourceID': t(c, W + 'comment_id'), 'commentType': t(c, W + 'comment_type'),
                'author': t(c, W + 'comment_author'), 'authorEmail': t(c, W + 'comment_author_email'),
                'authorURL': t(c, W + 'comment_author_url'), 'authorIP': t(c, W + 'comment_author_IP'),
                'date': t(c, W + 'comment_date'), 'dateGMT': t(c, W + 'comment_date_gmt'), 'content': t(c, W + 'comment_content'),
                'approved': t(c, W + 'comment_approved'), 'parentSourceID': t(c, W + 'comment_parent'),
                'userID': int(t(c, W + 'comment_user_id')), 'meta': meta(c, 'commentmeta'), 'sourceTitle': '', 'blogName': ''})
        guid = it.find('guid')
        posts.append({'sourceID': t(it, W + 'post_id'), 'postType': t(it, W + 'post_type'), 'status': t(it, W + 'status'),
            'title': t(it, 'title'), 'link': t(it, 'link'), 'pubDate': t(it, 'pubDate'), 'creator': t(it, '{http://purl.org/dc/elements/1.1/}creator'),
            'guid': guid.text or '', 'guidIsPermaLink': guid.get('isPermaLink') == 'true', 'description': t(it, 'description'),
            'content': t(it, '{http://purl.org/rss/1.0/modules/content/}encoded'),
            'excerpt': t(it, '{http://wordpress.org/export/1.2/excerpt/}encoded'),
            'postDate': t(it, W + 'post_date'), 'postDateGMT': t(it, W + 'post_date_gmt'),
            'modified': t(it, W + 'post_modified'), 'modifiedGMT': t(it, W + 'post_modified_gmt'),
            'commentStatus': t(it, W + 'comment_status'), 'pingStatus': t(it, W + 'ping_status'), 'slug': t(it, W + 'post_name'),
            'parentSourceID': t(it, W + 'post_parent'), 'menuOrder': int(t(it, W + 'menu_order')), 'password': t(it, W + 'post_password'),
            'isSticky': t(it, W + 'is_sticky') == '1', 'attachmentURL': t(it, W + 'attachment_url'),
            'terms': [{'taxonomy': c.get('domain'), 'slug': c.get('nicename'), 'name': c.text or ''} for c in it.findall('category')],
            'meta': meta(it, 'postmeta'), 'comments': comments, 'unknownElements': [], 'sourceFields': [], 'legacyURLs': [],
            'replacedCharacters': 0})
    print(json.dumps({'site': site, 'authors': authors, 'terms': terms, 'posts': posts}))
    """

    /// The peer blog's values as read by `peerBlogValuesScript`.
    struct PeerBlogValues: Decodable {
        var site: Site
        var authors: [Author]
        var terms: [Term]
        var posts: [Post]
    }

    /// Compares two whole documents element by element (channel children, then every item),
    /// leaving out of the expected side the `wp:term` repeats of categories and tags.
    static let compareDocumentsScript = """
    import sys, json, xml.etree.ElementTree as ET
    \(prefixes)
    W = '{http://wordpress.org/export/1.2/}'
    def canon(e):
        if len(e):
            return [name(e.tag), sorted(e.attrib.items()), [canon(c) for c in e]]
        return [name(e.tag), sorted(e.attrib.items()), e.text or '']
    def diff(a, b, path, out):
        if a[0] != b[0] or a[1] != b[1] or type(a[2]) != type(b[2]):
            out.append(path + ': expected ' + json.dumps(a[:2]) + ', got ' + json.dumps(b[:2])); return
        if isinstance(a[2], str):
            if a[2] != b[2]: out.append(path + '/' + a[0] + ': expected ' + json.dumps(a[2]) + ', got ' + json.dumps(b[2]))
            return
        for i in range(max(len(a[2]), len(b[2]))):
            if i >= len(a[2]) or i >= len(b[2]):
                out.append(path + '/' + a[0] + ': child counts ' + str(len(a[2])) + ' and ' + str(len(b[2]))); return
            diff(a[2][i], b[2][i], path + '/' + a[0] + '[' + str(i) + ']', out)
    expected = ET.parse(sys.argv[1]).getroot()
    actual = ET.fromstring(sys.stdin.buffer.read())
    builtin = set()
    ech = expected.find('channel')
    for c in ech.findall(W + 'category'): builtin.add(('category', c.find(W + 'category_nicename').text))
    for c in ech.findall(W + 'tag'): builtin.add(('post_tag', c.find(W + 'tag_slug').text))
    for c in list(ech.findall(W + 'term')):
        if (c.find(W + 'term_taxonomy').text, c.find(W + 'term_slug').text) in builtin:
            ech.remove(c)
    out = []
    diff(canon(expected), canon(actual), '', out)
    print(json.dumps(out[:40]))
    """
}
