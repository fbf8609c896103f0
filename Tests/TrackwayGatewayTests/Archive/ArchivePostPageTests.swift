import Foundation
import Testing
import TrackwayCore
import TrackwayTesting

@Suite struct ArchivePostPageTests {
    @Test("a post's page shows its title, date, author, terms, content, threaded comments, then its pings")
    func postPage() async throws {
        let harness = try await GatewayHarness.archive()
        defer { harness.stop() }
        let page = try await harness.get("/2026/03/spring-tides/")
        #expect(page.status == 200)
        let body = page.body
        #expect(body.contains("<html lang=\"en-GB\">"))
        #expect(body.contains("<h1>Spring tides and the north wall</h1>"))
        #expect(body.contains("<time datetime=\"2026-03-16T07:30:00Z\">March 16, 2026</time>"))
        #expect(body.contains("<a href=\"/author/mara/\" rel=\"author\">Mara Quist</a>"))
        #expect(body.contains("<a href=\"/category/boats/\" rel=\"tag\">Boats</a>") && body.contains("<a href=\"/tag/tides/\" rel=\"tag\">tides</a>"))
        // WordPress's paragraphs (wpautop) on WordPress content.
        #expect(body.contains("<p>The equinox tides climbed the north wall.</p>\n<p>Keep your mooring lines long.</p>"))
        // Threads: 102 answers 101 and 103 answers 102; 107 answers a spam comment, so it stands alone.
        let order = ["We lost two fenders.", "Check the lost-and-found box.", "Found them, thanks!", "A reply to the spam.", "Second thread."]
        let positions = order.compactMap { body.range(of: $0)?.lowerBound }
        #expect(positions.count == order.count && positions == positions.sorted())
        #expect(body.components(separatedBy: "<ol class=\"children\">").count == 3)
        #expect(body.contains("<h2>5 comments</h2>"))
        // The pings, after the comments, in their own section.
        let pings = try #require(body.range(of: "<section id=\"pings\""))
        #expect(try #require(body.range(of: "<section id=\"comments\"")).lowerBound < pings.lowerBound)
        let pingSection = String(body[pings.lowerBound...])
        #expect(pingSection.contains("<a href=\"http://coast.example/tides\" rel=\"nofollow ugc\">Tide tables</a>"))
        #expect(pingSection.contains("Trackback from Coast Lights, <time datetime=\"2026-03-16T09:10:00Z\">"))
        #expect(pingSection.contains("Excerpt of Tide tables."))
        #expect(pingSection.contains("<a href=\"http://pier.example/notes\" rel=\"nofollow ugc\">Pier notes</a>"))
        #expect(pingSection.contains("Webmention") && pingSection.contains("A reply elsewhere"))
        #expect(body.contains("<h2>3 trackbacks, pingbacks and webmentions</h2>"))
    }

    @Test("every page sends a policy against inline script and nosniff, and a post's page keeps its discovery headers and markup")
    func headers() async throws {
        let harness = try await GatewayHarness.archive()
        defer { harness.stop() }
        for path in ["/2026/03/spring-tides/", "/", "/category/boats/", "/trackway/style.css", "/2001/01/nothing/"] {
            let page = try await harness.get(path)
            let policy = try #require(GatewayHarness.header("Content-Security-Policy", in: page.headers), "\(path)")
            #expect(policy.contains("script-src 'none'") && !policy.contains("unsafe-inline"), "\(path)")
            #expect(GatewayHarness.header("X-Content-Type-Options", in: page.headers) == "nosniff", "\(path)")
        }
        for path in ["/2026/03/spring-tides/", "/?p=10", "/2026/03/spring-tides/trackback/"] {
            let page = try await harness.get(path)
            #expect(page.status == 200 && page.body.contains("<h1>Spring tides and the north wall</h1>"), "\(path)")
            #expect(GatewayHarness.header("X-Pingback", in: page.headers) == harness.base + "/xmlrpc.php")
            #expect(page.body.contains("<link rel=\"pingback\" href=\"\(harness.base)/xmlrpc.php\" />"))
            #expect(page.body.contains("trackback:ping=\"\(harness.base)/2026/03/spring-tides/trackback/\""))
        }
    }

