import Foundation
import Testing
import TrackwayTesting

@Suite("trackway redirects, run on an imported sample as a user runs it")
struct RedirectsCommandTests {
    let sample = CommandLineHarness.repositoryRoot.appendingPathComponent("Samples/harbour-notes.wordpress.xml")
    /// Each test's own, removed with the suite instance when the test ends.
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
    }

    /// Reads the sample with Python's ElementTree, not with Trackway: each item's URLs (link, guid,
    /// then `?p=ID` or `?page_id=ID` under the blog URL and channel link, where WordPress also
    /// answered, then the attachment file), keeping the first of each server path and query.
    static let readItems = """
    import json, sys, urllib.parse, xml.etree.ElementTree as ET
    wp = "{http://wordpress.org/export/1.2/}"
    channel = ET.parse(sys.argv[1]).getroot().find("channel")
    bases = [channel.findtext(wp + "base_blog_url") or channel.findtext(wp + "base_site_url"), channel.findtext("link")]
    seen, items = set(), []
    for item in channel.iter("item"):
        kind = "page_id" if item.findtext(wp + "post_type") == "page" else "p"
        post_id = item.findtext(wp + "post_id")
        urls = [item.findtext("link"), item.findtext("guid")]
        urls += [b.rstrip("/") + "/?" + kind + "=" + post_id for b in bases if b]
        urls.append(item.findtext(wp + "attachment_url"))
        kept = []
        for url in filter(None, urls):
            parts = urllib.parse.urlsplit(url)
            key = ((parts.path.rstrip("/") or "/"), parts.query)
            if key not in seen:
                seen.add(key)
                kept.append(url)
        items.append({"urls": kept, "type": item.findtext(wp + "post_type"),
                      "slug": item.findtext(wp + "post_name"), "date": item.findtext(wp + "post_date")})
    print(json.dumps(items))
    """

    struct Item {
        var urls: [String]
        var type: String
        var slug: String
        var date: String
    }

    func items() throws -> [Item] {
        let result = try ChildProcess.tool("python3", ["-c", Self.readItems, sample.path])
        try #require(result.status == 0, "python failed: \(result.stderr)")
        let list = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        return list.map { Item(urls: $0["urls"] as? [String] ?? [], type: $0["type"] as? String ?? "",
                               slug: $0["slug"] as? String ?? "", date: $0["date"] as? String ?? "") }
    }

    func importedSample() throws -> URL {
        let db = directory.file("harbour.sqlite")
        let result = try CommandLineHarness.trackway(["import", "--db", db.path, sample.path])
        try #require(result.status == 0, "import failed: \(result.stderr)")
        return db
    }

    /// The path and query of `url`, as a server sees it.
    func pathAndQuery(_ url: String) throws -> String {
        let components = try #require(URLComponents(string: url))
        let path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        return components.percentEncodedQuery.map { path + "?" + $0 } ?? path
    }

    @Test("csv lists every URL of every item of the sample, in item order, under the new base")
    func csvCoversTheSample() throws {
        let db = try importedSample()
        let result = try CommandLineHarness.trackway(["redirects", "--db", db.path, "--new-base", "https://new.example", "--format", "csv"])
        #expect(result.status == 0, "redirects failed: \(result.stderr)")
        var expected = ["old_url,new_url"]
        for item in try items() {
            for url in item.urls { expected.append("\(url),https://new.example\(try pathAndQuery(url))") }
        }
        let lines = result.stdout.split(separator: "\r\n").map(String.init)
        #expect(lines == expected)
    }

    @Test("nginx has an exact location for each permalink and a map entry for each ?p= guid")
    func nginxCoversTheSample() throws {
        let db = try importedSample()
        let result = try CommandLineHarness.trackway(["redirects", "--db", db.path, "--new-base", "https://new.example"])
        #expect(result.status == 0, "redirects failed: \(result.stderr)")
        let lines = Set(result.stdout.split(separator: "\n").map(String.init))
        for item in try items() {
            for url in item.urls {
                let target = "https://new.example" + (try pathAndQuery(url))
                let components = try #require(URLComponents(string: url))
                if let query = components.percentEncodedQuery {
                    #expect(lines.contains("    \"~^/\\\\?\(query)$\" \(target);"), "no map entry for \(url)")
                } else {
                    #expect(lines.contains("location = \(components.percentEncodedPath) { return 301 \(target); }"), "no location for \(url)")
                }
            }
        }
        #expect(lines.contains("if ($trackway_redirect) { return 301 $trackway_redirect; }"))
    }

    @Test("with a permalink pattern, posts move to their date and slug and pages to /slug/")
    func patternMovesPosts() throws {
        let db = try importedSample()
        let result = try CommandLineHarness.trackway(["redirects", "--db", db.path, "--new-base", "https://new.example",
                                                      "--format", "csv", "--pattern", "/%year%/%monthnum%/%day%/%postname%/"])
        #expect(result.status == 0, "redirects failed: \(result.stderr)")
        let rows = Dictionary(result.stdout.split(separator: "\r\n").dropFirst().map { line -> (String, String) in
            let fields = line.split(separator: ",", maxSplits: 1).map(String.init)
            return (fields[0], fields.count > 1 ? fields[1] : "")
        }, uniquingKeysWith: { first, _ in first })
        for item in try items() where item.type == "post" || item.type == "page" {
            let date = item.date.prefix(10).replacingOccurrences(of: "-", with: "/")
            let expected = item.type == "page" ? "https://new.example/\(item.slug)/" : "https://new.example/\(date)/\(item.slug)/"
            for url in item.urls {
                #expect(rows[url] == expected, "\(url) went to \(rows[url] ?? "nowhere")")
            }
        }
    }

    @Test("an unknown pattern tag is one line on stderr and a non-zero exit")
    func unknownTagFails() throws {
        let db = try importedSample()
        let result = try CommandLineHarness.trackway(["redirects", "--db", db.path, "--new-base", "https://new.example", "--pattern", "/%slug%/"])
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains("%slug%"))
    }
}
