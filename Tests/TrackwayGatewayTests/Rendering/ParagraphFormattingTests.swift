import Foundation
import Testing
import TrackwayTesting
@testable import TrackwayGateway

/// WordPress's `wpautop` and Movable Type's Convert Line Breaks, on cases derived from reading
/// each function step by step, and on the shared fixture exports' posts.
@Suite struct ParagraphFormattingTests {
    @Test("wpautop makes a paragraph of each blank-line-separated part and a <br /> of each other newline")
    func wordPressParagraphs() {
        #expect(ParagraphFormatting.wordPress("One\ntwo\n\nThree") == "<p>One<br />\ntwo</p>\n<p>Three</p>\n")
        #expect(ParagraphFormatting.wordPress("a\r\n\r\nb") == "<p>a</p>\n<p>b</p>\n")
        #expect(ParagraphFormatting.wordPress("a\n\n\n\nb") == "<p>a</p>\n<p>b</p>\n")
        #expect(ParagraphFormatting.wordPress("a<br>b<br/>c") == "<p>a<br />b<br />c</p>\n")
        #expect(ParagraphFormatting.wordPress("a<br><br>b") == "<p>a</p>\n<p>b</p>\n")
        #expect(ParagraphFormatting.wordPress("") == "")
        #expect(ParagraphFormatting.wordPress(" \n\t\n ") == "")
    }

    @Test("wpautop leaves block elements unwrapped and puts a blockquote's paragraph inside it")
    func wordPressBlocks() {
        #expect(ParagraphFormatting.wordPress("<div>a</div>\nb") == "<div>a</div>\n<p>b</p>\n")
        #expect(ParagraphFormatting.wordPress("<blockquote>Quote</blockquote>") == "<blockquote><p>Quote</p></blockquote>\n")
        #expect(ParagraphFormatting.wordPress("<h2>Title</h2>\nText") == "<h2>Title</h2>\n<p>Text</p>\n")
        #expect(ParagraphFormatting.wordPress("<ul>\n<li>a</li>\n<li>b</li>\n</ul>") == "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n")
        #expect(ParagraphFormatting.wordPress("Text<hr />More") == "<p>Text</p>\n<hr />\n<p>More</p>\n")
    }

    @Test("wpautop keeps <pre>, newlines inside tags and comments, and newlines inside script, style and svg as written")
    func wordPressKeeps() {
        #expect(ParagraphFormatting.wordPress("a\n\n<pre>x\n\ny</pre>\nb") == "<p>a</p>\n<pre>x\n\ny</pre>\n<p>b</p>\n")
        #expect(ParagraphFormatting.wordPress("<a\nhref=\"x\">l</a>") == "<p><a\nhref=\"x\">l</a></p>\n")
        #expect(ParagraphFormatting.wordPress("a <!-- x\ny --> b") == "<p>a <!-- x\ny --> b</p>\n")
        #expect(ParagraphFormatting.wordPress("<script>\na\n</script>") == "<p><script>\na\n</script></p>\n")
        #expect(ParagraphFormatting.wordPress("[gallery ids=\"1,2\"]\n\nText") == "<p>[gallery ids=\"1,2\"]</p>\n<p>Text</p>\n")
    }

    @Test("content made of blocks is left as it is, as WordPress turns wpautop off for it")
    func wordPressBlockContent() throws {
        let content = try fixtureContents("wordpress-importer/wxr-simple.xml").first { $0.contains("<!-- wp:") }
        let blocks = try #require(content)
        #expect(ParagraphFormatting.wordPress(blocks) == blocks)
    }

