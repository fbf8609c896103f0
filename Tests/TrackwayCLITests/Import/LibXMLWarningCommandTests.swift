import Foundation
import Testing
import TrackwayTesting

/// A file libxml2 only warns about imports and migrates, the warnings printed with file and line.
@Suite("trackway import and migrate read on past libxml2 warnings")
struct LibXMLWarningCommandTests {
    static let warnings = [
        "unicode-ns.xml:3: xmlns:u: 'http://ëxämplë.com/ünïcödë/' is not a valid URI",
        "unicode-ns.xml:8: xmlns:v: 'http://ëxämplë.com/ïtëm/' is not a valid URI",
    ]

    @Test("import exits 0, stores every item and lists each warning with file and line")
    func importReadsOn() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write(Array(IRINamespaceExport.document.utf8), to: "unicode-ns.xml")
        let db = directory.file("unicode.sqlite")
        let result = try CommandLineHarness.trackway(["import", "--db", db.path, file.path])
        #expect(result.status == 0, "\(result.stderr)")
        for warning in Self.warnings {
            #expect(result.stdout.contains(warning), "stdout: \(result.stdout)")
        }
        let stats = try CommandLineHarness.trackway(["stats", "--db", db.path, "--json"])
        #expect(try CommandLineHarness.jsonObject(stats.stdout)["posts"] as? Int == 2)
    }

    @Test("migrate exits 0, prints each warning with file and line, and writes the elements in IRI namespaces back")
    func migrateReadsOn() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write(Array(IRINamespaceExport.document.utf8), to: "unicode-ns.xml")
        let output = directory.file("migrated.xml")
        let result = try CommandLineHarness.trackway(["migrate", file.path, "--output", output.path])
        #expect(result.status == 0, "\(result.stderr)")
        for warning in Self.warnings {
            #expect(result.stderr.contains("warning: " + warning.replacingOccurrences(of: "unicode-ns.xml", with: file.path)), "stderr: \(result.stderr)")
        }
        let exported = try String(contentsOf: output, encoding: .utf8)
        #expect(exported.contains(#"<u:theme xmlns:u="http://ëxämplë.com/ünïcödë/">dark</u:theme>"#), "\(exported)")
        #expect(exported.contains(#"<v:custom_field xmlns:v="http://ëxämplë.com/ïtëm/">test</v:custom_field>"#), "\(exported)")
        #expect(exported.contains("<title><![CDATA[After]]></title>"))
    }
}
