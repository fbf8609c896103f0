import Testing
import TrackwayXML

/// libxml2's warnings reach the reader's user and do not stop the parse; its errors do.
@Suite struct XMLParseWarningTests {
    /// Every element's qualified name and namespace, and every warning, of a read to the end.
    private func read(_ document: String) throws -> (elements: [String], warnings: [XMLParseWarning]) {
        let reader = try XMLPullReader(supplier: ByteSupplier(document).supply)
        var warnings: [XMLParseWarning] = []
        reader.onWarning = { warnings.append($0) }
        var elements: [String] = []
        while try reader.read() {
            guard reader.kind == .element else { continue }
            elements.append("\(reader.qualifiedName) {\(reader.namespaceURI)}")
        }
        return (elements, warnings)
    }

    @Test("a namespace name that is not a valid URI is a warning with its line and column; the element keeps that namespace and the read goes on")
    func iriNamespaceIsAWarning() throws {
        let (elements, warnings) = try read("<r>\n<u:x xmlns:u=\"http://ëxämplë.com/ünïcödë/\">t</u:x>\n<after/></r>")
        #expect(elements == ["r {}", "u:x {http://ëxämplë.com/ünïcödë/}", "after {}"])
        #expect(warnings.count == 1)
        #expect(warnings.first?.line == 2)
        #expect(warnings.first?.column ?? 0 > 0)
        #expect(warnings.first?.message == "xmlns:u: 'http://ëxämplë.com/ünïcödë/' is not a valid URI")
    }

    @Test("without a warning handler the read still goes on; a well-formedness error after a warning still throws at its line")
    func errorsStillStop() throws {
        let reader = try XMLPullReader(bytes: Array("<r xmlns:u=\"http://ë/\"><u:x/></r>".utf8))
        while try reader.read() {}
        let error = #expect(throws: XMLParseError.self) {
            try read("<r xmlns:u=\"http://ë/\">\n<u:x>\n</r>")
        }
        #expect(error?.line == 3)
    }

    @Test("the root element is found past a prolog of any length, without reading the document after it")
    func rootPastALongProlog() throws {
        let prolog = String(repeating: "<!-- a comment before the root -->\n<?pi data?>\n", count: 5_000)
        let body = String(repeating: "<item>x</item>", count: 50_000)
        let supplier = ByteSupplier(prolog + "<!DOCTYPE rss [ <!ENTITY e \"&#60;\"> ]>\n<x:rss xmlns:x=\"urn:x\" xmlns=\"urn:d\" a=\"1\">" + body + "</x:rss>")
        let root = try XMLRootElement.find(in: supplier.supply)
        #expect(root == XMLRootElement(localName: "rss", declaredNamespaceURIs: ["urn:x", "urn:d"]))
        #expect(supplier.handedOut < prolog.utf8.count + 200_000)
        #expect(supplier.handedOut < supplier.bytes.count)
    }

    @Test("a document with no root element, or not well-formed before it, has none")
    func noRoot() throws {
        for document in ["", "<!-- only a comment -->\n", "<?xml version=\"1.0\"?><!-- cut", "just text", "<!DOCTYPE r [ <!ENTITY> ]><r/>"] {
            #expect(try XMLRootElement.find(in: ByteSupplier(document).supply) == nil, "\(document)")
        }
    }
}

/// Hands out a document in pieces, counting what it handed out.
private final class ByteSupplier {
    let bytes: [UInt8]
    private(set) var handedOut = 0

    init(_ document: String) {
        bytes = Array(document.utf8)
    }

    func supply(_ buffer: UnsafeMutableRawBufferPointer) -> Int {
        let count = min(buffer.count, bytes.count - handedOut)
        buffer.copyBytes(from: bytes[handedOut..<handedOut + count])
        handedOut += count
        return count
    }
}
