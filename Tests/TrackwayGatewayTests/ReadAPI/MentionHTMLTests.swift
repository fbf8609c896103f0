import Testing
import TrackwayXML
@testable import TrackwayGateway

/// What a stranger wrote, as the read API gives it: the comment allow-list's HTML and its text.
@Suite struct MentionHTMLTests {
    @Test func storedTextBecomesAllowListHTMLAndTheTextOfThatHTML() {
        let stored = "Nice <b>post</b> <script>alert(1)</script>"
        let rendered = MentionHTML().rendered(stored)
        #expect(rendered.html == ParagraphFormatting.wordPress(HTMLSanitizer.comment(stored)))
        #expect(rendered.html.contains("<b>post</b>"))
        #expect(!rendered.html.contains("<script"))
        // The script is shown as text by the allow-list, so a reader sees it, and so does `text`.
        #expect(rendered.text == "Nice post <script>alert(1)</script>")
    }

    @Test func aTextRenderedAgainGivesTheSameAnswerWithinItsBudget() {
        let contents = MentionHTML(capacity: 2, maxBytes: 1 << 20)
        let first = contents.rendered("one <em>two</em>")
        #expect(contents.rendered("one <em>two</em>") == first)
        for text in ["a", "b", "c", "one <em>two</em>"] {
            #expect(contents.rendered(text).html == MentionHTML.html(text))
        }
    }
}
