#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A scratch file holding one fuzz input, for readers that read only files (`ExportFile`).
///
/// ```swift
/// FuzzInputFile.withPath(holding: bytes) { path in try? read(path) }
/// ```
public enum FuzzInputFile {
    /// Writes `bytes` to this process's scratch file, calls `body` with its path, then removes it.
    ///
    /// The file lives in `/dev/shm` when there is one, so each run costs no disk I/O.
    public static func withPath<Result>(holding bytes: UnsafeBufferPointer<UInt8>, _ body: (String) -> Result) -> Result {
        let path = scratchPath()
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { fatalError("cannot create \(path): \(String(cString: strerror(errno)))") }
        var written = 0
        while written < bytes.count, let base = bytes.baseAddress {
            let result = write(descriptor, base + written, bytes.count - written)
            guard result > 0 else { fatalError("cannot write \(path): \(String(cString: strerror(errno)))") }
            written += result
        }
        close(descriptor)
        defer { unlink(path) }
        return body(path)
    }

    private static func scratchPath() -> String {
        var status = stat()
        let directory = stat("/dev/shm", &status) == 0 ? "/dev/shm" : "/tmp"
        return "\(directory)/trackway-fuzz-\(getpid()).input"
    }
}
