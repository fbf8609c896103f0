/// Splits an export file into lines in chunks: LF, CRLF and lone CR all end a line, and a line
/// longer than `maxLineBytes` is cut there (the rest up to the line break is dropped) so a file
/// without line breaks cannot exhaust memory.
struct MTLineReader {
    /// One line's bytes without its terminator, its 1-based number, and whether it was cut.
    struct Line {
        var bytes: [UInt8]
        var number: Int
        var wasTruncated: Bool
    }

    private let file: ExportFile
    private let maxLineBytes: Int
    private var buffer: [UInt8]
    private var position = 0
    private var end = 0
    private var atEnd = false
    private var lineNumber = 0
    /// The previous line ended with CR, so an LF starting this chunk belongs to it.
    private var skipLineFeed = false

    init(file: ExportFile, maxLineBytes: Int, chunkSize: Int = 64 * 1024) {
        self.file = file
        self.maxLineBytes = maxLineBytes
        buffer = [UInt8](repeating: 0, count: chunkSize)
    }

    /// The next line, nil at the end of the file.
    mutating func next() throws -> Line? {
        var line: [UInt8] = []
        var truncated = false
        var sawAnything = false
        while true {
            if position == end {
                if atEnd { break }
                end = try buffer.withUnsafeMutableBytes { try file.read(into: $0) }
                position = 0
                if end == 0 {
                    atEnd = true
                    break
                }
            }
            if skipLineFeed {
                skipLineFeed = false
                if buffer[position] == 0x0A {
                    position += 1
                    continue
                }
            }
            sawAnything = true
            var stop = position
            while stop < end, buffer[stop] != 0x0A, buffer[stop] != 0x0D { stop += 1 }
            let room = maxLineBytes - line.count
            if stop - position > room {
                truncated = true
                line.append(contentsOf: buffer[position..<position + max(room, 0)])
            } else {
                line.append(contentsOf: buffer[position..<stop])
            }
            if stop < end {
                skipLineFeed = buffer[stop] == 0x0D
                position = stop + 1
                lineNumber += 1
                return Line(bytes: line, number: lineNumber, wasTruncated: truncated)
            }
            position = end
        }
        guard sawAnything else { return nil }
        lineNumber += 1
        return Line(bytes: line, number: lineNumber, wasTruncated: truncated)
    }
}
