// The text rendering the archive pages, feeds and read API do, timed on a 10 KB post: the two
// sanitizers and the paragraph rules, each as a ratio to libxml2 reading the same post
// (HTMLLinkScanner.text(ofFragment:), a parse and a walk) in the same run. Built by
// Benchmarks/render-text.sh with swiftc -O; not a test.
import Foundation

func post(bytes: Int) -> String {
    let paragraph = """
        <p>Harbour <em>notes</em> on the <a href="https://harbour-notes.example/2026/03/spring-tides/" title="Spring tides">spring tides</a>, \
        with a <strong>mended</strong> trawl net &amp; a caf&eacute; by the quay.
        A second line, and <code>code</code> too.</p>

        <blockquote cite="https://other.example/q">Quoted from <cite>another blog</cite>.</blockquote>

        <ul>
        <li>One <img src="https://harbour-notes.example/wp-content/uploads/net.jpg" alt="net" width="300" height="200" /></li>
        <li>Two <span style="color: #336">coloured</span></li>
        </ul>

        Plain text between blocks, as WordPress authors type it.

        """
    let embed = "<iframe width=\"560\" height=\"315\" src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\" frameborder=\"0\" allowfullscreen></iframe>\n\n"
    var text = embed
    while text.utf8.count < bytes { text += paragraph }
    return text
}

let content = post(bytes: 10_000)
let formatted = ParagraphFormatting.wordPress(content)
let iterations = 2_000
let baseline = nanoseconds(iterations) { HTMLLinkScanner.text(ofFragment: formatted).utf8.count }
let rows: [(String, Double)] = [
    ("HTMLSanitizer.postContent", nanoseconds(iterations) { HTMLSanitizer.postContent(formatted).utf8.count }),
    ("HTMLSanitizer.comment", nanoseconds(iterations) { HTMLSanitizer.comment(formatted).utf8.count }),
    ("ParagraphFormatting.wordPress", nanoseconds(iterations / 4) { ParagraphFormatting.wordPress(content).utf8.count }),
    ("ParagraphFormatting.movableType", nanoseconds(iterations) { ParagraphFormatting.movableType(content).utf8.count }),
]
print("post: \(content.utf8.count) bytes (\(formatted.utf8.count) after wpautop); best of 5 x \(iterations)")
print(String(format: "%-34@ %10.1f us   1.00x (baseline: libxml2 parse + walk)", "HTMLLinkScanner.text(ofFragment:)" as NSString, baseline / 1000))
for (name, ns) in rows {
    print(String(format: "%-34@ %10.1f us  %5.2fx", name as NSString, ns / 1000, ns / baseline))
}
