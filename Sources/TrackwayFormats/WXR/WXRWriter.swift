import Foundation
import TrackwayCore
import TrackwayXML

/// Streams one site as WXR 1.2, the file WordPress's own exporter writes and its importer reads.
///
/// Call `writeHeader` once, `write(post:)` for every item in order, then `finish`. Each item is
/// flushed to the sink as soon as it is written, so memory does not grow with the site.
///
/// ```swift
/// let writer = try WXRWriter(outputPath: "blog.xml")
/// try writer.writeHeader(site: site, authors: authors, terms: terms, exportedAt: Date())
/// for post in posts { try writer.write(post: post) }
/// try writer.finish()
/// ```
///
/// Element order, namespaces, CDATA and escaping follow WordPress 6.x's `export_wp()`. Where the
/// output departs from it, the reason is on the method that does so.
public final class WXRWriter {
    /// Receives each chunk of output.
    public typealias Sink = XMLStreamWriter.Sink

    /// Hands a post's comments, in order, one at a time to the function it is given.
    public typealias CommentSource = (_ body: (Comment) throws -> Void) throws -> Void

    /// The program named in the generator comment.
    public static let generator = "Trackway/0.1"

    private enum Stage {
        case beforeHeader
        case items
        case finished
    }

    let xml: XMLStreamWriter
    /// The site being written; decides the Movable Type mapping and post id numbering.
    var siteFormat: SourceFormat = .wxr
    /// True when spam comments are written too: for a site from a Movable Type backup, the only
    /// place its junk ever was (WordPress's own exporter leaves spam out, and so does the rest).
    var writesSpam = false
    /// The last `wp:post_id` handed to a post whose source id is not a number.
    var lastAssignedPostID = 0
    private var stage = Stage.beforeHeader
    private var closeOutput: (() throws -> Void)?

    /// Creates a writer that hands its output to `sink`.
    public init(sink: @escaping Sink) throws {
        xml = try XMLStreamWriter(sink: sink)
    }

    /// Creates a writer that creates (or truncates) the file at `outputPath`; `finish` closes it.
    public convenience init(outputPath: String) throws {
        guard FileManager.default.createFile(atPath: outputPath, contents: nil),
              let handle = FileHandle(forWritingAtPath: outputPath)
        else {
            throw WXRWriteError(.openOutput, item: outputPath, message: "cannot create the file")
        }
        try self.init(sink: { try handle.write(contentsOf: Data($0)) })
        closeOutput = { try handle.close() }
    }

    /// Writes everything before the first item: the prolog, the channel's own elements, the
    /// authors, every term (categories, tags, other taxonomies, parents before children) and the
    /// site's unknown channel elements.
    ///
    /// `exportedAt` becomes the channel `pubDate` and the generator comment's `created` stamp.
    public func writeHeader(site: Site, authors: [Author], terms: [Term], exportedAt: Date) throws {
        guard stage == .beforeHeader else {
            throw WXRWriteError(.callOrder, item: "header", message: "the header is already written")
        }
        siteFormat = site.format
        writesSpam = site.isFromMovableTypeBackup
        try reportingOutputErrors(item: "header") {
            try writeProlog(exportedAt: exportedAt)
            try writeChannelHead(site: site, exportedAt: exportedAt)
            try writeAuthors(authors)
            try writeTerms(terms)
            try writeChannelTail(site: site)
            try xml.flush()
        }
        stage = .items
    }

    /// Writes one `<item>` with `post.comments` and flushes it to the sink.
    public func write(post: Post) throws {
        try write(post: post, comments: post.comments.forEach)
    }

    /// Writes one `<item>` whose comments `comments` hands over one at a time, and flushes it
    /// to the sink. Past a few hundred, the writer holds no comment longer than it takes to
    /// write it, so a post's comments can stream from a store: it walks them once to number
    /// them, then again to write them (three times when they must be renumbered), so each walk
    /// must hand over the same comments.
    ///
    /// ```swift
    /// try writer.write(post: post) { body in try comments.forEach(body) }
    /// ```
    public func write(post: Post, comments: CommentSource) throws {
        guard stage == .items else {
            let message = stage == .beforeHeader ? "an item comes after the header" : "the export is finished"
            throw WXRWriteError(.callOrder, item: "post \(post.sourceID)", message: message)
        }
        try reportingOutputErrors(item: "post \(post.sourceID)") {
            try writeItem(siteFormat == .movableType ? WXRMovableTypeMapping.wordPressPost(from: post) : post, comments: comments)
            try xml.flush()
        }
    }

    /// Closes the channel and the document, flushes, and closes the output file if the writer
    /// opened one.
    public func finish() throws {
        guard stage == .items else {
            let message = stage == .beforeHeader ? "the header was never written" : "the export is already finished"
            throw WXRWriteError(.callOrder, item: "end", message: message)
        }
        stage = .finished
        try reportingOutputErrors(item: "end") {
            try newline(indent: 1)
            try xml.endElement()   // channel
            try newline(indent: 0)
            try xml.endElement()   // rss; endDocument adds the final line break
            try xml.endDocument()
            try closeOutput?()
        }
    }

    /// Writes a line break and `indent` tabs: WordPress's layout, cosmetic to every reader.
    func newline(indent: Int) throws {
        try xml.raw(Self.lineStarts[min(indent, Self.lineStarts.count - 1)])
    }

    private static let lineStarts = (0...4).map { "\n" + String(repeating: "\t", count: $0) }

    private func reportingOutputErrors(item: String, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as WXRWriteError {
            throw error
        } catch {
            throw WXRWriteError(.output, item: item, message: "\(error)")
        }
    }
}
