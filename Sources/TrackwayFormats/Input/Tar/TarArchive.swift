import TrackwayCore

/// A tar archive (ustar, GNU or pax) read forward in one pass from an `ExportFile`, so a
/// `.tar.gz` streams through zlib as a plain file does: each member's header, then its bytes,
/// never the archive held or unpacked.
///
/// ```swift
/// let archive = TarArchive(file: try ExportFile(path: "backup.tar.gz"), name: "backup.tar.gz")
/// while let member = try archive.nextMember() {
///     let file = ExportFile(tarMember: archive, size: member.size, name: member.displayName)   // this member only
/// }
/// ```
///
/// A header whose checksum does not add up is refused naming the archive and the member before
/// it; links, directories and devices are passed over, a pax or GNU long name is honoured.
public final class TarArchive {
    /// One regular file of the archive.
    public struct Member: Sendable, Equatable {
        public var name: String
        public var size: Int
        /// `archive:name`, as zip entries are named in messages.
        public var displayName: String
    }

    private let file: ExportFile
    private let name: String
    /// Bytes of the current member not yet read, then the padding to the next 512-byte block.
    private var remaining = 0
    private var padding = 0
    private var previous = "the start"

    static let blockSize = 512

    /// Reads `file` (plain or gzip-compressed) as a tar archive; `name` is what messages call it.
    public init(file: ExportFile, name: String) {
        self.file = file
        self.name = name
    }

    /// True when `head` (an archive's first bytes, decompressed) starts with a ustar header.
    static func isArchive(head: [UInt8]) -> Bool {
        head.count >= blockSize && Array(head[257..<262]) == Array("ustar".utf8)
    }

    /// Skips what is left of the current member and reads the next regular file's header; nil
    /// at the end of the archive.
    public func nextMember() throws -> Member? {
        try skip(remaining + padding)
        remaining = 0
        padding = 0
        var longName: String?
        while true {
            var header = [UInt8](repeating: 0, count: Self.blockSize)
            let got = try header.withUnsafeMutableBytes { try readFully(into: $0) }
            guard got == Self.blockSize, header.contains(where: { $0 != 0 }) else { return nil }
            guard Self.checksumMatches(header) else {
                throw ImportError(file: name, line: 0, message: "not a tar archive: the header after \(previous) has a wrong checksum")
            }
            guard let size = Self.number(header[124..<136]) else {
                throw ImportError(file: name, line: 0, message: "the tar header after \(previous) has no valid size")
            }
            let type = header[156]
            let dataPadding = (Self.blockSize - size % Self.blockSize) % Self.blockSize
            switch type {
            case UInt8(ascii: "L"), UInt8(ascii: "x"):
                // A GNU long name, or pax attributes: read them (small), for the next header.
                guard size <= 1 << 20 else { throw ImportError(file: name, line: 0, message: "a tar long name or pax header over 1 MB") }
                var data = [UInt8](repeating: 0, count: size)
                _ = try data.withUnsafeMutableBytes { try readFully(into: $0) }
                try skip(dataPadding)
                longName = type == UInt8(ascii: "L") ? Self.text(data[...]) : Self.paxPath(data) ?? longName
            case 0, UInt8(ascii: "0"), UInt8(ascii: "7"):
                let member = longName ?? Self.headerName(header)
                previous = "'\(member)'"
                remaining = size
                padding = dataPadding
                return Member(name: member, size: size, displayName: "\(name):\(member)")
            default:
                // Directories, links, devices and global pax headers hold no file to read.
                try skip(size + dataPadding)
                longName = nil
            }
        }
    }

    /// Fills `buffer` with the current member's next bytes; 0 at its end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard remaining > 0 else { return 0 }
        let count = min(buffer.count, remaining)
        let got = try readFully(into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<count]))
        guard got == count else {
            throw ImportError(file: name, line: 0, message: "the tar archive ends inside \(previous)")
        }
        remaining -= got
        return got
    }

    private func readFully(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        var filled = 0
        while filled < buffer.count {
            let got = try file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
            if got == 0 { break }
            filled += got
        }
        return filled
    }

    private func skip(_ count: Int) throws {
        var left = count
        var scratch = [UInt8](repeating: 0, count: min(max(left, 1), 64 * 1024))
        while left > 0 {
            let step = min(left, scratch.count)
            let got = try scratch.withUnsafeMutableBytes { try readFully(into: UnsafeMutableRawBufferPointer(rebasing: $0[0..<step])) }
            guard got == step else { throw ImportError(file: name, line: 0, message: "the tar archive ends inside \(previous)") }
            left -= step
        }
    }

    /// ustar's `prefix/name`, or the bare name.
    private static func headerName(_ header: [UInt8]) -> String {
        let base = text(header[0..<100])
        let prefix = Array(header[257..<262]) == Array("ustar".utf8) ? text(header[345..<500]) : ""
        return prefix.isEmpty ? base : prefix + "/" + base
    }

    private static func text(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
    }

    /// An octal field (or GNU's base-256 form, for sizes over 8 GB).
    private static func number(_ field: ArraySlice<UInt8>) -> Int? {
        if let first = field.first, first & 0x80 != 0 {
            return field.dropFirst().reduce(Int(first & 0x7F)) { value, byte in value > Int.max >> 8 ? value : value << 8 | Int(byte) }
        }
        let digits = field.prefix { $0 != 0 && $0 != 0x20 }.drop { $0 == 0x20 }
        guard !digits.isEmpty || field.allSatisfy({ $0 == 0 || $0 == 0x20 }) else { return nil }
        var value = 0
        for digit in digits {
            guard digit >= 0x30 && digit <= 0x37, value < Int.max >> 3 else { return nil }
            value = value << 3 | Int(digit - 0x30)
        }
        return value
    }

    private static func checksumMatches(_ header: [UInt8]) -> Bool {
        guard let stored = number(header[148..<156]) else { return false }
        var sum = 0
        for (index, byte) in header.enumerated() { sum += (148..<156).contains(index) ? 0x20 : Int(byte) }
        return sum == stored
    }

    /// The `path` record of pax attributes (`<length> path=<value>\n` records).
    private static func paxPath(_ data: [UInt8]) -> String? {
        for record in data.split(separator: 0x0A) {
            guard let space = record.firstIndex(of: 0x20) else { continue }
            let field = record[(space + 1)...]
            if field.starts(with: Array("path=".utf8)) { return String(decoding: field.dropFirst(5), as: UTF8.self) }
        }
        return nil
    }
}