    @Test("a page shows without post metadata, and an attachment shows its image inline with a link to its post")
    func pageAndAttachment() async throws {
        let harness = try await GatewayHarness.archive()
        defer { harness.stop() }
        let about = try await harness.get("/about/")
        #expect(about.status == 200 && about.body.contains("<h1>About</h1>") && !about.body.contains("Posted on"))
        let photo = try await harness.get("/2026/03/spring-tides/harbour-photo/")
        #expect(photo.status == 200)
        #expect(photo.body.contains("<img src=\"http://archive.example/wp-content/uploads/harbour.jpg\" alt=\"Harbour photo\"/>"))
        #expect(photo.body.contains("Attached to <a href=\"/2026/03/spring-tides/\">Spring tides and the north wall</a>"))
    }

    @Test("a password-protected post shows its title and a notice, never its content or comments")
    func passwordProtected() async throws {
        let harness = try await GatewayHarness.archive()
        defer { harness.stop() }
        let page = try await harness.get("/2026/01/locked/")
        #expect(page.status == 200 && page.body.contains("<h1>Locked notes</h1>"))
        #expect(page.body.contains("This content is password protected."))
        #expect(!page.body.contains("password-only text") && !page.body.contains("password comment text"))
        #expect(!page.body.contains("id=\"comments\""))
    }

    @Test("a post with more than 50 threads pages them at WordPress's comment-page-N/")
    func commentPages() async throws {
        var post = Post(sourceID: "30")
        post.title = "Busy post"
        post.link = ArchiveSample.url("/2026/05/busy/")
        post.postDate = "2026-05-01 10:00:00"
        post.postDateGMT = post.postDate
        post.comments = (1...51).map { number in
            var comment = Comment(sourceID: "c\(number)")
            comment.author = "Reader \(number)"
            comment.content = "Thread number \(number)."
            return comment
        }
        let harness = try await GatewayHarness.archive([ImportRecord.post(post)])
        defer { harness.stop() }
        let first = try await harness.get("/2026/05/busy/")
        #expect(first.body.contains("Thread number 50.") && !first.body.contains("Thread number 51."))
        #expect(first.body.contains("<a rel=\"next\" href=\"/2026/05/busy/comment-page-2/\">"))
        let second = try await harness.get("/2026/05/busy/comment-page-2/")
        #expect(second.status == 200 && second.body.contains("Thread number 51.") && !second.body.contains("Thread number 50."))
        #expect(try await harness.get("/2026/05/busy/comment-page-3/").status == 404)
    }
}

@Suite struct ArchiveMovableTypeTests {
    @Test("a Movable Type entry gets convert_breaks paragraphs unless it said CONVERT BREAKS: 0, its extended body after its body")
    func convertBreaks() async throws {
        var site = Site(sourceKey: "mt:log", format: .movableType)
        site.title = "Lighthouse Log"
        func entry(_ id: String, convert: String) -> Post {
            var post = Post(sourceID: id)
            post.title = "Entry \(id)"
            post.postDate = "2004-11-0\(id) 21:00:00"
            post.legacyURLs = ["http://lighthouse.example/archives/2004/11/entry_\(id).html"]
            post.content = "Lamp lit\nat dusk\n\nFog at four"
            post.sourceFields = [MetaEntry(key: "CONVERT BREAKS", value: convert), MetaEntry(key: "EXTENDED BODY", value: "More\n\nafter")]
            return post
        }
        let harness = try await GatewayHarness(records: [.site(site), .post(entry("1", convert: "__default__")), .post(entry("2", convert: "0"))])
        defer { harness.stop() }
        let converted = try await harness.get("/archives/2004/11/entry_1.html")
        #expect(converted.status == 200 && converted.body.contains("<h1>Entry 1</h1>"))
        #expect(converted.body.contains("<p>Lamp lit<br />\nat dusk</p>\n\n<p>Fog at four</p>\n<p>More</p>\n\n<p>after</p>"))
        let plain = try await harness.get("/archives/2004/11/entry_2.html")
        #expect(plain.body.contains("<div class=\"entry-content\">Lamp lit\nat dusk\n\nFog at four\nMore\n\nafter</div>"))
    }
}

