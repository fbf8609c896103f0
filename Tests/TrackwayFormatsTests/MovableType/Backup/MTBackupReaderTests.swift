import Foundation
import Testing
import TrackwayCore
import TrackwayTesting
@testable import TrackwayFormats

/// The Movable Type backup reader on the hand-written fixture (MT 5/6 shape: single-quoted
/// attributes, text columns as children, 14-digit local times) and on inline documents.
@Suite struct MTBackupReaderTests {
    static let directory = TestPaths.repositoryRoot.appendingPathComponent("Tests/Fixtures/mt-backup")
    static let backup = directory.appendingPathComponent("tea-and-coffee-backup.xml").path
    static let manifest = directory.appendingPathComponent("split/Movable_Type-2011-04-01-09-30-00-Backup.manifest").path

    /// A backup document around `objects`.
    static func document(_ objects: String) -> String {
        """
        <?xml version='1.0'?>
        <movabletype xmlns='http://www.sixapart.com/ns/movabletype' schema_version='6.0008' backup_on='2020-01-01T00:00:00'>
        <blog id='2' name='Inline' site_url='http://blog.example/' server_offset='5.75'/>
        \(objects)
        </movabletype>
        """
    }

    private func attachments(_ result: ReadResult, of post: PostReference) -> [PostAttachment] {
        result.records.compactMap { record in
            guard case .attachment(let reference, let attachment) = record, reference == post else { return nil }
            return attachment
        }
    }

    private func comments(_ result: ReadResult) -> [TrackwayCore.Comment] {
        result.records.compactMap { record in
            guard case .attachment(_, .comment(let comment)) = record else { return nil }
            return comment
        }
    }

    @Test("the root movabletype in MT's namespace is detected as a backup, its manifest as a split backup")
    func detection() throws {
        #expect(try ExportFormat.detect(ExportFile(path: Self.backup)) == .movableTypeBackup)
        #expect(try ExportFormat.detect(ExportFile(path: Self.manifest)) == .movableTypeBackupManifest)
        let otherNamespace = try TemporaryFile("<?xml version='1.0'?><movabletype xmlns='http://example.com/ns'/>")
        #expect(try ExportFormat.detect(ExportFile(path: otherNamespace.path)) == nil)
    }

    @Test("each website and blog is a site named as MT names its text export, with its zone from server_offset")
    func sites() {
        let result = readExport(Self.backup)
        #expect(result.error == nil)
        #expect(result.sites.map(\.sourceKey) == ["mt:example_website", "mt:tea_leaves", "mt:coffee_notes"])
        #expect(result.sites.map(\.timeZone) == ["GMT+0530", "GMT+0530", "GMT-0330"])
        #expect(result.sites[1].title == "Tea & Leaves")
        #expect(result.sites[1].link == "http://www.example.com/tea/")
        #expect(result.sites.allSatisfy { $0.generator == "Movable Type backup, schema 5.0036" })
    }

    @Test("entry statuses 1 to 6 read as WordPress's, the MT name kept, and times stored as written and in UTC by a fractional offset")
    func statusesAndTimes() throws {
        let result = readExport(Self.backup)
        let statuses = Dictionary(uniqueKeysWithValues: result.posts.map { ($0.sourceID, $0.status) })
        #expect(statuses["first_brew"] == "publish")
        #expect(statuses["draft_thoughts"] == "draft")
        #expect(statuses["review_me"] == "pending")
        #expect(statuses["future_pot"] == "future")
        #expect(statuses["taken_down"] == "draft")
        let brew = try #require(result.post("first_brew"))
        #expect(brew.postDate == "2009-01-15 09:30:00")
        #expect(brew.postDateGMT == "2009-01-15 04:00:00")
        #expect(brew.sourceFields.contains(MetaEntry(key: "STATUS", value: "Publish")))
        #expect(brew.sourceFields.contains(MetaEntry(key: "EXTENDED BODY", value: "<p>More about the kettle.</p>")))
        #expect(brew.content == "<p>The kettle sang.</p>")
        let espresso = try #require(result.post("morning_espresso"))
        #expect(espresso.postDateGMT == "2009-03-10 10:15:00")
        #expect(result.post("our_team")?.postType == "page")
        #expect(result.post("steeping_times")?.pingStatus == "closed")
    }

    @Test("a spam entry (status 5) is trash, as the text export's converter has it, and 5.75 hours east moves 14 digits back 5:45")
    func spamEntryAndOffset() throws {
        let result = try readDocument(Self.document("""
            <entry id='7' blog_id='2' status='5' basename='junk' authored_on='20200301001500'><text>x</text></entry>
            """))
        let post = try #require(result.post("junk"))
        #expect(post.status == "trash")
        #expect(post.postDate == "2020-03-01 00:15:00")
        #expect(post.postDateGMT == "2020-02-29 18:30:00")
    }

