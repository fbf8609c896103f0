import Foundation
import Testing
import TrackwayCore
import TrackwayPipeline
import TrackwayStore
import TrackwayTesting

/// Items that share a `wp:post_id` are each kept and written back as they came, so WordPress's
/// importer makes the same choices on an export as on the file; the import says what it would
/// skip, and the gateway resolves an id to the item WordPress keeps.
@Suite("Items sharing a post id")
struct SharedPostIDTests {
    /// One WXR item per line, so an item's line is the line its text is on.
    static func document(_ items: [String]) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel><title>Blog</title><link>http://blog.example</link><wp:wxr_version>1.2</wp:wxr_version>
        <wp:base_site_url>http://blog.example</wp:base_site_url><wp:base_blog_url>http://blog.example</wp:base_blog_url>
        <wp:term><wp:term_taxonomy>nav_menu</wp:term_taxonomy><wp:term_slug>all-pages</wp:term_slug><wp:term_name>All Pages</wp:term_name></wp:term>
        <wp:term><wp:term_taxonomy>nav_menu</wp:term_taxonomy><wp:term_slug>all-pages-flat</wp:term_slug><wp:term_name>All Pages Flat</wp:term_name></wp:term>
        \(items.joined(separator: "\n"))
        </channel>
        </rss>
        """
    }

    static func page(_ id: Int, slug: String) -> String {
        "<item><title>\(slug)</title><link>http://blog.example/\(slug)/</link><guid isPermaLink=\"false\">http://blog.example/?page_id=\(id)</guid>"
            + "<wp:post_id>\(id)</wp:post_id><wp:post_name>\(slug)</wp:post_name><wp:status>publish</wp:status><wp:post_type>page</wp:post_type></item>"
    }

    /// A menu item of `menu` pointing at page `page`, like those of WordPress's theme unit test data.
    static func menuItem(_ id: Int, menu: String, page: Int, title: String = "") -> String {
        "<item><title>\(title)</title><link>http://blog.example/?p=\(id)</link><guid isPermaLink=\"false\">http://blog.example/?p=\(id)</guid>"
            + "<wp:post_id>\(id)</wp:post_id><wp:status>publish</wp:status><wp:post_type>nav_menu_item</wp:post_type>"
            + "<category domain=\"nav_menu\" nicename=\"\(menu)\"><![CDATA[\(menu)]]></category>"
            + "<wp:postmeta><wp:meta_key>_menu_item_object_id</wp:meta_key><wp:meta_value>\(page)</wp:meta_value></wp:postmeta></item>"
    }

    /// Two menus holding the same two menu items (ids 100 and 101) after the pages they point at.
    static let twoMenus = document([
        page(2, slug: "about"), page(3, slug: "contact"),
        menuItem(100, menu: "all-pages", page: 2), menuItem(101, menu: "all-pages", page: 3),
        menuItem(100, menu: "all-pages-flat", page: 2), menuItem(101, menu: "all-pages-flat", page: 3),
    ])

    /// An item without `wp:post_type`, then a page with its id.
    static let typelessThenPage = document([
        "<item><title>No type</title><link>http://blog.example/?p=42</link><guid isPermaLink=\"false\">http://blog.example/?p=42</guid>"
            + "<wp:post_id>42</wp:post_id><wp:post_name>no-type</wp:post_name><wp:status>publish</wp:status></item>",
        page(42, slug: "team"),
    ])

    /// An item's fields as the export holds them, read by plain text search (not by our reader).
    struct ItemFields: Equatable, CustomStringConvertible {
        var postID: String
        var postType: String?
        var title: String
        var menu: String?
        var description: String { "\(postID) \(postType ?? "(no type)") \(title) \(menu ?? "")" }
    }

    /// The `<item>`s of `xml` in order, each with its line (1-based).
    static func items(of xml: String) -> [(line: Int, fields: ItemFields)] {
        var found: [(Int, ItemFields)] = []
        for (index, line) in xml.components(separatedBy: "\n").enumerated() {
            // Exports write an item over many lines: its fields are read up to its end tag.
            guard line.contains("<item>") else { continue }
            let rest = xml.components(separatedBy: "\n").dropFirst(index).joined(separator: "\n")
            guard let end = rest.range(of: "</item>") else { continue }
            let item = String(rest[..<end.upperBound])
            found.append((index + 1, ItemFields(
                postID: text(of: "wp:post_id", in: item) ?? "", postType: text(of: "wp:post_type", in: item),
                title: text(of: "title", in: item) ?? "", menu: attribute("nicename", ofCategoryIn: item)
            )))
        }
        return found
    }

    private static func text(of element: String, in item: String) -> String? {
        guard let start = item.range(of: "<\(element)>"), let end = item.range(of: "</\(element)>", range: start.upperBound..<item.endIndex) else {
            return nil
        }
        let text = item[start.upperBound..<end.lowerBound]
        return String(text.hasPrefix("<![CDATA[") ? text.dropFirst(9).dropLast(3) : text)
    }

    private static func attribute(_ name: String, ofCategoryIn item: String) -> String? {
        guard let category = item.range(of: "<category domain=\"nav_menu\""),
              let start = item.range(of: "\(name)=\"", range: category.upperBound..<item.endIndex),
              let end = item.range(of: "\"", range: start.upperBound..<item.endIndex) else { return nil }
        return String(item[start.upperBound..<end.lowerBound])
    }

    func importing(_ xml: String, name: String, into target: TemporaryStore) throws -> (summary: ImportSummary, warnings: [String]) {
        let report = try ImportRun(inputs: [.bytes(Array(xml.utf8), name: name)]).perform(store: target.store, database: target.path)
        try #require(report.files[0].error == nil, "\(report.files[0].error ?? "")")
        return (report.summary, report.files[0].warnings)
    }

    func export(_ target: TemporaryStore) throws -> String {
        let siteID = try #require(try target.store.sites().first?.id)
        return String(decoding: try WXRExport(store: target.store, siteID: siteID).bytes(), as: UTF8.self)
    }

    @Test("two menus that share menu item ids keep every item, warn of each shared id with its line, and export them in order")
    func twoMenusShareItemIDs() throws {
        let original = Self.items(of: Self.twoMenus)
        let menuItems = original.filter { $0.fields.postType == "nav_menu_item" }
        let target = try TemporaryStore()
        let first = try importing(Self.twoMenus, name: "menus.xml", into: target)

        #expect(first.summary.otherItems == ImportCounts(added: menuItems.count))
        #expect(first.summary.pages == ImportCounts(added: original.count - menuItems.count))
        #expect(first.summary.skippedRecords.isEmpty)
        #expect(try target.store.stats().otherItems == menuItems.count)

        // Each copy in the second menu shares its id with the copy in the first.
        let expected = menuItems.compactMap { item -> String? in
            guard let earlier = menuItems.first(where: { $0.fields.postID == item.fields.postID }), earlier.line != item.line else { return nil }
            return "menus.xml:\(item.line): post \(item.fields.postID): shares post id \(item.fields.postID) with the item at line \(earlier.line); "
                + "both are kept, and WordPress's importer imports this one too"
        }
        #expect(expected.count == 2)
        #expect(first.warnings == expected)

        #expect(Self.items(of: try export(target)).map(\.fields) == original.map(\.fields))

        let again = try importing(Self.twoMenus, name: "menus.xml", into: target)
        #expect(again.summary.otherItems == ImportCounts(unchanged: menuItems.count))
        #expect(again.summary.pages == ImportCounts(unchanged: original.count - menuItems.count))
        #expect(try target.store.stats().otherItems == menuItems.count)
    }

    @Test("an updated file updates only the copy that changed among items sharing an id")
    func updatedCopyOnly() throws {
        let target = try TemporaryStore()
        _ = try importing(Self.twoMenus, name: "menus.xml", into: target)
        let renamed = Self.twoMenus.replacingOccurrences(
            of: Self.menuItem(101, menu: "all-pages-flat", page: 3),
            with: Self.menuItem(101, menu: "all-pages-flat", page: 3, title: "Contact us"))
        #expect(renamed != Self.twoMenus)
        let updated = try importing(renamed, name: "menus.xml", into: target)
        #expect(updated.summary.otherItems == ImportCounts(updated: 1, unchanged: 3))
        #expect(Self.items(of: try export(target)).map(\.fields) == Self.items(of: renamed).map(\.fields))
    }

    @Test("an item without a post type before a page with its id: both kept, the first exported without a type, the id resolving to the page")
    func typelessItemThenPage() async throws {
        let original = Self.items(of: Self.typelessThenPage)
        try #require(original.count == 2)
        let target = try TemporaryStore()
        let first = try importing(Self.typelessThenPage, name: "typeless.xml", into: target)

        #expect(first.summary.pages == ImportCounts(added: 1))
        #expect(first.summary.otherItems == ImportCounts(added: 1))
        #expect(first.summary.posts.total == 0)
        let stats = try target.store.stats()
        #expect((stats.posts, stats.pages, stats.otherItems) == (0, 1, 1))
        #expect(first.warnings == [
            "typeless.xml:\(original[0].line): post 42: WordPress's importer skips it: it has no wp:post_type (\"Invalid post type\")",
            "typeless.xml:\(original[1].line): post 42: shares post id 42 with the item at line \(original[0].line); "
                + "both are kept, and WordPress's importer imports this one too",
        ])

        let exported = Self.items(of: try export(target)).map(\.fields)
        #expect(exported == original.map(\.fields))
        #expect(exported.first?.postType == nil)

        let again = try importing(Self.typelessThenPage, name: "typeless.xml", into: target)
        #expect(again.summary.pages == ImportCounts(unchanged: 1))
        #expect(again.summary.otherItems == ImportCounts(unchanged: 1))

        let repository = try StorePingRepository(path: target.path)
        defer { repository.close() }
        for url in ["http://blog.example/?p=42", "http://blog.example/team/"] {
            let key = try #require(LegacyURLKey(url))
            #expect(try await repository.post(forURLKey: key)?.postType == "page", "\(url)")
        }
        #expect(try await repository.post(sourceID: "42", host: nil)?.postType == "page")
    }

    @Test("a repeated id among posts: WordPress skips the second, which is kept, warned of, and never resolved to")
    func repeatedPostID() async throws {
        let post = { (title: String) in
            "<item><title>\(title)</title><link>http://blog.example/?p=7</link><wp:post_id>7</wp:post_id>"
                + "<wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>"
        }
        let xml = Self.document([post("First"), post("Second")])
        let original = Self.items(of: xml)
        let target = try TemporaryStore()
        let first = try importing(xml, name: "twice.xml", into: target)
        #expect(first.summary.posts == ImportCounts(added: 2))
        #expect(first.warnings == [
            "twice.xml:\(original[1].line): post 7: shares post id 7 with the item at line \(original[0].line); both are kept; "
                + "WordPress's importer skips this one: the item at line \(original[0].line) took post id 7 before it",
        ])
        #expect(Self.items(of: try export(target)).map(\.fields.title) == ["First", "Second"])
        let repository = try StorePingRepository(path: target.path)
        defer { repository.close() }
        #expect(try await repository.post(forURLKey: try #require(LegacyURLKey("http://blog.example/?p=7")))?.title == "First")
    }
}
