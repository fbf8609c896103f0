import Foundation
import Testing
import TrackwayCore
import TrackwayFormats
import TrackwayTesting

/// Output reaches the sink item by item, calls in the wrong order fail, files get written.
@Suite struct WXRWriterStreamingTests {
    typealias Support = WXRWriterTestSupport

    @Test("each item reaches the sink as soon as it is written")
    func flushesEachItem() throws {
        let output = Support.Output()
        let writer = try WXRWriter { output.bytes.append(contentsOf: $0) }
        try writer.writeHeader(site: Site(sourceKey: "blog", format: .wxr), authors: [], terms: [], exportedAt: Date())
        #expect(output.text.contains("<wp:wxr_version>1.2</wp:wxr_version>"))
        for id in 1...3 {
            var post = Post(sourceID: String(id))
            post.title = "Post \(id)"
            try writer.write(post: post)
            #expect(output.text.hasSuffix("</item>"))
            #expect(output.text.contains("<title><![CDATA[Post \(id)]]></title>"))
        }
        #expect(!output.text.contains("</channel>"))
        try writer.finish()
        #expect(output.text.hasSuffix("</channel>\n</rss>\n"))
    }

    @Test("an item before the header, or anything after finish, is refused with context")
    func callOrder() throws {
        let writer = try WXRWriter { _ in }
        #expect {
            try writer.write(post: Post(sourceID: "42"))
        } throws: { error in
            (error as? WXRWriteError)?.kind == .callOrder && (error as? WXRWriteError)?.item == "post 42"
        }
        try writer.writeHeader(site: Site(sourceKey: "blog", format: .wxr), authors: [], terms: [], exportedAt: Date())
        try writer.finish()
        #expect(throws: WXRWriteError.self) { try writer.write(post: Post(sourceID: "1")) }
        #expect(throws: WXRWriteError.self) { try writer.finish() }
    }

    @Test("a sink that fails stops the export with the item it was writing")
    func sinkFailure() throws {
        struct DiskFull: Error {}
        var accepting = true
        let writer = try WXRWriter { _ in if !accepting { throw DiskFull() } }
        try writer.writeHeader(site: Site(sourceKey: "blog", format: .wxr), authors: [], terms: [], exportedAt: Date())
        accepting = false
        #expect {
            try writer.write(post: Post(sourceID: "7"))
        } throws: { error in
            (error as? WXRWriteError)?.kind == .output && (error as? WXRWriteError)?.item == "post 7"
        }
    }

    @Test("the file convenience writes a well-formed export to disk")
    func writesFile() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("export.xml").path
        let writer = try WXRWriter(outputPath: path)
        try writer.writeHeader(site: Site(sourceKey: "blog", format: .wxr), authors: [], terms: [], exportedAt: Date())
        try writer.write(post: Post(sourceID: "1"))
        try writer.finish()
        let bytes = try #require(FileManager.default.contents(atPath: path))
        #expect(try Support.xmllintComplaint(Array(bytes)) == nil)
        #expect(String(decoding: bytes, as: UTF8.self).contains("<wp:post_id>1</wp:post_id>"))
    }

    @Test("an output path that cannot be created is reported with the path")
    func unwritablePath() {
        #expect {
            _ = try WXRWriter(outputPath: "/nonexistent-dir/export.xml")
        } throws: { error in
            (error as? WXRWriteError)?.kind == .openOutput && (error as? WXRWriteError)?.item == "/nonexistent-dir/export.xml"
        }
    }
}
