import Testing
import TrackwayCore
@testable import TrackwayFormats

/// The warnings that say, item by item, what WordPress's importer (0.9.5) does with a file.
@Suite("What WordPress's importer would skip")
struct WordPressImporterModelTests {
    static func item(_ id: String, type: String, status: String = "publish") -> Post {
        var post = Post(sourceID: id)
        post.postType = type
        post.status = status
        return post
    }

    @Test("a menu item after a page with its id is skipped, as WordPress records the page's id first")
    func menuItemAfterPage() {
        var model = WordPressImporterModel()
        #expect(model.note(for: Self.item("5", type: "page"), hasPostID: true, line: 3) == nil)
        #expect(model.note(for: Self.item("5", type: "nav_menu_item"), hasPostID: true, line: 4)
            == "shares post id 5 with the item at line 3; both are kept; WordPress's importer skips this one: the item at line 3 took post id 5 before it")
    }

    @Test("a page after a menu item with its id is imported, as a menu item records no id")
    func pageAfterMenuItem() {
        var model = WordPressImporterModel()
        #expect(model.note(for: Self.item("5", type: "nav_menu_item"), hasPostID: true, line: 3) == nil)
        #expect(model.note(for: Self.item("5", type: "page"), hasPostID: true, line: 4)
            == "shares post id 5 with the item at line 3; both are kept, and WordPress's importer imports this one too")
    }

    @Test("an auto-draft is skipped and takes no id; an unregistered type is told at its first item only")
    func autoDraftAndUnregisteredTypes() {
        var model = WordPressImporterModel()
        #expect(model.note(for: Self.item("1", type: "post", status: "auto-draft"), hasPostID: true, line: 2)
            == "WordPress's importer skips it: its status is auto-draft")
        #expect(model.note(for: Self.item("1", type: "post"), hasPostID: true, line: 3)
            == "shares post id 1 with the item at line 2; both are kept, and WordPress's importer imports this one too")
        let product = "WordPress's importer skips it: post type product is not registered (\"Invalid post type\") unless a plugin registers it; "
            + "the same holds for every item of that type"
        #expect(model.note(for: Self.item("2", type: "product"), hasPostID: true, line: 4) == product)
        #expect(model.note(for: Self.item("3", type: "product"), hasPostID: true, line: 5) == nil)
    }

    @Test("items without a post id never share one: WordPress reads their id as 0")
    func noPostID() {
        var model = WordPressImporterModel()
        #expect(model.note(for: Self.item("item-1", type: "post"), hasPostID: false, line: 2) == nil)
        #expect(model.note(for: Self.item("item-2", type: "post"), hasPostID: false, line: 3) == nil)
        #expect(model.note(for: Self.item("0", type: "post"), hasPostID: true, line: 4) == nil)
        #expect(model.note(for: Self.item("0", type: "post"), hasPostID: true, line: 5) == nil)
    }
}
