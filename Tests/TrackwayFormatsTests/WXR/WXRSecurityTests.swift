import Foundation
import Testing
import TrackwayCore
@testable import TrackwayFormats

@Suite("WXR entities and external resources")
struct WXRSecurityTests {
    @Test("an external entity is neither expanded nor read from disk, and is reported with its line")
    func externalEntity() throws {
        let secret = try TemporaryFile("TOP-SECRET-CONTENT", suffix: ".txt")
        let document = wxrDocument(items: """
        <item><wp:post_id>1</wp:post_id><content:encoded>before &xxe; after</content:encoded></item>
        """).replacingOccurrences(
            of: "<rss ", with: "<!DOCTYPE rss [ <!ENTITY xxe SYSTEM \"file://\(secret.path)\"> ]>\n<rss "
        )
        let result = try readDocument(document)
        #expect(result.error == nil)
        let post = try #require(result.posts.first)
        #expect(post.content == "before  after")
        #expect(!result.records.description.contains("TOP-SECRET"))
        let warning = try #require(result.warnings.first)
        #expect(warning.message.contains("&xxe;"))
        #expect(warning.line == 10)
        #expect(warning.item == "post 1")
    }

    @Test("billion laughs is not expanded")
    func billionLaughs() throws {
        var entities = "<!ENTITY lol \"lol\">"
        for level in 1...9 {
            let previous = level == 1 ? "lol" : "lol\(level - 1)"
            entities += "<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">"
        }
        let document = wxrDocument(items: "<item><wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type><title>&lol9;</title></item>")
            .replacingOccurrences(of: "<rss ", with: "<!DOCTYPE rss [ \(entities) ]>\n<rss ")
        let result = try readDocument(document)
        #expect(result.error == nil)
        #expect(result.posts.first?.title == "")
        #expect(result.warnings.count == 1)
    }

    @Test("an undeclared entity without a DTD is a well-formedness error with its line")
    func undeclaredEntity() throws {
        let result = try readDocument(wxrDocument(items: "<item><wp:post_id>1</wp:post_id>\n<title>a&nbsp;b</title></item>"))
        let error = try #require(result.importError)
        #expect(error.line == 10)
        #expect(error.message.contains("nbsp"))
    }

    @Test("predefined and character references are decoded")
    func predefinedEntities() throws {
        let result = try readDocument(wxrDocument(items: "<item><wp:post_id>1</wp:post_id><title>a &amp; b &#8217; &lt;</title></item>"))
        #expect(result.posts.first?.title == "a & b \u{2019} <")
    }
}
