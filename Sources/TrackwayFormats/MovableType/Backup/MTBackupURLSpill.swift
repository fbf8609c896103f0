import Foundation

/// `fileinfo` URLs that came before their entry once the converter's memory for them was full,
/// kept in an anonymous temporary file (`tmpfile`: the system removes it when it is closed or the
/// process ends, even by kill -9) and read back once, in order, when the backup ends.
///
/// Each URL is written as a header line `blogID entryID byteCount` and the URL's bytes, so a URL
/// holding a newline (an attribute may, through `&#10;`) reads back whole.
///
/// ```swift
/// let spill = try MTBackupURLSpill()
/// try spill.append(blogID: 2, entryID: 4, url: "http://blog.example/2020/old.html")
/// try spill.forEach { blogID, entryID, url in … }
/// ```
final class MTBackupURLSpill {
    /// The temporary file failed: the disk is full, or no temporary file can be made.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let file: UnsafeMutablePointer<FILE>
    /// How many URLs the file holds.
    private(set) var count = 0

    init() throws {
        guard let file = tmpfile() else {
            throw Failure(description: "cannot make a temporary file for fileinfo URLs: \(String(cString: strerror(errno)))")
        }
        self.file = file
    }

    deinit {
        fclose(file)
    }

    /// Adds one URL of entry `entryID` of blog `blogID`.
    func append(blogID: Int, entryID: Int, url: String) throws {
        var bytes = Array("\(blogID) \(entryID) \(url.utf8.count)\n".utf8)
        bytes += url.utf8
        guard fwrite(bytes, 1, bytes.count, file) == bytes.count else { throw writeFailure() }
        count += 1
    }

    /// Calls `body` with every URL added, in the order they were added.
    func forEach(_ body: (_ blogID: Int, _ entryID: Int, _ url: String) throws -> Void) throws {
        guard fflush(file) == 0 else { throw writeFailure() }
        rewind(file)
        var header = [CChar](repeating: 0, count: 64)
        for _ in 0..<count {
            guard fgets(&header, Int32(header.count), file) != nil else { throw readFailure() }
            let line = header.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
            let fields = String(decoding: line, as: UTF8.self).split(separator: " ")
            guard fields.count == 3, let blogID = Int(fields[0]), let entryID = Int(fields[1]),
                  let length = Int(fields[2].dropLast()), length >= 0 else { throw readFailure() }
            var url = [UInt8](repeating: 0, count: length)
            guard fread(&url, 1, length, file) == length else { throw readFailure() }
            try body(blogID, entryID, String(decoding: url, as: UTF8.self))
        }
    }

    private func writeFailure() -> Failure {
        Failure(description: "cannot write fileinfo URLs to a temporary file: \(String(cString: strerror(errno)))")
    }

    private func readFailure() -> Failure {
        Failure(description: "the temporary file of fileinfo URLs did not read back as written")
    }
}
