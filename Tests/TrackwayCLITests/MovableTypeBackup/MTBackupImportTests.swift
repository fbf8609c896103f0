import Foundation
import Testing
import TrackwayTesting

/// `trackway import` of a Movable Type backup, through the built binary, checked against a
/// Python count of the same file and against what the database holds afterwards.
@Suite struct MTBackupImportTests {
    private func importJSON(_ arguments: [String]) throws -> [String: Any] {
        let result = try CommandLineHarness.trackway(["import", "--json"] + arguments)
        guard result.status == 0 else { throw HarnessError(message: "import failed: \(result.stderr)") }
        return try CommandLineHarness.jsonObject(result.stdout)
    }

    private func counts(_ summary: [String: Any], _ kind: String) -> [String: Int] {
        summary[kind] as? [String: Int] ?? [:]
    }

    /// `SELECT key, count(*) … GROUP BY key` as a dictionary.
    private func grouped(_ database: URL, _ sql: String) throws -> [String: Int] {
        var result: [String: Int] = [:]
        for line in try SQLiteFile(database).query(sql).split(separator: "\n") {
            let parts = line.split(separator: "|")
            if parts.count == 2, let count = Int(parts[1]) { result[String(parts[0])] = count }
        }
        return result
    }

    @Test("the import's counts, and the statuses stored, are those a Python count of the backup finds")
    func countsMatchAnIndependentCount() throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("blog.sqlite")
        let oracle = try MTBackupFixture.oracle(MTBackupFixture.backup)
        let report = try importJSON(["--db", db.path, MTBackupFixture.backup.path])
        let summary = try #require(report["summary"] as? [String: Any])
        let total = { (key: String) in (oracle[key] as? [String: Int] ?? [:]).values.reduce(0, +) }
        #expect(counts(summary, "sites")["added"] == oracle["sites"] as? Int)
        #expect(counts(summary, "authors")["added"] == oracle["authors"] as? Int)
        #expect(counts(summary, "posts")["added"] == oracle["posts"] as? Int)
        #expect(counts(summary, "pages")["added"] == oracle["pages"] as? Int)
        #expect(counts(summary, "attachments")["added"] == oracle["attachments"] as? Int)
        #expect(counts(summary, "ping_targets")["added"] == oracle["ping_targets"] as? Int)
        #expect(counts(summary, "comments")["added"] == total("comments"))
        #expect(counts(summary, "trackbacks")["added"] == total("trackbacks"))
        let skipped = summary["skipped_elements"] as? [String: Int] ?? [:]
        #expect(skipped.filter { !$0.key.contains(" ") } == oracle["skipped_elements"] as? [String: Int])
        #expect(skipped["tbping (to a category)"] == oracle["category_pings"] as? Int)

