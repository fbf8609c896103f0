import Testing
import TrackwayCore
@testable import TrackwayFormats

@Suite("Movable Type quirks")
struct MTQuirksTests {
    let entry = """
    AUTHOR: Ann
    TITLE: Hello
    BASENAME: hello
    STATUS: Publish
    DATE: 03/04/2021 01:02:03 pm
    -----
    BODY:
    First line

    -----\t
    --------\t
    last line
    -----
    --------

    """

    func read(_ text: String, configure: (inout ReadOptions) -> Void = { _ in }) throws -> ReadResult {
        try readDocument(text, suffix: ".txt", configure: configure)
    }

    @Test("LF, CRLF and lone CR files read the same, BOM or not")
    func lineEnds() throws {
        let expected = try #require(try read(entry).posts.first)
        #expect(try read(entry.replacingOccurrences(of: "\n", with: "\r\n")).posts == [expected])
        #expect(try read(entry.replacingOccurrences(of: "\n", with: "\r")).posts == [expected])
        #expect(try readDocument(bytes: [0xEF, 0xBB, 0xBF] + Array(entry.utf8), suffix: ".txt").posts == [expected])
    }

    @Test("a separator followed by one TAB is content without the TAB; blank lines inside a body stay")
    func tabEscape() throws {
        let post = try #require(try read(entry).posts.first)
        #expect(post.content == "First line\n\n-----\n--------\nlast line")
    }

    @Test("lowercase pm counts as PM")
    func lowercasePM() throws {
        #expect(try read(entry).posts.first?.postDate == "2021-03-04 13:02:03")
    }

    @Test("a latin1 file decodes with --charset")
    func latin1() throws {
        let bytes = Array("TITLE: Caf".utf8) + [0xE9] + Array("\n-----\nBODY:\n".utf8) + [0x93, 0x41, 0x94] + Array("\n-----\n--------\n".utf8)
        let latin1 = try readDocument(bytes: bytes, suffix: ".txt") { $0.charset = "ISO-8859-1" }
        #expect(latin1.posts.first?.title == "Café")
        let cp1252 = try readDocument(bytes: bytes, suffix: ".txt") { $0.charset = "windows-1252" }
        #expect(cp1252.posts.first?.content == "\u{201C}A\u{201D}")
        #expect(cp1252.posts.first?.replacedCharacters == 0)
    }

    @Test("invalid UTF-8 in a UTF-8 file becomes U+FFFD, counted per entry")
    func invalidUTF8() throws {
        let bytes = Array("TITLE: Caf".utf8) + [0xE9] + Array("\nBASENAME: a\n-----\nBODY:\nx".utf8) + [0xFF, 0xFE]
            + Array("\n-----\n--------\nTITLE: ok\nBASENAME: b\n--------\n".utf8)
        let result = try readDocument(bytes: bytes, suffix: ".txt")
        #expect(result.posts.map(\.replacedCharacters) == [3, 0])
        #expect(result.posts.first?.title == "Caf\u{FFFD}")
        #expect(result.warnings.map(\.item) == ["entry a"])
        #expect(result.warnings.first?.line == 1)
    }

    @Test("quoted tags keep their commas and spaces")
    func quotedTags() throws {
        let post = try #require(try read("TAGS: \"Movable Type\",foo, 'a,b' , ,bar\n--------\n").posts.first)
        #expect(post.terms.map(\.name) == ["Movable Type", "foo", "a,b", "bar"])
        #expect(post.terms.map(\.slug) == ["movable-type", "foo", "a-b", "bar"])
    }

    @Test("comment and ping headers are read in any order; the body starts at the first other line")
    func headersInAnyOrder() throws {
        let text = """
        TITLE: T
        -----
        COMMENT:
        DATE: 01/02/2003 04:05:06 AM
        URL: http://c.example
          AUTHOR: Bob
        IP: 10.0.0.1
        EMAIL: bob@example.org
          Body line: with a colon
        second
        -----
        PING:
        BLOG NAME: Their blog
        DATE: 01/02/2003 16:05:06
        TITLE: Their post
        IP: 10.0.0.2
        URL: http://p.example/post
        Excerpt
        -----
        --------
        """
        let post = try #require(try read(text).posts.first)
        let comment = post.comments[0]
        #expect(comment.author == "Bob")
        #expect(comment.authorEmail == "bob@example.org")
        #expect(comment.authorURL == "http://c.example")
        #expect(comment.authorIP == "10.0.0.1")
        #expect(comment.date == "2003-01-02 04:05:06")
        #expect(comment.content == "Body line: with a colon\nsecond")
        let ping = post.comments[1]
        #expect(ping.sourceID == "p1")
        #expect(ping.blogName == "Their blog")
        #expect(ping.sourceTitle == "Their post")
        #expect(ping.authorURL == "http://p.example/post")
        #expect(ping.date == "2003-01-02 16:05:06")
        #expect(ping.content == "Excerpt")
    }

