import Foundation
import TrackwayCore

/// Reads a Movable Type import/export text file as a stream of records, one entry at a time.
///
/// ```swift
/// var options = ReadOptions(fileName: "blog.txt")
/// options.timeZone = "America/New_York"
/// let reader = MTExportReader(file: try ExportFile(path: "blog.txt"), options: options)
/// try reader.read(emit: { record in … }, warn: { warning in … })
/// let fromMemory = MTExportReader(file: ExportFile(bytes: Array(text.utf8), name: "blog.txt"), options: options)
/// ```
///
/// Tolerates what real files contain: a byte order mark, CRLF or CR line ends, lowercase am/pm,
/// MT 9's TAB-escaped separators, and non-UTF-8 input given `options.charset`.
public final class MTExportReader: ExportReader {
    private let file: ExportFile
    private let options: ReadOptions
    private let maxLineBytes: Int

    /// A reader of `file` with a 64 MB line cap; nothing is read until `read(emit:warn:)`.
    public init(file: ExportFile, options: ReadOptions) {
        self.file = file
        self.options = options
        maxLineBytes = 64 * 1024 * 1024
    }

    /// A reader with a smaller line cap, so tests can prove the cap without 64 MB of input.
    init(file: ExportFile, options: ReadOptions, maxLineBytes: Int) {
        self.file = file
        self.options = options
        self.maxLineBytes = maxLineBytes
    }

    public func read(emit: (ImportRecord) throws -> Void, warn: (ImportWarning) -> Void) throws {
        guard var decoder = MTTextDecoder(charsetName: options.charset) else {
            throw ImportError(
                file: options.fileName, line: 0,
                message: "unsupported charset '\(options.charset ?? "")'; expected one of \(MTTextDecoder.supportedNames)"
            )
        }
        guard let timeZone = TimeZone(identifier: options.timeZone) else {
            throw ImportError(file: options.fileName, line: 0, message: "unknown time zone '\(options.timeZone)'; expected an IANA name such as Europe/Paris")
        }
        var site = Site(sourceKey: options.siteKey ?? "mt:" + Self.baseName(options.siteFileName), format: .movableType)
        site.timeZone = options.timeZone
        try emit(.site(site))

        let converter = MTEntryConverter(fileName: options.fileName, timeZone: timeZone)
        var lines = MTLineReader(file: file, maxLineBytes: maxLineBytes)
        var machine = MTEntryMachine()
        var authors: Set<String> = []
        var termKeys: Set<String> = []
        // An entry with many comments and pings goes out in pieces: these count them on.
        var counts = MTEntryConverter.SectionCounts()
        /// The source id of the entry whose first piece went out, nil when none is in pieces.
        var inPiecesID: String?
        /// Emits the author and terms of `post` met for the first time.
        func declare(_ post: Post, of entry: MTEntry) throws {
            if !post.creator.isEmpty, authors.insert(post.creator).inserted {
                var author = Author(login: post.creator)
                author.displayName = post.creator
                author.email = entry.value("AUTHOR EMAIL") ?? ""
                try emit(.author(author))
            }
            for term in post.terms where termKeys.insert(term.taxonomy + "\u{0}" + term.slug).inserted {
                var declared = Term(taxonomy: term.taxonomy, slug: term.slug)
                declared.name = term.name
                try emit(.term(declared))
            }
        }
        /// Hands on comment and ping `sections` taken out of the open entry `entry`.
        func deliverPiece(_ sections: [MTEntry.Section], of entry: MTEntry) throws {
            if let sourceID = inPiecesID {
                try emit(.postComments(converter.pingsAndComments(from: sections, of: sourceID, counts: &counts, warn: warn)))
                return
            }
            // Metadata comes before every section, so the post's fields are known; a comment
            // still being read stays for the next piece. Warnings about the fields wait for the
            // whole entry.
            var head = entry
            head.sections.removeAll(where: MTEntryMachine.isPingOrComment)
            var post = converter.post(from: head, warn: { _ in })
            post.comments = converter.pingsAndComments(from: sections, of: post.sourceID, counts: &counts, warn: warn)
            try declare(post, of: entry)
            try emit(.postStart(post))
            inPiecesID = post.sourceID
        }
        func deliver(_ entry: MTEntry) throws {
            guard !entry.fields.isEmpty || !entry.sections.isEmpty else { return }
            let post = converter.post(from: entry, counts: &counts, warn: warn)
            counts = MTEntryConverter.SectionCounts()
            try declare(post, of: entry)
            // These keys come once per entry: a second one means two entries ran together.
            var seen: Set<String> = []
            for field in entry.fields where Self.singleKeys.contains(field.key.uppercased()) && !seen.insert(field.key.uppercased()).inserted {
                warn(ImportWarning(
                    file: self.options.fileName, line: field.line, item: "entry \(post.sourceID)",
                    message: "a second \(field.key) in one entry; a -------- line between two entries may be missing"
                ))
            }
            if post.replacedCharacters > 0 {
                warn(ImportWarning(
                    file: self.options.fileName, line: entry.line, item: "entry \(post.sourceID)",
                    message: "replaced \(post.replacedCharacters) invalid characters"
                ))
            }
            try emit(inPiecesID == nil ? .post(post) : .postEnd(post))
            inPiecesID = nil
        }
        while let line = try lines.next() {
            var bytes = line.bytes
            if line.number == 1, decoder.isUTF8, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            if line.wasTruncated {
                warn(ImportWarning(
                    file: options.fileName, line: line.number,
                    message: "line longer than \(maxLineBytes) bytes; the rest of it was dropped"
                ))
            }
            let before = decoder.replacedCount
            let text = decoder.decode(bytes)
            machine.noteReplacedCharacters(decoder.replacedCount - before, line: line.number)
            if let entry = machine.feed(text, number: line.number) {
                try deliver(entry)
            } else if let sections = machine.takeClosedPingsAndComments(atLeast: Self.heldPingsAndComments),
                      let entry = machine.openEntry {
                try deliverPiece(sections, of: entry)
            }
        }
        if let entry = machine.finish(), !entry.fields.isEmpty || !entry.sections.isEmpty {
            warn(ImportWarning(
                file: options.fileName, line: entry.line,
                message: "the file ends inside an entry, without the -------- line that closes it; the file may be cut short"
            ))
            try deliver(entry)
        }
    }

    /// Comments and pings of one entry held at most before they are handed on in pieces.
    static let heldPingsAndComments = 250

    /// Metadata keys an entry has at most once.
    private static let singleKeys: Set<String> = ["AUTHOR", "TITLE", "BASENAME", "DATE", "STATUS"]

    /// The file name without directories and extensions (`/x/blog.txt.gz` → `blog`).
    static func baseName(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let stem = name.split(separator: ".", omittingEmptySubsequences: false).first.map(String.init) ?? name
        return stem.isEmpty ? name : stem
    }
}
