/// A site's items by WordPress post id, as WordPress holds them after import: what a page's
/// permalink path and an item's public status are derived from, through `wp:post_parent`.
///
/// ```swift
/// let about = RedirectPostTree.Post(id: "20", postType: "page", status: "publish", slug: "about", parentID: "0")
/// let team = RedirectPostTree.Post(id: "21", postType: "page", status: "publish", slug: "team", parentID: "20")
/// let tree = RedirectPostTree(posts: [about, team])
/// tree.parentPath(of: team)   // "about"
/// tree.isPublic(team)         // true
/// ```
public struct RedirectPostTree: Sendable {
    /// One item's fields that WordPress's permalink and status rules read.
    public struct Post: Sendable, Equatable {
        /// `wp:post_id`.
        public var id: String
        public var postType: String
        /// `wp:status`.
        public var status: String
        /// `wp:post_name`.
        public var slug: String
        /// `wp:post_parent`; `0` or empty for none.
        public var parentID: String
        /// The status a trashed item had before (its `_wp_trash_meta_status`); empty when unknown.
        public var statusBeforeTrash: String

        public init(id: String, postType: String, status: String, slug: String, parentID: String, statusBeforeTrash: String = "") {
            self.id = id
            self.postType = postType
            self.status = status
            self.slug = slug
            self.parentID = parentID
            self.statusBeforeTrash = statusBeforeTrash
        }
    }

    private let byID: [String: Post]

    /// `posts` in the order WordPress keeps items sharing an id: the first with an id holds it,
    /// as WordPress's importer maps `wp:post_parent` to the item that took the id.
    public init(posts: [Post]) {
        var byID: [String: Post] = [:]
        for post in posts where byID[post.id] == nil { byID[post.id] = post }
        self.byID = byID
    }

    /// The slugs of the item's ancestors, outermost first, joined by `/`; empty for a top-level
    /// item. WordPress's `get_page_uri()`: the ancestors of `get_post_ancestors()` (the parent
    /// chain, stopping at a loop back to the item or to an ancestor already seen), each that
    /// exists and has a slug.
    public func parentPath(of post: Post) -> String {
        var ancestors: [String] = []
        var next = post.parentID
        while Self.isParent(next), next != post.id, !ancestors.contains(next) {
            ancestors.append(next)
            guard let ancestor = byID[next] else { break }
            next = ancestor.parentID
        }
        return ancestors.reversed().compactMap { id in byID[id].flatMap { $0.slug.isEmpty ? nil : $0.slug } }
            .joined(separator: "/")
    }

    /// Whether WordPress serves the item to everyone: its status as `get_post_status()` gives
    /// it is `publish`. An attachment with `inherit` takes its parent's status (an unattached
    /// one, or one whose parent is missing, is published; a trashed parent counts with the
    /// status it had before); any other attachment status than private, trash and auto-draft
    /// counts as published. Drafts, pending, private, future and trashed items are not public.
    public func isPublic(_ post: Post) -> Bool {
        status(of: post, seen: []) == "publish"
    }

    private func status(of post: Post, seen: Set<String>) -> String {
        guard post.postType == "attachment" else { return post.status }
        guard post.status == "inherit" else {
            return ["private", "trash", "auto-draft"].contains(post.status) ? post.status : "publish"
        }
        // A parent chain that loops back is cut where it would repeat, as an unattached item.
        guard Self.isParent(post.parentID), post.parentID != post.id, !seen.contains(post.parentID),
              let parent = byID[post.parentID] else { return "publish" }
        let parentStatus = status(of: parent, seen: seen.union([post.id]))
        guard parentStatus == "trash" else { return parentStatus }
        return parent.statusBeforeTrash.isEmpty ? "publish" : parent.statusBeforeTrash
    }

    private static func isParent(_ id: String) -> Bool {
        !id.isEmpty && id != "0"
    }
}
