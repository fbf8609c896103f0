import Testing
import TrackwayCore
@testable import TrackwayFormats

@Suite("WXR control characters and invalid UTF-8")
struct WXRDirtyInputTests {
    func item(_ id: Int, _ content: [UInt8]) -> [UInt8] {
        Array("<item><wp:post_id>\(id)</wp:post_id><wp:post_type>post</wp:post_type><content:encoded><![CDATA[".utf8) + content + Array("]]></content:encoded></item>\n".utf8)
    }

    func document(_ items: [UInt8]) -> [UInt8] {
        let parts = wxrDocument(items: "@@ITEMS@@").components(separatedBy: "@@ITEMS@@")
        return Array(parts[0].utf8) + items + Array(parts[1].utf8)
    }

    @Test("C0 controls and invalid UTF-8 become U+FFFD, counted and warned per item")
    func replacedPerItem() throws {
        let items = item(1, Array("a\u{1}b".utf8))
            + item(2, Array("clean".utf8))
            + item(3, [0x41, 0xFF, 0x42, 0xC3, 0x28, 0x00, 0x43, 0xE2, 0x82])
        let result = try readDocument(bytes: document(items))
        #expect(result.error == nil)
        #expect(result.posts.map(\.replacedCharacters) == [1, 0, 4])
        #expect(result.post("1")?.content == "a\u{FFFD}b")
        // FF → one; C3 followed by "(" → one; NUL → one; the cut E2 82 → one.
        #expect(result.post("3")?.content == "A\u{FFFD}B\u{FFFD}(\u{FFFD}C\u{FFFD}")
        #expect(result.warnings.map(\.item) == ["post 1", "post 3"])
        #expect(result.warnings.first?.message == "replaced 1 invalid characters")
    }

    @Test("valid multi-byte text, TAB, LF and CR pass unchanged (libxml2 keeps CRLF inside CDATA)")
    func validTextUnchanged() throws {
        let text = "tab\there\r\nline café 東京 🎉"
        let result = try readDocument(bytes: document(item(1, Array(text.utf8))))
        #expect(result.posts.first?.content == text)
        #expect(result.posts.first?.replacedCharacters == 0)
        #expect(result.warnings.isEmpty)
    }

    @Test("a document declared in another encoding is left to libxml2")
    func otherEncoding() throws {
        let bytes = Array("""
        <?xml version="1.0" encoding="ISO-8859-1"?>
        <rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version>
        <item><wp:post_id>1</wp:post_id><title>caf
        """.utf8) + [0xE9] + Array("</title></item></channel></rss>".utf8)
        let result = try readDocument(bytes: bytes)
        #expect(result.posts.first?.title == "café")
        #expect(result.posts.first?.replacedCharacters == 0)
    }

    @Test("the filter keeps sequences cut by its chunk boundary intact")
    func chunkBoundaries() throws {
        // 64 KB chunks: enough emoji that many straddle a boundary.
        let text = String(repeating: "é🎉東", count: 30_000)
        let result = try readDocument(bytes: document(item(1, Array(text.utf8))))
        #expect(result.posts.first?.content == text)
        #expect(result.posts.first?.replacedCharacters == 0)
    }

    @Test("text read without a second UTF-8 validation equals the validated text, byte for byte and scalar for scalar")
    func textFromSanitizedInputIsValid() throws {
        // Character references, predefined entities, CRLF in plain text (libxml2 normalises it),
        // replacements next to multi-byte text, and long runs crossing libxml2's 4 KB reads.
        let long = String(repeating: "é🎉東x", count: 3_000)
        let items = Array("<item><wp:post_id>1</wp:post_id><title>caf&#233; &#x1F389; &amp; &lt;b&gt;\r\nline</title>".utf8)
            + Array("<content:encoded><![CDATA[".utf8) + Array(long.utf8) + [0xFF] + Array("東".utf8)
            + Array("]]></content:encoded></item>\n".utf8)
        let result = try readDocument(bytes: document(items))
        let post = try #require(result.post("1"))
        let title = "café 🎉 & <b>\nline"
        let content = long + "\u{FFFD}東"
        #expect(post.title == title)
        #expect(Array(post.title.utf8) == Array(title.utf8))
        #expect(post.title.unicodeScalars.map(\.value) == title.unicodeScalars.map(\.value))
        #expect(post.content == content)
        #expect(post.content.count == content.count)
        #expect(String(decoding: Array(post.content.utf8), as: UTF8.self) == post.content)
        #expect(post.replacedCharacters == 1)
    }
}
