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

    /// Where each post id was met: the line of its first item, and of the item that took it in
    /// WordPress's `processed_posts` (0 while none did). One entry an id, as the store keeps.
    private var ids: [String: IDLines] = [:]
    /// Unregistered post types already reported (at their first item: a plugin's type fills a file).
    private var reportedTypes: Set<String> = []

    private struct IDLines {
        var first: Int
        var processed = 0
    }

    /// What WordPress's importer does with one item.
    private enum Verdict {
        case imports
        case skips(because: String)
        /// Skipped for a reason already told (an unregistered type met before).
        case skipsAsBefore
    }

    /// What to tell about the item `post` read at `line`, or nil when WordPress imports it and
    /// it shares its id with no earlier item.
    mutating func note(for post: Post, hasPostID: Bool, line: Int) -> String? {
        // WordPress compares ids as integers (`intval`), and an item without one has id 0.
        let id = hasPostID ? Int(post.sourceID).map(String.init) ?? post.sourceID : ""
        guard !id.isEmpty && id != "0" else { return Self.note(shared: nil, verdict(of: post, takenAt: 0)) }
        let seen = ids[id]
        let verdict = verdict(of: post, takenAt: seen?.processed ?? 0)
        let takesID = if case .imports = verdict { post.postType != "nav_menu_item" } else { false }
        guard let seen else {
            ids[id] = IDLines(first: line, processed: takesID ? line : 0)
            return Self.note(shared: nil, verdict)
        }
        if takesID && seen.processed == 0 { ids[id]?.processed = line }
        return Self.note(shared: "shares post id \(post.sourceID) with the item at line \(seen.first); both are kept", verdict)
    }

    /// Whether WordPress imports `post`, given the line of the item that took its id (0 for none).
    private mutating func verdict(of post: Post, takenAt taken: Int) -> Verdict {
        if post.postType.isEmpty {
            return .skips(because: "it has no wp:post_type (\"Invalid post type\")")
        }
        if !Self.registeredPostTypes.contains(post.postType) {
            guard reportedTypes.insert(post.postType).inserted else { return .skipsAsBefore }
            return .skips(because: "post type \(post.postType) is not registered (\"Invalid post type\") unless a plugin "
                + "registers it; the same holds for every item of that type")
        }
        if taken > 0 { return .skips(because: "the item at line \(taken) took post id \(post.sourceID) before it") }
        if post.status == "auto-draft" { return .skips(because: "its status is auto-draft") }
        return .imports
    }

    private static func note(shared: String?, _ verdict: Verdict) -> String? {
        switch (shared, verdict) {
        case (nil, .imports), (nil, .skipsAsBefore): nil
        case (let shared?, .imports): "\(shared), and WordPress's importer imports this one too"
        case (let shared?, .skipsAsBefore): "\(shared); WordPress's importer skips this one too"
        case (nil, .skips(let reason)): "WordPress's importer skips it: \(reason)"
        case (let shared?, .skips(let reason)): "\(shared); WordPress's importer skips this one: \(reason)"
        }
    }
}