        #expect(try grouped(db, "SELECT status, count(*) FROM posts WHERE post_type IN ('post', 'page') GROUP BY status")
            == oracle["post_statuses"] as? [String: Int])
        #expect(try grouped(db, "SELECT status, count(*) FROM comments WHERE kind = 'comment' GROUP BY status")
            == oracle["comments"] as? [String: Int])
        #expect(try grouped(db, "SELECT status, count(*) FROM comments WHERE kind = 'trackback' GROUP BY status")
            == oracle["trackbacks"] as? [String: Int])
        #expect(try SQLiteFile(db).query("SELECT count(*) FROM comments WHERE parent_source_id <> '0'")
            == String(oracle["threaded_comments"] as? Int ?? -1))
        #expect(try SQLiteFile(db).query("SELECT count(*) FROM trackback_targets") == String(oracle["ping_targets"] as? Int ?? -1))
    }

    @Test("a comment the backup repeats is stored once: the repeat rewrites it when its text changed, and counts as unchanged when not")
    func repeatedCommentIsStoredOnce() throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("blog.sqlite")
        let backup = directory.file("repeat.xml")
        try """
            <?xml version='1.0'?>
            <movabletype xmlns='http://www.sixapart.com/ns/movabletype' schema_version='6.0008'>
            <blog id='2' name='Repeat' site_url='http://blog.example/' server_offset='0'/>
            <entry id='7' blog_id='2' status='2' basename='seventh' title='Seventh'/>
            <comment id='5' blog_id='2' entry_id='7' author='Ann' visible='1'><text>First words.</text></comment>
            <comment id='5' blog_id='2' entry_id='7' author='Ann' visible='1'><text>Second words.</text></comment>
            <comment id='6' blog_id='2' entry_id='7' author='Bob' visible='0'><text>Held.</text></comment>
            <comment id='6' blog_id='2' entry_id='7' author='Bob' visible='0'><text>Held.</text></comment>
            </movabletype>
            """.write(to: backup, atomically: true, encoding: .utf8)
        let report = try importJSON(["--db", db.path, backup.path])
        let summary = try #require(report["summary"] as? [String: Any])
        #expect(counts(summary, "comments") == ["added": 2, "updated": 1, "unchanged": 1, "skipped": 0])
        #expect(try SQLiteFile(db).query("SELECT source_id, content, status FROM comments ORDER BY source_id")
            == "5|Second words.|approved\n6|Held.|pending")
    }

    @Test("importing the backup again changes nothing: every record unchanged, the database the same")
    func reimportChangesNothing() throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("blog.sqlite")
        _ = try importJSON(["--db", db.path, MTBackupFixture.backup.path])
        let before = try SQLiteFile(db).content()
        let summary = try #require(try importJSON(["--db", db.path, MTBackupFixture.backup.path])["summary"] as? [String: Any])
        for kind in ["sites", "authors", "terms", "posts", "pages", "attachments", "comments", "trackbacks", "ping_targets"] {
            #expect(counts(summary, kind)["added"] == 0 && counts(summary, kind)["updated"] == 0, "\(kind): \(counts(summary, kind))")
        }
        #expect(counts(summary, "comments")["unchanged"] == 6)
        #expect(try SQLiteFile(db).content() == before)
    }

    @Test("the authors' password and api_password bytes are in the backup and nowhere in the database files")
    func passwordsNeverReachTheDatabase() throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("blog.sqlite")
        _ = try importJSON(["--db", db.path, MTBackupFixture.backup.path])
        let secrets = ["$6$saltsalt$XyZhashedPasswordBytesQ9", "ApiSecret-K7q2Zx", "$6$othersalt$AnotherHashValueW3"]
        let backup = try Data(contentsOf: MTBackupFixture.backup)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.url.path).filter { $0.hasPrefix("blog.sqlite") }
        #expect(files.contains("blog.sqlite"))
        for secret in secrets {
            #expect(backup.range(of: Data(secret.utf8)) != nil, "the fixture must hold \(secret) for this test to mean anything")
            for file in files {
                let bytes = try Data(contentsOf: directory.file(file))
                #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret) found in \(file)")
            }
        }
        #expect(try SQLiteFile(db).query("SELECT login, email FROM authors ORDER BY site_id, login")
            == "bob|bob@example.com\nmelody|melody@example.com\nmelody|melody@example.com")
    }

    @Test("a split backup read through its manifest gives the database of the whole backup")
    func splitBackupEqualsWhole() throws {
        let directory = try TemporaryDirectory()
        let whole = directory.file("whole.sqlite"), split = directory.file("split.sqlite")
        _ = try importJSON(["--db", whole.path, MTBackupFixture.backup.path])
        let report = try importJSON(["--db", split.path, MTBackupFixture.manifest.path])
        #expect((report["files"] as? [[String: Any]])?.first?["format"] as? String == "movableTypeBackupManifest")
        #expect(try SQLiteFile(split).content() == SQLiteFile(whole).content())
    }

    @Test("the backup and MT's text export of one blog, in either order, give the backup's site: its ids and statuses, nothing doubled")
    func mergeWithTextExportInEitherOrder() throws {
        let directory = try TemporaryDirectory()
        let alone = directory.file("alone.sqlite"), backupFirst = directory.file("backup-first.sqlite")
        let textFirst = directory.file("text-first.sqlite")
        _ = try importJSON(["--db", alone.path, MTBackupFixture.backup.path])
        _ = try importJSON(["--db", backupFirst.path, MTBackupFixture.backup.path])
        let text = try importJSON(["--db", backupFirst.path, MTBackupFixture.textExport.path])
        _ = try importJSON(["--db", textFirst.path, MTBackupFixture.textExport.path])
        let textOnly = try SQLiteFile(textFirst).query("SELECT count(*) FROM comments")
        _ = try importJSON(["--db", textFirst.path, MTBackupFixture.backup.path])

        let expected = try MTBackupFixture.view(alone)
        #expect(try MTBackupFixture.view(backupFirst) == expected)
        #expect(try MTBackupFixture.view(textFirst) == expected)
        // The text export named the site as MT names its file: it met the backup's site.
        let textSummary = try #require(text["summary"] as? [String: Any])
        #expect(counts(textSummary, "sites")["unchanged"] == 1)
        #expect(counts(textSummary, "posts")["unchanged"] == 8)
        #expect(textOnly == "4")
        for db in [backupFirst, textFirst] {
            let brew = try SQLiteFile(db).query("""
                SELECT c.source_id, c.status FROM comments c JOIN posts p ON p.id = c.post_id
                WHERE p.source_id = 'first_brew' ORDER BY c.source_id
                """)
            #expect(brew == "1|approved\n2|approved\n3|pending\n4|spam\n6|spam\ntbping-1|approved\ntbping-2|pending\ntbping-3|spam")
            // The import does not have SQLite enforce foreign keys: every row's parent must be there.
            #expect(try SQLiteFile(db).query("PRAGMA foreign_key_check") == "")
        }
    }
}