@Suite struct ArchivePingDisplayTests {
    @Test("a trackback in WordPress's stored form shows its title, blog name and excerpt apart, imported or received")
    func trackbackForms() async throws {
        var post = Post(sourceID: "40")
        post.title = "Cited post"
        post.link = ArchiveSample.url("/2026/06/cited/")
        post.postDate = "2026-06-01 10:00:00"
        var imported = Comment(sourceID: "401")
        imported.commentType = "trackback"
        imported.author = "Tidewatch Weekly"
        imported.authorURL = "http://tidewatch.example/roundup/"
        imported.content = "<strong>Weekly tide roundup</strong>\n\nNotes on the equinox tides."
        post.comments = [imported]
        let harness = try await GatewayHarness.archive([ImportRecord.post(post)])
        defer { harness.stop() }
        let page = try await harness.get("/2026/06/cited/")
        #expect(page.body.contains("rel=\"nofollow ugc\">Weekly tide roundup</a>"))
        #expect(page.body.contains("Trackback from Tidewatch Weekly, <time"))
        #expect(page.body.contains("<p>Notes on the equinox tides.</p>") && !page.body.contains("<p>Weekly tide roundup"))

        let source = try harness.page("citing.html", "<html><title>Citing</title><a href=\"\(ArchiveSample.url("/2026/06/cited/"))\">cited</a></html>")
        let answer = try await harness.trackback("/2026/06/cited/trackback/", "url=\(source)&title=Harbour+digest&blog_name=Digest+Blog&excerpt=A+week+of+tides.")
        #expect(answer.body.contains("<error>0</error>"))
        var shown = page
        for _ in 0..<50 where !shown.body.contains("Harbour digest") {
            try await Task.sleep(for: .milliseconds(100))
            shown = try await harness.get("/2026/06/cited/")
        }
        #expect(shown.body.contains("rel=\"nofollow ugc\">Harbour digest</a>"))
        #expect(shown.body.contains("Trackback from Digest Blog, <time"))
        #expect(shown.body.contains("<p>A week of tides.</p>") && !shown.body.contains("<p>Harbour digest"))
    }
}

@Suite struct ArchiveHostileExportTests {
    @Test("an export's own addresses reach a page only as http or https links: a javascript: permalink or file is left out")
    func hostileAddresses() async throws {
        var post = Post(sourceID: "50")
        post.title = "Odd permalink"
        post.link = "javascript:alert(1)//"
        post.guid = ArchiveSample.url("/?p=50")
        post.postDate = "2026-06-02 10:00:00"
        var file = Post(sourceID: "51")
        file.title = "Odd file"
        file.postType = "attachment"
        file.status = "inherit"
        file.guid = ArchiveSample.url("/?attachment_id=51")
        file.attachmentURL = "javascript:alert(2)//x.png"
        let harness = try await GatewayHarness.archive([ImportRecord.post(post), .post(file)])
        defer { harness.stop() }
        let page = try await harness.get("/?p=50")
        #expect(page.status == 200 && page.body.contains("<h1>Odd permalink</h1>"))
        #expect(!page.body.lowercased().contains("javascript:"))
        let attachment = try await harness.get("/?attachment_id=51")
        #expect(attachment.status == 200 && attachment.body.contains("<h1>Odd file</h1>"))
        #expect(!attachment.body.lowercased().contains("javascript:"))
        #expect(!(try await harness.get("/").body.lowercased().contains("javascript:")))
    }
}
