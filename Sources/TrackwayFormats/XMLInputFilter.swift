/// The byte supplier between an `ExportFile` and libxml2: in a UTF-8 document it replaces what
/// would stop the parser (C0 controls, invalid UTF-8, U+FFFE/U+FFFF) with U+FFFD and counts them.
final class XMLInputFilter {
    private let file: ExportFile
    private let isActive: Bool
    private var sanitizer = UTF8Sanitizer(forXML: true)
    private let chunkSize = 64 * 1024
    private let input: UnsafeMutableRawBufferPointer
    private let output: UnsafeMutableRawBufferPointer
    /// Bytes of an incomplete sequence kept at the start of `input` for the next chunk.
    private var carried = 0
    private var outputStart = 0
    private var outputEnd = 0
    private var atEnd = false

    /// Filters `file`; when `isActive` is false (a document in another encoding) bytes pass unchanged.
    init(file: ExportFile, isActive: Bool) {
        self.file = file
        self.isActive = isActive
        input = .allocate(byteCount: chunkSize + 4, alignment: 1)
        output = .allocate(byteCount: (chunkSize + 4) * 3, alignment: 1)
    }

    deinit {
        input.deallocate()
        output.deallocate()
    }

    /// Fills `buffer` for libxml2; returns the byte count, 0 at the end.
    func supply(_ buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard isActive else { return try file.read(into: buffer) }
        while outputStart == outputEnd {
            if atEnd { return 0 }
            try refill()
        }
        let count = min(buffer.count, outputEnd - outputStart)
        buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: output[outputStart..<outputStart + count]))
        outputStart += count
        return count
    }

    /// Every replacement made so far.
    var replacedCount: Int { sanitizer.replacedCount }

    private func refill() throws {
        let got = try file.read(into: UnsafeMutableRawBufferPointer(rebasing: input[carried..<carried + chunkSize]))
        let available = carried + got
        atEnd = got == 0
        let (consumed, written) = sanitizer.clean(
            UnsafeRawBufferPointer(rebasing: input[0..<available]), into: output, isFinal: atEnd
        )
        carried = available - consumed
        // At most three bytes of a cut sequence move to the front.
        for offset in 0..<carried { input[offset] = input[consumed + offset] }
        outputStart = 0
        outputEnd = written
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
