import Testing
@testable import TrackwayFormats
import TrackwayXML

/// The splitter must leave every document's meaning as it was: each case is parsed by libxml2 as
/// written and as split, and the two readings must match node for node.
@Suite("CDATA section splitter")
struct CDATASectionSplitterTests {
    static let cut = Array("]]><![CDATA[".utf8)

    /// Lines of mixed 1- to 4-byte characters, with brackets that do not end a section.
    static let lines = (1...400).map { "line \($0): café 東京 🎉 a]b ]]c ]] > x\n" }.joined()
    /// One line far longer than `longestRun`, of 2- to 4-byte characters.
    static let longLine = String(repeating: "é東🎉", count: 3_000)

    static let documents: [String: String] = [
        "multi-line section": "<r><a><![CDATA[\(lines)]]></a><b>after</b></r>",
        "single-line section": "<r><a><![CDATA[\(longLine)]]></a></r>",
        "WordPress's escaped ]]>": "<r><a><![CDATA[\(lines)]]]]><![CDATA[>\(lines)]]></a></r>",
        "section opener in a comment": "<r><!-- <![CDATA[ --><a>\(lines)</a></r>",
        "section opener in a processing instruction": "<?xml version=\"1.0\"?><r><?pi <![CDATA[ ?><a>x\(String(repeating: "text\n", count: 2_000))</a></r>",
        "document type declaration": "<!DOCTYPE r [ <!ENTITY e \"<![CDATA[\"> ]><r><a><![CDATA[\(lines)]]></a></r>",
        "attribute values with > and ]]>": "<r><a t='x>y' u=\"]]>\"><![CDATA[\(lines)]]></a></r>",
        "empty and adjacent sections": "<r><a><![CDATA[]]><![CDATA[\(lines)]]><![CDATA[]]></a><!----><b><![CDATA[]]]]></b></r>",
    ]

    /// `document` through the splitter, handed over `chunk` bytes at a time into buffers of `room` bytes.
    static func split(_ document: [UInt8], chunk: Int, room: Int, cutsWithinLines: Bool = true) -> [UInt8] {
        var splitter = CDATASectionSplitter(cutsWithinLines: cutsWithinLines)
        var result: [UInt8] = []
        var output = [UInt8](repeating: 0, count: room)
        var offset = 0
        while offset < document.count {
            let end = min(offset + chunk, document.count)
            let (consumed, written) = document[offset..<end].withUnsafeBytes { input in
                output.withUnsafeMutableBytes { splitter.copy(from: input, into: $0) }
            }
            #expect(consumed > 0 && written > 0)
            result += output[0..<written]
            offset += consumed
        }
        return result
    }

    /// What libxml2 reads in `bytes`: elements, end tags and text (adjacent pieces joined), or
    /// where it stopped.
    static func reading(_ bytes: [UInt8]) -> [String] {
        var events: [String] = []
        do {
            let reader = try XMLPullReader(bytes: bytes, strict: false)
            while try reader.read() {
                switch reader.kind {
                case .element: events.append("<\(reader.localName)")
                case .endElement: events.append(">")
                case .text, .whitespace:
                    if let last = events.last, last.hasPrefix("text:") {
                        events[events.count - 1] = last + reader.value
                    } else {
                        events.append("text:" + reader.value)
                    }
                default: continue
                }
            }
        } catch {
            events.append("error: \(error)")
        }
        return events
    }

    static func cuts(in bytes: [UInt8]) -> [Int] {
        (0...(bytes.count - cut.count)).filter { bytes[$0..<$0 + cut.count].elementsEqual(cut) }
    }

    /// The document named `name` split in 4 KB chunks, and where the cuts went.
    static func splitWithCuts(_ name: String, cutsWithinLines: Bool = true) throws -> (bytes: [UInt8], cuts: [Int]) {
        let document = Array(try #require(documents[name]).utf8)
        let split = split(document, chunk: 4_096, room: 4_096, cutsWithinLines: cutsWithinLines)
        return (split, cuts(in: split))
    }

    @Test("libxml2 reads the same nodes and text however the input is chunked", arguments: documents.keys.sorted())
    func sameReading(name: String) throws {
        let document = Array(try #require(Self.documents[name]).utf8)
        let expected = Self.reading(document)
        #expect(!expected.contains { $0.hasPrefix("error") })
        for chunk in [1, 2, 5, 9, 64, 4_096, document.count] {
            for room in [1, 13, 14, 100, 4_096] {
                let split = Self.split(document, chunk: chunk, room: room)
                #expect(Self.reading(split) == expected, "chunk \(chunk), room \(room)")
            }
        }
    }

    @Test("a long multi-line section is cut only just before line feeds, so lines and columns stay")
    func cutsBeforeLineFeeds() throws {
        let (split, cuts) = try Self.splitWithCuts("multi-line section")
        // About one cut per `preferredRun` bytes of the section.
        #expect(cuts.count >= Self.lines.utf8.count / (CDATASectionSplitter.preferredRun + 100))
        #expect(cuts.allSatisfy { split[$0 + Self.cut.count] == UInt8(ascii: "\n") })
    }

    @Test("a section on one long line is cut at character boundaries")
    func cutsOneLongLine() throws {
        let (split, cuts) = try Self.splitWithCuts("single-line section")
        #expect(cuts.count >= Self.longLine.utf8.count / (CDATASectionSplitter.longestRun + 4))
        // The byte after each cut starts a character: it is not a continuation byte.
        #expect(cuts.allSatisfy { split[$0 + Self.cut.count] & 0xC0 != 0x80 })
    }

    @Test("outside UTF-8 only line feeds are cut before: a single long line stays whole")
    func lineFeedsOnly() throws {
        let (split, cuts) = try Self.splitWithCuts("multi-line section", cutsWithinLines: false)
        #expect(Self.reading(split) == Self.reading(Array(try #require(Self.documents["multi-line section"]).utf8)))
        #expect(!cuts.isEmpty)
        #expect(cuts.allSatisfy { split[$0 + Self.cut.count] == UInt8(ascii: "\n") })
        #expect(try Self.splitWithCuts("single-line section", cutsWithinLines: false).cuts.isEmpty)
    }

    @Test("nothing is cut where a section opener is not markup, or after a document type declaration",
          arguments: ["section opener in a comment", "section opener in a processing instruction", "document type declaration"])
    func noCuts(name: String) throws {
        let document = Array(try #require(Self.documents[name]).utf8)
        for chunk in [1, 7, 4_096] {
            #expect(Self.split(document, chunk: chunk, room: 4_096) == document)
        }
    }
}
