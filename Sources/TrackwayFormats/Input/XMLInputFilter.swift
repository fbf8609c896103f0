/// The byte supplier between an `ExportFile` and libxml2: in a UTF-8 document it replaces what
/// would stop the parser (C0 controls, invalid UTF-8, U+FFFE/U+FFFF) with U+FFFD and counts them;
/// in any document it cuts long CDATA sections into short ones, which libxml2 reads in linear
/// time (`CDATASectionSplitter`).
final class XMLInputFilter {
    private let file: ExportFile
    private let isActive: Bool
    private var sanitizer = UTF8Sanitizer(forXML: true)
    private var splitter: CDATASectionSplitter
    private let chunkSize = ExportFile.directReadSize
    private let input: UnsafeMutableRawBufferPointer
    private let output: UnsafeMutableRawBufferPointer
    /// What libxml2 gets next, in order: bytes of `input` that needed no change (most of a
    /// chunk, served without a copy), then what the sanitizer wrote for the rest to `output`.
    private var unchanged = 0..<0
    private var cleaned = 0..<0
    /// An incomplete sequence at the end of `input`, moved to its start by the next refill.
    private var carried = 0..<0
    private var atEnd = false

    /// Filters `file`; when `isActive` is false (a document in another encoding) only CDATA
    /// sections are cut, at line feeds.
    init(file: ExportFile, isActive: Bool) {
        self.file = file
        self.isActive = isActive
        splitter = CDATASectionSplitter(cutsWithinLines: isActive)
        input = .allocate(byteCount: chunkSize + 4, alignment: 1)
        output = .allocate(byteCount: (chunkSize + 4) * 3, alignment: 1)
    }

    deinit {
        input.deallocate()
        output.deallocate()
    }

    /// Fills `buffer` for libxml2; returns the byte count, 0 at the end.
    func supply(_ buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while unchanged.isEmpty && cleaned.isEmpty {
            if atEnd { return 0 }
            try refill()
        }
        if !unchanged.isEmpty {
            return move(from: input, range: &unchanged, into: buffer)
        }
        return move(from: output, range: &cleaned, into: buffer)
    }

    /// Every replacement made so far.
    var replacedCount: Int { sanitizer.replacedCount }

    /// True when every byte supplied is valid UTF-8 without the characters XML forbids, in a
    /// document that declares UTF-8 or no encoding: the filter is active.
    var suppliesValidUTF8: Bool { isActive }

    private func refill() throws {
        guard isActive else {
            let got = try file.read(into: UnsafeMutableRawBufferPointer(rebasing: input[0..<chunkSize]))
            atEnd = got == 0
            unchanged = 0..<got
            return
        }
        // At most three bytes of a cut sequence move to the front.
        for offset in 0..<carried.count { input[offset] = input[carried.lowerBound + offset] }
        let start = carried.count
        let got = try file.read(into: UnsafeMutableRawBufferPointer(rebasing: input[start..<start + chunkSize]))
        let available = start + got
        atEnd = got == 0
        let chunk = UnsafeRawBufferPointer(rebasing: input[0..<available])
        unchanged = 0..<sanitizer.unchangedPrefixLength(chunk)
        let (consumed, written) = sanitizer.clean(
            UnsafeRawBufferPointer(rebasing: chunk[unchanged.upperBound...]), into: output, isFinal: atEnd
        )
        cleaned = 0..<written
        carried = unchanged.upperBound + consumed..<available
    }

    /// Copies the start of `range` of `source` into `buffer` through the splitter, as much as
    /// fits, and drops what it took from `range`; returns the bytes written.
    private func move(
        from source: UnsafeMutableRawBufferPointer, range: inout Range<Int>, into buffer: UnsafeMutableRawBufferPointer
    ) -> Int {
        let (consumed, written) = splitter.copy(from: UnsafeRawBufferPointer(rebasing: source[range]), into: buffer)
        range = range.lowerBound + consumed..<range.upperBound
        return written
    }

    /// True when the document's declaration names UTF-8 or no encoding (XML's default), and it has no UTF-16 mark.
    static func isUTF8Document(prefix: [UInt8]) -> Bool {
        if prefix.starts(with: [0xFE, 0xFF]) || prefix.starts(with: [0xFF, 0xFE]) { return false }
        let head = String(decoding: prefix.prefix(512), as: UTF8.self)
        guard head.contains("<?xml"), let declarationEnd = head.firstRange(of: "?>") else { return true }
        let declaration = head[..<declarationEnd.lowerBound]
        guard let match = declaration.firstMatch(of: /encoding\s*=\s*["']([^"']*)["']/) else { return true }
        let encoding = match.1.lowercased()
        return encoding == "utf-8" || encoding == "utf8"
    }
}
