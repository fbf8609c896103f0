#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cuts the CDATA sections of a UTF-8 XML byte stream into runs of a few KB by inserting
/// `]]><![CDATA[`, which leaves the document's text as it was: adjacent CDATA sections read
/// as one text.
///
/// Why: under `xmlTextReader`, libxml2 2.9's push parser looks for a section's `]]>` from the
/// section's start again at every 512-byte chunk it is handed, and passes on 300 bytes per
/// look, so a section costs time quadratic in its length. A post of 4 MB took 7.4 s to import
/// and one of 12 MB 76 s. A run of a few KB is found whole in one or two looks.
///
/// A cut goes just before a line feed once a run is `preferredRun` bytes long, so the lines and
/// columns of everything after it are unchanged. It never goes right after a `]`, so that it
/// cannot complete or split a `]]>`. In UTF-8 (`cutsWithinLines`), a run that reaches
/// `longestRun` without a line feed is cut at the next character boundary; columns further along
/// that one line then count the 12 inserted bytes. In other encodings only line feeds are cut
/// before: in every ASCII-compatible one a line feed byte is a line feed, whereas a character
/// boundary cannot be told from the bytes alone; in UTF-16 no section opener is ever matched.
///
/// The splitter follows as much XML syntax as it needs to know where sections are: markup
/// starts at `<`, and comments and processing instructions may hold `<![CDATA[` as plain text.
/// Tags need no tracking, since `<` may not appear inside them (in an attribute value libxml2
/// stops the document there, before any cut). After a document type declaration, or anything
/// else it does not expect after `<!`, the splitter copies the rest unchanged.
///
/// ```swift
/// var splitter = CDATASectionSplitter()
/// let (consumed, written) = splitter.copy(from: input, into: output)
/// ```
struct CDATASectionSplitter {
    /// A CDATA run this long is cut at its next line feed. Shorter sections, most posts', pass
    /// as they are: below a few KB the extra looks cost less than a cut.
    static let preferredRun = 1024
    /// A CDATA run this long is cut at its next character boundary.
    static let longestRun = 8192
    /// What a cut inserts: the end of one section and the start of the next.
    static let cut = Array("]]><![CDATA[".utf8)

    private enum State {
        /// Character data and tags.
        case text
        /// Just after `<`.
        case markupStart
        /// After `<!`, with `matched` bytes of `[CDATA[` read.
        case sectionStart(matched: Int)
        /// After `<!-`.
        case commentStart
        /// Inside `<!-- … -->`, after `dashes` dashes (counted up to 2).
        case comment(dashes: Int)
        /// Inside `<? … ?>`, just after a `?` or not.
        case processingInstruction(afterQuestionMark: Bool)
        /// Inside a CDATA section, `run` bytes after its start or its last cut, after
        /// `brackets` `]` (counted up to 2).
        case cdata(run: Int, brackets: Int)
        /// Past a document type declaration or unexpected markup: nothing more is cut.
        case copying
    }

    private static let sectionOpening = Array("[CDATA[".utf8)
    private var state = State.text
    /// Whether a run with no line feed is cut at a character boundary (UTF-8 input only).
    let cutsWithinLines: Bool

    /// A splitter for UTF-8 input (`cutsWithinLines`), or for input in another encoding.
    init(cutsWithinLines: Bool = true) {
        self.cutsWithinLines = cutsWithinLines
    }

