import Foundation
import Testing
import TrackwayCore
import TrackwayTesting
@testable import TrackwayFormats

/// What libxml2 only warns about is reported with its file and line, and the import goes on, as
/// WordPress's importer reads such a file (its DOMDocument::loadXML fails only on a document that
/// is not well-formed).
@Suite("WXR libxml2 warnings")
struct WXRLibXMLWarningTests {
    @Test("an IRI namespace name on the channel and on an item is one warning each, with its line, and every item is read")
    func iriNamespacesWarnAndReadOn() throws {
        let result = try readDocument(IRINamespaceExport.document)
        #expect(result.error == nil)
        #expect(result.posts.map(\.sourceID) == ["4", "5"])
        #expect(result.post("4")?.content == "Unicode namespace URI test")
        #expect(result.warnings.map(\.line) == [3, 8])
        #expect(result.warnings.allSatisfy { $0.file.hasSuffix("document.xml") && $0.message.contains("is not a valid URI") })
        #expect(result.warnings.first?.message.contains("xmlns:u: '\(IRINamespaceExport.channelIRI)'") == true)
        #expect(result.warnings.last?.message.contains("xmlns:v: '\(IRINamespaceExport.itemIRI)'") == true)
    }

    @Test("the elements in IRI namespaces are kept with their namespace and written back on export")
    func elementsUnderThemSurviveExport() throws {
        let result = try readDocument(IRINamespaceExport.document)
        let site = try #require(result.sites.last)
        let post = try #require(result.post("4"))
        #expect(site.unknownElements.count == 1)
        #expect(post.unknownElements.count == 2)
        for (markup, text, namespace) in [
            (site.unknownElements[0], ">dark</u:theme>", IRINamespaceExport.channelIRI),
            (post.unknownElements[0], ">test</v:custom_field>", IRINamespaceExport.itemIRI),
            (post.unknownElements[1], ">from the channel's namespace</u:note>", IRINamespaceExport.channelIRI),
        ] {
            #expect(markup.contains(text), "\(markup)")
            #expect(markup.contains("=\"\(namespace)\""), "\(markup)")
        }

        let exported = try WXRWriterTestSupport.export(site: site, posts: result.posts)
        #expect(try WXRWriterTestSupport.xmllintComplaint(exported.bytes) == nil)
        for markup in site.unknownElements + post.unknownElements {
            #expect(exported.text.contains(markup))
        }
        let again = try readDocument(exported.text)
        #expect(again.error == nil)
        #expect(again.sites.last?.unknownElements == site.unknownElements)
        #expect(again.post("4")?.unknownElements == post.unknownElements)
        #expect(!again.warnings.isEmpty)
    }

    @Test("a well-formedness error after a namespace warning still stops the read at its line")
    func errorAfterWarningStillStops() throws {
        let broken = IRINamespaceExport.document.replacingOccurrences(of: "<item><title>After</title>", with: "<item><title>After</titel>")
        let result = try readDocument(broken)
        let error = try #require(result.importError)
        #expect(error.line == 16)
        #expect(error.message.contains("title"))
        #expect(result.warnings.map(\.line) == [3, 8])
    }
}
