import Testing
@testable import TrackwayGateway

/// WordPress's `make_clickable` and the link count `check_comment()` takes from it.
@Suite struct WordPressClickableTests {
    @Test("bare URLs, www. and ftp. names and e-mail addresses become links; trailing punctuation stays outside")
    func makesLinks() {
        #expect(WordPressClickable.clickable("see http://example.com/a.")
            == "see <a href=\"http://example.com/a\" rel=\"nofollow ugc\">http://example.com/a</a>.")
        #expect(WordPressClickable.clickable("at www.example.com, now")
            == "at <a href=\"http://www.example.com\" rel=\"nofollow ugc\">http://www.example.com</a>, now")
        #expect(WordPressClickable.clickable("mail a.b@mail.example")
            == "mail <a href=\"mailto:a.b@mail.example\">a.b@mail.example</a>")
        #expect(WordPressClickable.clickable("(see http://example.com/wiki/A_(b))")
            == "(see <a href=\"http://example.com/wiki/A_(b)\" rel=\"nofollow ugc\">http://example.com/wiki/A_(b)</a>)")
    }

    @Test("no link for a scheme WordPress does not allow, inside tags, or inside code and pre")
    func leavesAlone() {
        #expect(WordPressClickable.clickable("run foo://x.example/ now") == "run foo://x.example/ now")
        #expect(WordPressClickable.clickable("<img alt=\"http://x.example/\"> <code>http://y.example/</code>")
            == "<img alt=\"http://x.example/\"> <code>http://y.example/</code>")
        #expect(WordPressClickable.clickable("<pre><b>www.z.example</b></pre>") == "<pre><b>www.z.example</b></pre>")
    }

    @Test("a link made inside a link is undone, so the pair counts once")
    func linkInLink() {
        let text = "<a href=\"http://a.example/\">http://a.example/</a>"
        #expect(WordPressClickable.clickable(text) == text)
        #expect(WordPressClickable.linkCount(in: text) == 1)
    }

    @Test("links are counted as `<a [^>]*href`, in any case, after make_clickable")
    func counts() {
        #expect(WordPressClickable.linkCount(in: "no links here, 3.5 of them") == 0)
        #expect(WordPressClickable.linkCount(in: "<A HREF=\"http://a.example/\">a</A> and http://b.example/") == 2)
        #expect(WordPressClickable.linkCount(in: "<a name=\"x\">anchor</a> <a\nhref=\"http://a.example/\">no space</a>") == 0)
        #expect(WordPressClickable.linkCount(in: "[&#8230;] words www.a.example and ftp.b.example [&#8230;]") == 2)
    }

    @Test("the byte scan's bound is never below the count, so max-links may skip make_clickable below the limit")
    func bound() {
        for text in ["plain", "<a href=\"x\">x</a> http://a.example/ www.b.example c@d.example", "<a name=y> http://z.example/", "a@b c@d", "ftp.x www."] {
            #expect(WordPressClickable.linkBound(in: text) >= WordPressClickable.linkCount(in: text), "\(text)")
        }
        #expect(WordPressClickable.linkBound(in: "one http://a.example/ only") == 1)
    }
}
