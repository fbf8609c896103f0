import Testing
import TrackwayXML

/// The text of HTML fragments, as the gateway stores and shows what senders wrote: decoded for
/// display, or kept as HTML text with its character references as written.
@Suite struct HTMLTextTests {
    @Test("a fragment's text drops tags, scripts, styles and comments and decodes every reference, with or without markup")
    func decodedText() {
        #expect(HTMLLinkScanner.text(ofFragment: "<p>Caf&eacute; <b>au</b> lait<script>x()</script><!-- c --></p>") == "Café au lait")
        #expect(HTMLLinkScanner.text(ofFragment: "WordPress&#8217;s caf\u{E9} &#038; &#8220;quotes&#8221;") == "WordPress’s café & “quotes”")
        #expect(HTMLLinkScanner.text(ofFragment: "AT&amp;T &lt;3 &#x2019;") == "AT&T <3 \u{2019}")
        #expect(HTMLLinkScanner.text(ofFragment: "  plain \n text  ") == "plain text")
    }

    @Test("collapses every whitespace run to one space and trims, and leaves collapsed text as it is")
    func collapsed() {
        for (text, expected) in [("a  b", "a b"), (" a", "a"), ("a ", "a"), ("a\tb\r\nc", "a b c"), ("a\u{A0}b", "a b"), ("a\u{3000}\u{2003}b", "a b"),
                                 ("", ""), (" ", ""), ("it\u{2019}s caf\u{E9} 日本語", "it\u{2019}s caf\u{E9} 日本語")] {
            #expect(HTMLLinkScanner.collapsed(text) == expected, "\(text.unicodeScalars.map { $0.value })")
        }
    }

    @Test("text keeping references drops markup as the decoded text does but leaves each reference, and each bare & or <, as written")
    func textKeepingReferences() {
        #expect(HTMLLinkScanner.textKeepingReferences(ofFragment: "<b>It&#8217;s</b> a &lt;tag&gt; &amp; AT&T") == "It&#8217;s a &lt;tag&gt; &amp; AT&T")
        #expect(HTMLLinkScanner.textKeepingReferences(ofFragment: "<em>one</em> <script>no()</script><style>p{}</style>two<!-- x -->") == "one two")
        #expect(HTMLLinkScanner.textKeepingReferences(ofFragment: "1 < 2 and <a href=\"?a=1&amp;b\">link</a>") == "1 < 2 and link")
        #expect(HTMLLinkScanner.textKeepingReferences(ofFragment: " caf&eacute;\t\n&#8230; ") == "caf&eacute; &#8230;")
    }

    @Test("keeps valid decimal, hexadecimal and named references as written and escapes every other &, < and >")
    func escapingBareCharacters() {
        let kept = "WordPress&#8217;s &#038; &#x201C;q&#X201d; &amp; &rsquo; &eacute; &#0038; &#128512;"
        #expect(HTMLCharacterReference.escapingBareCharacters(kept) == kept)
        #expect(HTMLCharacterReference.escapingBareCharacters("AT&T & more") == "AT&amp;T &amp; more")
        #expect(HTMLCharacterReference.escapingBareCharacters("&amp &nosuch; &#; &#x; &#0; &#xD800; &#1114112; &#12345678;")
            == "&amp;amp &amp;nosuch; &amp;#; &amp;#x; &amp;#0; &amp;#xD800; &amp;#1114112; &amp;#12345678;")
        #expect(HTMLCharacterReference.escapingBareCharacters("a < b > c") == "a &lt; b &gt; c")
        #expect(HTMLCharacterReference.escapingBareCharacters("nul\u{0}here") == "nulhere")
        #expect(HTMLCharacterReference.escapingBareCharacters("ends with &") == "ends with &amp;")
        #expect(HTMLCharacterReference.escapingBareCharacters("ends with &#8217") == "ends with &amp;#8217")
    }

    @Test("escaping is done once: escaped text escapes to itself and decodes to what was meant")
    func idempotent() {
        for html in ["AT&T &lt;3", "&#8220;q&#8221; & <", "caf&eacute; &nosuch; &#0;"] {
            let escaped = HTMLCharacterReference.escapingBareCharacters(html)
            #expect(HTMLCharacterReference.escapingBareCharacters(escaped) == escaped)
        }
        #expect(HTMLLinkScanner.text(ofFragment: HTMLCharacterReference.escapingBareCharacters("caf&eacute; &nosuch; &#0; < 3")) == "café &nosuch; &#0; < 3")
    }
}
