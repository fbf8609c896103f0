import Foundation
import Testing
import TrackwayCore
@testable import TrackwayFormats

/// Every importer fixture either reads or stops with the error its brokenness deserves. Error
/// lines were taken from `xmllint --stream --noout FILE`.
@Suite("WordPress importer fixtures")
struct WXRFixtureTests {
    static let broken: Set<String> = ["crazy-cdata.xml", "malformed.xml", "malformed-simple.xml"]
    static let wellFormed: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Fixture.path("wxr/wordpress-importer"))) ?? []
        return names.filter { $0.hasSuffix(".xml") && !broken.contains($0) }.sorted()
    }()

    @Test("a well-formed fixture reads to the end with a site and its items", arguments: wellFormed)
    func readsWellFormed(name: String) throws {
        let result = readExport(Fixture.wxr(name))
        #expect(result.error == nil, "\(name): \(String(describing: result.error))")
        #expect(result.sites.count >= 1)
        let itemCount = try String(contentsOfFile: Fixture.wxr(name), encoding: .utf8)
            .components(separatedBy: "<item>").count - 1
        #expect(result.posts.count == itemCount)
    }

    @Test("there are well-formed fixtures to read")
    func fixturesExist() {
        #expect(Self.wellFormed.count >= 25)
    }

    @Test("malformed.xml stops at line 90 with libxml2's message and no post")
    func malformed() throws {
        let result = readExport(Fixture.wxr("malformed.xml"))
        let error = try #require(result.importError)
        #expect(error.line == 90)
        #expect(error.file == Fixture.wxr("malformed.xml"))
        #expect(error.message.contains("notachanneltag"))
    }

    @Test("a truncated file stops at its last line, after the header was emitted")
    func truncated() throws {
        let result = readExport(Fixture.wxr("malformed-simple.xml"))
        let error = try #require(result.importError)
        #expect(error.line == 13)
        #expect(result.posts.isEmpty)
    }

    @Test("an unescaped ]]> inside CDATA is not well-formed: line 18")
    func crazyCDATA() throws {
        let error = try #require(readExport(Fixture.wxr("crazy-cdata.xml")).importError)
        #expect(error.line == 18)
    }

    @Test("posts before the broken point are emitted complete")
    func partialRead() throws {
        // libxml2's reader parses 512 bytes ahead and reports an error as soon as it parses it,
        // so the items here (and the broken one) are longer than that look-ahead, as real posts are.
        let padding = String(repeating: "x", count: 600)
        let items = (1...3).map { "<item><title>T\($0)</title><wp:post_id>\($0)</wp:post_id><content:encoded>\(padding)</content:encoded></item>" }
            .joined(separator: "\n")
        let result = try readDocument(wxrDocument(items: items + "\n<item><content:encoded>\(padding)</content:encoded><title>broken</wp:post_id></item>"))
        #expect(result.posts.map(\.sourceID) == ["1", "2", "3"])
        #expect(result.posts.map(\.title) == ["T1", "T2", "T3"])
        let error = try #require(result.importError)
        #expect(error.line == 12)
        #expect(error.column > 0)
    }

    @Test("a missing wp:wxr_version is read with a warning")
    func missingVersion() {
        let result = readExport(Fixture.wxr("missing-version-tag.xml"))
        #expect(result.error == nil)
        #expect(result.warnings.contains { $0.message.contains("no wp:wxr_version") })
        // grep -c '<wp:author>' missing-version-tag.xml → 1
        #expect(result.authors.count == 1)
    }

    @Test("a non-numeric wp:wxr_version is read with a warning naming it and its line")
    func invalidVersion() {
        let result = readExport(Fixture.wxr("invalid-version-tag.xml"))
        #expect(result.error == nil)
        // grep -n wxr_version invalid-version-tag.xml → line 33, value abc
        #expect(result.warnings.contains { $0.message.contains("'abc'") && $0.line == 33 })
    }

    @Test("a newer WXR version is read with a warning; 1.0 to 1.2 without one")
    func newerVersion() throws {
        let future = wxrDocument(items: "<item><wp:post_id>1</wp:post_id></item>")
            .replacingOccurrences(of: "<wp:wxr_version>1.2", with: "<wp:wxr_version>1.3")
        let result = try readDocument(future)
        #expect(result.posts.count == 1)
        #expect(result.warnings.contains { $0.message.contains("1.3 is newer") })
        for version in ["1.0", "1.1", "1.2"] {
            let document = wxrDocument(items: "").replacingOccurrences(of: "<wp:wxr_version>1.2", with: "<wp:wxr_version>\(version)")
            #expect(try readDocument(document).warnings.isEmpty)
        }
    }

    @Test("term-meta.xml: a wp:term keeps its taxonomy, name and meta")
    func termMeta() throws {
        let result = readExport(Fixture.wxr("term-meta.xml"))
        let term = try #require(result.terms.first)
        #expect(term.taxonomy == "category")
        #expect(term.slug == "news")
        #expect(term.name == "News")
        #expect(term.sourceID == 100)
        #expect(term.meta == [MetaEntry(key: "legacy_id", value: "42")])
    }

    @Test("large-authors.xml declares 300 authors")
    func largeAuthors() {
        // grep -c '<wp:author>' large-authors.xml → 300
        #expect(readExport(Fixture.wxr("large-authors.xml")).authors.count == 300)
    }
}