    @Test("the fixture exports' posts get WordPress's paragraphs")
    func wordPressFixtures() throws {
        #expect(try fixtureContents("wordpress-importer/blank-lines.xml").map(ParagraphFormatting.wordPress).contains("<p>first paragraph</p>\n<p>second paragraph</p>\n"))
        #expect(try fixtureContents("wordpress-importer/post-content-blank-lines.xml").map(ParagraphFormatting.wordPress).contains(
            "<p>This is an example of a WordPress post.<br />\n\t\tIt has lines with text (and one blank line).</p>\n<p>And more lines with text.</p>\n"))
        let attachment = try fixtureContents("wordpress-importer/wxr-flat-attachment-same-site.xml").first { $0.contains("has an attachment") }
        #expect(ParagraphFormatting.wordPress(try #require(attachment)) == "<p>This post has an attachment.</p>\n<p>    <img class=\"alignnone size-medium wp-image-611\" "
            + "src=\"https://wpthemetestdata.files.wordpress.com/2008/06/canola2.jpg\" alt=\"canola\" width=\"100\" height=\"100\" /></p>\n")
        // peer-blog's posts are <p> blocks, a <!--more--> and captions between blank lines: each
        // part keeps its own paragraph, and nothing is wrapped twice or broken.
        let peer = try fixtureContents("wordpress-6.1/peer-blog.xml").filter { $0.contains("<!--more-->") }
        #expect(peer.count > 10)
        for content in peer {
            let formatted = ParagraphFormatting.wordPress(content)
            for part in content.components(separatedBy: "\n\n") {
                #expect(formatted.contains(part.hasPrefix("<p>") ? part + "\n" : "<p>" + part + "</p>\n"), "\(part)")
            }
            #expect(!formatted.contains("<p><p>") && !formatted.contains("</p></p>") && !formatted.contains("<br />"))
        }
    }

    @Test("convert_breaks wraps each blank-line-separated part in <p> with <br /> for newlines, and leaves parts starting with a block tag")
    func movableType() {
        #expect(ParagraphFormatting.movableType("One\ntwo\n\nThree") == "<p>One<br />\ntwo</p>\n\n<p>Three</p>")
        #expect(ParagraphFormatting.movableType("<ul>\n<li>a</li>\n</ul>\n\nText") == "<ul>\n<li>a</li>\n</ul>\n\n<p>Text</p>")
        #expect(ParagraphFormatting.movableType("<p>Own</p>\n\n</div>x\n\n<hr />") == "<p>Own</p>\n\n</div>x\n\n<hr />")
        #expect(ParagraphFormatting.movableType("<b>bold</b>\nline") == "<p><b>bold</b><br />\nline</p>")
        #expect(ParagraphFormatting.movableType("a\r\n\r\nb\r\nc") == "<p>a</p>\n\n<p>b<br />\nc</p>")
        // MT splits at exactly two newlines: a third starts the next part, which keeps it.
        #expect(ParagraphFormatting.movableType("a\n\n\nb") == "<p>a</p>\n\n<p><br />\nb</p>")
        #expect(ParagraphFormatting.movableType("a\n\n") == "<p>a</p>")
        // The block test is MT's: by prefix and case-sensitive.
        #expect(ParagraphFormatting.movableType("<DIV>x</DIV>") == "<p><DIV>x</DIV></p>")
        #expect(ParagraphFormatting.movableType("<param name=\"x\">") == "<param name=\"x\">")
        #expect(ParagraphFormatting.movableType("") == "")
    }

    @Test("an excerpt is the post's own excerpt, sanitized, when it has one")
    func ownExcerpt() {
        #expect(Excerpt.wordPress(excerpt: " Own <b>excerpt</b>\n", content: "Content") == "Own <b>excerpt</b>")
        #expect(Excerpt.wordPress(excerpt: "Own<script>alert(1)</script>", content: "Content") == "Own")
    }

    @Test("a made excerpt is the content's first 55 words, tags and WordPress's shortcodes removed, with [&hellip;] when cut")
    func madeExcerpt() {
        let words = (1...60).map { "w\($0)" }
        #expect(Excerpt.wordPress(excerpt: "", content: "<p>" + words.joined(separator: " ") + "</p>")
            == words.prefix(55).joined(separator: " ") + " [&hellip;]")
        #expect(Excerpt.wordPress(excerpt: "", content: words.prefix(55).joined(separator: "\n")) == words.prefix(55).joined(separator: " "))
        #expect(Excerpt.wordPress(excerpt: "  ", content: "[caption id=\"a\"]<img src=\"x\"> Cap[/caption]Hello [gallery ids=\"1\"] world [[gallery]] [sic]")
            == "Hello world [gallery] [sic]")
        #expect(Excerpt.wordPress(excerpt: "", content: "<p>one</p><p>two</p>") == "one two")
        #expect(Excerpt.wordPress(excerpt: "", content: "<p>AT&amp;T &#8217; & 1 < 2 <script>x()</script>more</p>") == "AT&amp;T &#8217; &amp; 1 &lt; 2 more")
        #expect(Excerpt.wordPress(excerpt: "", content: "<p>a b c d</p>", wordLimit: 2) == "a b [&hellip;]")
    }

    /// The `content:encoded` of every item of a shared fixture export.
    private func fixtureContents(_ path: String) throws -> [String] {
        let xml = try String(contentsOf: TestPaths.sharedFixtures.appendingPathComponent("wxr/" + path), encoding: .utf8)
        let pattern = try NSRegularExpression(pattern: "<content:encoded><!\\[CDATA\\[(.*?)\\]\\]></content:encoded>", options: .dotMatchesLineSeparators)
        return pattern.matches(in: xml, range: NSRange(xml.startIndex..., in: xml)).compactMap { match in
            Range(match.range(at: 1), in: xml).map { String(xml[$0]) }
        }
    }
}
