import Foundation

/// Where an export writes a document: stdout, or a file that appears only when complete
/// (written to a temporary name beside it, then renamed), so no reader ever sees half a file.
final class OutputFile {
    private let handle: FileHandle
    /// The path, or "stdout", for errors.
    private let name: String
    private let finalPath: String?
    private let temporaryPath: String?
    private var buffer: [UInt8] = []
    private static let bufferSize = 1 << 16
    /// Bytes written so far.
    private(set) var bytesWritten = 0

    /// Opens `path` for writing, or stdout when nil.
    init(path: String?) throws {
        guard let path else {
            handle = FileHandle.standardOutput
            name = "stdout"
            finalPath = nil
            temporaryPath = nil
            return
        }
        let temporary = path + ".partial-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
              let opened = FileHandle(forWritingAtPath: temporary) else {
            throw OutputError(message: "cannot write \(path): the directory is missing or not writable")
        }
        handle = opened
        name = path
        finalPath = path
        temporaryPath = temporary
    }

    /// Appends bytes, flushing to the file in 64 KB chunks.
    func write(_ bytes: UnsafeRawBufferPointer) throws {
        buffer.append(contentsOf: bytes)
        bytesWritten += bytes.count
        if buffer.count >= Self.bufferSize { try flush() }
    }

    /// Writes what is buffered, syncs, and moves the temporary file to its final name.
    func commit() throws {
        try flush()
        if let finalPath, let temporaryPath {
            guard fsync(handle.fileDescriptor) == 0 else { throw failure() }
            try handle.close()
            // rename(2) replaces an existing file in one step. Foundation's replaceItemAt failed
            // on Linux when the file existed, after removing it.
            guard rename(temporaryPath, finalPath) == 0 else {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(atPath: temporaryPath)
                throw OutputError(message: "cannot write \(finalPath): \(reason)")
            }
        }
    }

    /// Removes the temporary file after a failure; the previous file at the path is untouched.
    func discard() {
        if let temporaryPath {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: temporaryPath)
        }
    }

    /// Writes the buffer with write(2), whose errno names the reason (a full disk, a closed
    /// pipe) where FileHandle's error is a Foundation domain and code.
    private func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { bytes in
                Foundation.write(handle.fileDescriptor, bytes.baseAddress! + offset, bytes.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw failure()
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// The error for the failed system call that set `errno`.
    private func failure() -> OutputError {
        OutputError(message: "cannot write \(name): \(String(cString: strerror(errno)))")
    }
}
