import Foundation
import TrackwayCore
import TrackwayTesting
@testable import TrackwayFormats

/// Where the shared fixtures live: the repository's parent holds `shared/` (here and in CI).
enum Fixture {
    static let root = TestPaths.sharedFixtures

    static func path(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }

    static func wxr(_ name: String) -> String { path("wxr/wordpress-importer/" + name) }
    static let peerBlog = path("wxr/wordpress-6.1/peer-blog.xml")
    static func mt(_ name: String) -> String { path("mt/movabletypeparser-net/" + name) }
}

/// Everything a read produced, and the error that stopped it, if any.
struct ReadResult {
    var records: [ImportRecord] = []
    var warnings: [ImportWarning] = []
    var error: Error?

    var sites: [Site] { records.compactMap { if case .site(let site) = $0 { site } else { nil } } }
    var authors: [Author] { records.compactMap { if case .author(let author) = $0 { author } else { nil } } }
    var terms: [Term] { records.compactMap { if case .term(let term) = $0 { term } else { nil } } }
    /// Each post record's kind in order: `post`, or `start`, `comments`… `end` for one in pieces.
    var postRecordKinds: [String] {
        records.compactMap { record in
            switch record {
            case .post: "post"
            case .postStart: "start"
            case .postComments: "comments"
            case .postEnd: "end"
            default: nil
            }
        }
    }

    /// Every post, whole or put together from its pieces.
    var posts: [Post] {
        var posts: [Post] = []
        var open: Post?
        for record in records {
            switch record {
            case .post(let post): posts.append(post)
            case .postStart(let post): open = post
            case .postComments(let comments): open?.comments += comments
            case .postEnd(var post):
                post.comments = (open?.comments ?? []) + post.comments
                posts.append(post)
                open = nil
            default: continue
            }
        }
        return posts
    }
    var importError: ImportError? { error as? ImportError }

    func post(_ id: String) -> Post? { posts.first { $0.sourceID == id } }
}

/// Opens `path` with detection and reads it to the end (or the first error).
func readExport(_ path: String, configure: (inout ReadOptions) -> Void = { _ in }) -> ReadResult {
    var result = ReadResult()
    var options = ReadOptions(fileName: path)
    configure(&options)
    do {
        let (reader, _, _) = try openExportReader(.file(path), options: options)
        try reader.read(emit: { result.records.append($0) }, warn: { result.warnings.append($0) })
    } catch {
        result.error = error
    }
    return result
}

/// A scratch file with `contents`, removed with its directory when released.
struct TemporaryFile {
    let path: String
    private let directory: TemporaryDirectory

    init(_ contents: String, suffix: String = ".xml") throws {
        try self.init(bytes: Array(contents.utf8), suffix: suffix)
    }

    init(bytes: [UInt8], suffix: String = ".xml") throws {
        directory = try TemporaryDirectory(prefix: "trackway-formats")
        path = try directory.write(bytes, to: "document\(suffix)").path
    }
}

/// Reads an inline document written to a temporary file.
func readDocument(_ contents: String, suffix: String = ".xml", configure: (inout ReadOptions) -> Void = { _ in }) throws -> ReadResult {
    let file = try TemporaryFile(contents, suffix: suffix)
    return readExport(file.path, configure: configure)
}

func readDocument(bytes: [UInt8], suffix: String = ".xml", configure: (inout ReadOptions) -> Void = { _ in }) throws -> ReadResult {
    let file = try TemporaryFile(bytes: bytes, suffix: suffix)
    return readExport(file.path, configure: configure)
}

/// A minimal WXR 1.2 document around `items` (and optional channel header markup).
func wxrDocument(
    items: String, channel: String = "", namespaces: String = """
    xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" \
    xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/"
    """
) -> String {
    """
    <?xml version="1.0" encoding="UTF-8" ?>
    <rss version="2.0" \(namespaces)>
    <channel>
    <title>Inline</title>
    <link>http://example.org</link>
    <wp:wxr_version>1.2</wp:wxr_version>
    <wp:base_blog_url>http://example.org</wp:base_blog_url>
    \(channel)
    \(items)
    </channel>
    </rss>
    """
}
