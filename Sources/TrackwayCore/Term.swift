/// A category, tag or other taxonomy term declared at channel level.
///
/// Identity within a site is the (taxonomy, slug) pair: WordPress repeats categories and tags as
/// `wp:term` in some exports, and those collapse to one term.
public struct Term: Sendable, Equatable, Codable {
    public var sourceID: Int?
    /// `category`, `post_tag`, `nav_menu`, `post_format` or any custom taxonomy.
    public var taxonomy: String
    public var slug: String
    public var name: String = ""
    /// The parent's slug, empty for a top-level term.
    public var parentSlug: String = ""
    public var description: String = ""
    public var meta: [MetaEntry] = []

    public init(taxonomy: String, slug: String) {
        self.taxonomy = taxonomy
        self.slug = slug
    }
}

/// A term attached to a post: `<category domain="…" nicename="…">name</category>`.
public struct PostTerm: Sendable, Equatable, Codable {
    /// The taxonomy (`domain` attribute); WXR 1.0's `tag` is normalised to `post_tag`.
    public var taxonomy: String
    public var slug: String
    public var name: String

    public init(taxonomy: String, slug: String, name: String) {
        self.taxonomy = taxonomy
        self.slug = slug
        self.name = name
    }
}
