import Testing
import TrackwayXML

/// Resolving hrefs found on pages, as RFC 3986 and browsers do.
@Suite struct URIResolverTests {
    @Test("resolves RFC 3986's normal examples against its base", arguments: [
        ("g", "http://a/b/c/g"), ("./g", "http://a/b/c/g"), ("g/", "http://a/b/c/g/"), ("/g", "http://a/g"),
        ("//g", "http://g"), ("?y", "http://a/b/c/d;p?y"), ("g?y", "http://a/b/c/g?y"), ("#s", "http://a/b/c/d;p?q#s"),
        ("g#s", "http://a/b/c/g#s"), ("..", "http://a/b/"), ("../g", "http://a/b/g"), ("../..", "http://a/"),
        ("../../g", "http://a/g"), ("", "http://a/b/c/d;p?q"), ("g:h", "g:h"),
    ])
    func rfc3986Examples(reference: String, resolved: String) {
        #expect(URIResolver.resolve(reference, against: "http://a/b/c/d;p?q") == resolved)
    }

    @Test("percent-encodes non-ASCII characters and spaces as UTF-8, as browsers do, in the reference and the base")
    func nonASCII() {
        #expect(URIResolver.resolve("/café au lait", against: "http://a.example/") == "http://a.example/caf%C3%A9%20au%20lait")
        #expect(URIResolver.resolve("x", against: "http://a.example/東京/") == "http://a.example/%E6%9D%B1%E4%BA%AC/x")
    }

    @Test("trims the whitespace around an href before resolving it")
    func trimsWhitespace() {
        #expect(URIResolver.resolve("\n\t /post/ \r\n", against: "http://a.example/x") == "http://a.example/post/")
    }
}