/// MT's backup packages: the `.tar.gz` and `.zip` it offers, holding the split backup, its
/// manifest and an asset, written by Python's tarfile and zipfile.
@Suite struct MTBackupPackageImportTests {
    private static let parts = ["Movable_Type-2011-04-01-09-30-00-Backup-1.xml", "Movable_Type-2011-04-01-09-30-00-Backup-2.xml"]
    private static let manifest = "Movable_Type-2011-04-01-09-30-00-Backup.manifest"

    private func files() throws -> [(String, [UInt8])] {
        let split = MTBackupFixture.manifest.deletingLastPathComponent()
        return try (Self.parts + [Self.manifest]).map { ($0, Array(try Data(contentsOf: split.appendingPathComponent($0)))) }
            + [("30-teapot.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0x00])]
    }

    @Test("a .tar.gz package and a .zip package each import as the whole backup does")
    func packagesImportAsTheBackup() throws {
        let directory = try TemporaryDirectory()
        let whole = directory.file("whole.sqlite")
        try #require(try CommandLineHarness.trackway(["import", "--db", whole.path, MTBackupFixture.backup.path]).status == 0)
        let expected = try SQLiteFile(whole).content()

        let zip = try PythonZip.write(try files().map { PythonZip.Entry(name: $0.0, bytes: $0.1) }, to: directory.file("backup.zip"))
        let tarGz = directory.file("backup.tar.gz")
        let script = """
            import io, json, sys, tarfile, base64
            with tarfile.open(sys.argv[1], 'w:gz') as tar:
                for name, data in json.load(sys.stdin):
                    data = base64.b64decode(data); info = tarfile.TarInfo(name); info.size = len(data)
                    tar.addfile(info, io.BytesIO(data))
            """
        let input = try JSONSerialization.data(withJSONObject: try files().map { [$0.0, Data($0.1).base64EncodedString()] })
        let packed = try ChildProcess.tool("python3", ["-c", script, tarGz.path], input: input)
        try #require(packed.status == 0, "\(packed.stderr)")

        for (package, format) in [(zip, "movableTypeBackupManifest"), (tarGz, "movableTypeBackupArchive")] {
            let db = directory.file(package.lastPathComponent + ".sqlite")
            let result = try CommandLineHarness.trackway(["import", "--json", "--db", db.path, package.path])
            try #require(result.status == 0, "\(package.lastPathComponent): \(result.stderr)")
            let report = try CommandLineHarness.jsonObject(result.stdout)
            let outcomes = report["files"] as? [[String: Any]] ?? []
            #expect(outcomes.count == 1 && outcomes.first?["format"] as? String == format, "\(outcomes)")
            #expect(outcomes.first?["error"] == nil, "\(outcomes)")
            #expect(try SQLiteFile(db).content() == expected, "\(package.lastPathComponent)")
        }
    }
}
