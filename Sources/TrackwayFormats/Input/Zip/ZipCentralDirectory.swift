import TrackwayCore

/// Where a zip archive's central directory is and how many headers it holds, from the end of
/// central directory record, or from the Zip64 record its locator points to.
struct ZipCentralDirectory {
    /// The archive offset of the first central directory header.
    var offset: UInt64
    /// How many headers follow.
    var count: UInt64

    /// The end of central directory record is 22 bytes, then a comment of up to 65,535.
    private static let longestEnd = 22 + 65_535

    init(file: ZipFileHandle, archive: String) throws {
        func damaged(_ what: String) -> ImportError {
            ImportError(file: archive, line: 0, message: "not a readable zip archive: \(what)")
        }
        let tailLength = UInt64(min(UInt64(Self.longestEnd), file.size))
        let tail = try file.bytes(at: file.size - tailLength, count: Int(tailLength))
        // The record is searched from the end, as its comment may hold anything.
        guard tail.count >= 22, let end = stride(from: tail.count - 22, through: 0, by: -1).first(where: {
            tail.uint32(at: $0) == 0x0605_4B50 && $0 + 22 + Int(tail.uint16(at: $0 + 20)) == tail.count
        }) else {
            throw damaged("no end of central directory record")
        }
        let endOffset = file.size - tailLength + UInt64(end)
        offset = UInt64(tail.uint32(at: end + 16))
        count = UInt64(tail.uint16(at: end + 10))
        guard endOffset >= 20 else { return }
        let locator = try file.bytes(at: endOffset - 20, count: 20)
        guard locator.uint32(at: 0) == 0x0706_4B50 else { return }
        let recordOffset = locator.uint64(at: 8)
        let record = try file.bytes(at: recordOffset, count: 56)
        guard record.uint32(at: 0) == 0x0606_4B50 else { throw damaged("the Zip64 locator points to no Zip64 record") }
        count = record.uint64(at: 32)
        offset = record.uint64(at: 48)
    }
}
