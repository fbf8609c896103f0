import Foundation
import Testing
import TrackwayCore
import TrackwayTesting
@testable import TrackwayFormats

/// The streaming tar reader on archives Python's `tarfile` writes (an independent writer), in the
/// three formats it has, gzip-compressed as MT's package is.
@Suite struct TarArchiveTests {
    /// Writes members `(name, text)` and a directory with `tarfile` in `format` (`ustar`, `gnu`, `pax`).
    private func archive(_ members: [(String, String)], format: String, in directory: TemporaryDirectory) throws -> String {
        let path = directory.file("package-\(format).tar.gz").path
        let script = """
            import io, json, sys, tarfile
            members = json.load(sys.stdin)
            fmt = {'ustar': tarfile.USTAR_FORMAT, 'gnu': tarfile.GNU_FORMAT, 'pax': tarfile.PAX_FORMAT}[sys.argv[2]]
            with tarfile.open(sys.argv[1], 'w:gz', format=fmt) as tar:
                folder = tarfile.TarInfo('assets'); folder.type = tarfile.DIRTYPE; tar.addfile(folder)
                for name, text in members:
                    data = text.encode(); info = tarfile.TarInfo(name); info.size = len(data)
                    tar.addfile(info, io.BytesIO(data))
            """
        let input = try JSONSerialization.data(withJSONObject: members.map { [$0.0, $0.1] })
        let result = try ChildProcess.tool("python3", ["-c", script, path, format], input: input)
        try #require(result.status == 0, "\(result.stderr)")
        return path
    }

    private func readAll(_ path: String) throws -> [(String, String)] {
        let archive = TarArchive(file: try ExportFile(path: path), name: "package")
        var read: [(String, String)] = []
        while let member = try archive.nextMember() {
            let file = ExportFile(tarMember: archive, size: member.size, name: member.displayName)
            // Every other member is skipped unread: the archive passes over the rest by itself.
            guard read.count % 2 == 0 || member.name.hasPrefix("long") else {
                read.append((member.name, ""))
                continue
            }
            var bytes: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 7)
            while true {
                let got = try buffer.withUnsafeMutableBytes { try file.read(into: $0) }
                if got == 0 { break }
                bytes += buffer[..<got]
            }
            read.append((member.name, String(decoding: bytes, as: UTF8.self)))
        }
        return read
    }

    @Test("members of ustar, GNU and pax archives come in order with their bytes, directories passed over, long names whole", arguments: ["ustar", "gnu", "pax"])
    func members(format: String) throws {
        let directory = try TemporaryDirectory()
        let longName = "long-" + String(repeating: "n", count: format == "ustar" ? 40 : 140) + ".xml"
        let members = [("a.xml", String(repeating: "<a/>", count: 300)), ("b.jpg", "not read"), (longName, "x"), ("c.xml", "")]
        let read = try readAll(try archive(members, format: format, in: directory))
        #expect(read.map(\.0) == members.map(\.0))
        #expect(read[0].1 == members[0].1)
        #expect(read[2].1 == "x")
    }

    @Test("a header whose checksum does not add up is refused, naming the member before it")
    func badChecksum() throws {
        let directory = try TemporaryDirectory()
        let path = try archive([("a.xml", "<a/>"), ("b.xml", "<b/>")], format: "ustar", in: directory)
        var damaged = try ExportFile(path: path).peek(1 << 20)
        // b.xml's header follows the directory's header, a.xml's and a.xml's one data block: a byte of its name.
        #expect(damaged[1536] == UInt8(ascii: "b"))
        damaged[1536] ^= 0x20
        let archive = TarArchive(file: ExportFile(bytes: damaged, name: "damaged.tar"), name: "damaged.tar")
        #expect(try archive.nextMember()?.name == "a.xml")
        do {
            _ = try archive.nextMember()
            Issue.record("the damaged header was read")
        } catch let error as ImportError {
            #expect(error.message == "not a tar archive: the header after 'a.xml' has a wrong checksum")
        }
    }
}
