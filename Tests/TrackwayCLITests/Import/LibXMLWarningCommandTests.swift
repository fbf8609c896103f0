import Foundation
import Testing
import TrackwayTesting

/// A file libxml2 only warns about imports and migrates, the warnings printed with file and line.
@Suite("trackway import and migrate read on past libxml2 warnings")
struct LibXMLWarningCommandTests {
    /// A WXR declaring IRI namespace names on its channel (line 3) and on an item (line 8), as
    /// WordPress's importer test file namespace-edge-cases.xml does.
    static let document = """
        <?xml version="1.0" encoding="UTF-8" ?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
        <channel xmlns:u="http://ëxämplë.com/ünïcödë/">
        <title>Unicode namespaces</title>
        <wp:wxr_version>1.2</wp:wxr_version>
        <wp:base_blog_url>http://example.org</wp:base_blog_url>
        <u:theme>dark</u:theme>
        <item xmlns:v="http://ëxämplë.com/ïtëm/">
        <title>Unicode Namespace</title>
        <wp:post_id>4</wp:post_id>
        <v:custom_field>test</v:custom_field>
        <wp:post_type>post</wp:post_type>
        <content:encoded><![CDATA[Unicode namespace URI test]]></content:encoded>
        </item>
        <item><title>After</title><wp:post_id>5</wp:post_id><wp:post_type>post</wp:post_type></item>
        </channel>
        </rss>
        """

    static let warnings = [
        "unicode-ns.xml:3: xmlns:u: 'http://ëxämplë.com/ünïcödë/' is not a valid URI",
        "unicode-ns.xml:8: xmlns:v: 'http://ëxämplë.com/ïtëm/' is not a valid URI",
    ]

    @Test("import exits 0, stores every item and lists each warning with file and line")
    func importReadsOn() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write(Array(Self.document.utf8), to: "unicode-ns.xml")
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
        let file = try directory.write(Array(Self.document.utf8), to: "unicode-ns.xml")
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