    /// Copies the start of `input` into `output`, cutting CDATA sections on the way, as much as
    /// fits; returns the bytes consumed from `input` and written to `output`. Both are at least 1
    /// when neither buffer is empty.
    mutating func copy(
        from input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer
    ) -> (consumed: Int, written: Int) {
        var read = 0
        var written = 0
        // `read` moves as bytes are scanned; they are copied in one piece at each cut and at the
        // end, since most steps of the scan cover a few bytes, too few for a copy each.
        var copiedUpTo = 0
        func copyScanned() {
            let count = read - copiedUpTo
            UnsafeMutableRawBufferPointer(rebasing: output[written..<written + count])
                .copyMemory(from: UnsafeRawBufferPointer(rebasing: input[copiedUpTo..<read]))
            written += count
            copiedUpTo = read
        }
        /// The offset of the first `byte` in `input[from..<end]`.
        func find(_ byte: UInt8, from start: Int, to end: Int) -> Int? {
            guard let base = input.baseAddress, end > start,
                  let hit = memchr(base + start, Int32(byte), end - start) else { return nil }
            return UnsafeRawPointer(hit) - base
        }
        /// Whether `input` holds `expected` at `offset`.
        func holds(_ expected: StaticString, at offset: Int) -> Bool {
            memcmp(input.baseAddress! + offset, expected.utf8Start, expected.utf8CodeUnitCount) == 0
        }
        while read < input.count && written + (read - copiedUpTo) < output.count {
            let end = read + min(input.count - read, output.count - written - (read - copiedUpTo))
            let byte = input[read]
            switch state {
            case .copying:
                read = end
            case .text:
                // Tags pass in this loop; it stops at the start of a section, a comment or a
                // processing instruction, and at markup cut off by the end of the input.
                var position = read
                while true {
                    guard let open = find(UInt8(ascii: "<"), from: position, to: end) else {
                        read = end
                        break
                    }
                    guard end - open > 9 else {
                        read = open + 1
                        state = .markupStart
                        break
                    }
                    switch input[open + 1] {
                    case UInt8(ascii: "?"):
                        read = open + 2
                        state = .processingInstruction(afterQuestionMark: false)
                    case UInt8(ascii: "!") where holds("![CDATA[", at: open + 1):
                        read = open + 9
                        state = .cdata(run: 0, brackets: 0)
                    case UInt8(ascii: "!") where holds("!--", at: open + 1):
                        read = open + 4
                        state = .comment(dashes: 0)
                    case UInt8(ascii: "!"):
                        read = open + 2
                        state = .copying
                    default:
                        position = open + 1
                        continue
                    }
                    break
                }
            case .markupStart:
                read += 1
                switch byte {
                case UInt8(ascii: "!"): state = .sectionStart(matched: 0)
                case UInt8(ascii: "?"): state = .processingInstruction(afterQuestionMark: false)
                default: state = .text
                }
            case .sectionStart(let matched):
                read += 1
                if matched == 0 && byte == UInt8(ascii: "-") {
                    state = .commentStart
                } else if byte == Self.sectionOpening[matched] {
                    state = matched + 1 == Self.sectionOpening.count ? .cdata(run: 0, brackets: 0) : .sectionStart(matched: matched + 1)
                } else {
                    state = .copying
                }
            case .commentStart:
                read += 1
                state = byte == UInt8(ascii: "-") ? .comment(dashes: 0) : .copying
            case .comment(let dashes):
                if dashes == 0 {
                    if let dash = find(UInt8(ascii: "-"), from: read, to: end) {
                        read = dash + 1
                        state = .comment(dashes: 1)
                    } else {
                        read = end
                    }
                } else {
                    read += 1
                    if byte == UInt8(ascii: ">") && dashes >= 2 {
                        state = .text
                    } else {
                        state = .comment(dashes: byte == UInt8(ascii: "-") ? 2 : 0)
                    }
                }
            case .processingInstruction(let afterQuestionMark):
                if afterQuestionMark {
                    read += 1
                    state = byte == UInt8(ascii: ">") ? .text : .processingInstruction(afterQuestionMark: byte == UInt8(ascii: "?"))
                } else if let mark = find(UInt8(ascii: "?"), from: read, to: end) {
                    read = mark + 1
                    state = .processingInstruction(afterQuestionMark: true)
                } else {
                    read = end
                }
            case .cdata(let run, let brackets):
                if brackets > 0 {
                    read += 1
                    if byte == UInt8(ascii: ">") && brackets >= 2 {
                        state = .text
                    } else {
                        state = .cdata(run: run + 1, brackets: byte == UInt8(ascii: "]") ? 2 : 0)
                    }
                    continue
                }
                // The run does not end in "]" here, so a cut may go before `byte`: at a line
                // feed once the run is long, or at any character boundary once it is too long.
                if run >= Self.preferredRun && output.count - written - (read - copiedUpTo) > Self.cut.count
                    && (byte == UInt8(ascii: "\n") || (cutsWithinLines && run >= Self.longestRun && byte & 0xC0 != 0x80)) {
                    copyScanned()
                    Self.cut.withUnsafeBytes {
                        UnsafeMutableRawBufferPointer(rebasing: output[written..<written + $0.count]).copyMemory(from: $0)
                    }
                    written += Self.cut.count
                    state = .cdata(run: 0, brackets: 0)
                    continue
                }
                // Scan up to the next place a cut may be wanted, or to the next "]".
                var stretchEnd = end
                if run < Self.preferredRun {
                    stretchEnd = min(end, read + Self.preferredRun - run)
                } else if run < Self.longestRun || !cutsWithinLines {
                    stretchEnd = cutsWithinLines ? min(end, read + Self.longestRun - run) : end
                    if let lineFeed = find(UInt8(ascii: "\n"), from: read + 1, to: stretchEnd) {
                        stretchEnd = lineFeed
                    }
                } else {
                    stretchEnd = read + 1
                }
                guard let bracket = find(UInt8(ascii: "]"), from: read, to: stretchEnd) else {
                    state = .cdata(run: run + stretchEnd - read, brackets: 0)
                    read = stretchEnd
                    continue
                }
                if end - bracket >= 3 && holds("]]>", at: bracket) {
                    read = bracket + 3
                    state = .text
                } else {
                    state = .cdata(run: run + bracket + 1 - read, brackets: 1)
                    read = bracket + 1
                }
            }
        }
        copyScanned()
        return (read, written)
    }
}
