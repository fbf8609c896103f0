import Testing
import TrackwayFormats

@Suite("Page paths and public statuses as WordPress derives them from wp:post_parent")
struct RedirectPostTreeTests {
    typealias Post = RedirectPostTree.Post

    func post(_ id: String, _ type: String = "page", _ status: String = "publish", slug: String? = nil, parent: String = "0",
              beforeTrash: String = "") -> Post {
        Post(id: id, postType: type, status: status, slug: slug ?? "p\(id)", parentID: parent, statusBeforeTrash: beforeTrash)
    }

    @Test("a page's path is its ancestors' slugs, outermost first; missing or slugless ancestors are left out")
    func parentPaths() {
        let root = post("1", slug: "about")
        let child = post("2", slug: "team", parent: "1")
        let grandchild = post("3", slug: "divers", parent: "2")
        let slugless = post("4", "page", "draft", slug: "", parent: "1")
        let underSlugless = post("5", parent: "4")
        let orphan = post("6", parent: "99")
        let tree = RedirectPostTree(posts: [root, child, grandchild, slugless, underSlugless, orphan])
        #expect(tree.parentPath(of: root) == "")
        #expect(tree.parentPath(of: child) == "about")
        #expect(tree.parentPath(of: grandchild) == "about/team")
        #expect(tree.parentPath(of: underSlugless) == "about")
        #expect(tree.parentPath(of: orphan) == "")
    }

    @Test("a parent chain that loops ends where it would repeat, as get_post_ancestors() stops")
    func loopingParents() {
        let a = post("1", slug: "a", parent: "3")
        let b = post("2", slug: "b", parent: "1")
        let c = post("3", slug: "c", parent: "2")
        let tree = RedirectPostTree(posts: [a, b, c, post("7", slug: "self", parent: "7")])
        #expect(tree.parentPath(of: c) == "a/b")
        #expect(tree.parentPath(of: post("7", slug: "self", parent: "7")) == "")
    }

    @Test("of items sharing an id, the first given (the one WordPress keeps) is the parent")
    func parentIsTheKeptItem() {
        let tree = RedirectPostTree(posts: [post("1", slug: "kept"), post("1", slug: "skipped"), post("2", parent: "1")])
        #expect(tree.parentPath(of: post("2", parent: "1")) == "kept")
    }

    @Test("only published items are public; drafts, pending, private, future, trashed and auto-drafts are not")
    func statuses() {
        let tree = RedirectPostTree(posts: [])
        #expect(tree.isPublic(post("1", "post", "publish")))
        for status in ["draft", "pending", "private", "future", "trash", "auto-draft", "inherit"] {
            #expect(!tree.isPublic(post("1", "post", status)), "\(status) counted as public")
        }
    }

    @Test("an attachment takes its parent's status; unattached, orphaned or under a trashed published parent it is public")
    func attachments() {
        let draft = post("1", "post", "draft")
        let published = post("2", "post", "publish")
        let trashedPublished = post("3", "post", "trash", beforeTrash: "publish")
        let trashedDraft = post("4", "post", "trash", beforeTrash: "draft")
        let tree = RedirectPostTree(posts: [draft, published, trashedPublished, trashedDraft])
        func attachment(_ status: String, parent: String) -> Post { post("40", "attachment", status, parent: parent) }
        #expect(!tree.isPublic(attachment("inherit", parent: "1")))
        #expect(tree.isPublic(attachment("inherit", parent: "2")))
        #expect(tree.isPublic(attachment("inherit", parent: "0")))
        #expect(tree.isPublic(attachment("inherit", parent: "99")))
        #expect(tree.isPublic(attachment("inherit", parent: "3")))
        #expect(!tree.isPublic(attachment("inherit", parent: "4")))
        // An attachment's own status other than private, trash and auto-draft counts as published.
        #expect(tree.isPublic(attachment("draft", parent: "1")))
        #expect(!tree.isPublic(attachment("private", parent: "2")))
    }
}