    @Test("comments and pings take MT's three states from visible and junk_status, keep their threads, and reach their entry through the trackback row")
    func commentsAndPings() {
        let result = readExport(Self.backup)
        let all = comments(result)
        let states: [String: String] = Dictionary(uniqueKeysWithValues: all.map { ($0.sourceID, $0.approved) })
        #expect(states == ["1": "1", "2": "1", "3": "0", "4": "spam", "5": "1", "6": "spam",
                           "tbping-1": "1", "tbping-2": "0", "tbping-3": "spam", "tbping-5": "1"])
        #expect(all.first { $0.sourceID == "3" }?.parentSourceID == "2")
        let pingsOfBrew = attachments(result, of: .movableTypeTrackback(5)).compactMap { if case .comment(let c) = $0, c.kind == .trackback { c } else { nil } }
        #expect(pingsOfBrew.map(\.sourceID) == ["tbping-1", "tbping-2", "tbping-3"])
        #expect(pingsOfBrew.first?.blogName == "Friend's Log")
        #expect(pingsOfBrew.first?.authorIP == "192.0.2.10")
        #expect(attachments(result, of: .movableTypeTrackback(12)).contains { if case .comment(let c) = $0 { c.sourceID == "tbping-5" } else { false } })
        #expect(result.warnings.contains { $0.message.contains("a ping to category 'Green'") })
    }

    @Test("--site-key names a one-blog backup's site, and is the prefix of each key in a backup of several blogs")
    func siteKeyOfOneAndOfSeveralBlogs() throws {
        let several = readExport(Self.backup) { $0.siteKey = "acme" }
        #expect(several.error == nil)
        #expect(several.sites.map(\.sourceKey) == ["acme:example_website", "acme:tea_leaves", "acme:coffee_notes"])
        #expect(!several.warnings.contains { $0.message.contains("--site-key") })
        let one = try readDocument(Self.document("<entry id='7' blog_id='2' status='2' basename='one'/>")) { $0.siteKey = "acme" }
        #expect(one.sites.map(\.sourceKey) == ["acme"])
    }

    @Test("what follows an entry names it by its MT id, so two entries sharing a basename keep their own comments")
    func entriesSharingABasename() throws {
        let result = try readDocument(Self.document("""
            <entry id='7' blog_id='2' status='2' basename='hello' authored_on='20090115093000'/>
            <entry id='8' blog_id='2' status='2' basename='hello' authored_on='20090215093000'/>
            <comment id='1' blog_id='2' entry_id='8' visible='1' junk_status='1'><text>To February.</text></comment>
            <comment id='2' blog_id='2' entry_id='7' visible='1' junk_status='1'><text>To January.</text></comment>
            """))
        #expect(result.posts.map(\.sourceID) == ["hello", "hello"])
        #expect(attachments(result, of: .movableTypeEntry(8)).map { if case .comment(let c) = $0 { c.content } else { "" } } == ["To February."])
        #expect(attachments(result, of: .movableTypeEntry(7)).map { if case .comment(let c) = $0 { c.content } else { "" } } == ["To January."])
    }

    @Test("every trackback row is a ping target with its own id: entries' and a category's, disabled and passphrase kept")
    func pingTargets() {
        let targets = readExport(Self.backup).records.compactMap { record -> TrackbackTarget? in
            if case .trackbackTarget(let target) = record { target } else { nil }
        }
        #expect(targets.map(\.trackbackID) == [3, 5, 6, 8, 9, 11, 12])
        #expect(targets[0].subject == .category(slug: "green", name: "Green"))
        #expect(targets[1].subject == .entry(id: 10))
        #expect(targets.first { $0.trackbackID == 11 }?.isDisabled == true)
        #expect(targets.first { $0.trackbackID == 9 }?.passphrase == "sesame")
    }

    @Test("placements, tags and fileinfo URLs come after their entry as its terms and legacy URLs; categories keep their parents")
    func termsAndURLs() {
        let result = readExport(Self.backup)
        #expect(attachments(result, of: .movableTypeEntry(10)).prefix(6) == [
            .legacyURL("http://www.example.com/tea/2009/01/first_brew.html"),
            .legacyURL("http://www.example.com/tea/archives/000010.html"),
            .term(PostTerm(taxonomy: "category", slug: "sencha", name: "Sencha")),
            .term(PostTerm(taxonomy: "category", slug: "green", name: "Green")),
            .term(PostTerm(taxonomy: "post_tag", slug: "oolong", name: "oolong")),
            .term(PostTerm(taxonomy: "post_tag", slug: "milk-tea", name: "Milk Tea")),
        ])
        #expect(result.terms.first { $0.slug == "sencha" }?.parentSlug == "green")
        #expect(result.terms.first { $0.slug == "team" }?.taxonomy == "mt_folder")
        #expect(result.terms.first { $0.slug == "team" }?.parentSlug == "about")
    }

    @Test("a fileinfo row before its entry still becomes one of the entry's URLs")
    func fileInfoBeforeEntry() throws {
        let result = try readDocument(Self.document("""
            <fileinfo blog_id='2' entry_id='4' archive_type='Individual' url='/2020/old.html'/>
            <entry id='4' blog_id='2' status='2' basename='old'/>
            """))
        #expect(result.post("old")?.legacyURLs == ["http://blog.example/2020/old.html"])
    }

    @Test("fileinfo rows waiting for their entries past the memory limit wait on disk and reach their entries at the end; those of no entry are counted")
    func fileInfoBeforeEntryPastTheLimit() throws {
        let limit = MTBackupConverter.earlyURLLimit
        // One URL for each of entries 1 to limit + 3, then entries 1 (held in memory) and
        // limit + 3 (its URL on disk), and a URL holding a newline for it on disk too.
        let rows = (1...limit + 3).map { "<fileinfo blog_id='2' entry_id='\($0)' archive_type='Individual' url='/e/\($0).html'/>" }
        let result = try readDocument(Self.document(rows.joined(separator: "\n") + """

            <fileinfo blog_id='2' entry_id='\(limit + 3)' archive_type='Index' url='/e/two&#10;lines.html'/>
            <entry id='1' blog_id='2' status='2' basename='first'/>
            <entry id='\(limit + 3)' blog_id='2' status='2' basename='last'/>
            """))
        #expect(result.post("first")?.legacyURLs == ["http://blog.example/e/1.html"])
        #expect(result.post("last")?.legacyURLs == [])
        let lastURLs = result.records.compactMap { record -> String? in
            guard case .attachment(.movableTypeEntry(limit + 3), .legacyURL(let url)) = record else { return nil }
            return url
        }
        #expect(lastURLs == ["http://blog.example/e/\(limit + 3).html", "http://blog.example/e/two\nlines.html"])
        let skipped = result.records.compactMap { record -> [String: Int]? in
            if case .skippedElements(let counts) = record { counts } else { nil }
        }.first ?? [:]
        // Entries 2 to limit in memory, limit + 1 and limit + 2 on disk.
        #expect(skipped["fileinfo (entry not in the backup)"] == limit + 1)
        #expect(result.warnings.contains { $0.message == "\(limit + 1) fileinfo URL(s) name entries the backup does not hold; not imported" })
    }

    @Test("elements outside the whitelist are counted by name, and an author's password columns reach no record")
    func skippedAndPasswords() throws {
        let result = readExport(Self.backup)
        let skipped = result.records.compactMap { record -> [String: Int]? in
            if case .skippedElements(let counts) = record { counts } else { nil }
        }.first ?? [:]
        #expect(skipped["template"] == 2)
        #expect(skipped["permission"] == 1)
        #expect(skipped["tbping (to a category)"] == 1)
        let everything = "\(result.records)"
        for secret in ["XyZhashedPasswordBytesQ9", "ApiSecret-K7q2Zx", "AnotherHashValueW3", "tea-kettle-reminder"] {
            #expect(!everything.contains(secret))
        }
        #expect(result.authors.map(\.login).contains("melody"))
        #expect(result.authors.first { $0.login == "melody" }?.displayName == "Melody Nelson")
    }

    @Test("a split backup read through its manifest gives exactly the records of the whole backup")
    func splitBackup() {
        let whole = readExport(Self.backup)
        let split = readExport(Self.manifest)
        #expect(split.error == nil)
        #expect(split.records == whole.records)
    }

    @Test("a manifest naming a file outside its directory is refused with the manifest and line named")
    func hostileManifest() throws {
        let result = try readDocument("""
            <?xml version='1.0'?>
            <manifest xmlns='http://www.sixapart.com/ns/movabletype'>
            <file type='backup' name='../etc/passwd' />
            </manifest>
            """, suffix: ".manifest")
        let error = try #require(result.importError)
        #expect(error.line == 3)
        #expect(error.message.contains("'../etc/passwd'"))
    }

    @Test("a backup that is not well-formed stops with its line, the records before it kept")
    func notWellFormed() throws {
        // Enough entries before the break that libxml2 hands them over before it reaches it.
        let entries = (1...3000).map { "<entry id='\($0)' blog_id='2' status='2' basename='ok\($0)'><text>text</text></entry>" }
        let result = try readDocument(Self.document(entries.joined(separator: "\n") + "\n<entry id='5' blog_id='2' basename='bad'>"))
        #expect(result.post("ok1") != nil)
        let error = try #require(result.importError)
        #expect(error.line > 0)
    }
}