    @Test("bad DATE, STATUS and ALLOW PINGS warn with their line and fall back, the entry is kept")
    func badValues() throws {
        let text = "TITLE: T\nDATE: 13/45/2020 10:00:00\nSTATUS: Maybe\nALLOW PINGS: yes\n-----\nBODY:\nb\n-----\n--------\n"
        let result = try read(text)
        let post = try #require(result.posts.first)
        #expect(result.warnings.map(\.line) == [2, 3, 4])
        #expect(result.warnings[0].message.contains("invalid DATE '13/45/2020 10:00:00'"))
        #expect(post.postDate == "")
        #expect(post.sourceFields.contains(MetaEntry(key: "DATE", value: "13/45/2020 10:00:00")))
        #expect(post.status == "draft")
        #expect(post.sourceFields.contains(MetaEntry(key: "STATUS", value: "Maybe")))
        #expect(post.pingStatus == "open")
        #expect(post.content == "b")
    }

    @Test("statuses map to WordPress's vocabulary and ALLOW COMMENTS 2 means closed")
    func statuses() throws {
        let text = ["Draft", "publish", "Review", "Future", "Spam", "Unpublish"].enumerated().map { index, status in
            "BASENAME: e\(index)\nSTATUS: \(status)\nALLOW COMMENTS: 2\n--------"
        }.joined(separator: "\n")
        let posts = try read(text).posts
        #expect(posts.map(\.status) == ["draft", "publish", "pending", "future", "trash", "draft"])
        #expect(posts.allSatisfy { $0.commentStatus == "closed" })
    }

    @Test("an entry without BASENAME gets a stable id from DATE and TITLE")
    func stableID() throws {
        let text = "TITLE: No name\nDATE: 01/01/2020 10:00:00\n--------\nTITLE: Other\n--------\n"
        let first = try read(text).posts.map(\.sourceID)
        #expect(first == (try read(text).posts.map(\.sourceID)))
        #expect(Set(first).count == 2)
        #expect(first.allSatisfy { $0.hasPrefix("mt-") })
    }

    @Test("a file without a final separator still yields its last entry; unknown keys are kept")
    func noFinalSeparator() throws {
        let post = try #require(try read("TITLE: Last\nIMAGE: x.png\nWEIRD KEY: v\n-----\nBODY:\nend").posts.first)
        #expect(post.content == "end")
        #expect(post.sourceFields == [MetaEntry(key: "IMAGE", value: "x.png"), MetaEntry(key: "WEIRD KEY", value: "v")])
    }

    @Test("a line over the cap is cut and reported, and reading goes on")
    func longLine() throws {
        let text = "TITLE: T\n-----\nBODY:\n" + String(repeating: "x", count: 5000) + "\n-----\n--------\nTITLE: Next\n--------\n"
        let file = try TemporaryFile(text, suffix: ".txt")
        let reader = MTExportReader(file: try ExportFile(path: file.path), options: ReadOptions(fileName: "long.txt"), maxLineBytes: 1000)
        var posts: [Post] = []
        var warnings: [ImportWarning] = []
        try reader.read(emit: { if case .post(let post) = $0 { posts.append(post) } }, warn: { warnings.append($0) })
        #expect(posts.map(\.title) == ["T", "Next"])
        #expect(posts.first?.content.count == 1000)
        #expect(warnings.map(\.line) == [4])
    }

    @Test("the site is keyed by the file name without directories and extensions")
    func siteKey() {
        #expect(MTExportReader.baseName("/data/exports/blog.txt.gz") == "blog")
        #expect(MTExportReader.baseName("blog") == "blog")
    }
}
