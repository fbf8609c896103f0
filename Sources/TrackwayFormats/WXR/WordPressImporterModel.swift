import TrackwayCore

/// What WordPress's importer (0.9.5, `process_posts`) does with each item of a file, so that an
/// import can say, item by item, what WordPress would skip and which items share a post id.
///
/// Trackway keeps every item; an export writes them back as they came, so WordPress makes the
/// same choices on the export as on the file. WordPress takes the items in file order and
/// skips one when, in this order:
/// 1. its post type is not registered (`! post_type_exists()`: "Invalid post type");
/// 2. its post id is in `processed_posts` (and not 0);
/// 3. its status is `auto-draft`.
/// A `nav_menu_item` then goes to `process_menu_item`, which never records its id; any other
/// item records its id in `processed_posts`, so a later item with that id is skipped.
///
/// ```swift
/// var model = WordPressImporterModel()
/// model.note(for: post, hasPostID: true, line: 12)  // nil, or "WordPress's importer skips it: …"
/// ```
struct WordPressImporterModel {
    /// The post types WordPress 6.1 registers itself; others need the plugin that registers them.
    static let registeredPostTypes: Set<String> = [
        "post", "page", "attachment", "revision", "nav_menu_item", "custom_css", "customize_changeset",
        "oembed_cache", "user_request", "wp_block", "wp_template", "wp_template_part",
        "wp_global_styles", "wp_navigation",
    ]

    /// The line of the first item with each post id.
    private var firstLines: [String: Int] = [:]
    /// WordPress's `processed_posts`: the ids its post path took, with the line of the item.
    private var processedLines: [String: Int] = [:]
    /// Unregistered post types already reported (at their first item: a plugin's type fills a file).
    private var reportedTypes: Set<String> = []

    /// What to tell about the item `post` read at `line`, or nil when WordPress imports it and
    /// it shares its id with no earlier item.
    mutating func note(for post: Post, hasPostID: Bool, line: Int) -> String? {
        // WordPress compares ids as integers (`intval`), and an item without one has id 0.
        let id = hasPostID ? Int(post.sourceID).map(String.init) ?? post.sourceID : ""
        let countsAsID = !id.isEmpty && id != "0"
        var shared: String?
        if countsAsID {
            if let first = firstLines[id] {
                shared = "shares post id \(post.sourceID) with the item at line \(first); both are kept"
            } else {
                firstLines[id] = line
            }
        }
        let skip: String?
        if post.postType.isEmpty {
            skip = "it has no wp:post_type (\"Invalid post type\")"
        } else if !Self.registeredPostTypes.contains(post.postType) {
            guard reportedTypes.insert(post.postType).inserted else { return shared }
            skip = "post type \(post.postType) is not registered (\"Invalid post type\") unless a plugin registers it; "
                + "the same holds for every item of that type"
        } else if countsAsID, let taken = processedLines[id] {
            skip = "the item at line \(taken) took post id \(post.sourceID) before it"
        } else if post.status == "auto-draft" {
            skip = "its status is auto-draft"
        } else {
            skip = nil
            if post.postType != "nav_menu_item" && countsAsID { processedLines[id] = line }
        }
        switch (shared, skip) {
        case (nil, nil): return nil
        case (let shared?, nil): return "\(shared), and WordPress's importer imports this one too"
        case (nil, let skip?): return "WordPress's importer skips it: \(skip)"
        case (let shared?, let skip?): return "\(shared); WordPress's importer skips this one: \(skip)"
        }
    }
}
