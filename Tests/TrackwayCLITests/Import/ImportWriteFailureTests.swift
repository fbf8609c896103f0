import Foundation
import Testing
import TrackwayTesting

@Suite("trackway import when the database refuses a write")
struct ImportWriteFailureTests {
    let samples = CommandLineHarness.repositoryRoot.appendingPathComponent("Samples")

    @Test("the error names the file, the record and the database's reason; later files are reported unread; the counts are what the database kept")
    func refusedWriteIsReported() throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("refusing.sqlite")
        let wxr = samples.appendingPathComponent("harbour-notes.wordpress.xml")
        let mt = samples.appendingPathComponent("lighthouse-log.mt.txt")
        let schema = try CommandLineHarness.trackway(["import", "--db", db.path, mt.path])
        try #require(schema.status == 0, "first import failed: \(schema.stderr)")
        let database = SQLiteFile(db)
        // Post 11 of the WordPress sample has a comment by Knot Society; posts 10 and 11 each
        // commit alone with --batch-size 1, so 10 stays and 11 goes back.
        try database.query("""
            CREATE TRIGGER refuse_comment BEFORE INSERT ON comments WHEN NEW.author = 'Knot Society'
            BEGIN SELECT RAISE(ABORT, 'simulated write failure'); END
            """)

        let result = try CommandLineHarness.trackway(["import", "--db", db.path, "--json", "--batch-size", "1", wxr.path, mt.path])

        #expect(result.status == 1)
        #expect(result.stderr.contains("\(wxr.path): cannot store post 11 of wxr:http://harbour-notes.example"), "\(result.stderr)")
        #expect(result.stderr.contains("simulated write failure"), "\(result.stderr)")
        #expect(!result.stderr.contains("already finished"), "\(result.stderr)")
        let report = try CommandLineHarness.jsonObject(result.stdout)
        let files = try #require(report["files"] as? [[String: Any]])
        #expect(files.count == 2)
        #expect((files.last?["error"] as? String)?.hasPrefix("\(mt.path): not read") == true)
        let summary = try #require(report["summary"] as? [String: Any])
        func added(_ kind: String) -> Int? { (summary[kind] as? [String: Any])?["added"] as? Int }
        let site = "(SELECT id FROM sites WHERE source_key = 'wxr:http://harbour-notes.example')"
        #expect(try database.query("SELECT count(*) FROM posts WHERE site_id = \(site) AND post_type = 'post'") == "1")
        #expect(added("posts") == 1)
        let comments = "SELECT count(*) FROM comments JOIN posts ON posts.id = comments.post_id WHERE posts.site_id = \(site)"
        #expect(try database.query("\(comments) AND kind = 'comment'") == "2")
        #expect(added("comments") == 2)
        #expect(try database.query("\(comments) AND kind = 'pingback'") == "1")
        #expect(added("pingbacks") == 1)
        #expect(try database.query("\(comments) AND kind = 'trackback'") == "1")
        #expect(added("trackbacks") == 1)
        // The Movable Type sample was not imported a second time: its site is as it was.
        #expect(try database.query("SELECT count(*) FROM sites") == "2")
    }
}
