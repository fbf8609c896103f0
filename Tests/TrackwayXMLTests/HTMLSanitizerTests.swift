import Foundation
import Testing
import TrackwayTesting
import TrackwayXML

/// The two sanitizer policies over the shared XSS corpus, checked by a real HTML5 parser
/// (html5lib, through `HTMLSafety`), and the markup each policy must keep.
@Suite struct HTMLSanitizerTests {
    @Test("no string of the XSS corpus, as a comment, leaves a script, handler, scripting URL or foreign iframe in a page")
    func commentCorpusIsSafe() throws {
        try expectSafe(try HTMLSafety.corpus().map(HTMLSanitizer.comment))
    }

    @Test("no string of the XSS corpus, as post content, leaves a script, handler, scripting URL or foreign iframe in a page")
    func postCorpusIsSafe() throws {
        try expectSafe(try HTMLSafety.corpus().map(HTMLSanitizer.postContent))
    }

    @Test("the corpus would be found unsafe unsanitized, so the checks above can fail")
    func corpusIsHostile() throws {
        let corpus = try HTMLSafety.corpus()
        #expect(try HTMLSafety.check(html: HTMLSafety.page(body: corpus.joined(separator: "\n"))).count > 40)
        for hostile in ["<img src=x onerror=alert(1)>", "<a href=\"jav&#x61;script:alert(1)\">x</a>", "<svg><script>alert(1)</script></svg>",
                        "<iframe src=\"https://evil.example/\"></iframe>", "<!--><script>alert(1)</script>-->"] {
            #expect(try HTMLSafety.check(html: HTMLSafety.page(body: hostile)).count == 1, "\(hostile)")
        }
    }

    @Test("a stranger's text never closes a textarea, title, style or script it is shown in")
    func commentsCannotBreakOut() throws {
        for hostile in try HTMLSafety.corpus() {
            let safe = HTMLSanitizer.comment(hostile).lowercased()
            for end in ["</textarea", "</title", "</style", "</script", "<!--", "-->"] {
                #expect(!safe.contains(end), "\(hostile) -> \(safe)")
            }
        }
    }

    @Test("sanitizing what was sanitized changes nothing, under either policy")
    func sanitizedIsStable() throws {
        for hostile in try HTMLSafety.corpus() {
            let comment = HTMLSanitizer.comment(hostile)
            #expect(HTMLSanitizer.comment(comment) == comment, "\(hostile)")
            let post = HTMLSanitizer.postContent(hostile)
            #expect(HTMLSanitizer.postContent(post) == post, "\(hostile)")
        }
    }

