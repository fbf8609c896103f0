import Foundation

/// How far a running process has read into a file it has open, from Linux's `/proc/PID/fdinfo`:
/// an outside view of an import's progress that needs nothing from the program itself.
struct OpenFileOffset {
    let processID: Int32
    let path: String
    private var descriptor: String?

    /// Watches `processID` reading `path` (symbolic links resolved, as `/proc/PID/fd` shows them).
    init(processID: Int32, path: URL) {
        self.processID = processID
        self.path = path.resolvingSymlinksInPath().path
    }

    /// The current offset; nil while the file is not open.
    mutating func current() -> Int? {
        if descriptor == nil { descriptor = findDescriptor() }
        guard let descriptor,
              // `readToEnd()` throws where `readDataToEndOfFile()` traps: the process may exit
              // between the open and the read, and /proc then answers the read with an error.
              let handle = FileHandle(forReadingAtPath: "/proc/\(processID)/fdinfo/\(descriptor)"),
              let info = try? handle.readToEnd(),
              let line = String(decoding: info, as: UTF8.self).split(separator: "\n").first(where: { $0.hasPrefix("pos:") }),
              let offset = Int(line.dropFirst(4).trimmingCharacters(in: .whitespaces))
        else {
            self.descriptor = nil
            return nil
        }
        return offset
    }

    private func findDescriptor() -> String? {
        let directory = "/proc/\(processID)/fd"
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return entries.first { (try? FileManager.default.destinationOfSymbolicLink(atPath: "\(directory)/\($0)")) == path }
    }
}
