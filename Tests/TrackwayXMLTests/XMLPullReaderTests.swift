import Foundation
import Testing
import TrackwayTesting
import TrackwayXML

/// The pull reader as the readers above it use it: node by node, names by namespace, entities
/// never expanded, errors with their position.
@Suite struct XMLPullReaderTests {
    /// One node as the reader reports it.
    struct Node: Equatable, CustomStringConvertible {
        var kind: XMLNodeKind
        var name: String
        var namespaceURI: String
        var depth: Int
        var value: String

        var description: String { "\(kind) \(name) {\(namespaceURI)} @\(depth) \(value.debugDescription)" }
    }

    /// Every node of `document`, whitespace between elements left out.
    private func nodes(_ document: String) throws -> [Node] {
        let reader = try XMLPullReader(bytes: Array(document.utf8))
        var nodes: [Node] = []
        while try reader.read() {
            guard reader.kind != .whitespace else { continue }
            nodes.append(Node(kind: reader.kind, name: reader.qualifiedName, namespaceURI: reader.namespaceURI, depth: reader.depth, value: reader.value))
        }
        return nodes
    }

    @Test("reports elements, text, comments and processing instructions in document order, with their depth and namespace")
    func nodeKinds() throws {
        let document = """
            <?xml version="1.0"?>
            <rss xmlns:wp="http://wordpress.org/export/1.2/"><!-- exported --><?php echo 1; ?>
            <wp:post_id>7</wp:post_id><empty/></rss>
            """
        let wp = "http://wordpress.org/export/1.2/"
        #expect(try nodes(document) == [
            Node(kind: .element, name: "rss", namespaceURI: "", depth: 0, value: ""),
            Node(kind: .comment, name: "#comment", namespaceURI: "", depth: 1, value: " exported "),
            Node(kind: .processingInstruction, name: "php", namespaceURI: "", depth: 1, value: "echo 1; "),
            Node(kind: .element, name: "wp:post_id", namespaceURI: wp, depth: 1, value: ""),
            Node(kind: .text, name: "#text", namespaceURI: "", depth: 2, value: "7"),
            Node(kind: .endElement, name: "wp:post_id", namespaceURI: wp, depth: 1, value: ""),
            Node(kind: .element, name: "empty", namespaceURI: "", depth: 1, value: ""),
            Node(kind: .endElement, name: "rss", namespaceURI: "", depth: 0, value: ""),
        ])
    }

    @Test("an empty element says so and has no end-element node; attributes are read by their qualified name")
    func emptyElementsAndAttributes() throws {
        let reader = try XMLPullReader(bytes: Array(#"<r xmlns:x="urn:x"><category x:domain="tag" nicename="a&amp;b"/><next/></r>"#.utf8))
        _ = try reader.read()
        _ = try reader.read()
        #expect(reader.localName == "category" && reader.isEmptyElement)
        #expect(reader.attribute("x:domain") == "tag")
        #expect(reader.attribute("nicename") == "a&b")
        #expect(reader.attribute("missing") == nil)
        _ = try reader.read()
        #expect(reader.kind == .element && reader.localName == "next")
    }

    @Test("CDATA arrives as text, predefined and character references decoded, markup inside it left as written")
    func cdataAndReferences() throws {
        let text = try nodes("<p><![CDATA[if (a < b && c) { x = '<b>'; }]]> &amp; &#233;&#x1F600;</p>")
            .filter { $0.kind == .text }.map(\.value).joined()
        #expect(text == "if (a < b && c) { x = '<b>'; } & é😀")
    }

    @Test("elements with one local name in two namespaces get two name ids; every repeat of a name gets its id again")
    func elementNameIDs() throws {
        let reader = try XMLPullReader(bytes: Array(#"<r xmlns:a="urn:a" xmlns:b="urn:b"><a:x/><b:x/><a:x/></r>"#.utf8))
        var ids: [Int] = []
        while try reader.read() {
            if reader.kind == .element { ids.append(reader.elementNameID) }
        }
        #expect(ids.count == 4)
        #expect(ids[1] != ids[2] && ids[1] == ids[3])
        #expect(reader.expandedName(ofElementNameID: ids[1]) == ("urn:a", "x"))
        #expect(reader.expandedName(ofElementNameID: ids[2]) == ("urn:b", "x"))
    }

    @Test("outerXML writes an element back whole, with the namespace declarations it uses, so unknown elements survive a round trip")
    func outerXML() throws {
        let reader = try XMLPullReader(bytes: Array(#"<rss xmlns:x="urn:plugin" xmlns:unused="urn:u"><x:data id="1">a &amp; <b>b</b></x:data></rss>"#.utf8))
        _ = try reader.read()
        _ = try reader.read()
        #expect(reader.outerXML() == #"<x:data xmlns:x="urn:plugin" id="1">a &amp; <b>b</b></x:data>"#)
        try reader.skipSubtree()
        #expect(try reader.advance() && reader.kind == .endElement && reader.localName == "rss")
    }

    @Test("an entity the document declares arrives as a reference, never as its text, and a SYSTEM entity's file is never read")
    func declaredEntitiesStayReferences() throws {
        let directory = try TemporaryDirectory()
        let secret = try directory.write("TOP-SECRET", to: "secret.txt")
        let document = """
            <!DOCTYPE r [ <!ENTITY inner "expanded"> <!ENTITY file SYSTEM "\(secret.absoluteString)"> ]>
            <r>a &inner; b &file; c</r>
            """
        let read = try nodes(document)
        #expect(read.first?.kind == .documentType)
        #expect(read.filter { $0.kind == .entityReference }.map(\.name) == ["inner", "file"])
        let text = read.map(\.value).joined()
        #expect(!text.contains("expanded") && !text.contains("TOP-SECRET"))
    }

    @Test("a document that is not well-formed throws at the line where it breaks, with libxml2's message")
    func errorPosition() throws {
        let reader = try XMLPullReader(bytes: Array("<rss>\n<channel>\n  <item></channel>\n</rss>".utf8))
        let error = try #require(throws: XMLParseError.self) {
            while try reader.read() {}
        }
        #expect(error.line == 3)
        #expect(error.column > 0)
        #expect(error.message.contains("mismatch"), "\(error.message)")
        #expect(error.description.hasPrefix("line 3, column \(error.column): "))
    }

    @Test("an error the byte supplier throws reaches the caller as it was thrown")
    func supplierErrorsPassThrough() throws {
        struct DiskGone: Error, Equatable {}
        // The start of a document, then the disk goes away.
        var start = Array("<rss><channel>".utf8)[...]
        let reader = try XMLPullReader(supplier: { buffer in
            guard !start.isEmpty else { throw DiskGone() }
            let count = min(buffer.count, start.count)
            buffer.copyBytes(from: start.prefix(count))
            start = start.dropFirst(count)
            return count
        })
        #expect(throws: DiskGone()) {
            while try reader.read() {}
        }
    }
}
