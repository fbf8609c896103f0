import TrackwayCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An archive file open for reads at given offsets (`pread`), so entries are read where they are.
final class ZipFileHandle {
    private let descriptor: Int32
    /// What errors call the file.
    private let name: String
    /// The file's size in bytes.
    let size: UInt64

    /// Opens `path`; errors call it `name`.
    init(path: String, name: String) throws {
        var status = stat()
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw ImportError(file: name, line: 0, message: "cannot open the file (\(String(cString: strerror(errno))))")
        }
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            throw ImportError(file: name, line: 0, message: "cannot open the file (not a regular file)")
        }
        self.descriptor = descriptor
        self.name = name
        size = UInt64(status.st_size)
    }

    deinit {
        close(descriptor)
    }

    /// Up to `buffer.count` bytes from `offset` into `buffer`; returns how many (0 past the end).
    func read(at offset: UInt64, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            let got = pread(descriptor, base, buffer.count, off_t(offset))
            if got >= 0 { return got }
            if errno != EINTR {
                throw ImportError(file: name, line: 0, message: "cannot read the file: \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Exactly `count` bytes from `offset`; throws when the file ends first.
    func bytes(at offset: UInt64, count: Int) throws -> [UInt8] {
        var result = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = try result.withUnsafeMutableBytes {
                try read(at: offset + UInt64(filled), into: UnsafeMutableRawBufferPointer(rebasing: $0[filled...]))
            }
            guard got > 0 else {
                throw ImportError(file: name, line: 0, message: "not a readable zip archive: it ends at byte \(offset + UInt64(filled)), inside a record")
            }
            filled += got
        }
        return result
    }
}