    @Test("a comment keeps WordPress's allowed tags and attributes, and every link gains rel=\"nofollow ugc\"")
    func commentKeepsAllowedMarkup() {
        #expect(HTMLSanitizer.comment("<a href=\"http://x.example/\" title=\"T\">x</a>") == "<a href=\"http://x.example/\" title=\"T\" rel=\"nofollow ugc\">x</a>")
        #expect(HTMLSanitizer.comment("<a href=\"https://x.example/?a=1&amp;b=2\" rel=\"me\" target=\"_top\">x</a>")
            == "<a href=\"https://x.example/?a=1&amp;b=2\" rel=\"nofollow ugc\">x</a>")
        #expect(HTMLSanitizer.comment("<blockquote cite=\"http://x.example/q\">quoted</blockquote>") == "<blockquote cite=\"http://x.example/q\">quoted</blockquote>")
        let inline = "<abbr title=\"a\">A</abbr> <acronym title=\"b\">B</acronym> <b>b</b> <cite>c</cite> <code>d</code> <del datetime=\"2008-01-01\">e</del> "
            + "<em>f</em> <i>g</i> <q cite=\"/q\">h</q> <s>i</s> <strike>j</strike> <strong>k</strong>"
        #expect(HTMLSanitizer.comment(inline) == inline)
        #expect(HTMLSanitizer.comment("<a href=\"mailto:me@x.example\">m</a> <a href=\"/2008/01/hello/#c1\">r</a>")
            == "<a href=\"mailto:me@x.example\" rel=\"nofollow ugc\">m</a> <a href=\"/2008/01/hello/#c1\" rel=\"nofollow ugc\">r</a>")
    }

    @Test("a comment shows any other element as the text its writer typed, and drops refused attributes and URLs")
    func commentEscapesTheRest() {
        #expect(HTMLSanitizer.comment("I <blink>love</blink> <p class=\"x\">this</p>") == "I &lt;blink&gt;love&lt;/blink&gt; &lt;p class=\"x\"&gt;this&lt;/p&gt;")
        #expect(HTMLSanitizer.comment("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;")
        #expect(HTMLSanitizer.comment("<img src=x onerror=alert(1)>") == "&lt;img src=\"x\" onerror=\"alert(1)\"&gt;")
        #expect(HTMLSanitizer.comment("<b onclick=\"go()\" style=\"x\">b</b>") == "<b>b</b>")
        for url in ["javascript:alert(1)", "jav&#x61;script:alert(1)", "java\tscript:alert(1)", " JaVaScRiPt:alert(1)", "data:text/html,x", "vbscript:x", "ftp://x.example/"] {
            #expect(HTMLSanitizer.comment("<a href=\"\(url)\">x</a>") == "<a rel=\"nofollow ugc\">x</a>", "\(url)")
        }
        #expect(HTMLSanitizer.comment("<q cite=\"javascript:alert(1)\">q</q>") == "<q>q</q>")
    }

    @Test("a comment's text keeps its characters: references decoded once and escaped again, plain text handed back as it is")
    func commentText() {
        #expect(HTMLSanitizer.comment("AT&amp;T&#8217;s &lt;b&gt; & <b>bold</b>") == "AT&amp;T\u{2019}s &lt;b&gt; &amp; <b>bold</b>")
        let plain = "Nice post, thanks!\nSecond line \"quoted\""
        #expect(HTMLSanitizer.comment(plain) == plain)
        #expect(HTMLSanitizer.comment("1 < 2 and 3 > 2") == "1 &lt; 2 and 3 &gt; 2")
        #expect(HTMLSanitizer.comment("a <!-- hidden --> b") == "a  b")
        // NUL characters are dropped before parsing: they neither cut a value nor split a scheme.
        #expect(HTMLSanitizer.comment("<a href=\"java\0script:alert(1)\">x</a>\0 y") == "<a rel=\"nofollow ugc\">x</a> y")
        #expect(HTMLSanitizer.postContent("\0<p>a\0b</p>") == "<p>ab</p>")
    }

    @Test("post content keeps the owner's markup: paragraphs, images, tables, forms, SVG, pre, styles and allowed embeds")
    func postKeepsMarkup() {
        #expect(HTMLSanitizer.postContent("<p><img src=\"https://x.example/a.png\" alt=\"A\" width=\"10\"></p>") == "<p><img src=\"https://x.example/a.png\" alt=\"A\" width=\"10\" /></p>")
        let youtube = "<iframe width=\"560\" height=\"315\" src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\" frameborder=\"0\" allowfullscreen></iframe>"
        #expect(HTMLSanitizer.postContent(youtube) == youtube)
        let kept = "<h2 id=\"a\">T</h2><table class=\"t\"><tbody><tr><td colspan=\"2\">c</td></tr></tbody></table><pre>\n  code &lt;x&gt;\n</pre>"
            + "<div style=\"text-align: center\"><a href=\"https://x.example/\" target=\"_blank\" rel=\"noopener\">x</a></div>"
            + "<svg width=\"10\" height=\"10\"><circle cx=\"5\" cy=\"5\" r=\"4\"></circle></svg><style>.a > p { color: red }</style>"
            + "<form action=\"/search\"><input name=\"s\" /></form>"
        #expect(HTMLSanitizer.postContent(kept) == kept)
        #expect(HTMLSanitizer.postContent("<p>a</p>\n\n<p>b<br />c</p>") == "<p>a</p>\n\n<p>b<br />c</p>")
    }

    @Test("post content loses scripts, handlers, scripting URLs, plugins, head elements, old CSS vectors and foreign iframes")
    func postLosesScript() {
        #expect(HTMLSanitizer.postContent("<p onclick=\"go()\">Hi<script>go()</script></p>") == "<p>Hi</p>")
        #expect(HTMLSanitizer.postContent("<a href=\"jav&#x61;script:go()\" title=\"t\">x</a>") == "<a title=\"t\">x</a>")
        #expect(HTMLSanitizer.postContent("<img src=\"data:image/png;base64,AA\" srcset=\"a.png 1x, javascript:go() 2x\">") == "<img />")
        #expect(HTMLSanitizer.postContent("<form action=\"javascript:go()\"><button formaction=\"vbscript:x\">b</button></form>") == "<form><button>b</button></form>")
        #expect(HTMLSanitizer.postContent("<object data=\"x.swf\"><embed src=\"x.swf\"></object><base href=\"/\"><meta charset=\"x\"><link rel=\"x\" href=\"y\">a") == "a")
        #expect(HTMLSanitizer.postContent("<iframe src=\"https://evil.example/embed/\"></iframe><iframe src=\"https://www.youtube.com@evil.example/embed/x\"></iframe>b") == "b")
        #expect(HTMLSanitizer.postContent("<iframe src=\"https://player.vimeo.com/video/1\" srcdoc=\"&lt;script&gt;\" onload=\"go()\">fallback</iframe>")
            == "<iframe src=\"https://player.vimeo.com/video/1\"></iframe>")
        #expect(HTMLSanitizer.postContent("<div style=\"width: expression(go())\">a</div><div style=\"background:url(j\\61vascript:go())\">b</div>") == "<div>a</div><div>b</div>")
        #expect(HTMLSanitizer.postContent("<style>p{x:expression(go())}</style><style>p{}</style>") == "<style>p{}</style>")
        #expect(HTMLSanitizer.postContent("<svg onload=\"go()\"><a xlink:href=\"javascript:go()\">x</a><animate attributeName=\"href\" values=\"javascript:go()\"></animate></svg>")
            == "<svg><a>x</a></svg>")
        #expect(HTMLSanitizer.postContent("<noscript><img src=\"https://x.example/a.png\"></noscript>") == "<img src=\"https://x.example/a.png\" />")
    }

    @Test("html_safety.py reads a page served over HTTP as it reads one given on standard input")
    func checksServedPages() throws {
        let site = try TestSite()
        defer { site.stop() }
        let hostile = HTMLSafety.page(body: "<p onclick=\"go()\">x</p><a href=\"javascript:go()\">y</a>")
        let comment = HTMLSafety.page(body: HTMLSanitizer.comment("<p onclick=\"go()\">x</p><a href=\"javascript:go()\">y</a>"))
        try site.serve(["/hostile": .init(headers: [("Content-Type", "text/html; charset=utf-8")], body: hostile),
                        "/comment": .init(headers: [("Content-Type", "text/html; charset=utf-8")], body: comment)])
        #expect(try HTMLSafety.check(url: site.url("/hostile")) == HTMLSafety.check(html: hostile))
        #expect(try HTMLSafety.check(url: site.url("/hostile")).count == 2)
        #expect(try HTMLSafety.check(url: site.url("/comment")) == [])
        #expect(throws: HTMLSafetyFailed.self) { try HTMLSafety.check(url: site.url("/missing")) }
    }

    @Test("the iframe allow-list is the same in the sanitizer and in html_safety.py")
    func allowListsAgree() throws {
        #expect(try HTMLSafety.embedAllowList() == HTMLEmbedAllowList.prefixes)
    }

    /// Each sanitized string in a page of its own `div`, one html5lib run for all; on a finding,
    /// each string is checked alone to name the one that failed.
    private func expectSafe(_ sanitized: [String]) throws {
        let page = HTMLSafety.page(body: sanitized.map { "<div>\($0)</div>" }.joined(separator: "\n"))
        let findings = try HTMLSafety.check(html: page)
        guard !findings.isEmpty else { return }
        for (index, html) in sanitized.enumerated() {
            let alone = try HTMLSafety.check(html: HTMLSafety.page(body: html))
            #expect(alone.isEmpty, "corpus[\(index)] -> \(html): \(alone)")
        }
        Issue.record("findings in the page of the whole corpus: \(findings)")
    }
}
